import { DomainError } from '@app/platform/errors';
import type { Role } from '@app/directory/entities/role-assignment.entity';
import { INSTITUTION_WIDE_ROLES, MANAGEMENT_ROLES, TEACHING_ROLES } from './roles';

/** Every "may this person do this to that" question the service asks, by name. */
export enum Permission {
  /** Hold any active role in the institution (its name, own roles, sending in it). */
  InstitutionMember = 'institution.member',
  /** Settings, closures, people, groups, enrolments, guardianships, the audit log. */
  InstitutionManage = 'institution.manage',
  /** List every enrolment of the institution. */
  EnrolmentList = 'enrolment.list',
  /** List the institution's groups. */
  GroupList = 'group.list',
  /** A group's roster: its students and their guardians' contacts. */
  GroupRoster = 'group.roster',
  /** One student's record. */
  StudentRead = 'student.read',
  /** A person's page and their roles in one institution. */
  PersonManage = 'person.manage',
  /** Open, read, confirm, reply to or file a message. */
  MessageRead = 'message.read',
  /** A message's read receipts and confirmations. */
  MessageReceipts = 'message.receipts',
  /** Approve or reject held messages. */
  MessageModerate = 'message.moderate',
  /** The institution's e-mail and SMS deliveries: list them, retry failed ones. */
  DeliveryManage = 'delivery.manage',
  /**
   * The job queues' dashboard. The queues are the whole service's (every institution's deliveries,
   * pausing one stops all schools' alerts), so no school's management passes: only the operator's.
   */
  QueueDashboard = 'queue.dashboard',
  /** Report a child's absence, change or end the notice. */
  AbsenceReport = 'absence.report',
  /** Read absence notices (periods, reasons, notes). */
  AbsenceRead = 'absence.read',
  /** Record a child's absence or correct a notice: reason, justified or not (seeds 000 §4.1, 001 §3.3). */
  AbsenceCorrect = 'absence.correct',
  /** Read an institution's meal counts (numbers only, no names). */
  MealCounts = 'meal.counts',
  /** Record a lesson of a group (subject, date, topic, homework), or read a group's lessons. */
  LessonRecord = 'lesson.record',
  /** Record a lesson in another teacher's group as their substitute (seeds 000 §4.11, 002 §15). */
  LessonSubstitute = 'lesson.substitute',
  /** Change a lesson's topic or homework. */
  LessonEdit = 'lesson.edit',
  /** Enter or correct a student's mark. */
  MarkWrite = 'mark.write',
  /** Read a student's marks. */
  MarkRead = 'mark.read',
}

export interface AccessRule {
  /** Who passes, in words: the table is the policy's documentation (and the README's). */
  who: string;
  /** Institution-scoped rules are decided from the caller's roles alone; object rules read the database. */
  scope: 'institution' | 'object';
  /** For institution-scoped rules: the roles that pass. */
  roles?: readonly Role[];
  /**
   * What a refused caller is told. Objects a caller may not know about answer 404, so existence
   * stays private; institution-scoped actions a role may not take answer 403.
   */
  refusal: () => DomainError;
}

const notFound = (code: string, what: string) => () => new DomainError('not_found', code, `${what} not found`);
const forbidden = (code: string, message: string) => () => new DomainError('forbidden', code, message);

export const ACCESS_RULES: Readonly<Record<Permission, AccessRule>> = {
  [Permission.InstitutionMember]: {
    who: 'anyone with an active role in the institution',
    scope: 'institution',
    refusal: forbidden('NOT_IN_INSTITUTION', 'You have no role in this institution'),
  },
  [Permission.InstitutionManage]: {
    who: 'head, deputy head, admin of the institution',
    scope: 'institution',
    roles: MANAGEMENT_ROLES,
    refusal: forbidden('NOT_MANAGEMENT', 'Only the head, deputy head or administrator of this institution may do this'),
  },
  [Permission.EnrolmentList]: {
    who: 'management and the nurse of the institution',
    scope: 'institution',
    roles: INSTITUTION_WIDE_ROLES,
    refusal: forbidden('FORBIDDEN', 'Only the head, deputy head, administrator or nurse may list enrolments'),
  },
  [Permission.GroupList]: {
    who: 'management, the nurse, teachers and speech therapists of the institution',
    scope: 'institution',
    roles: [...INSTITUTION_WIDE_ROLES, ...TEACHING_ROLES],
    refusal: forbidden('FORBIDDEN', 'Only staff of this institution may list its groups'),
  },
  [Permission.GroupRoster]: {
    who: 'management and the nurse of the group’s institution; teachers and speech therapists assigned to the group',
    scope: 'object',
    refusal: notFound('GROUP_NOT_FOUND', 'Group'),
  },
  [Permission.StudentRead]: {
    who:
      'the student; management and the nurse of an institution where they are a student; a guardian with an active link ' +
      'and an active guardian role there; teachers and speech therapists assigned to the student’s current group',
    scope: 'object',
    refusal: notFound('STUDENT_NOT_FOUND', 'Student'),
  },
  [Permission.PersonManage]: {
    who: 'management of an institution where the person holds or held a role (and only that institution’s part of them)',
    scope: 'object',
    refusal: notFound('PERSON_NOT_FOUND', 'Person'),
  },
  [Permission.MessageRead]: {
    who: 'its sender or a recipient of a delivered copy, while holding an active role in the message’s institution',
    scope: 'object',
    refusal: notFound('MESSAGE_NOT_FOUND', 'Message'),
  },
  [Permission.MessageReceipts]: {
    who: 'its sender and the management of the message’s institution',
    scope: 'object',
    refusal: forbidden('RECEIPTS_NOT_ALLOWED', 'Only the sender and the institution management see receipts'),
  },
  [Permission.MessageModerate]: {
    who: 'head, deputy head, admin of the message’s institution (never for their own message)',
    scope: 'institution',
    roles: MANAGEMENT_ROLES,
    refusal: forbidden('NOT_MODERATOR', 'Only the deputy head, head or admin of the institution moderate'),
  },
  [Permission.DeliveryManage]: {
    who: 'head, deputy head, admin of the institution the notification speaks for',
    scope: 'institution',
    roles: MANAGEMENT_ROLES,
    refusal: forbidden('NOT_MANAGEMENT', 'Only the head, deputy head or administrator see and retry deliveries'),
  },
  [Permission.QueueDashboard]: {
    who: 'admin of the operator institution (QUEUE_DASHBOARD_INSTITUTION, the service’s own); nobody while it is unset',
    scope: 'institution',
    roles: ['admin'],
    refusal: forbidden('NOT_QUEUE_OPERATOR', 'Only the service operator’s administrators see the job queues'),
  },
  [Permission.AbsenceReport]: {
    who: 'a guardian with an active link to the child and an active guardian role in an institution where the child is a student',
    scope: 'object',
    refusal: notFound('STUDENT_NOT_FOUND', 'Student'),
  },
  [Permission.AbsenceRead]: {
    who:
      'the child’s guardians; management and the nurse of the child’s institution; teachers and speech therapists ' +
      'assigned to the child’s group (the kitchen is told 403: it works with counts only)',
    scope: 'object',
    refusal: notFound('ABSENCE_NOT_FOUND', 'Absence notice'),
  },
  [Permission.AbsenceCorrect]: {
    who: 'management and the nurse of the child’s institution; the class teacher of the child’s current group',
    scope: 'object',
    refusal: notFound('ABSENCE_NOT_FOUND', 'Absence notice'),
  },
  [Permission.MealCounts]: {
    who: 'management, the nurse, teachers, speech therapists and the kitchen of the institution',
    scope: 'institution',
    roles: [...INSTITUTION_WIDE_ROLES, ...TEACHING_ROLES, 'kitchen'],
    refusal: forbidden('FORBIDDEN', 'Only staff of this institution see its meal counts'),
  },
  [Permission.LessonRecord]: {
    who: 'teachers and speech therapists assigned to the group; management of the group’s institution',
    scope: 'object',
    refusal: notFound('GROUP_NOT_FOUND', 'Group'),
  },
  [Permission.LessonSubstitute]: {
    who: 'teachers and speech therapists of the institution, naming a teacher of the group they stand in for',
    scope: 'institution',
    roles: TEACHING_ROLES,
    refusal: notFound('GROUP_NOT_FOUND', 'Group'),
  },
  [Permission.LessonEdit]: {
    who: 'who taught the lesson (a substitute included) while a teacher there; teachers assigned to the group; management of the institution',
    scope: 'object',
    refusal: notFound('LESSON_NOT_FOUND', 'Lesson'),
  },
  [Permission.MarkWrite]: {
    who:
      'teachers and speech therapists assigned to the student’s group on the mark’s date; the substitute who taught the ' +
      'lesson the mark belongs to; management of the student’s institution (others who see the student are told 403)',
    scope: 'object',
    refusal: notFound('STUDENT_NOT_FOUND', 'Student'),
  },
  [Permission.MarkRead]: {
    who:
      'the student; a guardian with an active link and an active guardian role where the child is a student; teachers ' +
      'and speech therapists assigned to the student’s current group; management of the student’s institution',
    scope: 'object',
    refusal: notFound('STUDENT_NOT_FOUND', 'Student'),
  },
};
