import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ZodIssue } from 'zod';
import { AppConfig, ConfigError, envSchema } from './app-config';

/**
 * Parses the environment once. A bad variable throws `ConfigError` with one line naming it and
 * what was expected, never its value: a mistyped secret or a DATABASE_URL with a password must
 * not end up in a terminal or a log collector. `main.ts` prints that line and exits.
 *
 * Outside production, missing secrets are generated once and kept in `DATA_DIR/secrets.json`
 * so that the embedded default needs no variables and tokens survive a restart.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const v = source[key];
    if (v !== undefined && v !== '') raw[key] = v;
  }
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0]);
    throw new ConfigError(`Invalid configuration: ${name}: ${describe(issue, raw[name])}`);
  }
  const env = parsed.data;
  const databaseUrl = env.DATABASE_URL ?? `sqlite:${join(env.DATA_DIR, 'skolas-pasts.sqlite')}`;

  if (env.NODE_ENV === 'production') {
    for (const name of ['JWT_SECRET', 'SECRETS_KEY'] as const) {
      if (!env[name]) throw new ConfigError(`Invalid configuration: ${name} is required when NODE_ENV=production`);
    }
  }
  const dev = env.JWT_SECRET && env.SECRETS_KEY ? undefined : devSecrets(env.DATA_DIR);
  const jwtSecret = env.JWT_SECRET ?? dev!.jwtSecret;
  const secretsKey = Buffer.from(env.SECRETS_KEY ?? dev!.secretsKey, 'hex');
  return new AppConfig(env, databaseUrl, jwtSecret, secretsKey);
}

/** The schema's messages say what was expected; one that quotes the input (zod's defaults can) is replaced. */
function describe(issue: ZodIssue, value: string | undefined): string {
  return value !== undefined && issue.message.includes(value) ? 'not a valid value' : issue.message;
}

function devSecrets(dataDir: string): { jwtSecret: string; secretsKey: string } {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const secrets = { jwtSecret: randomBytes(48).toString('base64url'), secretsKey: randomBytes(32).toString('hex') };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
