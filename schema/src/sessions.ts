import type { PrismaClient } from '@tandem/db';
import { hashSecret, newSecret } from './secrets.ts';

export const SESSION_TTL_DAYS = 30;

export type SessionMethod = 'PASSWORD' | 'CODE' | 'LINK';

/** Opens a session for a user and returns its token; only the token's hash is stored. */
export async function createSession(
  prisma: Pick<PrismaClient, 'session'>,
  userId: string,
  { method = 'PASSWORD', userAgent = null }: { method?: SessionMethod; userAgent?: string | null } = {},
): Promise<string> {
  const token = newSecret('ts');
  await prisma.session.create({
    data: {
      userId,
      tokenHash: hashSecret(token),
      expiresAt: new Date(Date.now() + SESSION_TTL_DAYS * 86_400_000),
      method,
      userAgent: userAgent?.slice(0, 300) ?? null,
    },
  });
  return token;
}
