import { EntityManager } from '@mikro-orm/core';
import { Injectable, Logger } from '@nestjs/common';
import { MEAL_REPORT_KINDS, type MealReportKind } from '@app/attendance';
import { institutionSettings, type InstitutionSettings } from '@app/directory/entities';
import { QUEUES } from '@app/notifications/jobs/job-catalogue';
import { Clock } from '@app/platform/time/clock';
import { RIGA_TZ } from '@app/platform/time/riga-time';
import { SETTLE_MS } from '../digests/digest-schedule';
import { QueueRegistry } from '../queues/queue-registry.service';
import { reportTimes } from './meal-report-schedule';

const PREFIX = 'meal-report-';
/** Even when nothing seems to have changed, Redis's schedulers are compared one by one this often. */
const FULL_CHECK_EVERY_MS = 10 * 60_000;

/** One scheduler per institution × report kind; BullMQ names its jobs `repeat:<id>:<ms>`, so no `:` here. */
export const mealReportSchedulerId = (institutionId: string, kind: MealReportKind) => `${PREFIX}${kind}-${institutionId}`;

/**
 * Cron (with seconds) for a Riga time of day: the settle margin after it, so a change stamped just
 * before the cut-off, committed just after, is counted (the builder waits for it too). Every day:
 * the builder itself skips weekends, holidays and closures, and a moved working Saturday is a meal day.
 */
export function mealReportPattern(time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  const at = hours * 3600 + minutes * 60 + Math.round(SETTLE_MS / 1000);
  return `${at % 60} ${Math.floor(at / 60) % 60} ${Math.floor(at / 3600)} * * *`;
}

interface Wanted {
  institutionId: string;
  pattern: string;
}

/**
 * BullMQ job schedulers that build each institution's meal reports at its own times, in
 * Europe/Riga: a `meals.report` job whose handler runs the idempotent builder for that institution.
 * Redis holds the schedulers, so a FLUSHALL wipes them; the sweep calls {@link sync} on every pass,
 * which puts back what is missing, follows changed cut-offs and drops those of institutions gone,
 * while the sweep's own catch-up keeps building what a lost scheduler did not. A pass that wants
 * what the last one left, and finds as many schedulers in Redis, stops at that count (one ZCARD)
 * rather than reading every scheduler back every few seconds.
 */
@Injectable()
export class MealReportSchedulers {
  private readonly logger = new Logger('MealReportSchedulers');

  private last?: { wanted: string; count: number; at: number };

  constructor(
    private readonly em: EntityManager,
    private readonly queues: QueueRegistry,
    private readonly clock: Clock,
  ) {}

  /** Makes the schedulers match the institutions' settings; returns how many it created, changed or removed. */
  async sync(): Promise<number> {
    const queue = this.queues.queue(QUEUES.meals);
    const wanted = new Map<string, Wanted>();
    for (const row of await this.institutions()) {
      const times = reportTimes(institutionSettings(row.settings));
      for (const kind of MEAL_REPORT_KINDS) wanted.set(mealReportSchedulerId(row.id, kind), { institutionId: row.id, pattern: mealReportPattern(times[kind]) });
    }
    const wantedKey = JSON.stringify([...wanted]);
    const now = this.clock.now().getTime();
    const last = this.last;
    if (last && last.wanted === wantedKey && now - last.at < FULL_CHECK_EVERY_MS && (await queue.getJobSchedulersCount()) === last.count) return 0;
    const existing = new Map((await queue.getJobSchedulers()).filter((s) => s.key.startsWith(PREFIX)).map((s) => [s.key, s]));
    let changed = 0;
    for (const [id, { institutionId, pattern }] of wanted) {
      const current = existing.get(id);
      if (current?.pattern === pattern && current.tz === RIGA_TZ) continue;
      await queue.upsertJobScheduler(id, { pattern, tz: RIGA_TZ }, { name: 'meals.report', data: { institutionId }, opts: { removeOnComplete: true, removeOnFail: true } });
      changed += 1;
    }
    for (const id of existing.keys()) {
      if (wanted.has(id)) continue;
      await queue.removeJobScheduler(id);
      changed += 1;
    }
    if (changed) this.logger.log({ changed }, 'meal report schedulers synced');
    this.last = { wanted: wantedKey, count: await queue.getJobSchedulersCount(), at: now };
    return changed;
  }

  private async institutions(): Promise<{ id: string; settings: Partial<InstitutionSettings> | string | null }[]> {
    return this.em.getConnection().execute('select id, settings from institution where active = true order by id', [], 'all');
  }
}
