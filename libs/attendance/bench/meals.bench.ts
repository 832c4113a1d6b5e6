/**
 * Meal counts at scale, on PostgreSQL: 100 institutions, 5,000 groups, 100,000 children, 10% of them
 * absent on the counted day with overlapping notices (every 20th child has two covering it), plus
 * older notices that do not cover it. Times `MealCounts`: all institutions (one statement, as the
 * kitchen's reports will ask) and one institution (as `GET /meals/counts` asks).
 * Checks the numbers (90,000 lunches in all) so a fast wrong answer fails (exit 1).
 * The last line of output is a single JSON object; everything before it is for humans.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { Client } from 'pg';
import { DEFAULT_INSTITUTION_SETTINGS } from '@app/directory/entities/institution.entity';
import { ormOptions } from '@app/persistence/orm-config';
import { createDatabase, dropDatabase } from '@app/persistence/postgres-admin';
import { loadConfig } from '@app/platform/config/load-config';
import { CalendarService, ClosureSet } from '@app/platform/time/calendar.service';
import { FixedClock } from '@app/platform/time/clock';
import { migrate } from '../../../test/support/global-setup.impl';
import { MealCalendar } from '../src/meal-calendar';
import { MealCounts } from '../src/meal-counts';

const INSTITUTIONS = 100;
const GROUPS_PER_INSTITUTION = 50;
const CHILDREN_PER_GROUP = 20;
const CHILDREN = INSTITUTIONS * GROUPS_PER_INSTITUTION * CHILDREN_PER_GROUP;
const DAY = '2026-10-15'; // Thursday
const NOW = new Date('2026-10-14T12:00:00Z'); // after Thursday's order cut-off, before its morning correction

const SEED = [
  `insert into institution (id, name, kind, settings, created_at)
     select md5('i' || i)::uuid, 'Bench ' || i, 'preschool', '${JSON.stringify(DEFAULT_INSTITUTION_SETTINGS)}', now() from generate_series(1, ${INSTITUTIONS}) i`,
  `insert into school_group (id, institution_id, name, kind, school_year, active, created_at)
     select md5('g' || g)::uuid, md5('i' || ((g - 1) / ${GROUPS_PER_INSTITUTION} + 1))::uuid, 'Grupa ' || g, 'preschool_group', '2026/2027', true, now()
       from generate_series(1, ${INSTITUTIONS * GROUPS_PER_INSTITUTION}) g`,
  `insert into group_meals (group_id, breakfast, lunch, snack) select md5('g' || g)::uuid, g % 2 = 0, true, g % 3 <> 0 from generate_series(1, ${INSTITUTIONS * GROUPS_PER_INSTITUTION}) g`,
  `insert into app_user (id, username, given_name, family_name, created_at, updated_at)
     select md5('s' || s)::uuid, 'bench.s' || s, 'Bērns', 'Nr' || s, now(), now() from generate_series(1, ${CHILDREN}) s`,
  `insert into enrolment (id, student_id, group_id, from_date, created_at)
     select md5('e' || s)::uuid, md5('s' || s)::uuid, md5('g' || ((s - 1) / ${CHILDREN_PER_GROUP} + 1))::uuid, '2026-09-01', now() from generate_series(1, ${CHILDREN}) s`,
  `insert into student_diet (student_id, diet) select md5('s' || s)::uuid, (array['vegetarian', 'lactose_free', 'gluten_free', 'other'])[s % 4 + 1] from generate_series(1, ${CHILDREN}) s where s % 8 = 0`,
  // k = 1: every 10th child, Mon–Fri; k = 2: every 20th also open-ended from Wednesday (overlapping); k = 3: every 7th, in September
  `insert into absence_notice (id, student_id, institution_id, from_date, to_date, reason, created_by_id, created_at, updated_at)
     select md5('n' || s || '-' || k)::uuid, md5('s' || s)::uuid, md5('i' || ((s - 1) / ${GROUPS_PER_INSTITUTION * CHILDREN_PER_GROUP} + 1))::uuid,
            (array['2026-10-12', '2026-10-14', '2026-09-14'])[k], (array['2026-10-16', null, '2026-09-18'])[k], 'illness', md5('s' || s)::uuid,
            timestamptz '2026-10-09 08:00+03', timestamptz '2026-10-09 08:00+03'
       from generate_series(1, ${CHILDREN}) s, generate_series(1, 3) k
      where (k = 1 and s % 10 = 0) or (k = 2 and s % 20 = 0) or (k = 3 and s % 7 = 0)`,
  `insert into absence_period (id, notice_id, student_id, from_date, to_date, valid_from)
     select md5('p' || n.id)::uuid, n.id, n.student_id, n.from_date, n.to_date, n.created_at from absence_notice n`,
  'analyze',
];

async function main(): Promise<number> {
  const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `sp_bench_meals_${process.pid}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'sp-bench-meals-'));
  const databaseUrl = await createDatabase(adminUrl, dbName);
  let orm: MikroORM | undefined;
  try {
    migrate(databaseUrl, dataDir);
    const pg = new Client({ connectionString: databaseUrl });
    await pg.connect();
    let t = performance.now();
    for (const sql of SEED) await pg.query(sql);
    await pg.end();
    console.log(`seeded ${INSTITUTIONS} institutions, ${INSTITUTIONS * GROUPS_PER_INSTITUTION} groups, ${CHILDREN} children in ${Math.round(performance.now() - t)} ms`);

    orm = await MikroORM.init({ ...ormOptions(loadConfig({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir, LOG_LEVEL: 'warn' })), debug: false });
    const counts = new MealCounts(orm.em.fork());
    const calendar = new MealCalendar(new CalendarService(new FixedClock(NOW)), DEFAULT_INSTITUTION_SETTINGS, ClosureSet.EMPTY);
    const ids = Array.from({ length: INSTITUTIONS }, (_, i) => md5uuid(`i${i + 1}`));

    const all = async () => {
      const views = await counts.forInstitutions(DAY, ids.map((institutionId) => ({ institutionId, calendar })), NOW);
      return views.reduce((sum, v) => sum + (v.totals.lunch?.total ?? 0), 0);
    };
    const lunches = await all(); // warm-up, and the check
    const expected = CHILDREN - CHILDREN / 10;
    if (lunches !== expected) {
      console.error(`wrong count: ${lunches} lunches, expected ${expected}`);
      return 1;
    }
    const allRuns: number[] = [];
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      await all();
      allRuns.push(performance.now() - t);
    }
    const oneRuns: number[] = [];
    for (let i = 0; i < 50; i++) {
      t = performance.now();
      await counts.forDay(ids[i % ids.length], DAY, calendar, NOW);
      oneRuns.push(performance.now() - t);
    }
    const allMs = Math.round(median(allRuns));
    const oneMs = Math.round(median(oneRuns) * 10) / 10;
    console.log(`counts for ${DAY}, ${lunches} lunches: all ${INSTITUTIONS} institutions median ${allMs} ms (of 5), one institution median ${oneMs} ms (of 50)`);
    console.log(JSON.stringify({ bench: 'meals', all_institutions_ms: allMs, one_institution_ms: oneMs }));
    return 0;
  } finally {
    await orm?.close(true);
    await dropDatabase(adminUrl, dbName);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function md5uuid(s: string): string {
  const h = createHash('md5').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
