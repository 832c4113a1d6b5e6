import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, envSchema } from './app-config';
import { loadConfig } from './load-config';

const dir = () => mkdtempSync(join(tmpdir(), 'sp-cfg-'));

describe('loadConfig', () => {
  it('works with no variables at all: SQLite under DATA_DIR, local Redis, generated secrets kept for the next start', () => {
    const DATA_DIR = dir();
    const c = loadConfig({ DATA_DIR });
    expect(c.databaseKind).toBe('sqlite');
    expect(c.databaseUrl).toBe(`sqlite:${join(DATA_DIR, 'skolas-pasts.sqlite')}`);
    expect(c.env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(c.env.ACCESS_TOKEN_TTL).toBe(15 * 60_000);
    expect(c.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(c.secretsKey).toHaveLength(32);
    expect(loadConfig({ DATA_DIR }).jwtSecret).toBe(c.jwtSecret);
    expect(JSON.parse(readFileSync(join(DATA_DIR, 'secrets.json'), 'utf8')).jwtSecret).toBe(c.jwtSecret);
  });

  it.each([
    [{ PORT: 'eighty' }, 'Invalid configuration: PORT: expected a port number'],
    [{ DATABASE_URL: 'mysql://x' }, 'Invalid configuration: DATABASE_URL: expected postgres://user@host:port/db or sqlite:<file path>'],
    [{ REDIS_URL: 'localhost:6379' }, 'Invalid configuration: REDIS_URL: expected redis://host:port[/db]'],
    [{ ACCESS_TOKEN_TTL: '15 minutes' }, 'Invalid configuration: ACCESS_TOKEN_TTL: expected a duration such as 900s, 15m, 30d'],
    [{ JWT_SECRET: 'short' }, 'Invalid configuration: JWT_SECRET: expected at least 32 characters'],
    [{ LOG_LEVEL: 'loud' }, 'Invalid configuration: LOG_LEVEL: expected fatal, error, warn, info, debug, trace or silent'],
    [{ NODE_ENV: 'staging' }, 'Invalid configuration: NODE_ENV: expected development, production or test'],
    [{ DEMO_DATA: 'maybe' }, 'Invalid configuration: DEMO_DATA: expected true or false'],
  ])('names the bad variable and what it expects in one line, never its value: %o', (env, message) => {
    const error = (() => {
      try {
        loadConfig({ DATA_DIR: dir(), ...env });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(message);
  });

  it('never echoes the value of any variable it refuses', () => {
    const secret = 'Hunter2-Sekrets';
    const values = [`mysql://admin:${secret}@db.skola.lv/sp`, secret, `${secret}!`, `-${secret}`];
    // With both secrets given nothing is written, even when DATA_DIR is the variable under test.
    const base = { DATA_DIR: dir(), JWT_SECRET: 'x'.repeat(40), SECRETS_KEY: 'ab'.repeat(32) };
    let refused = 0;
    for (const name of Object.keys(envSchema.shape)) {
      for (const value of values) {
        try {
          loadConfig({ ...base, [name]: value });
        } catch (e) {
          refused++;
          expect(e).toBeInstanceOf(ConfigError);
          expect((e as Error).message).toMatch(new RegExp(`^Invalid configuration: ${name}: `));
          expect((e as Error).message).not.toContain(secret);
        }
      }
    }
    expect(refused).toBeGreaterThan(20);
  });

  it('requires real secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dir() })).toThrow('JWT_SECRET is required when NODE_ENV=production');
    const c = loadConfig({
      NODE_ENV: 'production',
      DATA_DIR: dir(),
      JWT_SECRET: 'x'.repeat(40),
      SECRETS_KEY: 'ab'.repeat(32),
      DATABASE_URL: 'postgres://u@h:5432/d',
    });
    expect(c.isProduction).toBe(true);
    expect(c.databaseKind).toBe('postgresql');
  });
});
