import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

/**
 * The few raw-SQL operations that migrations, seeding set-up and tests need, over
 * either an in-process PGlite or a PostgreSQL pool. Prisma is not used here so
 * that migrations can run before the client's tables exist.
 */
export interface SqlRunner {
  /** Runs a script of one or more statements. */
  exec(sql: string): Promise<void>;
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs `work` on one connection inside BEGIN … COMMIT (ROLLBACK on error). */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /**
   * Runs `work` while holding a database-wide advisory lock, so that several
   * processes starting together migrate one after another.
   */
  withLock<T>(lockId: number, work: (runner: SqlRunner) => Promise<T>): Promise<T>;
}

export function pgliteRunner(db: PGlite): SqlRunner {
  const runner: SqlRunner = {
    async exec(sql) {
      await db.exec(sql);
    },
    async query(sql, params) {
      const result = await db.query(sql, params);
      return result.rows as never;
    },
    transaction(work) {
      return db.transaction((tx) =>
        work({
          exec: async (sql) => void (await tx.exec(sql)),
          query: async (sql, params) => (await tx.query(sql, params)).rows as never,
          transaction: () => Promise.reject(new Error('nested transactions are not supported')),
          withLock: () => Promise.reject(new Error('locks are not supported inside a transaction')),
        }),
      );
    },
    // One PGlite instance lives in one process and runs one query at a time;
    // the data-directory lock file (database.ts) keeps other processes out.
    withLock: (_lockId, work) => work(runner),
  };
  return runner;
}

function clientRunner(client: pg.PoolClient): SqlRunner {
  const runner: SqlRunner = {
    exec: async (sql) => void (await client.query(sql)),
    query: async (sql, params) => (await client.query(sql, params)).rows,
    async transaction(work) {
      await client.query('BEGIN');
      try {
        const result = await work(runner);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
    withLock: async (lockId, work) => {
      await client.query('SELECT pg_advisory_lock($1)', [lockId]);
      try {
        return await work(runner);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [lockId]);
      }
    },
  };
  return runner;
}

export function poolRunner(pool: pg.Pool): SqlRunner {
  const onClient = async <T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      return await work(clientRunner(client));
    } finally {
      client.release();
    }
  };
  return {
    exec: async (sql) => void (await pool.query(sql)),
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    transaction: (work) => onClient((runner) => runner.transaction(work)),
    withLock: (lockId, work) => onClient((runner) => runner.withLock(lockId, work)),
  };
}
