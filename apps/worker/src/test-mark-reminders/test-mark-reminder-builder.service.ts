import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InstitutionRules } from '@app/attendance';
import { PreferencesReader } from '@app/notifications/preferences/preferences.reader';
import { AppConfig } from '@app/platform/config/app-config';
import { CalendarService } from '@app/platform/time/calendar.service';
import { Clock } from '@app/platform/time/clock';
import { addDays, rigaDate } from '@app/platform/time/riga-time';
import { settledAfter } from '../digests/digest-schedule';
import { buildEach, insertOnce, journalEmails, txSql, type NoticeRecipient } from '../pipeline/scheduled-notices';
import { MISSING_TEST_MARKS, TEST_LOOKBACK_DAYS } from './test-mark-queries';

const BATCH = 200;

/**
 * Tests not marked in time (seed 001 §4.2: results within five working days): at `TEST_REMINDER_TIME`
 * on a working day of the institution, each teacher with a test lesson (`isTest`) whose fifth working
 * day after it (weekends, Latvian holidays and the institution's closures skipped) is today or past,
 * and some student of the group still without a test mark for it, gets one e-mail listing them — daily
 * until marked. One row per teacher and day by a conditional insert unique on (teacher, day), so two
 * workers or a Redis flush send it once.
 */
@Injectable()
export class TestMarkReminderBuilder {
  private readonly logger = new Logger('TestMarkReminderBuilder');
  /** The day this worker found every reminder built: not scanned again on every sweep of that day. */
  private doneDay?: string;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly rules: InstitutionRules,
    private readonly preferences: PreferencesReader,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** Builds up to one batch of today's reminders not built yet; returns how many this call built. */
  async buildDue(): Promise<number> {
    const now = this.clock.now();
    const day = rigaDate(now);
    if (!settledAfter(now, day, this.config.env.TEST_REMINDER_TIME)) return 0;
    if (!this.calendar.isWorkingDay(day) || day === this.doneDay) return 0;
    const cutoffs = await this.cutoffs(day);
    const teachers = new Set<string>();
    for (const [institutionId, cutoff] of cutoffs) {
      const rows = (await this.em.getConnection().execute(
        `select distinct l.teacher_id from lesson l
          where l.institution_id = ? and l.is_test = true and l.date >= ? and l.date <= ? and ${MISSING_TEST_MARKS} > 0
            and not exists (select 1 from test_mark_reminder r where r.teacher_id = l.teacher_id and r.day = ?)
          order by l.teacher_id limit ${BATCH}`,
        [institutionId, addDays(day, -TEST_LOOKBACK_DAYS), cutoff, day],
      )) as { teacher_id: string }[];
      for (const r of rows) teachers.add(r.teacher_id);
    }
    if (!teachers.size) this.doneDay = day;
    return buildEach(this.logger, 'test mark reminder', teachers, (teacherId) => this.build(teacherId, day, cutoffs, now));
  }

  /**
   * Per institution with recent tests and open today, the last test date overdue today: a test on or
   * before the fifth working day back has had its five working days.
   */
  private async cutoffs(day: string): Promise<Map<string, string>> {
    const rows = (await this.em.getConnection().execute('select distinct l.institution_id from lesson l where l.is_test = true and l.date >= ? and l.date < ?', [
      addDays(day, -TEST_LOOKBACK_DAYS),
      day,
    ])) as { institution_id: string }[];
    const cutoffs = new Map<string, string>();
    for (const { institution_id: id } of rows) {
      const closures = await this.rules.closureSet(id);
      if (this.calendar.isWorkingDay(day, closures)) cutoffs.set(id, this.calendar.addWorkingDays(day, -5, closures));
    }
    return cutoffs;
  }

  /** One teacher's reminder; false when another builder got there first or the marks came meanwhile. */
  private async build(teacherId: string, day: string, cutoffs: Map<string, string>, now: Date): Promise<boolean> {
    return this.em.fork().transactional(async (tx) => {
      const exec = txSql(tx);
      const candidates = await exec<{ id: string; institution_id: string; date: string }>(
        `select l.id, l.institution_id, l.date from lesson l
          where l.teacher_id = ? and l.is_test = true and l.date >= ? and ${MISSING_TEST_MARKS} > 0 order by l.date, l.id`,
        [teacherId, addDays(day, -TEST_LOOKBACK_DAYS)],
      );
      const lessons = candidates.filter((l) => cutoffs.has(l.institution_id) && l.date <= cutoffs.get(l.institution_id)!);
      if (!lessons.length) return false;
      const id = randomUUID();
      const row = { id, teacher_id: teacherId, day, lesson_ids: JSON.stringify(lessons.map((l) => l.id)), created_at: now };
      if (!(await insertOnce(tx, 'test_mark_reminder', row, ['teacher_id', 'day']))) return false;
      const teacher = await exec<NoticeRecipient>('select id, email, phone from app_user where id = ? and active = true', [teacherId]);
      await journalEmails(tx, this.preferences, { eventId: id, institutionId: lessons[0].institution_id, now }, teacher);
      return true;
    });
  }
}
