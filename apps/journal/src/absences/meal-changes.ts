import { EntityManager } from '@mikro-orm/core';
import { Injectable, Logger } from '@nestjs/common';
import { MealReport } from '@app/attendance';
import { JobProducer } from '@app/notifications/jobs/job-producer';
import { withTimeout } from '@app/platform/observability/health';
import { CalendarService } from '@app/platform/time/calendar.service';

/** How long the kitchen's live update waits for more changes to the same day, so a burst is one update. */
export const MEAL_UPDATE_DEBOUNCE_MS = 2000;
/** BullMQ waits for Redis to come back; a guardian's answer must not. */
const ADD_TIMEOUT_MS = 1000;

/**
 * Asks the worker for a `meals:update` when a committed change of a notice touches a day whose
 * order the kitchen already has. One debounced job per institution × date: the worker reads the
 * counts when it runs and pushes only numbers that moved (the cut-offs decide that, not this).
 * The job waits in Redis, so a worker restart loses nothing; a crash between the commit and the add,
 * or a Redis flush, loses the live update only: the morning's final report carries the numbers.
 */
@Injectable()
export class MealChanges {
  private readonly logger = new Logger('MealChanges');

  constructor(
    private readonly em: EntityManager,
    private readonly calendar: CalendarService,
    private readonly jobs: JobProducer,
  ) {}

  /** Call after the commit, with every day the change may have touched (`to` null: open-ended). Never throws. */
  async changed(institutionId: string, from: string, to: string | null): Promise<void> {
    try {
      const today = this.calendar.today();
      const start = from > today ? from : today;
      if (to !== null && to < start) return;
      const reported = await this.em
        .fork()
        .find(MealReport, { institutionId, kind: 'next-day', date: to === null ? { $gte: start } : { $gte: start, $lte: to } }, { fields: ['date'] });
      const adds = reported.map(({ date }) => this.jobs.debounced('meals.update', `${institutionId}-${date}`, { institutionId, date }, MEAL_UPDATE_DEBOUNCE_MS));
      await withTimeout(Promise.all(adds), ADD_TIMEOUT_MS);
    } catch (err) {
      this.logger.warn({ err, institutionId }, 'meal update not requested; the next report carries the change');
    }
  }
}
