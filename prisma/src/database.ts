import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/client/client.ts';
import { pgliteRunner, poolRunner, type SqlRunner } from './sql-runner.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: the Prisma client plus raw SQL for migrations and tests. */
export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  sql: SqlRunner;
  /** Where the data lives, for messages: a directory or a redacted URL. */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A postgres:// URL; when absent the embedded database is used. */
  url?: string;
  /** Embedded database directory, or "memory://" for a throw-away one. */
  dataDir?: string;
  /** An embedded database to open from a dump (PGlite `dumpDataDir`), e.g. in tests. */
  loadDataDir?: Blob;
  /** Gives up opening the embedded database after this long. */
  openTimeoutMs?: number;
  /** Receives every SQL statement Prisma sends (used to count statements). */
  onQuery?: (sql: string) => void;
  /** Largest number of PostgreSQL connections this process opens. */
  poolSize?: number;
}

/** The embedded database lives in the repository's .tandem folder unless TANDEM_DATA_DIR says otherwise. */
export const DEFAULT_DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '.tandem', 'db');

export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

export function isPostgresUrl(url: string | undefined): boolean {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

function withQueryLog(prisma: PrismaClient, onQuery?: (sql: string) => void): PrismaClient {
  if (onQuery) prisma.$on('query' as never, (event: { query: string }) => onQuery(event.query));
  return prisma;
}

function logLevels(onQuery?: (sql: string) => void) {
  return onQuery ? [{ emit: 'event' as const, level: 'query' as const }] : [];
}

/**
 * Opens the database named by the options: PostgreSQL for a postgres:// URL,
 * otherwise the embedded PGlite database in `dataDir`.
 */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const url = options.url;
  if (url && isPostgresUrl(url)) return openPostgres(url, options);
  if (url) {
    throw new DatabaseOpenError(
      `DATABASE_URL must start with postgres:// or postgresql:// (got "${url.split(':')[0]}:…"). Leave it unset to use the embedded database.`,
    );
  }
  return openEmbedded(options);
}

/**
 * Names each distinct statement, so that every PostgreSQL connection parses
 * and plans it once and then only binds and executes it: planning the public
 * list's statement took about as long as running it. The same text always
 * gets the same name. Past `limit` distinct texts (e.g. IN lists of many
 * lengths) statements stay unnamed, so a connection keeps a bounded number.
 */
export function statementNames(limit = 2000): (query: { sql: string }) => string {
  // Found by length, then compared: a Map keyed by the text would hash each statement's text,
  // which is built anew for every request (the list's is 5 kB), and hashing reads it slower
  // than comparing it with the one known text of its length.
  const byLength = new Map<number, { sql: string; name: string }[]>();
  let count = 0;
  return ({ sql }) => {
    const known = byLength.get(sql.length);
    const found = known?.find((statement) => statement.sql === sql);
    if (found) return found.name;
    // pg sends a statement without a name unprepared.
    if (count >= limit) return undefined as unknown as string;
    const name = `tandem_${count++}`;
    if (known) known.push({ sql, name });
    else byLength.set(sql.length, [{ sql, name }]);
    return name;
  };
}

async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  let closing = false;
  // An idle connection that PostgreSQL ends (a restart, pg_terminate_backend, a dropped database)
  // is an 'error' of the pool, which then discards it and connects anew when next needed.
  // Without a listener, Node would take it for an uncaught error and stop the process.
  pool.on('error', (error) => {
    if (!closing) console.warn(`PostgreSQL ended an idle connection: ${error.message}`);
  });
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw new DatabaseOpenError(`Cannot reach PostgreSQL at ${redact(url)}: ${(error as Error).message}`);
  }
  const prisma = withQueryLog(
    new PrismaClient({
      adapter: new PrismaPg(pool, { statementNameGenerator: statementNames() }),
      log: logLevels(options.onQuery),
    }),
    options.onQuery,
  );
  return {
    kind: 'postgres',
    prisma,
    sql: poolRunner(pool),
    location: redact(url),
    async close() {
      closing = true;
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

/**
 * Only one process may open a PGlite directory. The lock file holds the owner's
 * pid; a lock left by a process that no longer runs is taken over.
 */
function acquireLock(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  mkdirSync(dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockFile, 'utf8').trim());
      if (owner && owner !== process.pid && isRunning(owner)) {
        throw new DatabaseOpenError(
          `The embedded database in ${dataDir} is in use by process ${owner}. Stop that process, or set DATABASE_URL to use PostgreSQL, which many processes can share.`,
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new DatabaseOpenError(`Could not lock ${lockFile}.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseOpenError(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function openEmbedded(options: OpenOptions): Promise<Database> {
  // Loaded only here: PGlite (PostgreSQL compiled to WebAssembly) costs about 60 MB
  // of memory, which a server on PostgreSQL should not carry.
  const [{ PGlite }, { pg_trgm }, { PrismaPGlite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('pglite-prisma-adapter'),
  ]);
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const inMemory = dataDir.startsWith('memory://');
  const release = inMemory ? () => undefined : acquireLock(dataDir);
  let db: PGlite;
  try {
    if (!inMemory) mkdirSync(dataDir, { recursive: true });
    const timeoutMs = options.openTimeoutMs ?? 60_000;
    db = await withTimeout(
      // pg_trgm backs the trigram index on Opportunity.searchText (migration performance_indexes).
      PGlite.create(dataDir, {
        extensions: { pg_trgm },
        ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      }),
      timeoutMs,
      `Opening the embedded database in ${dataDir} took longer than ${timeoutMs / 1000} s. If a previous run crashed, check the directory, or restore it from a backup.`,
    );
  } catch (error) {
    release();
    if (error instanceof DatabaseOpenError) throw error;
    throw new DatabaseOpenError(`Cannot open the embedded database in ${dataDir}: ${(error as Error).message}`);
  }
  // Prisma's DEBUG=prisma:client:* logging prints the adapter as JSON, and this one holds
  // the whole database in WebAssembly memory: it would crash the process on start.
  const adapter = Object.assign(new PrismaPGlite(db), { toJSON: () => ({ adapter: 'PGlite', dataDir }) });
  const prisma = withQueryLog(new PrismaClient({ adapter, log: logLevels(options.onQuery) }), options.onQuery);
  return {
    kind: 'pglite',
    prisma,
    sql: pgliteRunner(db),
    location: dataDir,
    async close() {
      await prisma.$disconnect();
      // Prisma's $disconnect leaves PGlite open; closing it flushes the data directory.
      await db.close().catch(() => undefined);
      release();
    },
  };
}
