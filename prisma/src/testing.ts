import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/client/client.ts';
import { type Database, isPostgresUrl, openDatabase } from './database.ts';
import { deployMigrations } from './migrate/migrations.ts';
import { createDatabase, dropDatabase } from './postgres-databases.ts';
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

export async function prepareTestTemplate(url = process.env.DATABASE_URL): Promise<TestTemplate> {
  if (url && isPostgresUrl(url)) {
    const template = await createDatabase(url, 'tandem_template');
    const db = await openDatabase({ url: template.url, poolSize: 2 });
    try {
      await deployMigrations(db.sql);
      await seed(db.prisma);
    } finally {
      await db.close();
    }
    return { kind: 'postgres', ref: template.name };
  }
  const pglite = await PGlite.create('memory://', { extensions: { pg_trgm } });
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
  await dropDatabase(url, template.ref);
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
  const copy = await createDatabase(url, 'tandem_test', template.ref);
  const db = await openDatabase({ url: copy.url, onQuery: options.onQuery, poolSize: 4 });
  return {
    ...db,
    async close() {
      await db.close();
      await copy.drop();
    },
  };
}
