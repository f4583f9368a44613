import type { PrismaClient } from '@tandem/db';
import { hashSecret, type RequestApiKey, type Viewer } from '@tandem/schema';
import type { ApiKeyLookup } from './api-key-lookup.ts';

/** The viewer behind `Authorization: Bearer <token>`, or null for a missing, expired or revoked session. */
export async function viewerFromRequest(prisma: PrismaClient, request: Request): Promise<Viewer | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
  if (!match?.[1]) return null;
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashSecret(match[1]) },
    include: {
      user: {
        select: { id: true, name: true, erasedAt: true, memberships: { select: { organizationId: true, role: true } } },
      },
    },
  });
  if (!session || session.revokedAt || session.expiresAt <= new Date() || session.user.erasedAt) return null;
  // Awaited so the write cannot outlive the request, but it happens at most
  // once per session per 5 minutes; the condition keeps concurrent requests
  // (and API processes) from writing it twice.
  const cutoff = new Date(Date.now() - SESSION_LAST_USED_PRECISION_MS);
  if (!session.lastUsedAt || session.lastUsedAt < cutoff) {
    await prisma.session.updateMany({
      where: { id: session.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: cutoff } }] },
      data: { lastUsedAt: new Date() },
    });
  }
  return {
    id: session.user.id,
    name: session.user.name,
    sessionId: session.id,
    memberships: session.user.memberships,
  };
}

/** Session.lastUsedAt is kept to 5 minutes. */
const SESSION_LAST_USED_PRECISION_MS = 5 * 60_000;

/** The API key in the `X-Tandem-Key` header, if it exists, is not revoked and allows the request's origin. */
export async function apiKeyFromRequest(
  prisma: PrismaClient,
  apiKeys: ApiKeyLookup,
  request: Request,
): Promise<RequestApiKey | null> {
  const found = await apiKeys.presentedBy(request);
  if (!found || found.revokedAt) return null;
  const origin = request.headers.get('origin');
  if (
    found.kind === 'PUBLISHABLE' &&
    origin &&
    found.allowedOrigins.length > 0 &&
    !found.allowedOrigins.includes(origin)
  ) {
    return null;
  }
  // At most one write per key per minute, however many requests use it; the
  // condition makes concurrent requests (and API processes) write only once.
  const cutoff = new Date(Date.now() - LAST_USED_PRECISION_MS);
  if (!found.lastUsedAt || found.lastUsedAt < cutoff) {
    await prisma.apiKey.updateMany({
      where: { id: found.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: cutoff } }] },
      data: { lastUsedAt: new Date() },
    });
    // The remembered row of a publishable key: the next requests within its time need not write.
    found.lastUsedAt = new Date();
  }
  return { id: found.id, organizationId: found.organizationId, kind: found.kind, scopes: found.scopes };
}

/** ApiKey.lastUsedAt is kept to the minute. */
const LAST_USED_PRECISION_MS = 60_000;
