import type { PrismaClient } from '@tandem/db';

/**
 * Whether someone volunteers with an organisation: an active agreement, an
 * accepted application or a membership there. Logging hours and evaluating
 * oneself (or being evaluated by the organisation's mentors) need it.
 */
export async function volunteersWith(prisma: PrismaClient, userId: string, organizationId: string): Promise<boolean> {
  const [agreement, application, membership] = await Promise.all([
    prisma.volunteerAgreement.findFirst({
      where: { volunteerId: userId, organizationId, status: 'ACTIVE' },
      select: { id: true },
    }),
    prisma.application.findFirst({
      where: { volunteerId: userId, organizationId, status: 'ACCEPTED' },
      select: { id: true },
    }),
    prisma.membership.findFirst({ where: { userId, organizationId }, select: { id: true } }),
  ]);
  return !!(agreement || application || membership);
}
