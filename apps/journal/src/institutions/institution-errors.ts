import { DomainError } from '@app/platform/errors';

/** Codes of the institution endpoints that `DirectoryErrorCode` does not already have. */
export enum InstitutionErrorCode {
  CLOSURE_NOT_FOUND = 'CLOSURE_NOT_FOUND',
  CLOSURE_TOO_LONG = 'CLOSURE_TOO_LONG',
  MODERATION_TOO_MANY_TERMS = 'MODERATION_TOO_MANY_TERMS',
  MODERATION_TERM_EMPTY = 'MODERATION_TERM_EMPTY',
  MODERATION_TERM_TOO_LONG = 'MODERATION_TERM_TOO_LONG',
  MODERATION_TERM_INVALID = 'MODERATION_TERM_INVALID',
  MODERATION_TERM_DUPLICATE = 'MODERATION_TERM_DUPLICATE',
  MODERATION_TERM_IN_BOTH_LISTS = 'MODERATION_TERM_IN_BOTH_LISTS',
  MODERATION_TERM_NOT_ALLOWABLE = 'MODERATION_TERM_NOT_ALLOWABLE',
}

const termError = (code: InstitutionErrorCode, field: string, message: string, issue: string) =>
  new DomainError('invalid', code, message, [{ field, issue }]);

export const institutionError = {
  closureNotFound: () => new DomainError('not_found', InstitutionErrorCode.CLOSURE_NOT_FOUND, 'Closure not found'),
  closureTooLong: (maxDays: number) =>
    new DomainError('invalid', InstitutionErrorCode.CLOSURE_TOO_LONG, `A closure may last at most ${maxDays} days`, [
      { field: 'to', issue: `at most ${maxDays} days after from` },
    ]),
  tooManyTerms: (field: string, max: number) =>
    termError(InstitutionErrorCode.MODERATION_TOO_MANY_TERMS, field, `A moderation list holds at most ${max} terms`, `at most ${max} terms`),
  termEmpty: (field: string) => termError(InstitutionErrorCode.MODERATION_TERM_EMPTY, field, 'A moderation term may not be empty', 'empty'),
  termTooLong: (field: string, max: number) =>
    termError(InstitutionErrorCode.MODERATION_TERM_TOO_LONG, field, `A moderation term is at most ${max} characters`, `at most ${max} characters`),
  termInvalid: (field: string, issue: string) => termError(InstitutionErrorCode.MODERATION_TERM_INVALID, field, `A moderation term ${issue}`, issue),
  termDuplicate: (field: string, first: string) =>
    termError(InstitutionErrorCode.MODERATION_TERM_DUPLICATE, field, 'A moderation list names the same term twice', `same as ${first}`),
  termInBothLists: (field: string) =>
    termError(InstitutionErrorCode.MODERATION_TERM_IN_BOTH_LISTS, field, 'A term cannot be both allowed and blocked', 'also in the other list'),
  termNotAllowable: (field: string) =>
    termError(
      InstitutionErrorCode.MODERATION_TERM_NOT_ALLOWABLE,
      field,
      'Words counted as threats, hate or urging self-harm cannot be allow-listed',
      'a threat, hate or self-harm word',
    ),
};
