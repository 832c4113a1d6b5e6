export * from './meal-calendar';
export * from './meal-cutoffs';
export * from './institution-rules';
export * from './entities';
export * from './meal-counts';
