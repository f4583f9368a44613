// `npm start`: opens the database (embedded PGlite by default, PostgreSQL when
// DATABASE_URL is set), applies migrations, seeds an empty database with the
// demo data, and serves the GraphQL API.
import { createServer } from 'node:http';
import { DatabaseOpenError, deployMigrations, MigrationError, openDatabase } from '@tandem/db';
import { seed } from '@tandem/db/seed';
import { createTandemYoga } from './yoga.ts';

const development = process.env.NODE_ENV !== 'production';
const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? '127.0.0.1';

async function main() {
  const db = await openDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.TANDEM_DATA_DIR });
  const applied = await deployMigrations(db.sql);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);

  // Demo data goes only into an empty database, and never in production unless asked.
  const empty = (await db.prisma.organization.count()) === 0;
  if (empty && (development || process.env.TANDEM_SEED_DEMO === '1')) {
    const started = Date.now();
    await seed(db.prisma);
    console.log(`Seeded the demo data in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }

  const yoga = createTandemYoga({ db, development });
  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });

  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}${yoga.graphqlEndpoint}`;
  console.log(
    [
      '',
      `Tandem API: ${url}${development ? '  (open it in a browser for GraphiQL)' : ''}`,
      `Database:   ${db.kind === 'pglite' ? `embedded PGlite in ${db.location}` : `PostgreSQL ${db.location}`}`,
      `Try:        curl -s ${url} -H 'content-type: application/json' -d '{"query":"{ opportunities(first: 3) { edges { node { title organization { name } } } } }"}'`,
      '',
    ].join('\n'),
  );

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: closing…`);
    server.close();
    server.closeAllConnections();
    db.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseOpenError || error instanceof MigrationError) {
    console.error(`Tandem could not start: ${error.message}`);
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`Tandem could not start: ${host}:${port} is in use. Set PORT to another port.`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
