import { DomainError } from '@app/platform/errors';

/** Codes of the institution endpoints that `DirectoryErrorCode` does not already have. */
export enum InstitutionErrorCode {
  CLOSURE_NOT_FOUND = 'CLOSURE_NOT_FOUND',
  CLOSURE_TOO_LONG = 'CLOSURE_TOO_LONG',
}

export const institutionError = {
  closureNotFound: () => new DomainError('not_found', InstitutionErrorCode.CLOSURE_NOT_FOUND, 'Closure not found'),
  closureTooLong: (maxDays: number) =>
    new DomainError('invalid', InstitutionErrorCode.CLOSURE_TOO_LONG, `A closure may last at most ${maxDays} days`, [
      { field: 'to', issue: `at most ${maxDays} days after from` },
    ]),
};
