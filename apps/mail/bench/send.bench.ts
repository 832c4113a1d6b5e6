/**
 * Send throughput: 10 teachers, each assigned to one group of 30 students with one guardian each,
 * send class-sized messages back to back for BENCH_SECONDS (default 30) after BENCH_WARMUP_SECONDS
 * (default 5) of unmeasured sends: 10 requests in flight.
 * Counts 201s, reports messages/s and latency, then checks in SQL that every message has 30
 * recipient rows. Fails (exit 1) on more than 1% errors or a wrong row count.
 * The last line of output is a single JSON object; everything before it is for humans.
 */
import {
  JsonClient,
  loginAll,
  messageTo,
  now,
  percentile,
  round1,
  runBench,
  seedSchool,
  startBenchServer,
  summary,
} from './bench-server';

const TEACHERS = 10;
const STUDENTS_PER_GROUP = 30;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
/** Unmeasured sends first, so the rate is of a warmed-up server (JIT, pools, caches), as in service. */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const RECIPIENT_TABLE = 'message_recipient';
const BUCKET_S = 5;

runBench(async (onCleanup) => {
  const setup = await startBenchServer('send');
  onCleanup(() => setup.close());

  const t = now();
  const school = await seedSchool(setup.fx, { teachers: TEACHERS, groupsPerTeacher: 1, studentsPerGroup: STUDENTS_PER_GROUP });
  console.log(`seeded ${TEACHERS} teachers, each with one group of ${STUDENTS_PER_GROUP} students and guardians, in ${round1((now() - t) / 1000)} s`);
  const tokens = await loginAll(
    setup.http,
    school.teachers.map((s) => s.teacher),
  );

  const server = await setup.serve();
  const http = new JsonClient(server.url, TEACHERS);
  onCleanup(() => http.close());

  let sent = 0;
  let errors = 0;
  let firstError: string | undefined;
  const latencies: number[] = [];
  const completions: number[] = [];

  const sendOne = async (teacherNo: number, seq: number, measured: boolean) => {
    const groupId = school.teachers[teacherNo].groups[0].groupId;
    const body = messageTo(school.institutionId, [groupId], `Klase ${teacherNo + 1}: paziņojums ${seq}`, `Rīt sporta diena, līdzi ūdens pudele. (${seq})`);
    const t0 = now();
    let outcome: string | undefined;
    try {
      const res = await http.post('/messages', tokens[teacherNo], body);
      const json = res.json as { recipientCount?: number } | undefined;
      if (res.status !== 201) outcome = `${res.status} ${res.text}`;
      else if (json?.recipientCount !== STUDENTS_PER_GROUP) outcome = `201 with recipientCount ${json?.recipientCount}: ${res.text}`;
    } catch (e) {
      outcome = `request failed: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (outcome === undefined) {
      sent++;
      if (measured) {
        const t1 = now();
        latencies.push(t1 - t0);
        completions.push(t1);
      }
    } else {
      errors++;
      firstError ??= outcome;
    }
    return outcome === undefined;
  };

  // Warm-up (counted in the row check, not in the rates).
  const warmupEnd = now() + WARMUP_SECONDS * 1000;
  await Promise.all(
    tokens.map(async (_, i) => {
      for (let k = 1; k === 1 || now() < warmupEnd; k++) await sendOne(i, -k, false);
    }),
  );
  const warmupSent = sent;
  const warmupErrors = errors;
  if (warmupErrors) throw new Error(`warm-up: ${warmupErrors} failed sends; first: ${firstError}`);

  const start = now();
  const deadline = start + SECONDS * 1000;
  await Promise.all(
    tokens.map(async (_, i) => {
      for (let seq = 1; now() < deadline; seq++) await sendOne(i, seq, true);
    }),
  );
  const elapsedS = (now() - start) / 1000;
  const measured = sent - warmupSent;
  const rate = measured / elapsedS;
  const errorShare = errors / Math.max(1, measured + errors);

  console.log(`${measured} messages in ${round1(elapsedS)} s with ${TEACHERS} in flight: ${round1(rate)} messages/s (${round1(rate * STUDENTS_PER_GROUP)} recipient rows/s)`);
  console.log(`latency  ${summary(latencies)}`);
  // A falling rate across the run points at something that grows with the data (tables, streams, keys).
  const buckets = new Array<number>(Math.ceil(SECONDS / BUCKET_S)).fill(0);
  for (const c of completions) buckets[Math.min(buckets.length - 1, Math.floor((c - start) / 1000 / BUCKET_S))]++;
  console.log(`messages/s per ${BUCKET_S} s: ${buckets.map((n) => round1(n / BUCKET_S)).join(' ')}`);
  if (errors) console.log(`errors: ${errors} (${round1(errorShare * 100)}%); first: ${firstError}`);

  const rows = await setup.query<{ n: number }>(`select count(*)::int as n from ${RECIPIENT_TABLE}`);
  const recipientRows = Number(rows[0]?.n ?? 0);
  const expectedRows = sent * STUDENTS_PER_GROUP;
  const rowsOk = recipientRows === expectedRows;
  console.log(`${RECIPIENT_TABLE} rows: ${recipientRows}, expected ${STUDENTS_PER_GROUP} x ${sent} messages = ${expectedRows}${rowsOk ? '' : '  MISMATCH'}`);

  console.log(
    JSON.stringify({
      bench: 'send',
      messages_per_s: round1(rate),
      latency_p50_ms: round1(percentile(latencies, 50)),
      latency_p99_ms: round1(percentile(latencies, 99)),
      messages: measured,
      errors,
      seconds: round1(elapsedS),
      in_flight: TEACHERS,
      recipients_per_message: STUDENTS_PER_GROUP,
      recipient_rows: recipientRows,
      recipient_rows_ok: rowsOk,
    }),
  );
  return errorShare > 0.01 || !rowsOk ? 1 : 0;
});
