import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { PreferencesReader } from '@app/notifications/preferences/preferences.reader';
import { AppConfig } from '@app/platform/config/app-config';
import { CalendarService } from '@app/platform/time/calendar.service';
import { Clock } from '@app/platform/time/clock';
import { addDays, dayOfWeek, rigaDate } from '@app/platform/time/riga-time';
import { settledAfter } from '../digests/digest-schedule';
import { buildEach, insertOnce, journalEmails, txSql, type NoticeRecipient } from '../pipeline/scheduled-notices';

const BATCH = 200;

/**
 * The weekly overdue summary to each institution's deputy heads (seeds 002 §16, 000 §4.9): at
 * `OVERDUE_SUMMARY_TIME` on the first working day of the ISO week (Monday, or the next working day
 * after a holiday), for each active institution with an active deputy head. One row per institution
 * and week by a conditional insert unique on (institution, week), so two workers or a Redis flush send
 * it once; a worker down that day catches up later in the same week. What it lists is read at send
 * time (OverdueSummaryComposer); with nothing overdue no e-mail goes.
 */
@Injectable()
export class OverdueSummaryBuilder {
  private readonly logger = new Logger('OverdueSummaryBuilder');

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly preferences: PreferencesReader,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async buildDue(): Promise<number> {
    const now = this.clock.now();
    const today = rigaDate(now);
    const week = addDays(today, 1 - dayOfWeek(today));
    const sendDay = this.calendar.workingDayOnOrAfter(week);
    if (today < sendDay || sendDay > addDays(week, 6)) return 0;
    if (!settledAfter(now, sendDay, this.config.env.OVERDUE_SUMMARY_TIME)) return 0;
    const owing = (await this.em.getConnection().execute(
      `select distinct r.institution_id from role_assignment r
         join institution i on i.id = r.institution_id and i.active = true
         join app_user u on u.id = r.user_id and u.active = true
        where r.role = 'deputy_head' and r.active = true
          and not exists (select 1 from overdue_summary o where o.institution_id = r.institution_id and o.week = ?)
        order by r.institution_id limit ${BATCH}`,
      [week],
    )) as { institution_id: string }[];
    return buildEach(
      this.logger,
      `overdue summary of ${week}`,
      owing.map((o) => o.institution_id),
      (institutionId) => this.build(institutionId, week, now),
    );
  }

  private async build(institutionId: string, week: string, now: Date): Promise<boolean> {
    return this.em.fork().transactional(async (tx) => {
      const id = randomUUID();
      if (!(await insertOnce(tx, 'overdue_summary', { id, institution_id: institutionId, week, created_at: now }, ['institution_id', 'week']))) return false;
      const deputies = await txSql(tx)<NoticeRecipient>(
        `select u.id, u.email, u.phone from role_assignment r join app_user u on u.id = r.user_id and u.active = true
          where r.institution_id = ? and r.role = 'deputy_head' and r.active = true order by u.id`,
        [institutionId],
      );
      await journalEmails(tx, this.preferences, { eventId: id, institutionId, now }, deputies);
      return true;
    });
  }
}
