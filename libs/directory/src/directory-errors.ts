import { DomainError, ErrorDetail } from '@app/platform/errors';

export enum DirectoryErrorCode {
  INSTITUTION_NOT_FOUND = 'INSTITUTION_NOT_FOUND',
  GROUP_NOT_FOUND = 'GROUP_NOT_FOUND',
  PERSON_NOT_FOUND = 'PERSON_NOT_FOUND',
  STUDENT_NOT_FOUND = 'STUDENT_NOT_FOUND',
  ENROLMENT_NOT_FOUND = 'ENROLMENT_NOT_FOUND',
  GUARDIANSHIP_NOT_FOUND = 'GUARDIANSHIP_NOT_FOUND',
  USERNAME_TAKEN = 'USERNAME_TAKEN',
  INVALID_PHONE = 'INVALID_PHONE',
  INVALID_EMAIL = 'INVALID_EMAIL',
  INVALID_DATE_RANGE = 'INVALID_DATE_RANGE',
  ENROLMENT_OVERLAPS = 'ENROLMENT_OVERLAPS',
  ALREADY_GUARDIAN = 'ALREADY_GUARDIAN',
  NOT_A_STUDENT = 'NOT_A_STUDENT',
  NOT_STAFF = 'NOT_STAFF',
  NOT_A_GUARDIAN = 'NOT_A_GUARDIAN',
  NOT_MANAGEMENT = 'NOT_MANAGEMENT',
  ROLE_NOT_ALLOWED = 'ROLE_NOT_ALLOWED',
  INACTIVE = 'INACTIVE',
  /** Another account has this mobile number (one number, one person: it receives their password). */
  PHONE_IN_USE = 'PHONE_IN_USE',
  /**
   * The person also belongs to another institution: what is theirs rather than one institution's
   * (names, contacts, language) changes only by the person.
   */
  PERSON_SHARED = 'PERSON_SHARED',
  /** A shared person's new password can only go to their own phone, and they have none. */
  RESET_NEEDS_PHONE = 'RESET_NEEDS_PHONE',
}

export const directoryError = {
  notFound: (code: DirectoryErrorCode, what: string) => new DomainError('not_found', code, `${what} not found`),
  invalid: (code: DirectoryErrorCode, message: string, details?: ErrorDetail[]) =>
    new DomainError('invalid', code, message, details),
  conflict: (code: DirectoryErrorCode, message: string, details?: ErrorDetail[]) =>
    new DomainError('conflict', code, message, details),
  forbidden: (message = 'Only the head, deputy head or administrator of this institution may do this') =>
    new DomainError('forbidden', DirectoryErrorCode.NOT_MANAGEMENT, message),
};
