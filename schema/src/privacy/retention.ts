import type { Prisma } from '@tandem/db';
import { audit } from '../audit.ts';
import type { Context } from '../context.ts';

/** ZProst keeps the record of volunteer work (agreements and hours) for 10 years. */
export const RETENTION_YEARS = 10;

export interface PurgeResult {
  agreements: number;
  hourLogs: number;
  /** Nothing was deleted: the counts say what would be. */
  dryRun: boolean;
}

/**
 * What retention no longer allows to keep, on `today`:
 *  - agreement versions that ended and whose `retainUntil` (the end plus 10
 *    years) has passed, with the hour entries recorded under them;
 *  - hour entries under no agreement, 10 years after the end of their year
 *    (entries of 2015 go from 1 January 2026).
 * Agreements still in force or open-ended have no `retainUntil` and stay.
 * Issued certificates stay: they are the volunteer's document and must remain
 * verifiable. Annual-report totals follow the deleted entries (the triggers
 * on HourLog), for years long since reported.
 */
function expired(today: Date) {
  const agreements: Prisma.VolunteerAgreementWhereInput = { status: 'ENDED', retainUntil: { lt: today } };
  const hourLogs: Prisma.HourLogWhereInput = {
    OR: [
      { agreement: agreements },
      { agreementId: null, date: { lt: new Date(Date.UTC(today.getUTCFullYear() - RETENTION_YEARS, 0, 1)) } },
    ],
  };
  return { agreements, hourLogs };
}

export async function purgeExpired(
  ctx: Context,
  options: { today?: Date; dryRun?: boolean } = {},
): Promise<PurgeResult> {
  const today = options.today ?? new Date(new Date().toISOString().slice(0, 10));
  const where = expired(today);
  if (options.dryRun) {
    const [agreements, hourLogs] = await Promise.all([
      ctx.prisma.volunteerAgreement.count({ where: where.agreements }),
      ctx.prisma.hourLog.count({ where: where.hourLogs }),
    ]);
    return { agreements, hourLogs, dryRun: true };
  }
  return ctx.prisma.$transaction(async (tx) => {
    // Entries first: deleting an agreement would only unlink its entries (SET NULL).
    const hourLogs = await tx.hourLog.deleteMany({ where: where.hourLogs });
    const agreements = await tx.volunteerAgreement.deleteMany({ where: where.agreements });
    if (hourLogs.count || agreements.count) {
      await audit(
        ctx,
        {
          action: 'retention.purge',
          subjectType: 'Retention',
          subjectId: today.toISOString().slice(0, 10),
          details: { agreements: agreements.count, hourLogs: hourLogs.count, years: RETENTION_YEARS },
        },
        tx,
      );
    }
    return { agreements: agreements.count, hourLogs: hourLogs.count, dryRun: false };
  });
}
