import { DomainError } from '@app/platform/errors';

/** Codes of the group endpoints that `DirectoryErrorCode` does not already have. */
export enum GroupErrorCode {
  INVALID_SCHOOL_YEAR = 'INVALID_SCHOOL_YEAR',
  GROUP_INACTIVE = 'GROUP_INACTIVE',
  GROUP_NAME_TAKEN = 'GROUP_NAME_TAKEN',
  STAFF_ASSIGNMENT_NOT_FOUND = 'STAFF_ASSIGNMENT_NOT_FOUND',
  ALREADY_ASSIGNED = 'ALREADY_ASSIGNED',
  /** Staff other than the kitchen only; the kitchen never sees rosters or people. */
  FORBIDDEN = 'FORBIDDEN',
}

export const groupError = {
  invalidSchoolYear: (field = 'schoolYear') =>
    new DomainError('invalid', GroupErrorCode.INVALID_SCHOOL_YEAR, 'The school year must be YYYY/YYYY with consecutive years', [
      { field, issue: 'e.g. 2026/2027' },
    ]),
  inactive: () => new DomainError('conflict', GroupErrorCode.GROUP_INACTIVE, 'The group is deactivated'),
  nameTaken: () =>
    new DomainError('conflict', GroupErrorCode.GROUP_NAME_TAKEN, 'An active group of that name exists in that school year', [
      { field: 'name', issue: 'taken' },
    ]),
  assignmentNotFound: () => new DomainError('not_found', GroupErrorCode.STAFF_ASSIGNMENT_NOT_FOUND, 'Staff assignment not found'),
  alreadyAssigned: () => new DomainError('conflict', GroupErrorCode.ALREADY_ASSIGNED, 'The person already has that assignment in this group'),
  forbidden: (message = 'You may not see this') => new DomainError('forbidden', GroupErrorCode.FORBIDDEN, message),
};
