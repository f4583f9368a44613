import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlRunner } from '../sql-runner.ts';

/** The checked-in migrations folder (prisma/migrations). */
export const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations');

/** Prisma's own advisory lock id, so the native CLI and we never migrate at once. */
const MIGRATION_LOCK_ID = 72707369;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = migrationsDir): MigrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

// The same table the native Prisma CLI keeps, so `prisma migrate deploy` can
// take over on a machine that has the native engine.
const CREATE_HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface HistoryRow extends Record<string, unknown> {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Applied migrations whose file changed since (never edit an applied migration). */
  modified: string[];
  /** Started but never finished: needs a person to look. */
  failed: string[];
  /** In the database but not in the folder: the database is ahead of this code. */
  unknown: string[];
}

async function readHistory(runner: SqlRunner): Promise<HistoryRow[]> {
  await runner.exec(CREATE_HISTORY_TABLE);
  return runner.query<HistoryRow>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
  );
}

export async function migrationStatus(runner: SqlRunner, files = readMigrations()): Promise<MigrationStatus> {
  const history = (await readHistory(runner)).filter((row) => row.rolled_back_at === null);
  const byName = new Map(history.map((row) => [row.migration_name, row]));
  const names = new Set(files.map((file) => file.name));
  return {
    applied: files.filter((f) => byName.get(f.name)?.finished_at).map((f) => f.name),
    pending: files.filter((f) => !byName.has(f.name)).map((f) => f.name),
    modified: files
      .filter((f) => byName.get(f.name)?.finished_at && byName.get(f.name)?.checksum !== f.checksum)
      .map((f) => f.name),
    failed: history.filter((row) => !row.finished_at).map((row) => row.migration_name),
    unknown: history.filter((row) => !names.has(row.migration_name)).map((row) => row.migration_name),
  };
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/**
 * Applies every pending migration, each in its own transaction, holding an
 * advisory lock so that API processes starting together do not race.
 * Returns the names applied.
 */
export async function deployMigrations(runner: SqlRunner, files = readMigrations()): Promise<string[]> {
  return runner.withLock(MIGRATION_LOCK_ID, async (locked) => {
    const status = await migrationStatus(locked, files);
    if (status.failed.length > 0) {
      throw new MigrationError(
        `Migration ${status.failed.join(', ')} started but did not finish. Fix the database by hand, then delete its row from "_prisma_migrations".`,
      );
    }
    const applied: string[] = [];
    for (const file of files.filter((f) => status.pending.includes(f.name))) {
      await locked.transaction(async (tx) => {
        const id = randomUUID();
        await tx.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())',
          [id, file.checksum, file.name],
        );
        try {
          await tx.exec(file.sql);
        } catch (error) {
          throw new MigrationError(`Migration ${file.name} failed: ${(error as Error).message}`);
        }
        await tx.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [
          id,
        ]);
      });
      applied.push(file.name);
    }
    return applied;
  });
}
