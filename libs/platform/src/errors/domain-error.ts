/**
 * What went wrong, in the domain's words. Services throw these (never HttpException) so the
 * same service can be called from HTTP, sockets and jobs; each transport maps `kind` to its
 * own status (see `http/error.filter.ts`).
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'too_many'
  | 'unavailable';

export interface ErrorDetail {
  field?: string;
  issue?: string;
  [key: string]: unknown;
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    /** Extra response headers a transport may honour (e.g. Retry-After). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, code = 'NOT_FOUND') => new DomainError('not_found', code, `${what} not found`);
export const forbidden = (message = 'You may not do this', code = 'FORBIDDEN') =>
  new DomainError('forbidden', code, message);
export const conflict = (code: string, message: string, details?: ErrorDetail[]) =>
  new DomainError('conflict', code, message, details);
export const invalid = (code: string, message: string, details?: ErrorDetail[]) =>
  new DomainError('invalid', code, message, details);
