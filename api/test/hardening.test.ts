import { request as httpRequest, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BODY_BYTES, QUERY_LIMITS } from '../src/hardening.ts';
import { TestApi } from './harness.ts';

let api: TestApi;
let dev: TestApi;
beforeAll(async () => {
  api = await TestApi.start();
  dev = await TestApi.start({ development: true });
});
afterAll(async () => {
  await api.close();
  await dev.close();
});

const INTROSPECTION = '{ __schema { queryType { name } } }';
const TYPO = '{ opportunitis(first: 1) { edges { node { title } } } }';

describe('query size limits', () => {
  it(`refuses more than ${QUERY_LIMITS.aliases} aliases, and allows that many`, async () => {
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: regions { code }`).join(' ')} }`;
    const over = await api.gql(aliased(QUERY_LIMITS.aliases + 1));
    expect(over.data).toBeUndefined();
    expect(over.errors?.[0]?.message).toMatch(/aliases/i);
    const at = await api.gql(aliased(QUERY_LIMITS.aliases));
    expect(at.errors).toBeUndefined();
    expect(Object.keys(at.data ?? {})).toHaveLength(QUERY_LIMITS.aliases);
  });

  it(`refuses documents of more than ${QUERY_LIMITS.tokens} tokens before parsing them fully`, async () => {
    // Each repetition is 3 tokens: a field name and a pair of braces-free fields.
    const fields = Array.from({ length: QUERY_LIMITS.tokens }, () => 'code').join(' ');
    const result = await api.gql(`{ regions { ${fields} } }`);
    expect(result.errors?.[0]?.message).toMatch(/token limit/i);
  });

  it(`refuses more than ${QUERY_LIMITS.directives} directives`, async () => {
    const directives = Array.from({ length: QUERY_LIMITS.directives + 1 }, () => '@include(if: true)').join(' ');
    const result = await api.gql(`{ regions { code ${directives} } }`);
    expect(result.errors?.[0]?.message).toMatch(/directives/i);
  });
});

describe('what the schema discloses', () => {
  it('answers introspection in development only, and never to a publishable key', async () => {
    expect((await dev.gql(INTROSPECTION)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const production = await api.gql(INTROSPECTION);
    expect(production.data).toBeUndefined();
    expect(production.errors?.[0]?.message).toMatch(/introspection/i);
    const widget = await dev.gql(INTROSPECTION, {}, { headers: { 'x-tandem-key': 'pk_test_anything' } });
    expect(widget.errors?.[0]?.message).toMatch(/introspection/i);
    // The same document again in development: the validation cache must not leak the refusal either way.
    expect((await dev.gql(INTROSPECTION)).errors).toBeUndefined();
  });

  it('suggests field names in development only', async () => {
    const hint = await dev.gql(TYPO);
    expect(hint.errors?.[0]?.message).toMatch(/Did you mean "opportunities"/);
    const production = await api.gql(TYPO);
    expect(production.errors?.[0]?.message).toBe('Cannot query field "opportunitis" on type "Query".');
    const widget = await dev.gql(TYPO, {}, { headers: { 'x-tandem-key': 'pk_test_anything' } });
    expect(widget.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});

describe('cross-site requests', () => {
  const post = (body: string, contentType: string) =>
    api.yoga.fetch('http://127.0.0.1/graphql', {
      method: 'POST',
      headers: { 'content-type': contentType, 'accept-language': 'en' },
      body,
    });

  it('refuses form-like POST bodies, which a browser would send cross-site without asking', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await post(JSON.stringify({ query: '{ regions { code } }' }), type);
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'UNSUPPORTED_CONTENT_TYPE' } }] });
    }
    const json = await post(JSON.stringify({ query: '{ regions { code } }' }), 'application/json');
    expect(json.status).toBe(200);
  });

  it('runs queries over GET but never mutations', async () => {
    const query = await api.yoga.fetch(`http://127.0.0.1/graphql?query=${encodeURIComponent('{ areas { code } }')}`);
    expect(query.status).toBe(200);
    const mutation = await api.yoga.fetch(
      `http://127.0.0.1/graphql?query=${encodeURIComponent('mutation { signOutEverywhere { __typename } }')}`,
    );
    expect(mutation.status).toBe(405);
  });
});

describe('request bodies', () => {
  // Over a socket: node:http frames bodies by Content-Length or chunks, which yoga.fetch skips.
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer(api.yoga);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const QUERY = '{ regions { code } }';
  /** A JSON body of exactly `size` bytes: the query, padded with spaces. */
  const bodyOf = (size: number) => {
    const json = JSON.stringify({ query: QUERY });
    return json.slice(0, -1) + ' '.repeat(size - json.length) + '}';
  };
  const headers = { 'content-type': 'application/json', 'accept-language': 'en' };
  /** Sends the body in chunks of 64 kB, without a Content-Length (Transfer-Encoding: chunked). */
  const chunked = (body: string) =>
    fetch(url, {
      method: 'POST',
      headers,
      duplex: 'half',
      body: new ReadableStream({
        start(controller) {
          for (let at = 0; at < body.length; at += 65_536) controller.enqueue(Buffer.from(body.slice(at, at + 65_536)));
          controller.close();
        },
      }),
    } as RequestInit);

  it(`takes a body of ${MAX_REQUEST_BODY_BYTES} bytes, with or without Content-Length`, async () => {
    const body = bodyOf(MAX_REQUEST_BODY_BYTES);
    for (const response of [await fetch(url, { method: 'POST', headers, body }), await chunked(body)]) {
      expect(response.status).toBe(200);
      expect((await response.json()).data.regions).toHaveLength(12);
    }
  });

  it('refuses a longer chunked body while reading it, in the request language', async () => {
    const response = await chunked(bodyOf(MAX_REQUEST_BODY_BYTES + 1));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: `The request is too large: at most ${MAX_REQUEST_BODY_BYTES} bytes.`,
          extensions: { code: 'REQUEST_TOO_LARGE' },
        },
      ],
    });
  });

  it('refuses a declared length over the limit before the body arrives', async () => {
    // Only the headers are sent: the answer must not wait for a megabyte that never comes.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(url, {
        method: 'POST',
        headers: { ...headers, 'accept-language': 'sl', 'content-length': String(MAX_REQUEST_BODY_BYTES + 1) },
      });
      request.on('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode!, body }));
      });
      request.on('error', reject);
      request.flushHeaders();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).errors[0]).toEqual({
      message: `Zahtevek je prevelik: največ ${MAX_REQUEST_BODY_BYTES} bajtov.`,
      extensions: { code: 'REQUEST_TOO_LARGE' },
    });
  });

  it('refuses a Content-Length that is not one number', async () => {
    const response = await api.yoga.fetch(
      new Request('http://127.0.0.1/graphql', {
        method: 'POST',
        headers: { ...headers, 'content-length': '20, 20' },
        body: JSON.stringify({ query: QUERY }),
      }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions.code).toBe('INVALID_CONTENT_LENGTH');
  });
});

describe('unexpected errors', () => {
  it('are masked, with a stable code and a message in the request language', async () => {
    const broken = await TestApi.start();
    await broken.close();
    for (const locale of ['sl', 'en'] as const) {
      const result = await broken.gql('{ opportunities(first: 1) { edges { node { title } } } }', {}, { locale });
      expect(result.errors?.[0]).toMatchObject({
        message: locale === 'sl' ? 'Nepričakovana napaka.' : 'Unexpected error.',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(JSON.stringify(result)).not.toMatch(/prisma|pglite|sql/i);
    }
  });
});
