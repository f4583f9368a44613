// Caching of public reads: the widgets' queries are persisted operations that a
// partner's page fetches with GET, answered from a response cache (in this
// process, or in Redis shared by all API processes when REDIS_URL is set) and
// marked `Cache-Control: public` so browsers and proxies may keep them.
// Only requests without a session and without a secret key take part; a
// mutation that may change what the public sees empties the cache.
import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { getOperationAST, Kind, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import { localeOf } from './locale.ts';
import { presentedKeyHash, presentsPublishableKey } from './presented-key.ts';

/** The persisted operations: sha256 of the exact query text → the query text. */
export const PERSISTED_OPERATIONS: Readonly<Record<string, string>> = loadManifest(
  new URL('./persisted-operations.json', import.meta.url),
);

function loadManifest(file: URL): Record<string, string> {
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  for (const [hash, query] of Object.entries(manifest)) {
    if (sha256(query) !== hash) {
      throw new Error(`persisted-operations.json: the key ${hash} is not the sha256 of its query; recompute it.`);
    }
  }
  return manifest;
}

/**
 * Mutations that change nothing an anonymous visitor can read, so they keep
 * the cache. Every other mutation (publishing, editing, closing, sign-ups and
 * decisions that change free places, and any added later) empties it.
 */
export const MUTATIONS_KEEPING_PUBLIC_CACHE: ReadonlySet<string> = new Set([
  'logHours',
  'reviewHourLog',
  'submitEvaluation',
  'signIn',
  'signOut',
  'requestSignInCode',
  'signInWithCode',
  'signInWithLink',
]);

export interface CachingOptions {
  /** How long clients, proxies and this process keep a public answer, in seconds (default 30). */
  maxAgeSeconds?: number;
  /** Most answers kept in memory (default 1000); the least recently used go first. */
  maxEntries?: number;
  /** The persisted operations (default: persisted-operations.json). */
  operations?: Readonly<Record<string, string>>;
  /** Where answers are kept (default: this process, `maxEntries` of them); RedisPublicCache shares them. */
  store?: PublicCacheStore;
}

/**
 * A request that may be answered from the shared cache: no session and no
 * secret key. A publishable key (pk_…) grants nothing beyond public reads.
 */
export function isPublicRequest(request: Request): boolean {
  if (request.headers.has('authorization')) return false;
  // An empty X-Tandem-Key presents no key, as presentedKeyHash reads it.
  return !request.headers.get('x-tandem-key') || presentsPublishableKey(request);
}

const cacheable = (request: Request) => request.method === 'GET' && isPublicRequest(request);

function sha256(text: string): string {
  return hash('sha256', text, 'hex');
}

/** Least recently used first out, each entry with its own expiry. */
class Lru<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();

  constructor(private readonly maxEntries: number) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires <= Date.now()) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, ttlMs: number) {
    this.entries.set(key, { value, expires: Date.now() + Math.min(ttlMs, 86_400_000) });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  clear() {
    this.entries.clear();
  }

  get size() {
    return this.entries.size;
  }
}

export interface StoredResponse {
  /** The answer's bytes: text as stored, or encoded once by a store in memory. */
  body: string | Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
}

/**
 * Where public answers are kept: execution results (for the response-cache
 * plugin) and the finished bytes of GET answers (served before Yoga parses
 * anything). Emptying starts a new generation: an answer computed in an
 * earlier one (it may hold data from before the mutation) is never served
 * afterwards, also not as a 304 to If-None-Match. Result keys carry the
 * generation their request started in; stored responses carry it inside.
 */
interface Lookup {
  generation: number;
  response?: StoredResponse;
}

export interface PublicCacheStore {
  /**
   * The current generation, and the answer stored for `key` if it was stored in that generation.
   * Synchronous where it can be: a cached GET then takes no promise at all.
   */
  lookup(key: string): Lookup | Promise<Lookup>;
  storeResponse(key: string, generation: number, response: StoredResponse, ttlMs: number): Promise<void>;
  result(key: string): Promise<ExecutionResult | undefined>;
  storeResult(key: string, result: ExecutionResult, ttlMs: number): Promise<void>;
  /** Starts a new generation (after a mutation that may change public reads). */
  invalidate(): Promise<void>;
  close(): Promise<void>;
}

/** One process's cache (the default without REDIS_URL). */
export class MemoryPublicCache implements PublicCacheStore {
  private generation = 0;
  private readonly results: Lru<ExecutionResult>;
  private readonly responses: Lru<StoredResponse & { generation: number }>;

  constructor(maxEntries = 1000) {
    this.results = new Lru(maxEntries);
    this.responses = new Lru(maxEntries);
  }

  lookup(key: string): Lookup {
    const stored = this.responses.get(key);
    return {
      generation: this.generation,
      response: stored?.generation === this.generation ? stored : undefined,
    };
  }

  async storeResponse(key: string, generation: number, response: StoredResponse, ttlMs: number) {
    // Encoded once here rather than on every answer served from it.
    const body = typeof response.body === 'string' ? new TextEncoder().encode(response.body) : response.body;
    if (generation === this.generation) this.responses.set(key, { ...response, body, generation }, ttlMs);
  }

  async result(key: string) {
    return this.results.get(key);
  }

  async storeResult(key: string, result: ExecutionResult, ttlMs: number) {
    this.results.set(key, result, ttlMs);
  }

  async invalidate() {
    this.generation++;
    this.results.clear();
    this.responses.clear();
  }

  async close() {}

  get size() {
    return this.results.size + this.responses.size;
  }
}

/**
 * The cache in Redis (REDIS_URL), shared by every API process: an answer one
 * process computed serves the others, and a mutation in any process starts a
 * new generation for all of them (one INCR), before its own answer is sent.
 * Each cached GET costs one round trip (MGET of the generation and the answer).
 * When Redis fails, requests are answered without the cache and nothing is stored.
 */
export class RedisPublicCache implements PublicCacheStore {
  // ioredis is loaded only when Redis is used.
  private readonly client: Promise<Redis>;
  private readonly generationKey: string;

  constructor(
    url: string,
    private readonly prefix = 'tandem:cache:',
  ) {
    this.client = import('ioredis').then(({ Redis }) => {
      const redis = new Redis(url, { maxRetriesPerRequest: 1 });
      // Said once per outage, not on every reconnection attempt.
      let down = false;
      redis.on('error', (error: Error) => {
        if (!down) this.failed('the connection', error);
        down = true;
      });
      redis.on('ready', () => (down = false));
      return redis;
    });
    this.generationKey = `${prefix}generation`;
  }

  private failed(what: string, error: unknown) {
    console.error(`Response cache in Redis: ${what} failed: ${(error as Error).message}`);
  }

  async lookup(key: string) {
    try {
      const [generation, stored] = await (await this.client).mget(this.generationKey, `${this.prefix}response:${key}`);
      const current = Number(generation ?? 0);
      const entry = stored ? (JSON.parse(stored) as StoredResponse & { generation: number }) : undefined;
      return {
        generation: current,
        response: entry?.generation === current ? { body: entry.body, headers: entry.headers } : undefined,
      };
    } catch (error) {
      this.failed('a lookup', error);
      // A generation no answer is stored under: nothing is served or stored.
      return { generation: -1 };
    }
  }

  async storeResponse(key: string, generation: number, response: StoredResponse, ttlMs: number) {
    if (generation < 0) return;
    await (
      await this.client
    )
      .set(`${this.prefix}response:${key}`, JSON.stringify({ ...response, generation }), 'PX', Math.ceil(ttlMs))
      .catch((error: unknown) => this.failed('storing an answer', error));
  }

  async result(key: string) {
    if (key.startsWith('g-1.')) return undefined;
    try {
      const stored = await (await this.client).get(`${this.prefix}result:${key}`);
      return stored ? (JSON.parse(stored) as ExecutionResult) : undefined;
    } catch (error) {
      this.failed('a lookup', error);
      return undefined;
    }
  }

  async storeResult(key: string, result: ExecutionResult, ttlMs: number) {
    if (key.startsWith('g-1.')) return;
    await (
      await this.client
    )
      .set(`${this.prefix}result:${key}`, JSON.stringify(result), 'PX', Math.ceil(ttlMs))
      .catch((error: unknown) => this.failed('storing a result', error));
  }

  async invalidate() {
    await (
      await this.client
    )
      .incr(this.generationKey)
      .catch((error: unknown) => this.failed('emptying the cache', error));
  }

  async close() {
    await (await this.client).quit().catch(() => undefined);
  }
}

/** Language and key decide the answer besides the URL; the key only hashed, so no key material stays in memory. */
function sessionOf(request: Request): string {
  return `${localeOf(request)}|${presentedKeyHash(request)?.slice(0, 16) ?? '-'}`;
}

/** The generation each cacheable request started in (read with its lookup). */
type Generations = WeakMap<Request, number>;

/**
 * Answers a GET that was answered before with the stored bytes, before Yoga
 * parses the request (rate limits and CORS, earlier plugins, still apply).
 * A miss goes through Yoga; its answer is stored when the response cache kept
 * the result (it sets an ETag only for answers without errors).
 */
function storedResponsePlugin(store: PublicCacheStore, generations: Generations, ttlMs: number): Plugin {
  const misses = new WeakMap<Request, { key: string; generation: number }>();
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (!cacheable(request)) return;
      const key = `${url.pathname}${url.search}|${sessionOf(request)}`;
      const answer = ({ generation, response: stored }: Lookup) => {
        if (!stored) {
          generations.set(request, generation);
          misses.set(request, { key, generation });
        } else if (request.headers.get('if-none-match') === stored.headers.etag) {
          endResponse(new fetchAPI.Response(null, { status: 304, headers: stored.headers }));
        } else {
          endResponse(new fetchAPI.Response(stored.body, { status: 200, headers: stored.headers }));
        }
      };
      const found = store.lookup(key);
      return found instanceof Promise ? found.then(answer) : answer(found);
    },
    onResponse({ request, response }) {
      const miss = misses.get(request);
      const etag = response.headers.get('etag');
      if (!miss || response.status !== 200 || !etag) return;
      return storeMiss(miss, response, etag);
    },
  };

  async function storeMiss(miss: { key: string; generation: number }, response: Response, etag: string) {
    const headers: Record<string, string> = {
      'content-type': response.headers.get('content-type') ?? 'application/json',
      etag,
    };
    const lastModified = response.headers.get('last-modified');
    if (lastModified) headers['last-modified'] = lastModified;
    const body = await response.clone().text();
    await store.storeResponse(miss.key, miss.generation, { body, headers }, ttlMs);
  }
}

/**
 * Empties the cache after a mutation that may change public reads, before the
 * mutation's answer is sent (so that a read after it, in any process, is fresh).
 */
function invalidationPlugin(store: PublicCacheStore): Plugin {
  const pending = new WeakMap<Request, Promise<void>>();
  return {
    onExecute({ args }) {
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      if (operation?.operation !== 'mutation') return;
      const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
      // Fragments at the root are unusual; treat them as changing anything.
      const keeps =
        fields.length === operation.selectionSet.selections.length &&
        fields.every((name) => MUTATIONS_KEEPING_PUBLIC_CACHE.has(name));
      if (keeps) return;
      const request = (args.contextValue as { request?: Request }).request;
      return {
        onExecuteDone: () => {
          const done = store.invalidate();
          if (request) pending.set(request, done);
        },
      };
    },
    onResponse({ request }) {
      return pending.get(request);
    },
  };
}

/** Cache-Control and Vary: public answers may be kept by anyone, everything else by no one. */
function cacheHeadersPlugin(maxAgeSeconds: number): Plugin {
  return {
    onResponse({ request, response }) {
      // Answers differ by language and key, so shared caches must keep them apart.
      // Added to what is there: CORS already varies on Origin.
      for (const header of ['Accept-Language', 'Authorization', 'X-Tandem-Key'])
        response.headers.append('vary', header);
      if (!isPublicRequest(request)) {
        response.headers.set('cache-control', 'private, no-store');
      } else if (request.method === 'GET' && response.status === 200 && response.headers.has('etag')) {
        // The response cache set an ETag: the answer had no errors and was stored.
        response.headers.set('cache-control', `public, max-age=${maxAgeSeconds}`);
      } else if (request.method === 'GET') {
        response.headers.set('cache-control', 'no-store');
      }
    },
  };
}

/**
 * The caching plugins, in the order they must run: persisted operations fill
 * in the query before the response cache computes its key. Any other query is
 * still accepted (POST or GET); only GET requests are served from the cache.
 */
export function cachingPlugins(options: CachingOptions = {}): Plugin[] {
  const maxAgeSeconds = options.maxAgeSeconds ?? 30;
  const operations = options.operations ?? PERSISTED_OPERATIONS;
  const store = options.store ?? new MemoryPublicCache(options.maxEntries ?? 1000);
  const generations: Generations = new WeakMap();
  return [
    usePersistedOperations({
      allowArbitraryOperations: true,
      getPersistedOperation: (hash) => operations[hash] ?? null,
      customErrors: {
        notFound: { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
      },
    }),
    storedResponsePlugin(store, generations, maxAgeSeconds * 1000),
    useResponseCache({
      cache: {
        get: (key) => store.result(key),
        set: (key, result, _entities, ttlMs) => (ttlMs > 0 ? store.storeResult(key, result, ttlMs) : undefined),
        // Any invalidation empties the whole cache: public answers are cheap to recompute.
        invalidate: () => store.invalidate(),
      },
      ttl: maxAgeSeconds * 1000,
      enabled: (request) => cacheable(request),
      // The plugin asks for a session and a key on every request, also on those it will not cache
      // (every POST): those get neither a hash nor a stringified query.
      session: (request) => (cacheable(request) ? sessionOf(request) : null),
      buildResponseCacheKey: ({ documentString, variableValues, operationName, sessionId, request }) =>
        cacheable(request)
          ? // The generation this request started in (looked up with its stored answer).
            `g${generations.get(request) ?? -1}.` +
            sha256(JSON.stringify([documentString, variableValues ?? {}, operationName ?? '', sessionId]))
          : 'not-cached',
    }),
    invalidationPlugin(store),
    cacheHeadersPlugin(maxAgeSeconds),
  ];
}
