import { DomainError } from '@app/platform/errors';

export enum AbsenceErrorCode {
  ABSENCE_NOT_FOUND = 'ABSENCE_NOT_FOUND',
  ABSENCE_NOTE_REQUIRED = 'ABSENCE_NOTE_REQUIRED',
  ABSENCE_TOO_FAR = 'ABSENCE_TOO_FAR',
  ABSENCE_QUERY_REQUIRED = 'ABSENCE_QUERY_REQUIRED',
  ABSENCE_WITHDRAWN = 'ABSENCE_WITHDRAWN',
  STUDENT_NOT_ENROLLED = 'STUDENT_NOT_ENROLLED',
  NO_PERSONAL_DATA = 'NO_PERSONAL_DATA',
  REVIEW_NOT_ALLOWED = 'REVIEW_NOT_ALLOWED',
}

export const absenceError = {
  notFound: () => new DomainError('not_found', AbsenceErrorCode.ABSENCE_NOT_FOUND, 'Absence notice not found'),
  noteRequired: () =>
    new DomainError('invalid', AbsenceErrorCode.ABSENCE_NOTE_REQUIRED, 'Say what the reason is when it is "other"', [{ field: 'note', issue: 'required when reason is other' }]),
  tooFar: (field: string, issue: string) => new DomainError('invalid', AbsenceErrorCode.ABSENCE_TOO_FAR, `${field} is too far from today`, [{ field, issue }]),
  queryRequired: () =>
    new DomainError('invalid', AbsenceErrorCode.ABSENCE_QUERY_REQUIRED, 'Give studentId, or groupId (and date)', [{ field: 'studentId', issue: 'studentId or groupId is required' }]),
  withdrawn: () => new DomainError('conflict', AbsenceErrorCode.ABSENCE_WITHDRAWN, 'The notice was withdrawn'),
  notEnrolled: () =>
    new DomainError('invalid', AbsenceErrorCode.STUDENT_NOT_ENROLLED, 'The child is not in any group during this period', [{ field: 'from', issue: 'no enrolment in the period' }]),
  reviewForbidden: () => new DomainError('forbidden', AbsenceErrorCode.REVIEW_NOT_ALLOWED, 'Only the nurse, management or the class teacher review absences'),
  noPersonalData: () => new DomainError('forbidden', AbsenceErrorCode.NO_PERSONAL_DATA, 'The kitchen sees meal counts only, not absence notices'),
};
