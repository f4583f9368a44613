// API keys found by the hash of what a request presents in X-Tandem-Key.
// A publishable key comes with every widget request and is looked up twice
// for it (CORS, then the request's context), so its row is remembered for a
// few seconds and read once: revoking one takes effect within that time in
// every API process. A secret key is read on every request, so revoking it
// takes effect at once.
import type { ApiKeyModel as ApiKey, PrismaClient } from '@tandem/db';
import { ExpiringCache } from './expiring-cache.ts';
import { presentedKeyHash, presentsPublishableKey } from './presented-key.ts';

export type PresentedApiKey = Pick<
  ApiKey,
  'id' | 'organizationId' | 'kind' | 'scopes' | 'allowedOrigins' | 'revokedAt' | 'lastUsedAt'
>;

export interface ApiKeyLookupOptions {
  /** How long a publishable key's row is remembered (default 3 s). */
  cacheMs?: number;
  /** Rows (and unknown keys) remembered at most (default 1,000). */
  maxEntries?: number;
}

const SELECT = {
  id: true,
  organizationId: true,
  kind: true,
  scopes: true,
  allowedOrigins: true,
  revokedAt: true,
  lastUsedAt: true,
} as const;

export class ApiKeyLookup {
  // Unknown publishable keys are remembered too: guessing keys costs the database nothing.
  private readonly publishable: ExpiringCache<PresentedApiKey | null>;

  constructor(
    private readonly prisma: PrismaClient,
    { cacheMs = 3_000, maxEntries = 1_000 }: ApiKeyLookupOptions = {},
  ) {
    this.publishable = new ExpiringCache(cacheMs, maxEntries);
  }

  /**
   * The row of the key the request presents in X-Tandem-Key, or null for none or no such key.
   * Publishable keys are answered without a promise while remembered.
   */
  presentedBy(request: Request): PresentedApiKey | null | Promise<PresentedApiKey | null> {
    const keyHash = presentedKeyHash(request);
    if (keyHash === null) return null;
    if (!presentsPublishableKey(request)) return this.read(keyHash);
    const remembered = this.publishable.peek(keyHash);
    return remembered !== undefined ? remembered : this.publishable.get(keyHash, () => this.read(keyHash));
  }

  private read(keyHash: string) {
    return this.prisma.apiKey.findUnique({ where: { keyHash }, select: SELECT });
  }
}
