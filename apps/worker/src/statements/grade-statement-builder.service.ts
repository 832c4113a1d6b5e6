import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { PreferencesReader } from '@app/notifications/preferences/preferences.reader';
import { AppConfig } from '@app/platform/config/app-config';
import { CalendarService } from '@app/platform/time/calendar.service';
import { Clock } from '@app/platform/time/clock';
import { rigaDate } from '@app/platform/time/riga-time';
import { settledAfter } from '../digests/digest-schedule';
import { buildEach, insertOnce, journalEmails, txSql, type NoticeRecipient } from '../pipeline/scheduled-notices';
import { monthBefore, monthBounds } from './statement-month';

const BATCH = 200;
/** Working days after the send day on which missed statements are still built. */
const CATCH_UP_WORKING_DAYS = 4;

/**
 * The students a month's statement is for: those with a mark in the month or an absence notice
 * overlapping it, with the institution to report (the latest mark's, else the latest notice's).
 */
const STUDENTS_OF_MONTH = `select s.student_id, s.institution_id from (
    select m.student_id, m.institution_id, m.date as at from mark m where m.date >= ? and m.date <= ?
    union all
    select n.student_id, n.institution_id, n.from_date as at from absence_notice n
     where n.status = 'active' and n.from_date <= ? and (n.to_date is null or n.to_date >= ?)
  ) s`;

/**
 * The monthly grade statements (seed 001 §3.4: by the 5th): at `STATEMENT_TIME` (08:00 Riga) on the
 * first working day on or after the 1st — 1 December 2026 is a Tuesday; a 1st on a Saturday waits for
 * Monday — each student with marks or absences in the month before gets one statement, mailed to each
 * guardian who holds a guardian role where the marks were given. Built on the sweep's timer like the
 * digests: one row per student and month, by a conditional insert unique on (student, month), so two
 * workers, a second sweep, a restart or a Redis flush send it once. A worker down on that day catches
 * up within the next four working days. Category `journal` (marks and the journal's news), e-mail only:
 * a statement is a page to read and print, not an SMS.
 */
@Injectable()
export class GradeStatementBuilder {
  private readonly logger = new Logger('GradeStatementBuilder');
  /**
   * The month this worker found fully built: the month's marks are not scanned again on every sweep
   * of the catch-up week (a restart scans once more).
   */
  private doneMonth?: string;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly preferences: PreferencesReader,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** The day this month's statements (of the month before) go out. */
  sendDay(today: string): string {
    return this.calendar.workingDayOnOrAfter(`${today.slice(0, 7)}-01`);
  }

  /** Builds up to one batch of last month's statements not built yet; returns how many this call built. */
  async buildDue(): Promise<number> {
    const now = this.clock.now();
    const today = rigaDate(now);
    const sendDay = this.sendDay(today);
    // A worker down on the day catches up within that working week; later data (a notice entered weeks
    // after) does not start a statement for a month long reported.
    if (today < sendDay || today > this.calendar.addWorkingDays(sendDay, CATCH_UP_WORKING_DAYS)) return 0;
    if (!settledAfter(now, sendDay, this.config.env.STATEMENT_TIME)) return 0;
    const month = monthBefore(today);
    if (month === this.doneMonth) return 0;
    const { from, to } = monthBounds(month);
    const owing = (await this.em.getConnection().execute(
      `select distinct s.student_id from (${STUDENTS_OF_MONTH}) s
        where not exists (select 1 from grade_statement g where g.student_id = s.student_id and g.month = ?)
        order by s.student_id limit ${BATCH}`,
      [from, to, to, from, month],
    )) as { student_id: string }[];
    if (!owing.length) this.doneMonth = month;
    return buildEach(
      this.logger,
      `grade statement of ${month}`,
      owing.map((o) => o.student_id),
      (studentId) => this.build(studentId, month, now),
    );
  }

  /** One student's statement; false when another builder got there first. */
  private async build(studentId: string, month: string, now: Date): Promise<boolean> {
    const { from, to } = monthBounds(month);
    return this.em.fork().transactional(async (tx) => {
      const exec = txSql(tx);
      const [source] = await exec<{ institution_id: string }>(`${STUDENTS_OF_MONTH} where s.student_id = ? order by s.at desc limit 1`, [from, to, to, from, studentId]);
      if (!source) return false;
      const institutionId = source.institution_id;
      const id = randomUUID();
      if (!(await insertOnce(tx, 'grade_statement', { id, student_id: studentId, institution_id: institutionId, month, created_at: now }, ['student_id', 'month']))) return false;
      // The student's guardians with an active link who are guardians where the marks were given.
      const guardians = await exec<NoticeRecipient>(
        `select u.id, u.email, u.phone from guardianship l
           join app_user u on u.id = l.guardian_id and u.active = true
           join role_assignment r on r.user_id = l.guardian_id and r.role = 'guardian' and r.active = true and r.institution_id = ?
          where l.student_id = ? and l.active = true
          order by u.id`,
        [institutionId, studentId],
      );
      await journalEmails(tx, this.preferences, { eventId: id, institutionId, now }, guardians);
      return true;
    });
  }
}
