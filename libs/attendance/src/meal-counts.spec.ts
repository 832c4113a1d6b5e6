import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { DEFAULT_INSTITUTION_SETTINGS, Enrolment, Group, Institution, User } from '@app/directory/entities';
import { ormOptions } from '@app/persistence/orm-config';
import { loadConfig } from '@app/platform/config/load-config';
import { CalendarService, ClosureSet } from '@app/platform/time/calendar.service';
import { FixedClock } from '@app/platform/time/clock';
import { AbsenceNotice, AbsencePeriod, GroupMeals } from './entities';
import { MealCalendar } from './meal-calendar';
import { MealCounts } from './meal-counts';
import { mealsCancelled, type CoverageVersion } from './meal-cutoffs';

jest.setTimeout(60_000);

/** A small deterministic PRNG, so a failure replays. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * The counts statement is the SQL twin of `mealsCancelled`: for random notice histories (made,
 * ended early, extended, made open-ended, at instants around both cut-offs) the two must agree on
 * every child at every instant the kitchen may ask. Runs on SQLite, the embedded default.
 */
describe('MealCounts agrees with mealsCancelled', () => {
  const calendar = new MealCalendar(new CalendarService(new FixedClock('2026-10-14T07:00:00Z')), DEFAULT_INSTITUTION_SETTINGS, ClosureSet.EMPTY);
  const DAY = '2026-10-15'; // Thursday: order cut-off Wed 06:30Z, same-day Thu 05:50Z
  const cutoffs = calendar.cutoffs(DAY);
  let dataDir: string;
  let orm: MikroORM;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'meal-counts-'));
    orm = await MikroORM.init(ormOptions(loadConfig({ DATABASE_URL: 'sqlite::memory:', DATA_DIR: dataDir })));
    await orm.getMigrator().up();
  });
  afterAll(async () => {
    await orm?.close(true);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('for 60 children with random histories, at instants around both cut-offs', async () => {
    const random = rng(12);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const em = orm.em.fork();
    const inst = em.create(Institution, { name: 'PII', kind: 'preschool' });
    const group = em.create(Group, { institution: inst, name: 'Saulīte', kind: 'preschool_group', schoolYear: '2026/2027' });
    em.create(GroupMeals, { group, lunch: true });
    // instants around the cut-offs, in order
    const instants = ['2026-10-13T09:00:00Z', '2026-10-14T06:29:00Z', '2026-10-14T06:30:00Z', '2026-10-14T06:31:00Z', '2026-10-14T15:00:00Z', '2026-10-15T05:49:00Z', '2026-10-15T05:50:00Z', '2026-10-15T05:51:00Z', '2026-10-15T09:00:00Z'].map((s) => new Date(s));
    const ends = ['2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16', null];
    const histories = new Map<string, CoverageVersion[]>();
    for (let i = 0; i < 60; i++) {
      const child = em.create(User, { username: `c${i}.${Date.now()}`, givenName: 'C', familyName: `${i}`, createdAt: new Date(), updatedAt: new Date() });
      em.create(Enrolment, { student: child, group, fromDate: '2026-09-01' });
      const versions: CoverageVersion[] = [];
      if (random() < 0.8) {
        const changes = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(instants)))].sort((a, b) => a.getTime() - b.getTime());
        const from = pick(['2026-10-12', '2026-10-14', '2026-10-15']);
        const notice = em.create(AbsenceNotice, { student: child, institution: inst, fromDate: from, reason: 'illness', createdBy: child, createdAt: changes[0], updatedAt: changes[0] });
        changes.forEach((at, k) => {
          const to = pick(ends.filter((e) => e === null || e >= from));
          const validTo = changes[k + 1] ?? null;
          versions.push({ from, to, validFrom: at, validTo });
          em.create(AbsencePeriod, { notice, student: child, fromDate: from, toDate: to, validFrom: at, validTo });
        });
      }
      histories.set(child.id, versions);
    }
    await em.flush();

    const counts = new MealCounts(orm.em.fork());
    for (const now of instants) {
      const expected = [...histories.values()].filter((v) => !mealsCancelled(v, DAY, cutoffs, now)).length;
      const view = await counts.forDay(inst.id, DAY, calendar, now);
      expect({ now, lunch: view.totals.lunch?.total }).toEqual({ now, lunch: expected });
    }
  });
});
