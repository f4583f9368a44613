import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/database.ts';
import { deployMigrations, migrationStatus, readMigrations } from '../src/migrate/migrations.ts';
import { pendingSchemaChanges } from '../src/migrate/scratch.ts';

describe('migrations', () => {
  it('hold every change in schema.prisma (no drift), on PGlite and on PostgreSQL when DATABASE_URL is set', async () => {
    expect(await pendingSchemaChanges(process.env.DATABASE_URL)).toBe('');
  });

  it('apply once, record themselves like the Prisma CLI, and are idempotent', async () => {
    const db = await openDatabase({ dataDir: 'memory://' });
    try {
      const files = readMigrations();
      expect(await deployMigrations(db.sql)).toEqual(files.map((f) => f.name));
      expect(await deployMigrations(db.sql)).toEqual([]);
      const status = await migrationStatus(db.sql);
      expect(status).toEqual({ applied: files.map((f) => f.name), pending: [], modified: [], failed: [], unknown: [] });
      const rows = await db.sql.query<{ checksum: string }>('SELECT checksum FROM "_prisma_migrations"');
      expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
    } finally {
      await db.close();
    }
  });

  it('report an edited migration and refuse a half-applied one', async () => {
    const db = await openDatabase({ dataDir: 'memory://' });
    try {
      const files = readMigrations();
      await deployMigrations(db.sql, files);
      const edited = files.map((f, i) => (i === 0 ? { ...f, checksum: 'changed' } : f));
      expect((await migrationStatus(db.sql, edited)).modified).toEqual([files[0]!.name]);
      await db.sql.exec(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('x', 'y', '99990101000000_broken')`,
      );
      await expect(deployMigrations(db.sql, files)).rejects.toThrow(/did not finish/);
    } finally {
      await db.close();
    }
  });

  it('roll back a failing migration completely', async () => {
    const db = await openDatabase({ dataDir: 'memory://' });
    try {
      const bad = {
        name: '20990101000000_bad',
        checksum: 'c',
        sql: 'CREATE TABLE "Half" (id int); SELECT * FROM "DoesNotExist";',
      };
      await expect(deployMigrations(db.sql, [bad])).rejects.toThrow(/Migration 20990101000000_bad failed/);
      const tables = await db.sql.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`);
      expect(tables).toEqual([]);
      expect((await migrationStatus(db.sql, [bad])).pending).toEqual([bad.name]);
    } finally {
      await db.close();
    }
  });
});
