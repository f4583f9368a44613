// Serves the built widgets (widgets/dist, made by `npm run build --workspace
// @tandem/widgets`; `npm start` builds them first) at /widgets/*. Partner
// pages load /widgets/tandem.js as a module script from their own origin, which
// the browser fetches in CORS mode: every answer carries
// `Access-Control-Allow-Origin: *` (the files are public and no credentials go
// with them). tandem.js keeps its name, so it is revalidated (ETag, short
// max-age); the chunks it imports have content hashes in their names and are
// cached for a year.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const WIDGETS_PREFIX = '/widgets/';
export const DEFAULT_WIDGETS_DIR = fileURLToPath(new URL('../../widgets/dist/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** esbuild's content hash in a chunk's name, e.g. chunk-5KXQ2B7A.js or tandem-opportunities-ZP4C6NVW.js. */
const HASHED = /-[A-Z0-9]{8}\.js$/;
/** One file name, no directories: letters, digits, dot, dash and underscore, not starting with a dot. */
const FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

export interface WidgetsRouteOptions {
  /** The built files (default: widgets/dist of this checkout). */
  dir?: string;
  /** max-age of tandem.js in seconds (default 300): how soon pages pick up a new version. */
  entryMaxAgeSeconds?: number;
}

interface Loaded {
  mtimeMs: number;
  size: number;
  body: Uint8Array;
  gzip: Uint8Array;
  etag: string;
}

export interface WidgetsRoute {
  /** Answers a request for /widgets/…, or null for any other path. */
  fetch(request: Request): Promise<Response | null>;
  /** The same for node:http; false when the path is not under /widgets/. */
  serve(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

export function widgetsRoute(options: WidgetsRouteOptions = {}): WidgetsRoute {
  const dir = resolve(options.dir ?? DEFAULT_WIDGETS_DIR);
  const entryMaxAge = options.entryMaxAgeSeconds ?? 300;
  const loaded = new Map<string, Loaded>();

  /** The file's bytes, gzipped copy and ETag, read again when it changed on disk (a rebuild). */
  async function load(path: string): Promise<Loaded | null> {
    let info;
    try {
      info = await stat(path);
    } catch {
      return null;
    }
    if (!info.isFile()) return null;
    const known = loaded.get(path);
    if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) return known;
    const body = new Uint8Array(await readFile(path));
    const file: Loaded = {
      mtimeMs: info.mtimeMs,
      size: info.size,
      body,
      gzip: new Uint8Array(gzipSync(body, { level: 9 })),
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    };
    loaded.set(path, file);
    return file;
  }

  function headersFor(name: string, etag?: string): Headers {
    const headers = new Headers({
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'x-content-type-options': 'nosniff',
      vary: 'Accept-Encoding',
      'cache-control': HASHED.test(name) ? 'public, max-age=31536000, immutable' : `public, max-age=${entryMaxAge}`,
    });
    if (etag) headers.set('etag', etag);
    return headers;
  }

  async function fetch(request: Request): Promise<Response | null> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(WIDGETS_PREFIX)) return null;
    const notFound = () =>
      new Response('Not found\n', {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'access-control-allow-origin': '*' },
      });

    if (request.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'GET, HEAD',
          'access-control-max-age': '86400',
        },
      });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed\n', {
        status: 405,
        headers: { allow: 'GET, HEAD, OPTIONS', 'access-control-allow-origin': '*' },
      });
    }

    let name: string;
    try {
      name = decodeURIComponent(url.pathname.slice(WIDGETS_PREFIX.length));
    } catch {
      return notFound();
    }
    const type = CONTENT_TYPES[extname(name)];
    // Only plain file names straight in dist/: no "..", no slashes (encoded or not), no hidden files.
    if (!FILE_NAME.test(name) || name.includes('..') || !type) return notFound();
    const path = join(dir, name);
    if (!path.startsWith(dir + sep)) return notFound();
    const file = await load(path);
    if (!file) return notFound();

    const headers = headersFor(name, file.etag);
    headers.set('content-type', type);
    const match = request.headers.get('if-none-match');
    if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === file.etag)) {
      return new Response(null, { status: 304, headers });
    }
    const gzip = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
    const body = gzip ? file.gzip : file.body;
    if (gzip) headers.set('content-encoding', 'gzip');
    headers.set('content-length', String(body.byteLength));
    return new Response(request.method === 'HEAD' ? null : (body as BodyInit), { status: 200, headers });
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (!req.url?.startsWith(WIDGETS_PREFIX)) return false;
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(key, value);
      else if (Array.isArray(value)) headers.set(key, value.join(', '));
    }
    const response = await fetch(new Request(new URL(req.url, 'http://localhost'), { method: req.method, headers }));
    if (!response) return false;
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(response.body && req.method !== 'HEAD' ? new Uint8Array(await response.arrayBuffer()) : undefined);
    return true;
  }

  return { fetch, serve };
}

/**
 * The API's node:http handler: /widgets/* from `widgets`, everything else from `next` (Yoga). A failure nobody
 * answered becomes a bare 500 (and is logged).
 */
export function withWidgets(
  widgets: WidgetsRoute,
  next: (req: IncomingMessage, res: ServerResponse) => unknown,
): RequestListener {
  return (req, res) => {
    const fail = (error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end();
    };
    if (req.url?.startsWith(WIDGETS_PREFIX)) {
      widgets
        .serve(req, res)
        .then((served) => (served ? undefined : next(req, res)))
        .catch(fail);
      return;
    }
    // Every API request: straight on, with no promise of a widget lookup to wait for.
    try {
      void Promise.resolve(next(req, res)).catch(fail);
    } catch (error) {
      fail(error);
    }
  };
}
