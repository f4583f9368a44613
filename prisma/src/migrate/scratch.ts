import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { isPostgresUrl } from '../database.ts';
import { createDatabase } from '../postgres-databases.ts';
import { pgliteRunner, poolRunner } from '../sql-runner.ts';
import { deployMigrations, readMigrations } from './migrations.ts';
import { diffDatabaseToSchema } from './schema-engine.ts';

/**
 * Replays every checked-in migration on an empty scratch database and returns the
 * SQL still needed to reach schema.prisma ("" when the migrations are complete).
 *
 * With a PostgreSQL URL the scratch database is created on that server (and
 * dropped afterwards), so the check runs against the production engine's version.
 */
export async function pendingSchemaChanges(url?: string): Promise<string> {
  const files = readMigrations();
  if (!url || !isPostgresUrl(url)) {
    const db = await PGlite.create('memory://', { extensions: { pg_trgm } });
    try {
      await deployMigrations(pgliteRunner(db), files);
      return await diffDatabaseToSchema(new PrismaPGlite(db));
    } finally {
      await db.close();
    }
  }
  const scratch = await createDatabase(url, 'tandem_scratch');
  const pool = new pg.Pool({ connectionString: scratch.url, max: 2 });
  try {
    await deployMigrations(poolRunner(pool), files);
    return await diffDatabaseToSchema(pgAdapterReadingCharAsText(pool));
  } finally {
    await pool.end();
    await scratch.drop();
  }
}

/**
 * The schema engine cannot deserialize PostgreSQL's internal one-byte "char" type
 * (pg_catalog uses it) when it reads a schema through adapter-pg ("Column type
 * 'char' could not be deserialized"); reading those columns as text works. Only
 * the migration tooling reads the catalog, so only it uses this adapter.
 */
function pgAdapterReadingCharAsText(pool: pg.Pool): SqlMigrationAwareDriverAdapterFactory {
  const CHAR_OID = 18;
  const TEXT_OID = 25;
  const factory = new PrismaPg(pool);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    type PerformIO = (query: unknown) => Promise<pg.QueryResult>;
    const io = adapter as unknown as { performIO: PerformIO };
    const performIO = io.performIO.bind(adapter);
    io.performIO = async (query) => {
      const result = await performIO(query);
      for (const field of result.fields) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
      return result;
    };
    return adapter;
  };
  return factory;
}
