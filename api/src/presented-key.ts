// The API key a request presents in X-Tandem-Key. CORS, rate limits, the
// public cache and authentication all know a key only by its hash; a widget's
// request is hashed once here, not once by each of them.
import { hashSecret } from '@tandem/schema';

const hashes = new WeakMap<Request, string>();

/** The hash of the request's X-Tandem-Key (as stored in ApiKey.keyHash), or null without one. */
export function presentedKeyHash(request: Request): string | null {
  const key = request.headers.get('x-tandem-key');
  if (!key) return null;
  let hash = hashes.get(request);
  if (hash === undefined) {
    hash = hashSecret(key);
    hashes.set(request, hash);
  }
  return hash;
}

/**
 * Whether the request presents a publishable key (pk_…, the prefix createApiKey
 * gives them): one that lives in web pages. Said by the prefix alone, before any
 * lookup confirms the key exists.
 */
export function presentsPublishableKey(request: Request): boolean {
  return request.headers.get('x-tandem-key')?.startsWith('pk_') ?? false;
}
