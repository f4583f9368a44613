export { openDatabase, isPostgresUrl, DatabaseOpenError, DEFAULT_DATA_DIR } from './database.ts';
export type { Database, DatabaseKind, OpenOptions } from './database.ts';
export type { SqlRunner } from './sql-runner.ts';
export { deployMigrations, migrationStatus, MigrationError } from './migrate/migrations.ts';
export { PrismaClient, Prisma } from '../generated/client/client.ts';
export * from '../generated/client/enums.ts';
export type * from '../generated/client/models.ts';
export { foldForSearch, opportunitySearchText } from './search-text.ts';
