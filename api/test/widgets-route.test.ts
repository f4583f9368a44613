import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { widgetsRoute, withWidgets } from '../src/widgets-route.ts';
import { TestApi } from './harness.ts';

// A stand-in for widgets/dist, so these tests do not depend on a widgets build;
// beside it a file that must never be served.
const root = mkdtempSync(join(tmpdir(), 'tandem-widgets-route-'));
const dist = join(root, 'dist');
const ENTRY = 'import("./chunk-ABCD2345.js");\n';
const CHUNK = `export const widget = "${'x'.repeat(2000)}";\n`;
mkdirSync(dist);
mkdirSync(join(dist, 'nested'));
writeFileSync(join(dist, 'tandem.js'), ENTRY);
writeFileSync(join(dist, 'chunk-ABCD2345.js'), CHUNK);
writeFileSync(join(dist, 'nested', 'inner.js'), 'nested');
writeFileSync(join(dist, '.hidden.js'), 'hidden');
writeFileSync(join(dist, 'notes.md'), 'notes');
writeFileSync(join(root, 'secret.js'), 'SECRET');

const route = widgetsRoute({ dir: dist });
const get = async (path: string, headers: Record<string, string> = {}, method = 'GET') => {
  const response = await route.fetch(new Request(`http://127.0.0.1${path}`, { method, headers }));
  if (!response) throw new Error(`${path} was not handled`);
  return response;
};

let api: TestApi;
let server: Server;
let origin: string;
beforeAll(async () => {
  api = await TestApi.start();
  // As main.ts serves: /widgets/* first, everything else to the GraphQL API.
  server = createServer(withWidgets(route, api.yoga));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await api.close();
  rmSync(root, { recursive: true, force: true });
});

/** A raw HTTP request: the path goes out exactly as written (fetch would normalise "..").*/
function raw(path: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}/`, { path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('/widgets/*', () => {
  it('serves tandem.js to any origin as JavaScript, revalidated with an ETag and a short max-age', async () => {
    const response = await get('/widgets/tandem.js', { origin: 'https://partner.example.si' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(await response.text()).toBe(ENTRY);

    const again = await get('/widgets/tandem.js', { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('access-control-allow-origin')).toBe('*');
    expect(await again.text()).toBe('');
    expect((await get('/widgets/tandem.js', { 'if-none-match': '"other"' })).status).toBe(200);

    // A rebuild is a new version: a new ETag, the old one no longer confirmed.
    writeFileSync(join(dist, 'tandem.js'), `${ENTRY}// rebuilt\n`);
    const rebuilt = await get('/widgets/tandem.js', { 'if-none-match': etag! });
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.headers.get('etag')).not.toBe(etag);
    writeFileSync(join(dist, 'tandem.js'), ENTRY);
  });

  it('caches content-hashed chunks for a year, gzips when asked, answers HEAD and preflight', async () => {
    const chunk = await get('/widgets/chunk-ABCD2345.js');
    expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(chunk.headers.get('content-type')).toBe('text/javascript; charset=utf-8');

    const gzipped = await get('/widgets/chunk-ABCD2345.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.headers.get('vary')).toContain('Accept-Encoding');
    const body = Buffer.from(await gzipped.arrayBuffer());
    expect(body.byteLength).toBeLessThan(CHUNK.length);
    expect(gunzipSync(body).toString()).toBe(CHUNK);

    const head = await get('/widgets/tandem.js', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const preflight = await get('/widgets/tandem.js', { origin: 'https://partner.example.si' }, 'OPTIONS');
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect((await get('/widgets/tandem.js', {}, 'POST')).status).toBe(405);
  });

  it('answers 404 for anything but a file in the build, and never leaves it', async () => {
    for (const path of [
      '/widgets/',
      '/widgets/missing.js',
      '/widgets/nested',
      '/widgets/nested/inner.js',
      '/widgets/nested%2finner.js',
      '/widgets/.hidden.js',
      '/widgets/notes.md',
      '/widgets/tandem.js%00.txt',
      '/widgets/%E0%A4%A.js',
    ]) {
      const response = await get(path);
      expect([path, response.status]).toEqual([path, 404]);
    }
    for (const path of [
      '/widgets/../secret.js',
      '/widgets/..%2fsecret.js',
      '/widgets/%2e%2e/secret.js',
      '/widgets/%2e%2e%2fsecret.js',
      '/widgets/nested/../../secret.js',
      '/widgets/..%5csecret.js',
      '/widgets/....//secret.js',
    ]) {
      const response = await raw(path);
      expect(response.body).not.toContain('SECRET');
      // "/widgets/../secret.js" is not under /widgets/ for the server: the GraphQL API says 404 too.
      expect([path, response.status]).toEqual([path, 404]);
    }
  });

  it('leaves every other path to the GraphQL API on the same server', async () => {
    expect(await route.fetch(new Request('http://127.0.0.1/graphql'))).toBeNull();
    expect(await route.fetch(new Request('http://127.0.0.1/widgetsx/tandem.js'))).toBeNull();
    const graphql = await fetch(`${origin}/graphql?query=${encodeURIComponent('{ regions { code } }')}`);
    expect(((await graphql.json()) as { data: { regions: unknown[] } }).data.regions).toHaveLength(12);
    const widget = await fetch(`${origin}/widgets/tandem.js`);
    expect(widget.status).toBe(200);
    expect(await widget.text()).toBe(ENTRY);
  });
});

describe('withWidgets', () => {
  it('answers a bare 500 when the API fails, whether it throws or rejects, and keeps serving', async () => {
    const failing = createServer(
      withWidgets(route, (req, res) => {
        if (req.url === '/throws') throw new Error('thrown on purpose');
        if (req.url === '/rejects') return Promise.reject(new Error('rejected on purpose'));
        res.end('api');
      }),
    );
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
    const logged = console.error;
    console.error = () => {};
    try {
      expect((await fetch(`${base}/throws`)).status).toBe(500);
      expect((await fetch(`${base}/rejects`)).status).toBe(500);
      expect(await (await fetch(`${base}/graphql`)).text()).toBe('api');
      expect((await fetch(`${base}/widgets/tandem.js`)).status).toBe(200);
    } finally {
      console.error = logged;
      failing.closeAllConnections();
      await new Promise((resolve) => failing.close(resolve));
    }
  });
});
