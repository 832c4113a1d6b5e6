import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './app-config';
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
    [{ PORT: 'eighty' }, /^Invalid configuration: PORT="eighty": expected a port number$/],
    [{ DATABASE_URL: 'mysql://x' }, /^Invalid configuration: DATABASE_URL="mysql:\/\/x": expected postgres:\/\/.* or sqlite:/],
    [{ REDIS_URL: 'localhost:6379' }, /^Invalid configuration: REDIS_URL=.*expected redis:\/\//],
    [{ ACCESS_TOKEN_TTL: '15 minutes' }, /^Invalid configuration: ACCESS_TOKEN_TTL=.*expected a duration/],
    [{ JWT_SECRET: 'short' }, /^Invalid configuration: JWT_SECRET=.*at least 32 characters/],
    [{ LOG_LEVEL: 'loud' }, /^Invalid configuration: LOG_LEVEL=/],
    [{ DEMO_DATA: 'maybe' }, /^Invalid configuration: DEMO_DATA="maybe": expected true or false$/],
  ])('names the bad variable in one line: %o', (env, message) => {
    expect(() => loadConfig({ DATA_DIR: dir(), ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dir(), ...env })).toThrow(message);
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
