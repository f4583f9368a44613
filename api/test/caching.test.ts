import { createHash } from 'node:crypto';
import { schema } from '@tandem/schema';
import { parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicRequest, PERSISTED_OPERATIONS, RedisPublicCache } from '../src/caching.ts';
import { createTandemYoga, type TandemYoga } from '../src/yoga.ts';
import { TestApi, toGlobal } from './harness.ts';

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start();
});
afterAll(() => api.close());

const hashOf = (name: string) => {
  const entry = Object.entries(PERSISTED_OPERATIONS).find(([, query]) => new RegExp(`\\bquery ${name}\\b`).test(query));
  if (!entry) throw new Error(`no persisted operation ${name}`);
  return entry[0];
};

/** A persisted operation over GET, as the widgets send it. */
async function persistedGet(
  name: string,
  variables: object,
  headers: Record<string, string> = {},
  query = '',
  yoga: TandemYoga = api.yoga,
) {
  const params = new URLSearchParams({
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hashOf(name) } }),
    variables: JSON.stringify(variables),
  });
  const response = await yoga.fetch(`http://127.0.0.1/graphql?${params}${query}`, { headers });
  return {
    status: response.status,
    headers: response.headers,
    body: response.status === 304 ? null : ((await response.json()) as { data?: any; errors?: any[] }),
  };
}

async function publishedOpportunity(titleSl: string) {
  const org = await api.prisma.organization.findFirstOrThrow({ where: { opportunities: { some: {} } } });
  return api.prisma.opportunity.create({
    data: {
      organizationId: org.id,
      slug: `cache-${Math.random().toString(36).slice(2)}`,
      titleSl,
      descriptionSl: 'Opis',
      areaCode: 'SOCIAL',
      regionCode: org.regionCode,
      status: 'PUBLISHED',
      capacity: 5,
    },
  });
}

const retitle = (id: string, titleSl: string) => api.prisma.opportunity.update({ where: { id }, data: { titleSl } });

describe('cached public reads', () => {
  it('serve a persisted GET from the cache, marked public, until a mutation that changes public data', async () => {
    const opportunity = await publishedOpportunity('Prvi naslov');
    const variables = { id: toGlobal('Opportunity', opportunity.id) };

    const first = await persistedGet('PublicOpportunity', variables);
    expect(first.status).toBe(200);
    expect(first.body?.data.opportunity.title).toBe('Prvi naslov');
    expect(first.headers.get('cache-control')).toBe('public, max-age=30');
    expect(first.headers.get('vary')).toContain('Accept-Language');
    expect(first.headers.get('etag')).toBeTruthy();

    // Changed behind the API's back: the cached answer stays, in the same language.
    await retitle(opportunity.id, 'Drugi naslov');
    expect((await persistedGet('PublicOpportunity', variables)).body?.data.opportunity.title).toBe('Prvi naslov');
    // Another language is another answer (no English title: the Slovenian one, as it is now).
    expect((await persistedGet('PublicOpportunity', variables, {}, '&lang=en')).body?.data.opportunity.title).toBe(
      'Drugi naslov',
    );

    // Logging hours changes nothing public: the cache stays.
    const agreement = await api.prisma.volunteerAgreement.findFirstOrThrow({
      where: { status: 'ACTIVE' },
      include: { volunteer: true },
    });
    const token = await api.tokenFor(agreement.volunteer.email);
    const logged = await api.data(
      'mutation ($input: LogHoursInput!) { logHours(input: $input) { __typename } }',
      {
        input: {
          organizationId: toGlobal('Organization', agreement.organizationId),
          date: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
          minutes: 60,
          activity: 'delavnica',
          idempotencyKey: `cache-test-${Math.random()}`,
        },
      },
      { token },
    );
    expect(logged.logHours.__typename).toBe('HourLogPayload');
    expect((await persistedGet('PublicOpportunity', variables)).body?.data.opportunity.title).toBe('Prvi naslov');

    // A sign-up changes places: the cache is emptied.
    const signedUp = await api.data('mutation ($input: SignUpInput!) { signUp(input: $input) { __typename } }', {
      input: {
        opportunityId: variables.id,
        name: 'Ana Novak',
        email: `cache.${Math.random().toString(36).slice(2)}@example.org`,
        birthDate: '1990-03-03',
        consent: { dataProcessing: true },
      },
    });
    expect(signedUp.signUp.__typename).toBe('SignUpPayload');
    const fresh = await persistedGet('PublicOpportunity', variables);
    expect(fresh.body?.data.opportunity.title).toBe('Drugi naslov');

    // A client that has this answer is told so without the body.
    const etag = fresh.headers.get('etag')!;
    const again = await persistedGet('PublicOpportunity', variables, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    // …and an answer from before the sign-up is not confirmed.
    expect(
      (await persistedGet('PublicOpportunity', variables, { 'if-none-match': first.headers.get('etag')! })).status,
    ).toBe(200);
  });

  it('treat an empty X-Tandem-Key as no key, whichever Headers carry it', () => {
    // Yoga's Headers on Node drop an empty value; the platform's (WHATWG) Headers keep it.
    const request = new Request('http://127.0.0.1/graphql', { headers: { 'x-tandem-key': '' } });
    expect(request.headers.has('x-tandem-key')).toBe(true);
    expect(isPublicRequest(request)).toBe(true);
    expect(isPublicRequest(new Request('http://127.0.0.1/graphql', { headers: { 'x-tandem-key': 'sk_x' } }))).toBe(
      false,
    );
  });

  it('are never cached nor marked public for a session or a secret key, nor over POST', async () => {
    const opportunity = await publishedOpportunity('Zasebno prvič');
    const variables = { id: toGlobal('Opportunity', opportunity.id) };
    const token = await api.tokenFor((await api.prisma.user.findFirstOrThrow()).email);

    const signedIn = await persistedGet('PublicOpportunity', variables, { authorization: `Bearer ${token}` });
    expect(signedIn.body?.data.opportunity.title).toBe('Zasebno prvič');
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
    const secret = await persistedGet('PublicOpportunity', variables, { 'x-tandem-key': 'sk_not_a_real_key' });
    expect(secret.headers.get('cache-control')).toBe('private, no-store');

    await retitle(opportunity.id, 'Zasebno drugič');
    const signedInAgain = await persistedGet('PublicOpportunity', variables, { authorization: `Bearer ${token}` });
    expect(signedInAgain.body?.data.opportunity.title).toBe('Zasebno drugič');
    expect(signedInAgain.headers.get('etag')).toBeNull();

    const posted = await api.yoga.fetch('http://127.0.0.1/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: PERSISTED_OPERATIONS[hashOf('PublicOpportunity')], variables }),
    });
    expect(posted.headers.get('cache-control') ?? '').not.toContain('public');
    await retitle(opportunity.id, 'Zasebno tretjič');
    const postedAgain = await api.data<{ opportunity: { title: string } }>(
      PERSISTED_OPERATIONS[hashOf('PublicOpportunity')]!,
      variables,
    );
    expect(postedAgain.opportunity.title).toBe('Zasebno tretjič');
  });

  it('refuse an unknown persisted operation and still take any query', async () => {
    const params = new URLSearchParams({
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } }),
    });
    const unknown = await api.yoga.fetch(`http://127.0.0.1/graphql?${params}`);
    const body = (await unknown.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const arbitrary = await api.yoga.fetch(
      `http://127.0.0.1/graphql?query=${encodeURIComponent('{ regions { code } }')}`,
    );
    expect(((await arbitrary.json()) as { data: { regions: unknown[] } }).data.regions.length).toBe(12);
  });
});

// CI starts Redis and sets REDIS_URL. Two API processes over one database: two yoga
// instances, each with its own Redis connection and nothing else in common.
if (process.env.REDIS_URL) {
  const url = process.env.REDIS_URL;
  describe('the public read cache shared through Redis', () => {
    it("serves one process's answer from another, and a mutation in either empties it for both", async () => {
      const prefix = `tandem:cache:test-${Math.random().toString(36).slice(2)}:`;
      const stores = [new RedisPublicCache(url, prefix), new RedisPublicCache(url, prefix)];
      const [a, b] = stores.map((store) => createTandemYoga({ db: api.db, caching: { store } })) as [
        TandemYoga,
        TandemYoga,
      ];
      try {
        const opportunity = await publishedOpportunity('V Redisu prvič');
        const variables = { id: toGlobal('Opportunity', opportunity.id) };
        const title = (r: Awaited<ReturnType<typeof persistedGet>>) => r.body?.data.opportunity.title;

        const first = await persistedGet('PublicOpportunity', variables, {}, '', a);
        expect(title(first)).toBe('V Redisu prvič');
        expect(first.headers.get('cache-control')).toBe('public, max-age=30');

        await retitle(opportunity.id, 'V Redisu drugič');
        // B never computed this answer: it comes from A's entry in Redis, ETag and all.
        const fromB = await persistedGet('PublicOpportunity', variables, {}, '', b);
        expect(title(fromB)).toBe('V Redisu prvič');
        expect(fromB.headers.get('etag')).toBe(first.headers.get('etag'));
        expect(
          (await persistedGet('PublicOpportunity', variables, { 'if-none-match': first.headers.get('etag')! }, '', b))
            .status,
        ).toBe(304);
        // The data did change: a process with a cache of its own (this file's API) answers afresh.
        expect(title(await persistedGet('PublicOpportunity', variables))).toBe('V Redisu drugič');

        // Logging hours in B changes nothing public: both keep the answer.
        const agreement = await api.prisma.volunteerAgreement.findFirstOrThrow({
          where: { status: 'ACTIVE' },
          include: { volunteer: true },
        });
        const token = await api.tokenFor(agreement.volunteer.email);
        const post = async (yoga: TandemYoga, query: string, input: object, headers: Record<string, string> = {}) =>
          (await (
            await yoga.fetch('http://127.0.0.1/graphql', {
              method: 'POST',
              headers: { 'content-type': 'application/json', ...headers },
              body: JSON.stringify({ query, variables: { input } }),
            })
          ).json()) as { data?: any; errors?: unknown[] };
        const logged = await post(
          b,
          'mutation ($input: LogHoursInput!) { logHours(input: $input) { __typename } }',
          {
            organizationId: toGlobal('Organization', agreement.organizationId),
            date: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
            minutes: 30,
            activity: 'delavnica',
            idempotencyKey: `redis-cache-${Math.random()}`,
          },
          { authorization: `Bearer ${token}` },
        );
        expect(logged.data?.logHours.__typename).toBe('HourLogPayload');
        expect(title(await persistedGet('PublicOpportunity', variables, {}, '', a))).toBe('V Redisu prvič');

        // A sign-up in A changes places: B answers afresh right after A's answer, and so does A.
        const signedUp = await post(a, 'mutation ($input: SignUpInput!) { signUp(input: $input) { __typename } }', {
          opportunityId: variables.id,
          name: 'Ana Novak',
          email: `redis.${Math.random().toString(36).slice(2)}@example.org`,
          birthDate: '1990-03-03',
          consent: { dataProcessing: true },
        });
        expect(signedUp.data?.signUp.__typename).toBe('SignUpPayload');
        const freshB = await persistedGet('PublicOpportunity', variables, {}, '', b);
        expect(title(freshB)).toBe('V Redisu drugič');
        expect(freshB.headers.get('etag')).not.toBe(first.headers.get('etag'));
        expect(
          (await persistedGet('PublicOpportunity', variables, { 'if-none-match': first.headers.get('etag')! }, '', a))
            .status,
        ).toBe(200);
        // …and B's fresh answer is now the shared one.
        await retitle(opportunity.id, 'V Redisu tretjič');
        expect(title(await persistedGet('PublicOpportunity', variables, {}, '', a))).toBe('V Redisu drugič');
      } finally {
        await Promise.all(stores.map((store) => store.close()));
      }
    });

    it('answers without the cache when Redis cannot be reached', async () => {
      const store = new RedisPublicCache('redis://127.0.0.1:1', `tandem:cache:test-down:`);
      const yoga = createTandemYoga({ db: api.db, caching: { store } });
      try {
        const opportunity = await publishedOpportunity('Brez Redisa');
        const variables = { id: toGlobal('Opportunity', opportunity.id) };
        const answer = await persistedGet('PublicOpportunity', variables, {}, '', yoga);
        expect(answer.status).toBe(200);
        expect(answer.body?.data.opportunity.title).toBe('Brez Redisa');
        await retitle(opportunity.id, 'Brez Redisa, drugič');
        expect((await persistedGet('PublicOpportunity', variables, {}, '', yoga)).body?.data.opportunity.title).toBe(
          'Brez Redisa, drugič',
        );
      } finally {
        await store.close();
      }
    });
  });
}

describe('the persisted operations manifest', () => {
  it('keys every query by its sha256, and every query is valid against the schema', () => {
    const entries = Object.entries(PERSISTED_OPERATIONS);
    expect(entries.length).toBeGreaterThanOrEqual(5);
    for (const [hash, query] of entries) {
      expect(createHash('sha256').update(query).digest('hex')).toBe(hash);
      expect(validate(schema, parse(query)).map((e) => e.message)).toEqual([]);
    }
  });
});
