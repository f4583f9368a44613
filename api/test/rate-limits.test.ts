import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryRateLimitStore } from '../src/rate-limit/memory-store.ts';
import { DEFAULT_POLICY, type RateLimitPolicy } from '../src/rate-limit/policy.ts';
import { RedisRateLimitStore } from '../src/rate-limit/redis-store.ts';
import type { RateLimitStore } from '../src/rate-limit/store.ts';
import { TestApi } from './harness.ts';

const MINUTE = 60_000;
const policy: RateLimitPolicy = {
  ...DEFAULT_POLICY,
  perIp: { limit: 5, windowMs: MINUTE },
  perPublishableKey: { limit: 8, windowMs: MINUTE },
  signInPerIp: { limit: 4, windowMs: MINUTE },
  signInPerEmail: { limit: 2, windowMs: MINUTE },
  signUpPerIp: { limit: 1, windowMs: MINUTE },
};

/** A fresh address per test, so buckets never carry over between tests or runs. */
const someIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

const QUERY = '{ regions { code } }';
const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { __typename } }';

function limitsFor(name: string, makeStore: () => RateLimitStore) {
  describe(`rate limits (${name})`, () => {
    let api: TestApi;
    let store: RateLimitStore;
    beforeAll(async () => {
      store = makeStore();
      api = await TestApi.start({ trustProxy: true, rateLimits: { store, policy } });
    });
    afterAll(async () => {
      await api.close();
      await store.close();
    });

    const get = (ip: string, headers: Record<string, string> = {}) =>
      api.yoga.fetch(`http://127.0.0.1/graphql?query=${encodeURIComponent(QUERY)}`, {
        headers: { 'x-forwarded-for': ip, 'accept-language': 'en', ...headers },
      });

    it('answers 429 with Retry-After once an IP address is over its limit, and only for that address', async () => {
      const ip = someIp();
      for (let i = 0; i < policy.perIp.limit; i++) expect((await get(ip)).status).toBe(200);
      const refused = await get(ip);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({
        errors: [{ extensions: { code: 'RATE_LIMITED' }, message: expect.stringMatching(/Too many requests/) }],
      });
      expect((await get(someIp())).status).toBe(200);
    });

    it('counts a key across all the addresses that use it', async () => {
      const key = `pk_test_${randomInt(1e9)}`;
      for (let i = 0; i < policy.perPublishableKey.limit; i++) {
        expect((await get(someIp(), { 'x-tandem-key': key })).status).toBe(200);
      }
      expect((await get(someIp(), { 'x-tandem-key': key })).status).toBe(429);
      expect((await get(someIp(), { 'x-tandem-key': `${key}0` })).status).toBe(200);
    });

    it('limits sign-in attempts per e-mail address, whichever address they come from', async () => {
      const email = `guess-${randomInt(1e9)}@example.net`;
      const attempt = () =>
        api.gql(
          SIGN_IN,
          { input: { email, password: 'wrong password 1' } },
          { locale: 'en', headers: { 'x-forwarded-for': someIp() } },
        );
      for (let i = 0; i < policy.signInPerEmail.limit; i++) {
        expect((await attempt()).data?.signIn.__typename).toBe('RuleViolationError');
      }
      const refused = await attempt();
      expect(refused.data).toBeUndefined();
      expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      // Another address's account is unaffected.
      const other = await api.gql(
        SIGN_IN,
        { input: { email: `other-${email}`, password: 'wrong password 1' } },
        { headers: { 'x-forwarded-for': someIp() } },
      );
      expect(other.data?.signIn.__typename).toBe('RuleViolationError');
    });

    it('limits sign-ups per address more strictly than reads', async () => {
      const ip = someIp();
      const signUp = () =>
        api.gql(
          'mutation($input: SignUpInput!) { signUp(input: $input) { __typename } }',
          {
            input: {
              opportunityId: 'T3Bwb3J0dW5pdHk6bm9uZQ==',
              name: 'Ana Novak',
              email: 'ana@example.net',
              birthDate: '2000-01-01',
              consent: { dataProcessing: true },
            },
          },
          { headers: { 'x-forwarded-for': ip } },
        );
      expect((await signUp()).data?.signUp.__typename).toBe('NotFoundError');
      expect((await signUp()).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    });
  });
}

limitsFor('in-process store', () => new MemoryRateLimitStore());

describe('rate limits with a broken store', () => {
  // A store that fails at once (a bug) and one that fails later (Redis down) both let requests through.
  const broken: Record<string, RateLimitStore> = {
    throws: {
      hit: () => {
        throw new Error('broken');
      },
      close: async () => {},
    },
    rejects: { hit: () => Promise.reject(new Error('unreachable')), close: async () => {} },
  };
  for (const [how, store] of Object.entries(broken)) {
    it(`answers reads and sign-ins when the store ${how}`, async () => {
      const api = await TestApi.start({ trustProxy: true, rateLimits: { store, policy } });
      const warn = console.warn;
      // The warning is expected here (once a minute at most).
      console.warn = () => {};
      try {
        const read = await api.yoga.fetch(`http://127.0.0.1/graphql?query=${encodeURIComponent(QUERY)}`, {
          headers: { 'x-forwarded-for': someIp(), 'x-tandem-key': 'pk_test_broken' },
        });
        expect(read.status).toBe(200);
        expect((await read.json()).data.regions.length).toBeGreaterThan(0);
        const signIn = await api.gql(
          SIGN_IN,
          { input: { email: `broken-${randomInt(1e9)}@example.net`, password: 'wrong password 1' } },
          { headers: { 'x-forwarded-for': someIp() } },
        );
        expect(signIn.data?.signIn.__typename).toBe('RuleViolationError');
      } finally {
        console.warn = warn;
        await api.close();
      }
    });
  }
});

// CI starts Redis and sets REDIS_URL; the shared store must behave the same.
if (process.env.REDIS_URL) {
  const url = process.env.REDIS_URL;
  limitsFor('Redis store', () => new RedisRateLimitStore(url));

  describe('rate limits shared through Redis', () => {
    it('counts requests to two API processes together', async () => {
      const stores = [new RedisRateLimitStore(url), new RedisRateLimitStore(url)];
      const apis = await Promise.all(
        stores.map((store) => TestApi.start({ trustProxy: true, rateLimits: { store, policy } })),
      );
      try {
        const ip = someIp();
        const statuses: number[] = [];
        for (let i = 0; i <= policy.perIp.limit; i++) {
          const response = await apis[i % 2]!.yoga.fetch(
            `http://127.0.0.1/graphql?query=${encodeURIComponent(QUERY)}`,
            {
              headers: { 'x-forwarded-for': ip },
            },
          );
          statuses.push(response.status);
        }
        expect(statuses).toEqual([...Array(policy.perIp.limit).fill(200), 429]);
      } finally {
        await Promise.all(apis.map((a) => a.close()));
        await Promise.all(stores.map((s) => s.close()));
      }
    });
  });
}
