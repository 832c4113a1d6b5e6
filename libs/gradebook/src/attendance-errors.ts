import { DomainError } from '@app/platform/errors';

export enum AttendanceErrorCode {
  STUDENT_NOT_IN_GROUP = 'STUDENT_NOT_IN_GROUP',
  STUDENT_LISTED_TWICE = 'STUDENT_LISTED_TWICE',
}

export const attendanceError = {
  notInGroup: (index: number) =>
    new DomainError('unprocessable', AttendanceErrorCode.STUDENT_NOT_IN_GROUP, 'A listed student is not in the lesson’s group on its date', [
      { field: `entries.${index}.studentId`, issue: 'not enrolled in the lesson’s group that day' },
    ]),
  listedTwice: (index: number) =>
    new DomainError('unprocessable', AttendanceErrorCode.STUDENT_LISTED_TWICE, 'A student is listed twice', [{ field: `entries.${index}.studentId`, issue: 'listed twice' }]),
};
