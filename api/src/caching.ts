// Caching of public reads: the widgets' queries are persisted operations that a
// partner's page fetches with GET, answered from an in-process response cache
// and marked `Cache-Control: public` so browsers and proxies may keep them.
// Only requests without a session and without a secret key take part; a
// mutation that may change what the public sees empties the cache.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { type Cache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { getOperationAST, Kind, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { localeOf } from './locale.ts';

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
}

/**
 * A request that may be answered from the shared cache: no session and no
 * secret key. A publishable key (pk_…) grants nothing beyond public reads.
 */
export function isPublicRequest(request: Request): boolean {
  if (request.headers.has('authorization')) return false;
  const key = request.headers.get('x-tandem-key');
  return !key || key.startsWith('pk_');
}

const cacheable = (request: Request) => request.method === 'GET' && isPublicRequest(request);

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
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

interface StoredResponse {
  body: ArrayBuffer;
  headers: Record<string, string>;
}

/**
 * The public answers: execution results (for the response-cache plugin) and
 * the finished bytes of GET answers (served before Yoga parses anything).
 * Emptying starts a new generation: an answer computed before that (it may
 * hold data from before the mutation) is neither stored nor served afterwards,
 * also not as a 304 to If-None-Match.
 */
export class PublicResponseCache {
  private generationNumber = 0;
  private readonly results: Lru<ExecutionResult>;
  private readonly responses: Lru<StoredResponse>;

  constructor(maxEntries: number) {
    this.results = new Lru(maxEntries);
    this.responses = new Lru(maxEntries);
  }

  get generation() {
    return this.generationNumber;
  }

  keyPrefix(): string {
    return `g${this.generationNumber}.`;
  }

  /** The response-cache plugin's view: results keyed by its cache key (which starts with the generation). */
  readonly resultCache: Cache = {
    get: (key) => (key.startsWith(this.keyPrefix()) ? (this.results.get(key) as never) : undefined),
    set: (key, result, _entities, ttlMs) => {
      if (key.startsWith(this.keyPrefix()) && ttlMs > 0) this.results.set(key, result, ttlMs);
    },
    // Any invalidation empties the whole cache: public answers are cheap to recompute.
    invalidate: () => this.clear(),
  };

  response(key: string): StoredResponse | undefined {
    return this.responses.get(key);
  }

  storeResponse(key: string, generation: number, response: StoredResponse, ttlMs: number) {
    if (generation === this.generationNumber) this.responses.set(key, response, ttlMs);
  }

  clear() {
    this.generationNumber++;
    this.results.clear();
    this.responses.clear();
  }

  get size() {
    return this.results.size + this.responses.size;
  }
}

/** Language and key decide the answer besides the URL; the key only hashed, so no key material stays in memory. */
function sessionOf(request: Request): string {
  const key = request.headers.get('x-tandem-key');
  return `${localeOf(request)}|${key ? sha256(key).slice(0, 16) : '-'}`;
}

/**
 * Answers a GET that was answered before with the stored bytes, before Yoga
 * parses the request (rate limits and CORS, earlier plugins, still apply).
 * A miss goes through Yoga; its answer is stored when the response cache kept
 * the result (it sets an ETag only for answers without errors).
 */
function storedResponsePlugin(cache: PublicResponseCache, ttlMs: number): Plugin {
  const misses = new WeakMap<Request, { key: string; generation: number }>();
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (!cacheable(request)) return;
      const key = `${cache.generation}|${url.pathname}${url.search}|${sessionOf(request)}`;
      const stored = cache.response(key);
      if (!stored) {
        misses.set(request, { key, generation: cache.generation });
        return;
      }
      if (request.headers.get('if-none-match') === stored.headers.etag) {
        endResponse(new fetchAPI.Response(null, { status: 304, headers: stored.headers }));
      } else {
        endResponse(new fetchAPI.Response(stored.body, { status: 200, headers: stored.headers }));
      }
    },
    async onResponse({ request, response }) {
      const miss = misses.get(request);
      const etag = response.headers.get('etag');
      if (!miss || response.status !== 200 || !etag) return;
      const headers: Record<string, string> = {
        'content-type': response.headers.get('content-type') ?? 'application/json',
        etag,
      };
      const lastModified = response.headers.get('last-modified');
      if (lastModified) headers['last-modified'] = lastModified;
      const body = await response.clone().arrayBuffer();
      cache.storeResponse(miss.key, miss.generation, { body, headers }, ttlMs);
    },
  };
}

/** Empties the cache after a mutation that may change public reads. */
function invalidationPlugin(cache: PublicResponseCache): Plugin {
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
      return { onExecuteDone: () => cache.clear() };
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
  const cache = new PublicResponseCache(options.maxEntries ?? 1000);
  return [
    usePersistedOperations({
      allowArbitraryOperations: true,
      getPersistedOperation: (hash) => operations[hash] ?? null,
      customErrors: {
        notFound: { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
      },
    }),
    storedResponsePlugin(cache, maxAgeSeconds * 1000),
    useResponseCache({
      cache: cache.resultCache,
      ttl: maxAgeSeconds * 1000,
      enabled: (request) => cacheable(request),
      session: sessionOf,
      buildResponseCacheKey: ({ documentString, variableValues, operationName, sessionId }) =>
        cache.keyPrefix() +
        sha256(JSON.stringify([documentString, variableValues ?? {}, operationName ?? '', sessionId])),
    }),
    invalidationPlugin(cache),
    cacheHeadersPlugin(maxAgeSeconds),
  ];
}
