import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Permission } from '@app/access/access.table';
import { InstitutionRules, MealCounts, MealReport, type MealReportCounts } from '@app/attendance';
import { RealtimeBridge } from '@app/notifications/realtime/realtime-bridge';
import { RedisConnection } from '@app/platform/redis/redis.module';
import { Clock } from '@app/platform/time/clock';
import { mealDeltas } from './meal-deltas';

/** What the kitchen was last told for a day, kept long enough to outlive the day's cut-offs. */
const TOLD_TTL_SECONDS = 3 * 24 * 3600;

interface Told {
  reportId: string;
  groups: MealReportCounts['groups'];
}

/**
 * The `meals.update` job: after a report was sent for a day, tells the kitchen how that day's counts
 * moved since it last heard of them (the latest report, or the previous update). The counts are read
 * afresh, as of now, when the debounced job runs, so every change made before it is in it however
 * many notices started it; the cut-offs are in the counts themselves (a cancellation after the
 * same-day cut-off, or a return after the order cut-off, moves no number), so a change that no
 * longer counts sends nothing. What was last told sits in Redis; if a flush lost it, the deltas are
 * counted from the latest report again, and `totals` are always the day's whole numbers.
 */
@Injectable()
export class MealUpdates {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly rules: InstitutionRules,
    private readonly counts: MealCounts,
    private readonly redis: RedisConnection,
    private readonly realtime: RealtimeBridge,
  ) {}

  async push(institutionId: string, date: string): Promise<void> {
    const [report] = await this.em.fork().find(MealReport, { institutionId, date }, { orderBy: { computedAt: 'desc' }, limit: 1 });
    const calendar = report && (await this.rules.mealCalendar(institutionId));
    if (!report || !calendar) return;
    const view = await this.counts.forDay(institutionId, date, calendar, this.clock.now());
    const key = `meals:told:${institutionId}:${date}`;
    const told = parseTold(await this.redis.client.get(key));
    const deltas = mealDeltas(told?.reportId === report.id ? told.groups : report.counts.groups, view.groups);
    if (!deltas.length) return;
    await this.redis.client.set(key, JSON.stringify({ reportId: report.id, groups: view.groups } satisfies Told), 'EX', TOLD_TTL_SECONDS);
    await this.realtime.publish({ institutionId, permission: Permission.MealCounts }, 'meals:update', {
      institutionId,
      date,
      version: view.version,
      deltas,
      totals: view.totals,
    });
  }
}

function parseTold(raw: string | null): Told | undefined {
  try {
    return raw ? (JSON.parse(raw) as Told) : undefined;
  } catch {
    return undefined;
  }
}
