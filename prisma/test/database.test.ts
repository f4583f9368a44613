import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase, statementNames } from '../src/database.ts';
import { createDatabase } from '../src/postgres-databases.ts';
import { foldForSearch } from '../src/search-text.ts';

describe('opening the database', () => {
  it('keeps data in the embedded data directory across reopening', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'tandem-db-')), 'db');
    const first = await openDatabase({ dataDir });
    await first.sql.exec('CREATE TABLE kept (v int); INSERT INTO kept VALUES (42);');
    await first.close();
    const second = await openDatabase({ dataDir });
    expect(await second.sql.query('SELECT v FROM kept')).toEqual([{ v: 42 }]);
    await second.close();
  });

  it('refuses a data directory another running process holds, and takes over a stale lock', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'tandem-db-')), 'db');
    // pid 1 always runs: the lock is live.
    writeFileSync(`${dataDir}.lock`, '1');
    await expect(openDatabase({ dataDir })).rejects.toThrow(DatabaseOpenError);
    await expect(openDatabase({ dataDir })).rejects.toThrow(/in use by process 1/);
    // A pid that cannot exist: the lock is stale.
    writeFileSync(`${dataDir}.lock`, '2147483646');
    const db = await openDatabase({ dataDir });
    await db.close();
  });

  it('explains a DATABASE_URL that is not PostgreSQL, and an unreachable server', async () => {
    await expect(openDatabase({ url: 'mysql://localhost/x' })).rejects.toThrow(/must start with postgres/);
    await expect(openDatabase({ url: 'postgresql://nobody@127.0.0.1:1/none' })).rejects.toThrow(
      /Cannot reach PostgreSQL/,
    );
  });
});

describe.runIf(process.env.DATABASE_URL)('a PostgreSQL connection that the server ends', () => {
  it('is replaced, and the process carries on', async () => {
    const scratch = await createDatabase(process.env.DATABASE_URL!, 'tandem_terminate');
    const db = await openDatabase({ url: scratch.url, poolSize: 2 });
    try {
      await db.sql.query('SELECT 1');
      // As a restart of PostgreSQL or an administrator would: ends the pool's idle connections.
      const admin = await openDatabase({ url: process.env.DATABASE_URL!, poolSize: 1 });
      const ended = await admin.sql.query<{ ended: boolean }>(
        'SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = $1',
        [new URL(scratch.url).pathname.slice(1)],
      );
      await admin.close();
      expect(ended.length).toBeGreaterThan(0);
      // Without a listener on the pool, the ended connection's error is uncaught and fails this run.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await db.sql.query('SELECT 2 AS v')).toEqual([{ v: 2 }]);
    } finally {
      await db.close();
      await scratch.drop();
    }
  });
});

describe('prepared statement names', () => {
  it('names the same text alike and texts of the same length apart, up to the limit', () => {
    const nameOf = statementNames(3);
    // Built anew each time, as Prisma's statements are for every request.
    const text = (word: string) => ['SELECT', `'${word}'`, 'AS x'].join(' ');
    const first = nameOf({ sql: text('abc') });
    expect(nameOf({ sql: text('abc') })).toBe(first);
    const sameLength = nameOf({ sql: text('abd') });
    expect(sameLength).not.toBe(first);
    expect(nameOf({ sql: text('abd') })).toBe(sameLength);
    const longer = nameOf({ sql: text('abcd') });
    expect(new Set([first, sameLength, longer]).size).toBe(3);
    // Past the limit, statements go unnamed (pg sends them unprepared); known ones keep their names.
    expect(nameOf({ sql: text('other') })).toBeUndefined();
    expect(nameOf({ sql: text('abcd') })).toBe(longer);
  });
});

describe('search folding', () => {
  it('lower-cases and drops Slovenian diacritics', () => {
    expect(foldForSearch('  Učna  POMOČ, šola in Žalec; Đurđa ')).toBe('ucna pomoc, sola in zalec; durda');
  });
});
