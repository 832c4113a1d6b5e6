import { Client } from 'pg';

/**
 * Creates (or re-creates) a database through an admin URL and returns the URL that points at it;
 * `template`: a copy of that database (which nobody may be connected to), e.g. an already migrated one.
 */
export async function createDatabase(adminUrl: string, name: string, options: { template?: string } = {}): Promise<string> {
  const pg = new Client({ connectionString: adminUrl });
  await pg.connect();
  try {
    await pg.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await pg.query(`CREATE DATABASE ${name}${options.template ? ` TEMPLATE ${options.template}` : ''}`);
  } finally {
    await pg.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const pg = new Client({ connectionString: adminUrl });
  await pg.connect();
  try {
    await pg.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await pg.end();
  }
}
