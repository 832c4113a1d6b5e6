import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Injectable, Logger } from '@nestjs/common';
import { Permission } from '@app/access/access.table';
import { InstitutionRules, MEALS, type MealCalendar, MealCalendar as Calendar, MealCounts, type MealCountsView, type MealReportCounts } from '@app/attendance';
import { institutionSettings, type InstitutionSettings } from '@app/directory/entities';
import { NotificationDelivery } from '@app/notifications/delivery/notification-delivery.entity';
import { channelsFor } from '@app/notifications/preferences/preferences';
import { PreferencesReader } from '@app/notifications/preferences/preferences.reader';
import { RealtimeBridge } from '@app/notifications/realtime/realtime-bridge';
import { CalendarService } from '@app/platform/time/calendar.service';
import { Clock } from '@app/platform/time/clock';
import { rigaDate, rigaDateTime } from '@app/platform/time/riga-time';
import { jsonColumn } from '@app/persistence/plain-rows';
import { SETTLE_MS } from '../digests/digest-schedule';
import { type DueReport, dueReports } from './meal-report-schedule';

interface Candidate {
  id: string;
  /** jsonb on PostgreSQL, text on SQLite. */
  settings: Partial<InstitutionSettings> | string | null;
}

interface Task extends DueReport {
  institutionId: string;
  calendar: MealCalendar;
}

/**
 * Builds the kitchens' meal reports once their time has come: run by each institution's BullMQ job
 * schedulers at its cut-offs (meal-report-schedulers.ts) and by the sweep's timer as the safety net
 * (a Redis flush loses nothing: the state is the `meal_report` table; a worker started late builds
 * today's missed reports on its first pass). Counts are computed set-based for all institutions due at the same
 * cut-off, as of that cut-off instant, so a late or repeated build tells the same numbers. Each
 * report is one transaction whose conditional insert, unique on (institution, date, kind), is the
 * guard: a second pass or a second worker inserts nothing and creates no deliveries. The kitchen's
 * e-mails (and, for the final correction, SMS) are ordinary delivery rows (event = the report's
 * id), so the sender's claim makes each go out once.
 */
@Injectable()
export class MealReportBuilder {
  private readonly logger = new Logger('MealReportBuilder');

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly rules: InstitutionRules,
    private readonly counts: MealCounts,
    private readonly preferences: PreferencesReader,
    private readonly realtime: RealtimeBridge,
  ) {}

  /**
   * Builds the reports due now and not built yet (of one institution: its job scheduler's run);
   * returns how many this call built.
   */
  async buildDue(institutionId?: string): Promise<number> {
    const now = this.clock.now();
    const today = rigaDate(now);
    const tasks: Task[] = [];
    for (const c of await this.candidates(today, institutionId)) {
      const settings = institutionSettings(c.settings);
      // Weekends, holidays and times not reached yet are told without reading the closures.
      if (!dueReports(new Calendar(this.calendar, settings), today, now, SETTLE_MS).length) continue;
      const calendar = new Calendar(this.calendar, settings, await this.rules.closureSet(c.id));
      for (const due of dueReports(calendar, today, now, SETTLE_MS)) tasks.push({ ...due, institutionId: c.id, calendar });
    }
    let built = 0;
    // Institutions due for the same day at the same cut-off share one counting statement.
    const groups = new Map<string, Task[]>();
    for (const task of tasks) {
      const key = `${task.kind}|${task.date}|${task.countsAt.getTime()}`;
      groups.set(key, [...(groups.get(key) ?? []), task]);
    }
    for (const group of groups.values()) {
      const { date, countsAt } = group[0];
      const views = await this.counts.forInstitutions(date, group, countsAt);
      for (const [i, task] of group.entries()) {
        // One institution's failure must not hold up the others: the next pass retries it.
        const counts = await this.build(task, views[i], now).catch((err: unknown) => {
          this.logger.warn({ err, institutionId: task.institutionId, kind: task.kind }, 'meal report not built; the next sweep retries');
          return undefined;
        });
        if (!counts) continue;
        built += 1;
        // After the commit, and only by the builder whose insert won: one event per report.
        await this.realtime.publish({ institutionId: task.institutionId, permission: Permission.MealCounts }, 'meals:report', {
          institutionId: task.institutionId,
          date: task.date,
          kind: task.kind,
          version: views[i].version,
          countsAt: task.countsAt.toISOString(),
          ...counts,
        });
      }
    }
    return built;
  }

  /**
   * Active institutions that may still owe a report today: no final correction for today yet, or no
   * order made today (a `next-day` report's counts are as of an order cut-off on the day it is built).
   * No limit: a page of institutions closed today would otherwise hold back the ones after it, and
   * reading an id and a settings column per institution is cheap next to counting.
   */
  private async candidates(today: string, institutionId?: string): Promise<Candidate[]> {
    const at = (d: Date) => this.em.getPlatform().processDateProperty(d);
    return (await this.em.getConnection().execute(
      `select i.id, i.settings from institution i
        where i.active = true${institutionId ? ' and i.id = ?' : ''}
          and (not exists (select 1 from meal_report r where r.institution_id = i.id and r.kind = 'same-day-final' and r.date = ?)
            or not exists (select 1 from meal_report r where r.institution_id = i.id and r.kind = 'next-day' and r.computed_at >= ?))
        order by i.id`,
      [...(institutionId ? [institutionId] : []), today, at(rigaDateTime(today, '00:00'))],
    )) as Candidate[];
  }

  /** One report: the row and its deliveries; its counts, or undefined when it exists already. */
  private async build(task: Task, view: MealCountsView, now: Date): Promise<MealReportCounts | undefined> {
    return this.em.fork().transactional(async (tx) => {
      const at = (d: Date) => tx.getPlatform().processDateProperty(d);
      const exec = <T>(sql: string, params: unknown[]) => tx.getConnection().execute(sql, params, 'all', tx.getTransactionContext()) as Promise<T[]>;
      const counts: MealReportCounts = { groups: view.groups, totals: view.totals };
      if (task.kind === 'same-day-final') counts.difference = await this.difference(exec, task, view);
      const inserted = await exec<{ id: string }>(
        `insert into meal_report (id, institution_id, date, kind, version, counts, computed_at, sent_at) values (?, ?, ?, ?, ?, ?, ?, ?)
          on conflict (institution_id, date, kind) do nothing returning id`,
        [randomUUID(), task.institutionId, task.date, task.kind, view.version, JSON.stringify(counts), at(task.countsAt), at(now)],
      );
      if (!inserted.length) return undefined;
      const kitchen = await exec<{ id: string; email: string | null; phone: string | null }>(
        `select u.id, u.email, u.phone from role_assignment ra join app_user u on u.id = ra.user_id
          where ra.institution_id = ? and ra.role = 'kitchen' and ra.active = true and u.active = true order by u.id`,
        [task.institutionId],
      );
      const deliver = (userId: string, channel: 'email' | 'sms') =>
        tx.create(NotificationDelivery, { eventId: inserted[0].id, userId, channel, category: 'meal-report', institutionId: task.institutionId, availableAt: now, createdAt: now, updatedAt: now });
      // Each person's `meal-report` choice (by default e-mail only); the morning's final goes by SMS
      // as well to whoever has a phone, since a change at 08:50 is needed in the kitchen at once.
      const preferences = await this.preferences.forUsers(kitchen.map((p) => p.id), tx);
      for (const person of kitchen) {
        const channels = channelsFor('meal-report', preferences.get(person.id)!, { email: person.email, phone: person.phone });
        if (channels.includes('email')) deliver(person.id, 'email');
        if (person.phone && (channels.includes('sms') || task.kind === 'same-day-final')) deliver(person.id, 'sms');
      }
      return counts;
    });
  }

  /** Per meal, the final total minus the order's; undefined when no order was reported for the day. */
  private async difference(
    exec: <T>(sql: string, params: unknown[]) => Promise<T[]>,
    task: Task,
    view: MealCountsView,
  ): Promise<MealReportCounts['difference']> {
    const [order] = await exec<{ counts: MealReportCounts | string }>(`select counts from meal_report where institution_id = ? and date = ? and kind = 'next-day'`, [
      task.institutionId,
      task.date,
    ]);
    if (!order) return undefined;
    const ordered = jsonColumn<MealReportCounts>(order.counts);
    const difference: NonNullable<MealReportCounts['difference']> = {};
    for (const meal of MEALS) {
      if (!view.totals[meal] && !ordered.totals[meal]) continue;
      difference[meal] = (view.totals[meal]?.total ?? 0) - (ordered.totals[meal]?.total ?? 0);
    }
    return difference;
  }
}
