export * from './access.module';
export * from './access.policy';
export * from './access.table';
export * from './roles';
export * from './messaging-policy';
