import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { InstitutionRules } from '@app/attendance';
import { AbsenceNotice } from '@app/attendance/entities';
import { Guardianship, Institution, RoleAssignment, User } from '@app/directory/entities';
import { GradeStatement, Mark } from '@app/gradebook/entities';
import type { NotificationDelivery } from '@app/notifications/delivery/notification-delivery.entity';
import { CalendarService, type ClosureSet } from '@app/platform/time/calendar.service';
import { eachDate } from '@app/platform/time/riga-time';
import type { Composed } from '../pipeline/delivery-sender.service';
import { Templates } from '../templates/templates';
import { monthBounds } from './statement-month';

/**
 * A guardian's copy of a monthly grade statement, composed at send time from the journal: that one
 * student's marks of the month by subject and the school days absent (working days of the institution
 * covered by an active notice), each counted as its notice is justified, unjustified or not decided
 * yet. The e-mail carries the same content as a printable HTML page. Sent only while the recipient is
 * still the student's guardian, and a guardian in the institution reported.
 */
@Injectable()
export class GradeStatementComposer {
  constructor(
    private readonly em: EntityManager,
    private readonly templates: Templates,
    private readonly calendar: CalendarService,
    private readonly rules: InstitutionRules,
  ) {}

  /** The statement behind this delivery, or null when its event is not one. */
  async compose(d: NotificationDelivery): Promise<Composed | null> {
    const em = this.em.fork();
    const statement = await em.findOne(GradeStatement, d.eventId);
    if (!statement) return null;
    const [user, link, role, student, institution] = await Promise.all([
      em.findOne(User, d.userId),
      em.findOne(Guardianship, { guardian: d.userId, student: statement.studentId, active: true }),
      em.findOne(RoleAssignment, { user: d.userId, institution: statement.institutionId, role: 'guardian', active: true }),
      em.findOne(User, statement.studentId),
      em.findOne(Institution, statement.institutionId),
    ]);
    if (!user?.active || !link || !role || !student) return { suppress: 'inactive' };
    if (!user.email) return { suppress: 'no-contact' };
    const { from, to } = monthBounds(statement.month);
    const [marks, notices, closures] = await Promise.all([
      em.find(
        Mark,
        { student: statement.studentId, institution: statement.institutionId, date: { $gte: from, $lte: to } },
        { orderBy: { subject: 'asc', date: 'asc', createdAt: 'asc' } },
      ),
      em.find(AbsenceNotice, { student: statement.studentId, status: 'active', fromDate: { $lte: to }, $or: [{ toDate: null }, { toDate: { $gte: from } }] }),
      this.rules.closureSet(statement.institutionId),
    ]);
    const params = {
      child: student.displayName,
      institution: institution?.name ?? '',
      month: statement.month,
      studentId: statement.studentId,
      marks: marks.map((m) => ({ subject: m.subject, date: m.date, kind: m.kind, value: m.value })),
      absence: this.absentDays(notices, from, to, closures),
    };
    const { email } = this.templates.render('grade-statement', user.language, params);
    const page = this.templates.page('grade-statement', user.language, params);
    const attachment = { filename: `statement-${statement.month}.html`, contentType: 'text/html; charset=utf-8', content: page };
    return { mail: { to: user.email, ...email, attachments: [attachment] } };
  }

  /** School days of the month covered by a notice, each day counted once, by the notice's justification. */
  private absentDays(notices: AbsenceNotice[], from: string, to: string, closures: ClosureSet) {
    const byDay = new Map<string, AbsenceNotice['justification']>();
    for (const n of notices) {
      const first = n.fromDate > from ? n.fromDate : from;
      const last = n.toDate && n.toDate < to ? n.toDate : to;
      if (first > last) continue;
      for (const day of eachDate(first, last)) {
        // Overlapping notices: a justified one wins over an unjustified or undecided one.
        if (this.calendar.isWorkingDay(day, closures) && byDay.get(day) !== 'justified') byDay.set(day, n.justification ?? byDay.get(day) ?? null);
      }
    }
    const counts = { justified: 0, unjustified: 0, unsettled: 0 };
    for (const j of byDay.values()) counts[j ?? 'unsettled'] += 1;
    return counts;
  }
}
