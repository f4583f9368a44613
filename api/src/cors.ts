import type { PrismaClient } from '@tandem/db';
import { hashSecret } from '@tandem/schema';

/** What yoga's `cors` option takes (graphql-yoga → @whatwg-node/server). */
type CorsOptions =
  | {
      origin?: string[] | string;
      methods?: string[];
      allowedHeaders?: string[];
      exposedHeaders?: string[];
      credentials?: boolean;
      maxAge?: number;
    }
  | false;

/** Request headers the widgets send; nothing else is allowed cross-origin. */
export const CORS_ALLOWED_HEADERS = ['content-type', 'authorization', 'x-tandem-key', 'accept-language'];

export interface CorsPolicyOptions {
  /** How long a key's origins (or an origin's preflight answer) are remembered; revocation takes effect after it. */
  cacheMs?: number;
  /** Entries kept at most (unknown keys are remembered too, so the cache must not grow without bound). */
  maxEntries?: number;
}

/** A small expiring cache; the oldest entries go first when it is full. */
class ExpiringCache<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();
  private readonly pending = new Map<string, Promise<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  /** The remembered value, if it has not expired; no promise, so a hit costs the request no microtask. */
  peek(key: string): T | undefined {
    const hit = this.entries.get(key);
    return hit && hit.expires > Date.now() ? hit.value : undefined;
  }

  get(key: string, load: () => Promise<T>): Promise<T> {
    // The values (origin lists, null, booleans) are never undefined.
    const hit = this.peek(key);
    if (hit !== undefined) return Promise.resolve(hit);
    // Concurrent misses share one database lookup.
    let loading = this.pending.get(key);
    if (!loading) {
      loading = load()
        .then((value) => {
          this.entries.delete(key);
          if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
          this.entries.set(key, { value, expires: Date.now() + this.ttlMs });
          return value;
        })
        .finally(() => this.pending.delete(key));
      this.pending.set(key, loading);
    }
    return loading;
  }
}

/**
 * CORS per API key, as the `cors` option of yoga. Browsers may call the API
 * cross-origin only from pages on an origin that one of the organisation's
 * publishable keys allows:
 *  - an actual request must carry that key in `X-Tandem-Key`, and its Origin
 *    must be in the key's allowed origins;
 *  - a preflight (OPTIONS) carries no header values, only their names, so it is
 *    allowed for an origin that any live publishable key allows; the actual
 *    request that follows is then checked against its own key.
 * No Origin (servers, curl) means no CORS headers at all, and secret keys and
 * sessions never open CORS. Nothing is sent with credentials (no cookies).
 */
export function corsPolicy(prisma: PrismaClient, { cacheMs = 3_000, maxEntries = 1_000 }: CorsPolicyOptions = {}) {
  const keyOrigins = new ExpiringCache<string[] | null>(cacheMs, maxEntries);
  const knownOrigins = new ExpiringCache<boolean>(cacheMs, maxEntries);

  const allowedOriginsOf = (keyHash: string) =>
    keyOrigins.get(keyHash, async () => {
      const found = await prisma.apiKey.findUnique({
        where: { keyHash },
        select: { kind: true, revokedAt: true, allowedOrigins: true },
      });
      return found && found.kind === 'PUBLISHABLE' && !found.revokedAt ? found.allowedOrigins : null;
    });

  const anyKeyAllows = (origin: string) =>
    knownOrigins.get(origin, async () => {
      const found = await prisma.apiKey.findFirst({
        where: { kind: 'PUBLISHABLE', revokedAt: null, allowedOrigins: { has: origin } },
        select: { id: true },
      });
      return !!found;
    });

  // "*" makes yoga echo this request's Origin and add "Vary: Origin"; the caller has decided it is allowed.
  const PREFLIGHT: CorsOptions = {
    origin: ['*'],
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    credentials: false,
    maxAge: 600,
  };
  // Methods, headers and max-age mean something only in a preflight's answer.
  const ACTUAL: CorsOptions = { origin: ['*'], credentials: false };

  // Not async: most requests (servers, cached GETs from the same site) carry no Origin and need no promise.
  return (request: Request): CorsOptions | Promise<CorsOptions> => {
    const origin = request.headers.get('origin');
    if (!origin) return false;
    if (request.method === 'OPTIONS' && request.headers.has('access-control-request-method')) {
      return anyKeyAllows(origin).then((allowed) => allowed && PREFLIGHT);
    }
    const key = request.headers.get('x-tandem-key');
    if (!key) return false;
    const keyHash = hashSecret(key);
    const answer = (origins: string[] | null) => !!origins?.includes(origin) && ACTUAL;
    const known = keyOrigins.peek(keyHash);
    return known !== undefined ? answer(known) : allowedOriginsOf(keyHash).then(answer);
  };
}
