import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Throw-away databases on a PostgreSQL server (migration checks, tests): the
 * server is reached through the DATABASE_URL's own database, and each new one
 * gets a random name with a prefix that says what it is for.
 */
export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** The same server and credentials, another database. */
export function urlForDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates a database, empty or as a copy of `template`. */
export async function createDatabase(url: string, prefix: string, template?: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await onServer(url, `CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  return {
    name,
    url: urlForDatabase(url, name),
    drop: () => dropDatabase(url, name),
  };
}

export function dropDatabase(url: string, name: string): Promise<void> {
  return onServer(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
