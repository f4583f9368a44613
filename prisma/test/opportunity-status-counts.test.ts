// "OpportunityStatusCount" (migration opportunity_status_counts) must always equal
// counting "Opportunity" by status: the list's unfiltered totalCount reads it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/database.ts';
import { deployMigrations } from '../src/migrate/migrations.ts';
import { createDatabase, type ScratchDatabase } from '../src/postgres-databases.ts';

const SETUP = `
  INSERT INTO "Region" ("code", "nutsCode", "nameSl", "nameEn", "sortOrder") VALUES ('r', 'SI000', 'Regija', 'Region', 1);
  INSERT INTO "Area" ("code", "nameSl", "nameEn", "sortOrder") VALUES ('a', 'Področje', 'Area', 1);
  INSERT INTO "Organization" ("id", "slug", "name", "kind", "regionCode", "city", "updatedAt")
    VALUES ('org', 'org', 'Društvo', 'NGO', 'r', 'Maribor', now());`;

/** `n` opportunities o<from>… in one statement, with the given status. */
const insert = (from: number, n: number, status: string) => `
  INSERT INTO "Opportunity" ("id", "organizationId", "slug", "titleSl", "descriptionSl", "areaCode", "regionCode", "status", "updatedAt")
  SELECT 'o' || i, 'org', 's' || i, 'Naslov', 'Opis', 'a', 'r', '${status}', now() FROM generate_series(${from}, ${from + n - 1}) AS i`;

async function expectCountsToMatch(db: Database) {
  const kept = await db.sql.query<{ status: string; n: number }>(
    `SELECT "status"::text AS status, "opportunities" AS n FROM "OpportunityStatusCount" WHERE "opportunities" <> 0 ORDER BY 1`,
  );
  const counted = await db.sql.query<{ status: string; n: number }>(
    `SELECT "status"::text AS status, count(*)::int AS n FROM "Opportunity" GROUP BY 1 ORDER BY 1`,
  );
  expect(kept).toEqual(counted);
  return Object.fromEntries(kept.map((r) => [r.status, r.n]));
}

function followsEveryChange(open: () => Promise<{ db: Database; close: () => Promise<void> }>) {
  let db: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await open());
    await db.sql.exec(SETUP);
  });
  afterAll(() => close());

  it('follows inserts, status changes, other changes, deletes and TRUNCATE, one statement at a time or many rows in one', async () => {
    await db.sql.exec(insert(1, 30, 'DRAFT'));
    expect(await expectCountsToMatch(db)).toEqual({ DRAFT: 30 });
    await db.sql.exec(
      `UPDATE "Opportunity" SET "status" = 'PUBLISHED' WHERE "id" IN (SELECT 'o' || i FROM generate_series(1, 20) AS i)`,
    );
    expect(await expectCountsToMatch(db)).toEqual({ DRAFT: 10, PUBLISHED: 20 });
    await db.sql.exec(`UPDATE "Opportunity" SET "status" = 'CLOSED' WHERE "id" = 'o1'`);
    // A change of other columns, and one that sets the status it already has, count nothing.
    await db.sql.exec(`UPDATE "Opportunity" SET "titleSl" = 'Drug naslov'`);
    await db.sql.exec(`UPDATE "Opportunity" SET "status" = 'PUBLISHED' WHERE "status" = 'PUBLISHED'`);
    expect(await expectCountsToMatch(db)).toEqual({ CLOSED: 1, DRAFT: 10, PUBLISHED: 19 });
    // Swapping statuses in one statement.
    await db.sql.exec(
      `UPDATE "Opportunity" SET "status" = CASE "status" WHEN 'DRAFT' THEN 'PUBLISHED'::"OpportunityStatus" ELSE 'DRAFT'::"OpportunityStatus" END`,
    );
    expect(await expectCountsToMatch(db)).toEqual({ DRAFT: 20, PUBLISHED: 10 });
    await db.sql.exec(`DELETE FROM "Opportunity" WHERE "status" = 'DRAFT' AND "id" <> 'o2'`);
    expect(await expectCountsToMatch(db)).toEqual({ DRAFT: 1, PUBLISHED: 10 });
    await db.sql.exec(`TRUNCATE "Opportunity" CASCADE`);
    expect(await expectCountsToMatch(db)).toEqual({});
    await db.sql.exec(insert(100, 5, 'PUBLISHED'));
    expect(await expectCountsToMatch(db)).toEqual({ PUBLISHED: 5 });
  });

  it('counts nothing of a change that is rolled back', async () => {
    const before = await expectCountsToMatch(db);
    await expect(
      db.sql.transaction(async (tx) => {
        await tx.exec(insert(200, 3, 'PUBLISHED'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await expectCountsToMatch(db)).toEqual(before);
  });

  return () => db;
}

describe('the count of opportunities by status, on PGlite', () => {
  followsEveryChange(async () => {
    const db = await openDatabase({ dataDir: 'memory://' });
    await deployMigrations(db.sql);
    return { db, close: () => db.close() };
  });
});

describe.runIf(process.env.DATABASE_URL)('the count of opportunities by status, on PostgreSQL', () => {
  let scratch: ScratchDatabase;
  const db = followsEveryChange(async () => {
    scratch = await createDatabase(process.env.DATABASE_URL!, 'tandem_counts');
    const opened = await openDatabase({ url: scratch.url, poolSize: 8 });
    await deployMigrations(opened.sql);
    return {
      db: opened,
      close: async () => {
        await opened.close();
        await scratch.drop();
      },
    };
  });

  it('stays right when transactions change statuses at once (no lost update)', async () => {
    await db().sql.exec(`${insert(300, 20, 'DRAFT')}; ${insert(400, 20, 'PUBLISHED')}`);
    const move = (id: string, to: string) =>
      db().sql.transaction(async (tx) => {
        await tx.exec(`UPDATE "Opportunity" SET "status" = '${to}' WHERE "id" = '${id}'`);
        // Holds the counts' row locks a little, so that the transactions overlap.
        await tx.exec('SELECT pg_sleep(0.005)');
      });
    for (let i = 0; i < 20; i++) {
      await Promise.all([
        move(`o${300 + i}`, 'PUBLISHED'),
        move(`o${400 + i}`, 'DRAFT'),
        move(`o${400 + i}`, 'CLOSED'),
      ]);
    }
    await expectCountsToMatch(db());
  });
});
