// `npm start`: opens the database (embedded PGlite by default, PostgreSQL when
// DATABASE_URL is set), applies migrations, seeds an empty database with the
// demo data, and serves the GraphQL API.
import { createServer } from 'node:http';
import { DatabaseOpenError, deployMigrations, MigrationError, openDatabase } from '@tandem/db';
import { sendDueEvaluationReminders } from '@tandem/schema';
import { createTandemYoga } from './yoga.ts';
import { OutboxMailer } from './mail.ts';
import type { SmtpMailer } from './smtp-mailer.ts';
import { renewDemoKeys } from './demo-keys.ts';
import { MemoryRateLimitStore } from './rate-limit/memory-store.ts';
import { MemoryPublicCache, RedisPublicCache } from './caching.ts';
import { widgetsRoute, withWidgets } from './widgets-route.ts';

const development = process.env.NODE_ENV !== 'production';
const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? '127.0.0.1';

async function main() {
  if (process.env.SMTP_URL && !process.env.MAIL_FROM) {
    console.error('Tandem could not start: set MAIL_FROM (e.g. "Tandem <noreply@example.org>") along with SMTP_URL.');
    process.exit(1);
  }
  const db = await openDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.TANDEM_DATA_DIR });
  const applied = await deployMigrations(db.sql);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);

  // Demo data goes only into an empty database, and never in production unless asked.
  const empty = (await db.prisma.organization.count()) === 0;
  if (empty && (development || process.env.TANDEM_SEED_DEMO === '1')) {
    const started = Date.now();
    const { seed } = await import('@tandem/db/seed');
    await seed(db.prisma);
    console.log(`Seeded the demo data in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
  // Only the embedded development database gets demo keys: they are printed below for anyone to use.
  const demoKeys = db.kind === 'pglite' && development ? await renewDemoKeys(db) : null;

  // Several API processes share rate limits and the public read cache through Redis; one
  // process keeps them in memory. (Redis and SMTP clients are loaded only when configured.)
  const redisUrl = process.env.REDIS_URL;
  const rateLimitStore = redisUrl
    ? new (await import('./rate-limit/redis-store.ts')).RedisRateLimitStore(redisUrl)
    : new MemoryRateLimitStore();
  const cacheStore = redisUrl ? new RedisPublicCache(redisUrl) : new MemoryPublicCache();
  // With SMTP_URL mail is delivered (and kept in the outbox table); without it,
  // it is only kept there and, in development, printed here.
  const smtp: SmtpMailer | null = process.env.SMTP_URL
    ? new (await import('./smtp-mailer.ts')).SmtpMailer(db.prisma, {
        url: process.env.SMTP_URL,
        from: process.env.MAIL_FROM!,
      })
    : null;
  const mailer = smtp ?? new OutboxMailer(db.prisma, development ? (message) => console.log(`\n${message}\n`) : null);
  const yoga = createTandemYoga({
    db,
    development,
    mailer,
    trustProxy: process.env.TANDEM_TRUST_PROXY === '1',
    rateLimits: { store: rateLimitStore },
    caching: { store: cacheStore },
  });
  // /widgets/* are the built widgets (api's prestart builds them); everything else is the GraphQL API.
  const server = createServer(withWidgets(widgetsRoute(), yoga));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });

  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}${yoga.graphqlEndpoint}`;
  console.log(
    [
      '',
      `Tandem API: ${url}${development ? '  (open it in a browser for GraphiQL)' : ''}`,
      `Widgets:    http://${host.includes(':') ? `[${host}]` : host}:${port}/widgets/tandem.js`,
      `Database:   ${db.kind === 'pglite' ? `embedded PGlite in ${db.location}` : `PostgreSQL ${db.location}`}`,
      `Try:        curl -s ${url} -H 'content-type: application/json' -d '{"query":"{ opportunities(first: 3) { edges { node { title organization { name } } } } }"}'`,
      ...(demoKeys
        ? [
            `Demo keys:  for ${demoKeys.organization} (new on every start; the previous ones are revoked)`,
            `  publishable ${demoKeys.publishable}  (X-Tandem-Key from localhost:5173 and :8080)`,
            `  secret      ${demoKeys.secret}  (X-Tandem-Key, all scopes)`,
          ]
        : []),
      '',
    ].join('\n'),
  );

  // Evaluation reminders: hourly, in every API process (a request is claimed before it is mailed, so
  // processes sharing a database never remind anyone twice on one day).
  const stopReminders = periodically('Evaluation reminders', 3_600_000, 10_000, async () => {
    const { messages } = await sendDueEvaluationReminders(db.prisma, mailer);
    if (messages) console.log(`Sent ${messages} evaluation reminder(s).`);
  });
  // Mail that could not be delivered yet: tried again every minute (each retry is claimed, so once in all).
  const stopMailRetries = smtp ? periodically('Mail retries', 60_000, 15_000, () => smtp.retryDue()) : () => {};

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    stopReminders();
    stopMailRetries();
    console.log(`${signal}: closing…`);
    server.close();
    server.closeAllConnections();
    // Mail being delivered still needs the database to record the result.
    const mailDone = smtp ? smtp.close() : Promise.resolve();
    Promise.allSettled([mailDone.finally(() => db.close()), rateLimitStore.close(), cacheStore.close()]).finally(() =>
      process.exit(0),
    );
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

/** Runs `task` every `intervalMs`, the first time after `firstMs`, never twice at once; logs its failures. */
function periodically(name: string, intervalMs: number, firstMs: number, task: () => Promise<unknown>): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    task()
      .catch((error: unknown) => console.error(`${name} failed:`, error))
      .finally(() => (running = false));
  };
  const interval = setInterval(run, intervalMs);
  const first = setTimeout(run, firstMs);
  interval.unref();
  first.unref();
  return () => {
    clearInterval(interval);
    clearTimeout(first);
  };
}
