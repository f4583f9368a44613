import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@tandem/db';
import type { RequestApiKey, Viewer } from '@tandem/schema';

/** Session tokens and API keys are stored as SHA-256 hashes; the secret itself is shown once. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A new opaque session token (256 bits of randomness). */
export function newSessionToken(): string {
  return `ts_${randomBytes(32).toString('base64url')}`;
}

/**
 * Creates a session for a user and returns its token. Sign-in flows (issue 3)
 * call this after checking a password or one-time code.
 */
export async function createSession(prisma: PrismaClient, userId: string, ttlDays = 30): Promise<string> {
  const token = newSessionToken();
  await prisma.session.create({
    data: { userId, tokenHash: hashSecret(token), expiresAt: new Date(Date.now() + ttlDays * 86_400_000) },
  });
  return token;
}

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
  return { id: session.user.id, name: session.user.name, memberships: session.user.memberships };
}

/** The API key in the `X-Tandem-Key` header, if it exists, is not revoked and allows the request's origin. */
export async function apiKeyFromRequest(prisma: PrismaClient, request: Request): Promise<RequestApiKey | null> {
  const key = request.headers.get('x-tandem-key');
  if (!key) return null;
  const found = await prisma.apiKey.findUnique({ where: { keyHash: hashSecret(key) } });
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
  return { id: found.id, organizationId: found.organizationId, kind: found.kind };
}
