// The ceiling: node:http answering every request with the bytes Tandem answered
// for the same list, read once from a file. No GraphQL, no database.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const body = readFileSync(process.env.RAW_BODY_FILE);
const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length };
const server = createServer((req, res) => {
  // Read the request to its end, as any server must, then answer.
  req.resume();
  req.on('end', () => {
    res.writeHead(200, headers);
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => {
  process.send?.({ ready: true });
  console.log(`raw listening on ${process.env.PORT}`);
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  process.exit(0);
});
