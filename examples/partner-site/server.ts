// The partner site's web server: a plain static server for the pages in
// site/, as any host (WordPress, a static host, a page builder) would serve
// them. The one thing it adds is the partner's own settings: it writes the
// Tandem API's address and the publishable key into the pages where they say
// {{TANDEM_API}} and {{TANDEM_KEY}} — a real partner pastes them in once.
//
//   npm start                                   # the API prints a demo publishable key (pk_…)
//   npm run partner-site -- pk_…                # then open http://127.0.0.1:8080/
//
// Settings (argument, then environment): the key (`pk_…` or TANDEM_KEY), the
// API (`--api http://127.0.0.1:4000` or TANDEM_API), PORT (8080: the demo key
// allows 127.0.0.1 and localhost on it) and HOST (127.0.0.1). A page opened
// with `?key=pk_…` uses that key instead, so a new key after restarting the API
// needs no restart here.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SITE_DIR = fileURLToPath(new URL('./site/', import.meta.url));
export const DEFAULT_API = 'http://127.0.0.1:4000';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** A publishable key as the API makes them; anything else is ignored, so nothing odd is written into a page. */
const PUBLISHABLE_KEY = /^pk_[A-Za-z0-9_-]{8,200}$/;

export interface PartnerSiteOptions {
  /** The Tandem API's origin (default http://127.0.0.1:4000). */
  api?: string;
  /** The publishable key written into the pages ('' leaves them without one, and the pages say how to add it). */
  key?: string;
  port?: number;
  host?: string;
}

export interface PartnerSite {
  /** The site's origin, e.g. http://127.0.0.1:8080. */
  readonly url: string;
  /** The settings in use; changing `key` or `api` applies to the next page served. */
  readonly settings: { api: string; key: string };
  close(): Promise<void>;
}

/** The API's origin, or an error naming what is wrong with it. */
export function apiOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`The API address must be a URL such as ${DEFAULT_API}, not "${value}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`The API address must start with http:// or https://, not "${value}".`);
  }
  return url.origin;
}

export function isPublishableKey(value: string): boolean {
  return PUBLISHABLE_KEY.test(value);
}

function send(res: ServerResponse, status: number, body: string | Uint8Array, type: string): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    // Pages carry the current key: never let a browser keep an old one.
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

export async function startPartnerSite(options: PartnerSiteOptions = {}): Promise<PartnerSite> {
  const settings = { api: apiOrigin(options.api ?? DEFAULT_API), key: options.key ?? '' };
  if (settings.key && !isPublishableKey(settings.key)) {
    throw new Error('The key must be a publishable key (pk_…); a secret key (sk_…) never goes into a web page.');
  }
  const root = resolve(SITE_DIR);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://site');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      send(res, 400, 'Bad request\n', 'text/plain; charset=utf-8');
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = resolve(join(root, path));
    const type = CONTENT_TYPES[extname(file)];
    const info = type && file.startsWith(root + sep) ? await stat(file).catch(() => null) : null;
    if (!type || !info?.isFile()) {
      send(res, 404, 'Not found\n', 'text/plain; charset=utf-8');
      return;
    }
    if (type !== CONTENT_TYPES['.html']) {
      send(res, 200, new Uint8Array(await readFile(file)), type);
      return;
    }
    const fromQuery = url.searchParams.get('key') ?? '';
    const key = isPublishableKey(fromQuery) ? fromQuery : settings.key;
    // Both values are checked above (an origin, a pk_ key of safe characters): no escaping needed in attributes.
    const html = (await readFile(file, 'utf8'))
      .replaceAll('{{TANDEM_API}}', settings.api)
      .replaceAll('{{TANDEM_KEY}}', key);
    send(res, 200, html, type);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', done);
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The partner site has no TCP address.');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    settings,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function usage(): string {
  return [
    'Usage: npm run partner-site -- [pk_…] [--api http://127.0.0.1:4000]',
    '',
    'Start the API first with `npm start`: it prints a demo publishable key for',
    'pekarna-magdalenske-mreze ("publishable pk_…", allowed on 127.0.0.1 and localhost',
    'port 8080). Pass that key here, set TANDEM_KEY, or open a page with ?key=pk_….',
    'Another key: npm run tandem -- create-key --org pekarna-magdalenske-mreze --kind publishable \\',
    '  --label "partner site" --origin http://127.0.0.1:8080   (with the API stopped: the embedded',
    '  database is used by one process at a time).',
  ].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage());
    return;
  }
  let api = process.env.TANDEM_API ?? DEFAULT_API;
  let key = process.env.TANDEM_KEY ?? '';
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--api' && args[i + 1]) api = args[++i]!;
    else if (arg.startsWith('--api=')) api = arg.slice('--api='.length);
    else if (arg.startsWith('pk_') || arg.startsWith('sk_')) key = arg;
    else {
      console.error(`Unknown argument "${arg}".\n\n${usage()}`);
      process.exit(2);
    }
  }
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  let site: PartnerSite;
  try {
    site = await startPartnerSite({ api, key, port, host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === 'EADDRINUSE'
        ? `The partner site could not start: ${host}:${port} is in use. Set PORT to another port (and allow its origin in the key).`
        : `The partner site could not start: ${(error as Error).message}`,
    );
    process.exit(1);
  }
  console.log(
    [
      '',
      `Partner site (Pekarna Magdalenske mreže): ${site.url}/   English: ${site.url}/en/`,
      `Widgets from: ${site.settings.api}/widgets/tandem.js`,
      site.settings.key
        ? `Publishable key: ${site.settings.key}`
        : `No publishable key yet: the browser may not call the API from these pages without one (CORS).\n\n${usage()}`,
      '',
    ].join('\n'),
  );
  const stop = () => void site.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
