import { DomainError } from '@app/platform/errors';

/** 1–10 (balles), pass/fail (ieskaitīts/neieskaitīts) (seed 001 §4.2), S/T/A/P for pre-school (000 §4.4). */
export const MARK_SCALES = ['1-10', 'pass-fail', 'S-T-A-P'] as const;
export type MarkScale = (typeof MARK_SCALES)[number];

export const MARK_KINDS = ['lesson', 'test', 'semester', 'year'] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

/** The values each scale allows; `null` (not assessed for a justified reason) is allowed on every scale. */
export const SCALE_VALUES: Readonly<Record<MarkScale, readonly string[]>> = {
  '1-10': ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
  'pass-fail': ['pass', 'fail'],
  'S-T-A-P': ['S', 'T', 'A', 'P'],
};

export enum GradebookErrorCode {
  MARK_OUT_OF_SCALE = 'MARK_OUT_OF_SCALE',
  NOT_A_JOURNAL_DAY = 'NOT_A_JOURNAL_DAY',
  DATE_IN_FUTURE = 'DATE_IN_FUTURE',
  MARK_NOT_FOUND = 'MARK_NOT_FOUND',
  LESSON_NOT_FOUND = 'LESSON_NOT_FOUND',
  LESSON_MISMATCH = 'LESSON_MISMATCH',
  MARK_NOT_ALLOWED = 'MARK_NOT_ALLOWED',
  SUBSTITUTE_FOR_INVALID = 'SUBSTITUTE_FOR_INVALID',
  STUDENT_NOT_ENROLLED = 'STUDENT_NOT_ENROLLED',
}

export const gradebookError = {
  outOfScale: (scale: MarkScale, value: unknown) =>
    new DomainError('unprocessable', GradebookErrorCode.MARK_OUT_OF_SCALE, `"${String(value)}" is not a mark on the ${scale} scale`, [
      { field: 'value', issue: `one of ${SCALE_VALUES[scale].join(', ')}, or null (not assessed)` },
    ]),
  notJournalDay: (field: string, date: string, why: string) =>
    new DomainError('unprocessable', GradebookErrorCode.NOT_A_JOURNAL_DAY, `${date} is not a journal day (${why})`, [{ field, issue: why }]),
  inFuture: (field: string) => new DomainError('unprocessable', GradebookErrorCode.DATE_IN_FUTURE, `${field} is after today`, [{ field, issue: 'after today' }]),
  markNotFound: () => new DomainError('not_found', GradebookErrorCode.MARK_NOT_FOUND, 'Mark not found'),
  lessonNotFound: () => new DomainError('not_found', GradebookErrorCode.LESSON_NOT_FOUND, 'Lesson not found'),
  lessonMismatch: () =>
    new DomainError('unprocessable', GradebookErrorCode.LESSON_MISMATCH, 'The lesson is of another group, subject or date than the mark', [
      { field: 'lessonId', issue: 'must be a lesson of the student’s group in the same subject on the same date' },
    ]),
  markNotAllowed: () => new DomainError('forbidden', GradebookErrorCode.MARK_NOT_ALLOWED, 'Only the student’s teachers and the institution’s management enter marks'),
  substituteForInvalid: () =>
    new DomainError('unprocessable', GradebookErrorCode.SUBSTITUTE_FOR_INVALID, 'substituteFor must be a teacher assigned to the group', [
      { field: 'substituteFor', issue: 'not a teacher of the group' },
    ]),
  notEnrolled: () =>
    new DomainError('unprocessable', GradebookErrorCode.STUDENT_NOT_ENROLLED, 'The student is in no group of the institution on that date', [{ field: 'date', issue: 'no enrolment' }]),
};

/**
 * The value a mark stores, or `MARK_OUT_OF_SCALE`. Exact spelling only ("07", " 7", "s" are refused),
 * so what a parent reads is what the teacher meant.
 */
export function requireMarkValue(scale: MarkScale, value: unknown): string | null {
  if (value === null) return null;
  if (typeof value === 'string' && SCALE_VALUES[scale].includes(value)) return value;
  throw gradebookError.outOfScale(scale, value);
}
