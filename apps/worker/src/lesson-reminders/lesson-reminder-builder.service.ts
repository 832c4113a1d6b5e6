import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { NotificationDelivery } from '@app/notifications/delivery/notification-delivery.entity';
import { channelsFor } from '@app/notifications/preferences/preferences';
import { PreferencesReader } from '@app/notifications/preferences/preferences.reader';
import { AppConfig } from '@app/platform/config/app-config';
import { CalendarService } from '@app/platform/time/calendar.service';
import { Clock } from '@app/platform/time/clock';
import { rigaDate } from '@app/platform/time/riga-time';
import { settledAfter } from '../digests/digest-schedule';

const BATCH = 200;

/**
 * Lessons still without a topic or attendance that are due today, in institutions not closed today:
 * a school's or pre-school's lessons of today (seed 001 §4.1, by 18:00), interest education's lessons
 * whose two working days end today (seed 002 §13: dated on or after the 2nd working day before today
 * and before the 1st, so a Saturday's lesson falls due with Friday's). Parameters: see {@link dueParams}.
 */
const OPEN_LESSONS = `from lesson l join institution i on i.id = l.institution_id
  where (l.topic is null or l.attendance_taken_at is null)
    and ((i.kind <> 'interest' and l.date = ?) or (i.kind = 'interest' and l.date >= ? and l.date < ?))
    and not exists (select 1 from institution_closure c where c.institution_id = l.institution_id and c.from_date <= ? and c.to_date >= ?)`;

/**
 * The teachers' daily reminder (seed 001 §4.1: topics and absences by 18:00 each working day): at
 * `LESSON_REMINDER_TIME` (17:00 Riga) on working days — never on weekends or public holidays, and not
 * for lessons of an institution closed that day — each teacher with a lesson due today (see
 * {@link OPEN_LESSONS}) without a topic or attendance gets one e-mail listing them. Built on the sweep's timer like the digests: one row per
 * teacher and day, created by a conditional insert unique on (teacher, day), so two workers, a second
 * sweep or a restart send it once, and a Redis flush loses nothing.
 */
@Injectable()
export class LessonReminderBuilder {
  private readonly logger = new Logger('LessonReminderBuilder');

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly preferences: PreferencesReader,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** Builds up to one batch of today's reminders not built yet; returns how many this call built. */
  async buildDue(): Promise<number> {
    const now = this.clock.now();
    const day = rigaDate(now);
    if (!settledAfter(now, day, this.config.env.LESSON_REMINDER_TIME)) return 0;
    if (!this.calendar.isWorkingDay(day)) return 0;
    const owing = (await this.em.getConnection().execute(
      `select distinct l.teacher_id ${OPEN_LESSONS}
          and not exists (select 1 from lesson_reminder r where r.teacher_id = l.teacher_id and r.day = ?)
        order by l.teacher_id limit ${BATCH}`,
      [...this.dueParams(day), day],
    )) as { teacher_id: string }[];
    let built = 0;
    for (const { teacher_id: teacherId } of owing) {
      const done = await this.build(teacherId, day, now).catch((err: unknown) => {
        this.logger.warn({ err, teacherId }, 'lesson reminder not built; the next sweep retries');
        return false;
      });
      if (done) built += 1;
    }
    return built;
  }

  /** {@link OPEN_LESSONS}'s parameters for a working day (national working days: holidays and weekends skipped). */
  private dueParams(day: string): string[] {
    return [day, this.calendar.addWorkingDays(day, -2), this.calendar.addWorkingDays(day, -1), day, day];
  }

  /** One teacher's reminder; false when another builder got there first or the lessons were completed meanwhile. */
  private async build(teacherId: string, day: string, now: Date): Promise<boolean> {
    return this.em.fork().transactional(async (tx) => {
      const exec = <T>(sql: string, params: unknown[]) => tx.getConnection().execute(sql, params, 'all', tx.getTransactionContext()) as Promise<T[]>;
      const at = (d: Date) => tx.getPlatform().processDateProperty(d);
      const lessons = await exec<{ id: string; institution_id: string }>(`select l.id, l.institution_id ${OPEN_LESSONS} and l.teacher_id = ? order by l.id`, [...this.dueParams(day), teacherId]);
      if (!lessons.length) return false;
      const id = randomUUID();
      const inserted = await exec<{ id: string }>(
        `insert into lesson_reminder (id, teacher_id, day, lesson_ids, created_at) values (?, ?, ?, ?, ?)
          on conflict (teacher_id, day) do nothing returning id`,
        [id, teacherId, day, JSON.stringify(lessons.map((l) => l.id)), at(now)],
      );
      if (!inserted.length) return false;
      const [contacts] = await exec<{ email: string | null; phone: string | null }>('select email, phone from app_user where id = ? and active = true', [teacherId]);
      const effective = (await this.preferences.forUsers([teacherId], tx)).get(teacherId)!;
      // A list of lessons is an e-mail; the row stays either way, so the day is not built again.
      if (contacts && channelsFor('journal', effective, contacts).includes('email')) {
        tx.create(NotificationDelivery, {
          eventId: id,
          userId: teacherId,
          channel: 'email',
          category: 'journal',
          institutionId: lessons[0].institution_id,
          availableAt: now,
          createdAt: now,
          updatedAt: now,
        });
      }
      return true;
    });
  }
}
