export * from './mark-scales';
export * from './entities';
export * from './journal-days';
export * from './attendance-errors';
