import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { InstitutionRules } from '@app/attendance';
import { displayNameOf, Institution, RoleAssignment, User } from '@app/directory/entities';
import { OverdueSummary } from '@app/gradebook/entities';
import type { NotificationDelivery } from '@app/notifications/delivery/notification-delivery.entity';
import { CalendarService } from '@app/platform/time/calendar.service';
import { addDays, rigaDate } from '@app/platform/time/riga-time';
import type { Composed } from '../pipeline/delivery-sender.service';
import { MISSING_TEST_MARKS, TEST_LOOKBACK_DAYS } from '../test-mark-reminders/test-mark-queries';
import { Templates } from '../templates/templates';

/**
 * A deputy head's weekly summary, composed at send time for their institution only: lessons still
 * without a topic past their deadline (the same working day by 18:00, seed 001 §4.1; interest
 * education within two working days, 002 §13) and tests whose five working days for marks have passed
 * with marks missing (001 §4.2), each with its teacher. No student names.
 */
@Injectable()
export class OverdueSummaryComposer {
  constructor(
    private readonly em: EntityManager,
    private readonly templates: Templates,
    private readonly calendar: CalendarService,
    private readonly rules: InstitutionRules,
  ) {}

  async compose(d: NotificationDelivery): Promise<Composed | null> {
    const em = this.em.fork();
    const summary = await em.findOne(OverdueSummary, d.eventId);
    if (!summary) return null;
    const [user, role, institution] = await Promise.all([
      em.findOne(User, d.userId),
      em.findOne(RoleAssignment, { user: d.userId, institution: summary.institutionId, role: 'deputy_head', active: true }),
      em.findOne(Institution, summary.institutionId),
    ]);
    if (!user?.active || !role || !institution) return { suppress: 'inactive' };
    if (!user.email) return { suppress: 'no-contact' };
    // Deadlines as of the day the summary was built (a delivery held back still reports that week);
    // what was entered since is taken into account.
    const today = rigaDate(summary.createdAt);
    const closures = await this.rules.closureSet(summary.institutionId);
    // Overdue: the topic's deadline day (the lesson's own, or its second working day for interest
    // education) and the tests' fifth working day are before today.
    const topicsBefore = institution.kind === 'interest' ? this.calendar.addWorkingDays(today, -2, closures) : today;
    const testsBefore = this.calendar.addWorkingDays(today, -5, closures);
    const rows = (await em.getConnection().execute(
      `select l.date, l.subject, g.name as group_name, t.given_name, t.family_name,
              case when l.topic is null and l.date < ? then 1 else 0 end as no_topic,
              case when l.is_test = true and l.date < ? then ${MISSING_TEST_MARKS} else 0 end as missing
         from lesson l join school_group g on g.id = l.group_id join app_user t on t.id = l.teacher_id
        where l.institution_id = ? and l.date >= ?
          and ((l.topic is null and l.date < ?) or (l.is_test = true and l.date < ?))
        order by l.date, g.name, l.subject`,
      [topicsBefore, testsBefore, summary.institutionId, addDays(today, -TEST_LOOKBACK_DAYS), topicsBefore, testsBefore],
    )) as { date: string; subject: string; group_name: string; given_name: string; family_name: string; no_topic: number | string; missing: number | string }[];
    const entries = rows.flatMap((r) => {
      const base = { date: r.date, group: r.group_name, subject: r.subject, teacher: displayNameOf({ givenName: r.given_name, familyName: r.family_name }) };
      return [
        ...(Number(r.no_topic) ? [{ ...base, problem: 'topic' as const, missing: 0 }] : []),
        ...(Number(r.missing) > 0 ? [{ ...base, problem: 'test' as const, missing: Number(r.missing) }] : []),
      ];
    });
    if (!entries.length) return { suppress: 'done' };
    const { email } = this.templates.render('overdue-summary', user.language, { institution: institution.name, week: summary.week, entries });
    return { mail: { to: user.email, ...email } };
  }
}
