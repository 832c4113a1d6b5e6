export * from './entities';
export * from './orm-config';
export * from './persistence.module';
export * from './migrate';
