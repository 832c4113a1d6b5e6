import { z } from 'zod';

/**
 * The one schema for the environment. Everything else injects `AppConfig` and never reads
 * `process.env`, so a typo in a variable name fails at boot instead of at 3 a.m.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const duration = z
  .string()
  .regex(/^\d+(ms|s|m|h|d)$/, { message: 'expected a duration such as 900s, 15m, 30d' })
  .transform(parseDuration);

/** A Riga-local time of day, `HH:mm`. */
const rigaTimeOfDay = (fallback: string) =>
  z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected HH:mm (Riga time)' })
    .default(fallback);
const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

/** `HH:mm-HH:mm` (Riga wall time, may span midnight) or `off`: QUIET_HOURS and an institution's override. */
export const QUIET_HOURS_PATTERN = /^(off|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/;

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { message: 'expected development, production or test' }).default('development'),
  PORT: z.coerce.number({ message: 'expected a port number' }).int().min(0).max(65535).optional(),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/.+|sqlite:.+)$/, {
      message: 'expected postgres://user@host:port/db or sqlite:<file path>',
    })
    .optional(),
  DATABASE_DEBUG: bool.default('false'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, { message: 'expected redis://host:port[/db]' })
    .default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z.string().regex(/^[a-z0-9:_-]+$/i).default('sp'),
  JWT_SECRET: z.string().min(32, { message: 'expected at least 32 characters' }).optional(),
  SECRETS_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, { message: 'expected 64 hex characters (a 256-bit key)' })
    .optional(),
  ACCESS_TOKEN_TTL: duration.default('15m'),
  REFRESH_TOKEN_TTL: duration.default('30d'),
  /** Sign-in attempts one client may make on one username before delays start. */
  LOGIN_FREE_ATTEMPTS: z.coerce.number().int().positive().default(3),
  /** The first delay after the free attempts; it doubles with each further failure, up to the cap. */
  LOGIN_DELAY_BASE: duration.default('1s'),
  LOGIN_DELAY_MAX: duration.default('15m'),
  /** Ceilings per window: failures on one username from all clients, and from one client on all usernames. */
  LOGIN_MAX_FAILURES_PER_USERNAME: z.coerce.number().int().positive().default(100),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(200),
  LOGIN_FAILURE_WINDOW: duration.default('1h'),
  CORS_ORIGINS: list.default(''),
  TRUST_PROXY: z.string().default('loopback'),
  BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i, { message: 'expected a size such as 100kb' }).default('256kb'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'expected fatal, error, warn, info, debug, trace or silent' })
    .default('info'),
  LOG_PRETTY: bool.default('false'),
  /** Seed demo data into an empty database; the embedded default turns it on unless this says false. */
  DEMO_DATA: bool.optional(),
  /** Apply pending migrations before listening (the embedded default always does). */
  MIGRATE_ON_START: bool.default('false'),
  OUTBOX_DIR: z.string().optional(),
  /** The built web client (`npm run build:web`), served at / and /app/ when the folder exists. */
  WEB_DIR: z.string().default('./dist/web'),
  /** Flood control: messages (and replies) one sender may send per window, shared by all instances. */
  MESSAGE_RATE_LIMIT: z.coerce.number().int().positive().default(60),
  MESSAGE_RATE_WINDOW: duration.default('10m'),
  /** Upper bound on one message's expanded audience (a whole school's guardians fit). */
  MESSAGE_MAX_RECIPIENTS: z.coerce.number().int().positive().default(3000),
  /**
   * Offline alerts for normal-priority messages wait this long, so a message read in the app sends
   * nothing (service-wide default; institutions may override).
   */
  ALERT_DELAY_SECONDS: z.coerce.number({ message: 'expected a number of seconds' }).int().min(0).default(600),
  /** A message's confirmation reminder goes this long before its deadline (at once if that is past). */
  ACK_REMINDER_BEFORE: duration.default('24h'),
  /** No non-urgent SMS or e-mail alerts in this Riga-local window (`21:00-07:00`), or `off`. */
  QUIET_HOURS: z
    .string()
    .regex(QUIET_HOURS_PATTERN, { message: 'expected HH:mm-HH:mm (Riga time) or off' })
    .default('21:00-07:00'),
  /** SMS segments per second per Twilio sender, shared by all workers through Redis; 0 turns the limit off. */
  SMS_RATE_PER_SECOND: z.coerce.number().int().min(0).max(10_000).default(10),
  /** Riga-local time (`HH:mm`) at which the daily digests of those who chose one are built and sent. */
  DIGEST_TIME: rigaTimeOfDay('18:00'),
  /**
   * Riga-local time (`HH:mm`) of the teachers' daily reminder on working days: today's lessons still
   * without a topic or attendance (interest education: those due today), before the 18:00 deadline of seed 001 §4.1.
   */
  LESSON_REMINDER_TIME: rigaTimeOfDay('17:00'),
  /**
   * Riga-local time (`HH:mm`) of the monthly grade statements to guardians (seed 001 §3.4: by the 5th),
   * on the first working day on or after the 1st of the month after the one reported.
   */
  STATEMENT_TIME: rigaTimeOfDay('08:00'),
  /**
   * Riga-local time (`HH:mm`) of the teachers' reminder, on working days, of tests not marked within
   * five working days (seed 001 §4.2).
   */
  TEST_REMINDER_TIME: rigaTimeOfDay('08:00'),
  /**
   * Riga-local time (`HH:mm`) of the weekly overdue summary to the deputy heads, on the first working
   * day of the week: lessons without a topic past their deadline, tests not marked in time.
   */
  OVERDUE_SUMMARY_TIME: rigaTimeOfDay('08:00'),
  /**
   * Run the notifications worker (outbox relay, recovery sweep, BullMQ processors) in this process.
   * Off for app instances that only serve HTTP next to separate workers.
   */
  NOTIFICATIONS_WORKER: bool.default('true'),
  /** How often the recovery sweep looks for due, stale or lost deliveries. */
  DELIVERY_SWEEP_INTERVAL: duration.default('5s'),
  /**
   * A claim (`sending`) older than this whose job no live worker holds belongs to a worker that died
   * mid-send; the sweep then returns the e-mail to pending and marks the SMS unknown.
   */
  DELIVERY_STALE_CLAIM: duration.default('2m'),
  /**
   * How long a worker's hold on a running job lasts unless renewed (every half of it), and how often
   * the live workers look for jobs whose holder died: a worker killed mid-send leaves its jobs held
   * for up to two of these before another worker takes them back (BullMQ's lockDuration and
   * stalledInterval). Shorter recovers sooner; a worker whose event loop stalls longer than this loses
   * jobs it is still running to another worker (their claims in PostgreSQL keep a send from doubling).
   */
  JOB_LOCK_DURATION: duration.default('30s'),
  /**
   * The institution that operates the service (e.g. the municipality's education board): its admins
   * open the job queues' dashboard at /admin/queues. Unset: nobody does.
   */
  QUEUE_DASHBOARD_INSTITUTION: z.string().uuid({ message: 'expected an institution id (UUID)' }).optional(),
  /** How long a dashboard cookie lasts; every request also re-checks the session and the role. */
  QUEUE_DASHBOARD_SESSION: duration.default('15m'),
  /** Temporary failures are retried this many times in all before a delivery is `failed`. */
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** SMTP server for e-mail (`smtp://host:port`, `smtps://user:pass@host`); without it e-mail goes to .eml files under the outbox folder. */
  SMTP_URL: z.string().regex(/^smtps?:\/\/.+/, { message: 'expected smtp://host:port or smtps://user:password@host:port' }).optional(),
  MAIL_FROM: z.string().min(3).default('skolas-pasts <noreply@skolas-pasts.local>'),
  /** Twilio account; without all three, SMS go to a log file under the outbox folder. */
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-zA-Z]{32}$/, { message: 'expected AC followed by 32 letters or digits' }).optional(),
  TWILIO_AUTH_TOKEN: z.string().min(16, { message: 'expected the account’s auth token' }).optional(),
  /** Alphanumeric sender id (up to 11 characters) or an E.164 number. */
  TWILIO_FROM: z.string().regex(/^(\+\d{6,15}|[A-Za-z0-9 ]{1,11})$/, { message: 'expected an E.164 number or an alphanumeric id of up to 11 characters' }).optional(),
  /** Twilio's API base; tests point it at a local server that speaks the Messages API. */
  TWILIO_API_URL: z.string().url({ message: 'expected a URL such as https://api.twilio.com' }).default('https://api.twilio.com'),
  /**
   * How long one request to Twilio may take. A send that gets no answer in time is `unknown` (it may
   * have arrived); the sweep later looks it up in Twilio's message list.
   */
  TWILIO_TIMEOUT: duration.default('10s'),
  /** This service's public base URL: links in texts and Twilio's StatusCallback (signatures are checked against it). */
  PUBLIC_URL: z.string().url({ message: 'expected a URL such as https://pasts.example.lv' }).default('http://localhost:3000'),
  APP_NAME: z.string().default('skolas-pasts'),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

export function parseDuration(value: string): number {
  const m = /^(\d+)(ms|s|m|h|d)$/.exec(value);
  if (!m) throw new ConfigError('expected a duration such as 900s, 15m, 30d');
  const n = Number(m[1]);
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'ms'];
  return n * unit;
}

/** Validated configuration. Secrets are resolved by `loadConfig` (generated for dev, required in production). */
export class AppConfig {
  constructor(
    readonly env: Env,
    readonly databaseUrl: string,
    readonly jwtSecret: string,
    readonly secretsKey: Buffer,
  ) {}

  get isProduction(): boolean {
    return this.env.NODE_ENV === 'production';
  }

  get databaseKind(): 'postgresql' | 'sqlite' {
    return this.databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgresql';
  }

  get outboxDir(): string {
    return this.env.OUTBOX_DIR ?? `${this.env.DATA_DIR}/outbox`;
  }
}
