import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/client/client.ts';
import { type Database, isPostgresUrl, openDatabase } from './database.ts';
import { deployMigrations } from './migrate/migrations.ts';
import { pgliteRunner } from './sql-runner.ts';
import { seed } from './seed/index.ts';

/**
 * Test databases. A seeded template is built once per test run; each test file
 * then opens its own copy, so files never see each other's writes:
 *  - embedded: the template is a PGlite data-directory dump loaded into memory;
 *  - PostgreSQL (DATABASE_URL): the template is a database, copied with
 *    CREATE DATABASE … TEMPLATE.
 */
export interface TestTemplate {
  kind: 'pglite' | 'postgres';
  /** Dump file (pglite) or template database name (postgres). */
  ref: string;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function prepareTestTemplate(url = process.env.DATABASE_URL): Promise<TestTemplate> {
  if (url && isPostgresUrl(url)) {
    const name = `tandem_template_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    const db = await openDatabase({ url: withDatabase(url, name), poolSize: 2 });
    try {
      await deployMigrations(db.sql);
      await seed(db.prisma);
    } finally {
      await db.close();
    }
    return { kind: 'postgres', ref: name };
  }
  const pglite = await PGlite.create('memory://');
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  try {
    await deployMigrations(pgliteRunner(pglite));
    await seed(prisma);
    const dump = await pglite.dumpDataDir('none');
    const file = join(mkdtempSync(join(tmpdir(), 'tandem-test-')), 'template.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    return { kind: 'pglite', ref: file };
  } finally {
    await prisma.$disconnect();
    await pglite.close();
  }
}

/** Drops a PostgreSQL template after the run (a PGlite dump is a temp file). */
export async function disposeTestTemplate(template: TestTemplate, url = process.env.DATABASE_URL): Promise<void> {
  if (template.kind !== 'postgres' || !url) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${template.ref}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** A fresh, seeded database for one test file; `close()` discards it. */
export async function openTestDatabase(
  template: TestTemplate,
  options: { onQuery?: (sql: string) => void; url?: string } = {},
): Promise<Database> {
  const url = options.url ?? process.env.DATABASE_URL;
  if (template.kind === 'pglite') {
    const dump = new Blob([readFileSync(template.ref)]);
    return openDatabase({ dataDir: 'memory://', loadDataDir: dump, onQuery: options.onQuery });
  }
  if (!url) throw new Error('A PostgreSQL test template needs DATABASE_URL.');
  const name = `tandem_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template.ref}"`);
  } finally {
    await admin.end();
  }
  const db = await openDatabase({ url: withDatabase(url, name), onQuery: options.onQuery, poolSize: 4 });
  return {
    ...db,
    async close() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
