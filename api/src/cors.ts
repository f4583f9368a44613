import type { PrismaClient } from '@tandem/db';
import type { ApiKeyLookup, PresentedApiKey } from './api-key-lookup.ts';
import { ExpiringCache } from './expiring-cache.ts';
import { presentsPublishableKey } from './presented-key.ts';

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
  /** How long an origin's preflight answer is remembered (a key's row: ApiKeyLookup). */
  cacheMs?: number;
  /** Origins remembered at most (unknown ones too, so the cache must not grow without bound). */
  maxEntries?: number;
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
export function corsPolicy(
  prisma: PrismaClient,
  apiKeys: ApiKeyLookup,
  { cacheMs = 3_000, maxEntries = 1_000 }: CorsPolicyOptions = {},
) {
  const knownOrigins = new ExpiringCache<boolean>(cacheMs, maxEntries);

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
    // Secret keys never open CORS: no need to look them up.
    if (!presentsPublishableKey(request)) return false;
    const answer = (found: PresentedApiKey | null) =>
      !!found && found.kind === 'PUBLISHABLE' && !found.revokedAt && found.allowedOrigins.includes(origin) && ACTUAL;
    const found = apiKeys.presentedBy(request);
    return found instanceof Promise ? found.then(answer) : answer(found);
  };
}
