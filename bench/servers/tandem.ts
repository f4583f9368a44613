// Tandem as production serves it (NODE_ENV=production, node:http), in a process
// of its own so that the bench can read its memory. Rate limits stay on, with
// limits no single bench client reaches: every request comes from 127.0.0.1.
import { createServer } from 'node:http';
import { openDatabase } from '@tandem/db';
import { createTandemYoga } from '@tandem/api';

const lots = { limit: 1_000_000_000, windowMs: 60_000 };
const BENCH_POLICY = {
  perIp: lots,
  perPublishableKey: lots,
  perSecretKey: lots,
  signInPerIp: lots,
  signInPerEmail: lots,
  signUpPerIp: lots,
};

const db = await openDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.TANDEM_DATA_DIR });
const yoga = createTandemYoga({ db, development: false, rateLimits: { policy: BENCH_POLICY } });
const server = createServer(yoga);
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => {
  process.send?.({ ready: true, database: db.kind });
  console.log(`tandem listening on ${process.env.PORT}`);
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  db.close().finally(() => process.exit(0));
});
