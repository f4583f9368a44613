import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobal as fromGlobalId, TestApi, toGlobal } from './harness.ts';

let api: TestApi;
/** pekarna-magdalenske-mreze: its admin and coordinator; drustvo-parada-ponosa: its admin. */
let org: { id: string; slug: string };
let otherOrg: { id: string; slug: string };
let adminToken: string;
let adminName: string;
let coordinatorToken: string;
let otherAdminToken: string;

beforeAll(async () => {
  api = await TestApi.start();
  const admin = await api.prisma.membership.findFirstOrThrow({
    where: { role: 'ADMIN', organization: { slug: 'pekarna-magdalenske-mreze' } },
    include: { user: true, organization: true },
  });
  org = admin.organization;
  adminName = admin.user.name;
  adminToken = await api.tokenFor(admin.user.email);
  const coordinator = await api.prisma.membership.findFirstOrThrow({
    where: { role: 'COORDINATOR', organizationId: org.id },
    include: { user: true },
  });
  coordinatorToken = await api.tokenFor(coordinator.user.email);
  const otherAdmin = await api.prisma.membership.findFirstOrThrow({
    where: { role: 'ADMIN', organization: { slug: 'drustvo-parada-ponosa' } },
    include: { user: true, organization: true },
  });
  otherOrg = otherAdmin.organization;
  otherAdminToken = await api.tokenFor(otherAdmin.user.email);
});
afterAll(() => api.close());

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      __typename
      ... on CreateApiKeyPayload {
        secret
        apiKey {
          id
          kind
          label
          prefix
          allowedOrigins
          scopes
          createdAt
          createdBy {
            name
          }
          lastUsedAt
          revokedAt
          organization {
            slug
          }
        }
      }
      ... on Error {
        code
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
      ... on NotFoundError {
        path
      }
    }
  }
`;

const REVOKE = /* GraphQL */ `
  mutation Revoke($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      __typename
      ... on RevokeApiKeyPayload {
        apiKey {
          id
          revokedAt
        }
      }
      ... on NotFoundError {
        code
        path
      }
    }
  }
`;

const LIST = /* GraphQL */ `
  query Keys($slug: String!, $includeRevoked: Boolean) {
    organization(slug: $slug) {
      apiKeys(first: 50, includeRevoked: $includeRevoked) {
        totalCount
        edges {
          node {
            id
            label
            kind
            prefix
            revokedAt
            createdBy {
              name
            }
          }
        }
      }
    }
  }
`;

function keyInput(overrides: Record<string, unknown> = {}) {
  return {
    organizationId: toGlobal('Organization', org.id),
    kind: 'PUBLISHABLE',
    label: 'Spletna stran',
    allowedOrigins: ['https://www.example.si'],
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

async function createKey(overrides: Record<string, unknown> = {}, token = adminToken) {
  const result = await api.data(CREATE, { input: keyInput(overrides) }, { token });
  return result.createApiKey;
}

/** Creates a secret key with the scopes through the API, as an admin would. */
async function secretKey(scopes: string[], organizationId = org.id, token = adminToken) {
  const created = await createKey(
    { kind: 'SECRET', allowedOrigins: [], scopes, organizationId: toGlobal('Organization', organizationId) },
    token,
  );
  expect(created.__typename).toBe('CreateApiKeyPayload');
  return created as { secret: string; apiKey: { id: string } };
}

const REPORT = /* GraphQL */ `
  query Report($slug: String!) {
    annualReport(organizationSlug: $slug, year: 2026) {
      agreements
    }
  }
`;

describe('createApiKey', () => {
  it('lets an admin create a publishable key, shows the secret once and stores only its hash', async () => {
    const created = await createKey({
      label: '  Spletna stran  ',
      allowedOrigins: ['https://WWW.Example.si/', 'http://localhost:5173', 'https://www.example.si'],
    });
    expect(created.__typename).toBe('CreateApiKeyPayload');
    expect(created.secret).toMatch(/^pk_[A-Za-z0-9_-]{43}$/);
    expect(created.apiKey).toMatchObject({
      kind: 'PUBLISHABLE',
      label: 'Spletna stran',
      prefix: created.secret.slice(0, 12),
      allowedOrigins: ['https://www.example.si', 'http://localhost:5173'],
      scopes: [],
      createdBy: { name: adminName },
      lastUsedAt: null,
      revokedAt: null,
      organization: { slug: org.slug },
    });
    const row = await api.prisma.apiKey.findFirstOrThrow({ where: { prefix: created.apiKey.prefix } });
    expect(row.keyHash).toBe(createHash('sha256').update(created.secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(created.secret);
    const audit = await api.prisma.auditLog.findFirstOrThrow({ where: { action: 'apiKey.create', subjectId: row.id } });
    expect(audit).toMatchObject({ organizationId: org.id, subjectType: 'ApiKey', actorId: row.createdById });
    expect(JSON.stringify(audit.details)).not.toContain(created.secret);
  });

  it('creates a secret key with scopes in their canonical order', async () => {
    const created = await createKey({ kind: 'SECRET', allowedOrigins: null, scopes: ['reports:read', 'hours:read'] });
    expect(created.secret).toMatch(/^sk_/);
    expect(created.apiKey).toMatchObject({
      kind: 'SECRET',
      allowedOrigins: [],
      scopes: ['hours:read', 'reports:read'],
    });
  });

  it.each([
    ['a publishable key without origins', { allowedOrigins: [] }, [['input', 'allowedOrigins']]],
    [
      'origins that are not https (or http on this machine) or carry a path',
      { allowedOrigins: ['http://example.si', 'https://example.si/page', 'https://*.example.si', 'nonsense'] },
      [
        ['input', 'allowedOrigins', '0'],
        ['input', 'allowedOrigins', '1'],
        ['input', 'allowedOrigins', '2'],
        ['input', 'allowedOrigins', '3'],
      ],
    ],
    ['a publishable key with scopes', { scopes: ['reports:read'] }, [['input', 'scopes']]],
    ['a secret key without scopes', { kind: 'SECRET', allowedOrigins: [], scopes: [] }, [['input', 'scopes']]],
    [
      'a secret key with a scope keys cannot have',
      { kind: 'SECRET', allowedOrigins: [], scopes: ['reports:read', 'keys:manage'] },
      [['input', 'scopes', '1']],
    ],
    [
      'a secret key with origins',
      { kind: 'SECRET', allowedOrigins: ['https://example.si'], scopes: ['reports:read'] },
      [['input', 'allowedOrigins']],
    ],
    ['an empty label', { label: '   ' }, [['input', 'label']]],
  ])('refuses %s with field errors', async (_, overrides, paths) => {
    const before = await api.prisma.apiKey.count();
    const result = await createKey(overrides);
    expect(result.__typename).toBe('ValidationError');
    expect(result.fieldErrors.map((f: { path: string[] }) => f.path)).toEqual(paths);
    expect(result.fieldErrors.every((f: { message: string }) => f.message.length > 5)).toBe(true);
    expect(await api.prisma.apiKey.count()).toBe(before);
  });

  it('explains field errors in English when asked', async () => {
    const result = await api.data(
      CREATE,
      { input: keyInput({ allowedOrigins: ['ftp://example.si'] }) },
      { token: adminToken, locale: 'en' },
    );
    expect(result.createApiKey.fieldErrors[0].message).toContain('not a valid origin');
  });

  it('returns the first key without its secret when retried with the same idempotencyKey', async () => {
    const input = { idempotencyKey: randomUUID(), label: 'Retry' };
    const first = await createKey(input);
    const before = await api.prisma.apiKey.count();
    const retry = await createKey(input);
    expect(retry.__typename).toBe('CreateApiKeyPayload');
    expect(retry.apiKey.id).toBe(first.apiKey.id);
    expect(first.secret).toMatch(/^pk_/);
    expect(retry.secret).toBeNull();
    expect(await api.prisma.apiKey.count()).toBe(before);

    const different = await createKey({ ...input, label: 'Another' });
    expect(different).toMatchObject({ __typename: 'ConflictError', code: 'IDEMPOTENCY_CONFLICT' });
    expect(await api.prisma.apiKey.count()).toBe(before);
  });

  it('creates one key when two retries race', async () => {
    const input = { idempotencyKey: randomUUID(), label: 'Race' };
    const before = await api.prisma.apiKey.count();
    const [a, b] = await Promise.all([createKey(input), createKey(input)]);
    expect(a.apiKey.id).toBe(b.apiKey.id);
    expect([a.secret, b.secret].filter(Boolean)).toHaveLength(1);
    expect(await api.prisma.apiKey.count()).toBe(before + 1);
  });

  it('is for admins of the organisation only', async () => {
    const before = await api.prisma.apiKey.count();
    expect(await createKey({}, coordinatorToken)).toMatchObject({
      __typename: 'NotFoundError',
      path: ['input', 'organizationId'],
    });
    expect(await createKey({}, otherAdminToken)).toMatchObject({ __typename: 'NotFoundError' });
    const anonymous = await api.gql(CREATE, { input: keyInput() });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // A secret key cannot make keys either, whatever its scopes.
    const { secret } = await secretKey(['reports:read', 'opportunities:write']);
    const byKey = await api.gql(CREATE, { input: keyInput() }, { headers: { 'x-tandem-key': secret } });
    expect(byKey.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await api.prisma.apiKey.count()).toBe(before + 1);
  });
});

describe('Organization.apiKeys', () => {
  it("lists the organisation's live keys for its admin, revoked ones on request", async () => {
    const live = await createKey({ label: 'Listed' });
    const gone = await createKey({ label: 'Revoked for the list' });
    await api.data(REVOKE, { input: { apiKeyId: gone.apiKey.id } }, { token: adminToken });

    const listed = await api.data(LIST, { slug: org.slug }, { token: adminToken });
    const ids = listed.organization.apiKeys.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toContain(live.apiKey.id);
    expect(ids).not.toContain(gone.apiKey.id);
    expect(listed.organization.apiKeys.edges[0].node.createdBy).toEqual({ name: adminName });

    const all = await api.data(LIST, { slug: org.slug, includeRevoked: true }, { token: adminToken });
    expect(all.organization.apiKeys.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(gone.apiKey.id);
    expect(all.organization.apiKeys.totalCount).toBe(listed.organization.apiKeys.totalCount + 1);
  });

  it('is hidden from coordinators, other organisations and keys', async () => {
    for (const token of [coordinatorToken, otherAdminToken]) {
      const result = await api.gql(LIST, { slug: org.slug }, { token });
      expect(result.data?.organization?.apiKeys).toBeFalsy();
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await api.gql(LIST, { slug: org.slug });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('does not resolve a key through node() for a coordinator', async () => {
    const { apiKey } = await createKey({ label: 'Node' });
    const query = `query($id: ID!) { node(id: $id) { id ... on ApiKey { label } } }`;
    const byAdmin = await api.data(query, { id: apiKey.id }, { token: adminToken });
    expect(byAdmin.node).toEqual({ id: apiKey.id, label: 'Node' });
    const byCoordinator = await api.gql(query, { id: apiKey.id }, { token: coordinatorToken });
    expect(byCoordinator.data?.node).toBeNull();
  });
});

describe('using keys', () => {
  it('a secret key with reports:read reads its own organisation’s report, not another’s', async () => {
    const { secret, apiKey } = await secretKey(['reports:read']);
    const headers = { 'x-tandem-key': secret };
    const own = await api.data(REPORT, { slug: org.slug }, { headers });
    expect(own.annualReport).not.toBeNull();
    expect(typeof own.annualReport.agreements).toBe('number');
    const other = await api.data(REPORT, { slug: otherOrg.slug }, { headers });
    expect(other.annualReport).toBeNull();

    // Without the scope, not even the own organisation.
    const { secret: hoursOnly } = await secretKey(['hours:read']);
    expect(
      (await api.data(REPORT, { slug: org.slug }, { headers: { 'x-tandem-key': hoursOnly } })).annualReport,
    ).toBeNull();

    const uses = await api.prisma.auditLog.findMany({
      where: { action: 'apiKey.use', subjectId: fromGlobalId(apiKey.id) },
      orderBy: { createdAt: 'asc' },
    });
    expect(uses).toHaveLength(2);
    expect(uses[0]).toMatchObject({ organizationId: org.id, apiKeyId: fromGlobalId(apiKey.id), actorId: null });
    expect(uses[0]?.details).toMatchObject({
      operationName: 'Report',
      operationType: 'query',
      fields: ['annualReport'],
    });
  });

  it('a secret key without applications:decide cannot decide; with it, it can', async () => {
    const application = await api.prisma.application.findFirstOrThrow({
      where: { status: 'PENDING', organization: { memberships: { some: { role: 'ADMIN' } } } },
      include: { organization: { include: { memberships: { where: { role: 'ADMIN' }, include: { user: true } } } } },
    });
    const token = await api.tokenFor(application.organization.memberships[0]!.user.email);
    const keyFor = (scopes: string[]) => secretKey(scopes, application.organizationId, token);
    const decide = /* GraphQL */ `
      mutation Decide($input: DecideApplicationInput!) {
        decideApplication(input: $input) {
          __typename
        }
      }
    `;
    const input = { applicationId: toGlobal('Application', application.id), decision: 'WAITLIST' };
    const { secret: readOnly } = await keyFor(['applications:read', 'reports:read']);
    const refused = await api.data(decide, { input }, { headers: { 'x-tandem-key': readOnly } });
    expect(refused.decideApplication.__typename).toBe('NotFoundError');
    expect((await api.prisma.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe('PENDING');

    const { secret: decider } = await keyFor(['applications:decide']);
    // Reading the application back would need applications:read; the decision itself does not.
    const done = await api.data(decide, { input }, { headers: { 'x-tandem-key': decider } });
    expect(done.decideApplication.__typename).toBe('ApplicationPayload');
    expect((await api.prisma.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(
      'WAITLISTED',
    );
    const entry = await api.prisma.auditLog.findFirstOrThrow({
      where: { action: 'apiKey.use', details: { path: ['operationName'], equals: 'Decide' } },
      orderBy: { createdAt: 'desc' },
    });
    expect(entry.details).toMatchObject({ operationType: 'mutation', fields: ['decideApplication'] });
  });

  it('a publishable key adds no rights', async () => {
    const { secret } = await createKey({ allowedOrigins: ['https://www.example.si'] });
    const query = `query { organization(slug: "${org.slug}") { hourLogs(first: 1) { totalCount } } }`;
    const result = await api.gql(query, {}, { headers: { 'x-tandem-key': secret, origin: 'https://www.example.si' } });
    expect(result.data?.organization?.hourLogs).toBeFalsy();
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const report = await api.gql(REPORT, { slug: org.slug }, { headers: { 'x-tandem-key': secret } });
    expect(report.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Publishable keys' use is not written to the audit log.
    const row = await api.prisma.apiKey.findFirstOrThrow({ where: { prefix: secret.slice(0, 12) } });
    expect(await api.prisma.auditLog.count({ where: { action: 'apiKey.use', subjectId: row.id } })).toBe(0);

    // The same query with a secret key that has hours:read works: the test can tell the difference.
    const { secret: hours } = await secretKey(['hours:read']);
    const allowed = await api.data(query, {}, { headers: { 'x-tandem-key': hours } });
    expect(allowed.organization.hourLogs.totalCount).toBeGreaterThan(0);
  });

  it('records lastUsedAt at most once a minute', async () => {
    const { secret, apiKey } = await secretKey(['reports:read']);
    const id = fromGlobalId(apiKey.id);
    expect((await api.prisma.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeNull();
    await api.data(REPORT, { slug: org.slug }, { headers: { 'x-tandem-key': secret } });
    const first = (await api.prisma.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    await api.data(REPORT, { slug: org.slug }, { headers: { 'x-tandem-key': secret } });
    expect((await api.prisma.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first);

    const longAgo = new Date(Date.now() - 5 * 60_000);
    await api.prisma.apiKey.update({ where: { id }, data: { lastUsedAt: longAgo } });
    await api.data(REPORT, { slug: org.slug }, { headers: { 'x-tandem-key': secret } });
    const later = (await api.prisma.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(later!.getTime()).toBeGreaterThan(longAgo.getTime() + 60_000);
  });
});

describe('revokeApiKey', () => {
  it('stops the key at once, is idempotent and audited once', async () => {
    const { secret, apiKey } = await secretKey(['reports:read']);
    const headers = { 'x-tandem-key': secret };
    expect((await api.data(REPORT, { slug: org.slug }, { headers })).annualReport).not.toBeNull();

    const revoked = await api.data(REVOKE, { input: { apiKeyId: apiKey.id } }, { token: adminToken });
    expect(revoked.revokeApiKey.__typename).toBe('RevokeApiKeyPayload');
    const revokedAt = revoked.revokeApiKey.apiKey.revokedAt;
    expect(revokedAt).toBeTruthy();
    const again = await api.data(REVOKE, { input: { apiKeyId: apiKey.id } }, { token: adminToken });
    expect(again.revokeApiKey.apiKey.revokedAt).toBe(revokedAt);
    expect(
      await api.prisma.auditLog.count({ where: { action: 'apiKey.revoke', subjectId: fromGlobalId(apiKey.id) } }),
    ).toBe(1);

    const after = await api.gql(REPORT, { slug: org.slug }, { headers });
    expect(after.data?.annualReport).toBeNull();
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('is for admins of the organisation only', async () => {
    const { apiKey } = await createKey({ label: 'Not yours' });
    for (const token of [coordinatorToken, otherAdminToken]) {
      const result = await api.data(REVOKE, { input: { apiKeyId: apiKey.id } }, { token });
      expect(result.revokeApiKey).toMatchObject({ __typename: 'NotFoundError', path: ['input', 'apiKeyId'] });
    }
    const row = await api.prisma.apiKey.findUniqueOrThrow({ where: { id: fromGlobalId(apiKey.id) } });
    expect(row.revokedAt).toBeNull();
  });
});
