export * from './contacts';
export * from './directory-errors';
export * from './directory.module';
export * from './directory.queries';
export * from './entities';
