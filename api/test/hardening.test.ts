import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../src/hardening.ts';
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
