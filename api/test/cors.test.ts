import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TestApi, toGlobal } from './harness.ts';

let api: TestApi;
let adminToken: string;
let organizationId: string;

beforeAll(async () => {
  api = await TestApi.start();
  const admin = await api.prisma.membership.findFirstOrThrow({
    where: { role: 'ADMIN', organization: { slug: 'pekarna-magdalenske-mreze' } },
    include: { user: true },
  });
  organizationId = admin.organizationId;
  adminToken = await api.tokenFor(admin.user.email);
});
afterAll(() => api.close());
afterEach(() => vi.useRealTimers());

async function createKey(input: Record<string, unknown>): Promise<{ id: string; secret: string }> {
  const result = await api.data(
    `mutation($input: CreateApiKeyInput!) {
      createApiKey(input: $input) { __typename ... on CreateApiKeyPayload { secret apiKey { id } } }
    }`,
    {
      input: {
        organizationId: toGlobal('Organization', organizationId),
        label: 'CORS',
        idempotencyKey: crypto.randomUUID(),
        ...input,
      },
    },
    { token: adminToken },
  );
  expect(result.createApiKey.__typename).toBe('CreateApiKeyPayload');
  return { id: result.createApiKey.apiKey.id, secret: result.createApiKey.secret };
}

const publishable = (...allowedOrigins: string[]) => createKey({ kind: 'PUBLISHABLE', allowedOrigins });

function post(headers: Record<string, string>) {
  return api.yoga.fetch('http://127.0.0.1/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ regions { code } }' }),
  });
}

function preflight(origin: string) {
  return api.yoga.fetch('http://127.0.0.1/graphql', {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-tandem-key',
    },
  });
}

const allowOrigin = (response: Response) => response.headers.get('access-control-allow-origin');

describe('CORS per publishable key', () => {
  it('allows the origins of the key the request carries, and no others', async () => {
    const key = await publishable('https://partner.example.si', 'http://localhost:8080');
    for (const origin of ['https://partner.example.si', 'http://localhost:8080']) {
      const response = await post({ origin, 'x-tandem-key': key.secret });
      expect(response.status).toBe(200);
      expect(allowOrigin(response)).toBe(origin);
      expect(response.headers.get('vary')).toContain('Origin');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      // What may be sent is the preflight's to say, not every answer's.
      expect(response.headers.get('access-control-allow-methods')).toBeNull();
      expect(response.headers.get('access-control-max-age')).toBeNull();
    }
    const elsewhere = await post({ origin: 'https://evil.example.com', 'x-tandem-key': key.secret });
    expect(allowOrigin(elsewhere)).toBeNull();
    // Another key's origin does not open this key.
    const other = await publishable('https://other.example.si');
    expect(allowOrigin(await post({ origin: 'https://other.example.si', 'x-tandem-key': key.secret }))).toBeNull();
    expect(allowOrigin(await post({ origin: 'https://other.example.si', 'x-tandem-key': other.secret }))).toBe(
      'https://other.example.si',
    );
  });

  it('sends no CORS headers without a publishable key or without an Origin', async () => {
    await publishable('https://keyless.example.si');
    expect(allowOrigin(await post({ origin: 'https://keyless.example.si' }))).toBeNull();
    expect(allowOrigin(await post({ origin: 'https://keyless.example.si', 'x-tandem-key': 'pk_unknown' }))).toBeNull();
    const secret = await createKey({ kind: 'SECRET', scopes: ['reports:read'] });
    expect(allowOrigin(await post({ origin: 'https://keyless.example.si', 'x-tandem-key': secret.secret }))).toBeNull();
    const key = await publishable('https://server.example.si');
    const noOrigin = await post({ 'x-tandem-key': key.secret });
    expect(noOrigin.status).toBe(200);
    expect(allowOrigin(noOrigin)).toBeNull();
  });

  it('answers a preflight for an origin any live publishable key allows', async () => {
    await publishable('https://widgets.example.si');
    const response = await preflight('https://widgets.example.si');
    expect(response.status).toBe(204);
    expect(allowOrigin(response)).toBe('https://widgets.example.si');
    const allowedHeaders = response.headers.get('access-control-allow-headers')?.split(/,\s*/) ?? [];
    expect(allowedHeaders).toEqual(expect.arrayContaining(['content-type', 'x-tandem-key', 'authorization']));
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();

    const unknown = await preflight('https://unknown.example.si');
    expect(allowOrigin(unknown)).toBeNull();
  });

  it('stops allowing a revoked key’s origins within seconds', async () => {
    const key = await publishable('https://revoked.example.si');
    expect(allowOrigin(await post({ origin: 'https://revoked.example.si', 'x-tandem-key': key.secret }))).toBe(
      'https://revoked.example.si',
    );
    expect(allowOrigin(await preflight('https://revoked.example.si'))).toBe('https://revoked.example.si');

    const revoked = await api.data(
      `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { __typename } }`,
      { input: { apiKeyId: key.id } },
      { token: adminToken },
    );
    expect(revoked.revokeApiKey.__typename).toBe('RevokeApiKeyPayload');
    // CORS answers are cached for a few seconds; move the clock past that.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 10_000);
    expect(allowOrigin(await post({ origin: 'https://revoked.example.si', 'x-tandem-key': key.secret }))).toBeNull();
    expect(allowOrigin(await preflight('https://revoked.example.si'))).toBeNull();
  });
});

describe('the key a widget request presents', () => {
  const keyReads = () =>
    api.statements.filter((sql) => /^SELECT [^;]* FROM "public"\."ApiKey" AS "t0" WHERE/.test(sql));

  it('is read once for CORS and the request, and again only after a few seconds', async () => {
    const origin = 'https://once.example.si';
    const key = await publishable(origin);
    api.statements = [];
    expect(allowOrigin(await post({ origin, 'x-tandem-key': key.secret }))).toBe(origin);
    expect(keyReads()).toHaveLength(1);
    // The request's own context found the key too: it recorded its use.
    const row = await api.prisma.apiKey.findFirstOrThrow({ where: { prefix: key.secret.slice(0, 12) } });
    expect(row.lastUsedAt).toBeInstanceOf(Date);

    api.statements = [];
    expect(allowOrigin(await post({ origin, 'x-tandem-key': key.secret }))).toBe(origin);
    expect(keyReads()).toHaveLength(0);
    // Nor is its use written again.
    expect(api.statements.filter((sql) => /^UPDATE "public"\."ApiKey"/.test(sql))).toHaveLength(0);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 10_000);
    api.statements = [];
    expect(allowOrigin(await post({ origin, 'x-tandem-key': key.secret }))).toBe(origin);
    expect(keyReads()).toHaveLength(1);
  });

  it('is read on every request when it is a secret key, so that revoking one takes effect at once', async () => {
    const secret = await createKey({ kind: 'SECRET', scopes: ['reports:read'] });
    for (let i = 0; i < 2; i++) {
      api.statements = [];
      expect((await post({ 'x-tandem-key': secret.secret })).status).toBe(200);
      expect(keyReads()).toHaveLength(1);
    }
  });
});
