import { DomainError } from '@app/platform/errors';

export enum AuthErrorCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  SESSION_REVOKED = 'SESSION_REVOKED',
  INVALID_REFRESH_TOKEN = 'INVALID_REFRESH_TOKEN',
  REFRESH_TOKEN_REUSED = 'REFRESH_TOKEN_REUSED',
  PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  WRONG_CURRENT_PASSWORD = 'WRONG_CURRENT_PASSWORD',
  PASSWORD_REUSED = 'PASSWORD_REUSED',
}

export const authError = {
  invalidCredentials: () =>
    new DomainError('unauthenticated', AuthErrorCode.INVALID_CREDENTIALS, 'Wrong username or password'),
  unauthenticated: (message = 'Sign in first') => new DomainError('unauthenticated', AuthErrorCode.UNAUTHENTICATED, message),
  sessionRevoked: () =>
    new DomainError('unauthenticated', AuthErrorCode.SESSION_REVOKED, 'This session has ended; sign in again'),
  passwordChangeRequired: () =>
    new DomainError('forbidden', AuthErrorCode.PASSWORD_CHANGE_REQUIRED, 'Change the issued password first (POST /auth/password)'),
  tooManyAttempts: (retryAfterSeconds: number) =>
    new DomainError(
      'too_many',
      AuthErrorCode.TOO_MANY_ATTEMPTS,
      `Too many failed sign-in attempts; try again in ${retryAfterSeconds} s`,
      [{ retryAfterSeconds }],
      { 'Retry-After': String(retryAfterSeconds) },
    ),
};
