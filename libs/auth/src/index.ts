export * from './actor';
export * from './auth-errors';
export * from './auth.module';
export * from './auth.service';
export * from './guard/auth.decorators';
export * from './passwords/password.service';
export * from './session-events';
