import type { Prisma } from '@tandem/db';

/**
 * The agreement version in force on a day (an ended one too, for hours
 * recorded late), the latest version if two touch the day. For HourLog.agreementId.
 */
export async function agreementOn(
  prisma: Prisma.TransactionClient,
  volunteerId: string,
  organizationId: string,
  date: Date,
): Promise<string | null> {
  const agreement = await prisma.volunteerAgreement.findFirst({
    where: {
      volunteerId,
      organizationId,
      status: { in: ['ACTIVE', 'ENDED'] },
      startsOn: { lte: date },
      OR: [{ endsOn: null }, { endsOn: { gte: date } }],
    },
    orderBy: { version: 'desc' },
    select: { id: true },
  });
  return agreement?.id ?? null;
}
