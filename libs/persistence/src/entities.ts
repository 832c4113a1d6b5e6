import { AbsenceNotice, AbsencePeriod, GroupMeals, MealReport, StudentDiet } from '@app/attendance/entities';
import { Lesson, LessonAttendance, LessonReminder, Mark } from '@app/gradebook/entities';
import { AuditEntry } from '@app/audit/audit-entry.entity';
import { AuthSession } from '@app/auth/entities/auth-session.entity';
import { PasswordHistory } from '@app/auth/entities/password-history.entity';
import {
  Enrolment,
  Group,
  Guardianship,
  Institution,
  InstitutionClosure,
  RoleAssignment,
  StaffAssignment,
  User,
} from '@app/directory/entities';
import { NotificationDelivery } from '@app/notifications/delivery/notification-delivery.entity';
import { NotificationDigest } from '@app/notifications/digest/notification-digest.entity';
import { OutboxMessage } from '@app/notifications/outbox/outbox-message.entity';
import { NotificationPreference } from '@app/notifications/preferences/notification-preference.entity';
import { SmsBudgetUsage } from '@app/notifications/sms/sms-budget-usage.entity';
import { SmsOptOut } from '@app/notifications/sms/sms-opt-out.entity';
import { Message, MessageRecipient } from '@app/post';

/** Every table the service owns; listed, not discovered, so bundles and tests see the same schema. */
export const ENTITIES = [
  Institution,
  InstitutionClosure,
  Group,
  User,
  RoleAssignment,
  Enrolment,
  Guardianship,
  StaffAssignment,
  AuthSession,
  PasswordHistory,
  AuditEntry,
  OutboxMessage,
  NotificationDelivery,
  NotificationPreference,
  SmsBudgetUsage,
  SmsOptOut,
  NotificationDigest,
  Message,
  MessageRecipient,
  AbsenceNotice,
  AbsencePeriod,
  GroupMeals,
  StudentDiet,
  MealReport,
  Lesson,
  Mark,
  LessonReminder,
  LessonAttendance,
];
