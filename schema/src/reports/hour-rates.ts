import type { WorkType } from '@tandem/db';
import { audit } from '../audit.ts';
import type { Context } from '../context.ts';
import { InputError } from '../errors.ts';
import { WORK_TYPES } from './annual.ts';

export interface HourRatesInput {
  year: number;
  /** Euro cents per hour by type of work. */
  cents: Record<WorkType, number>;
}

/**
 * Sets the value of an hour of each type of work for reports of a year and
 * later ones (until a later year has its own). The rates are national (the
 * ministry publishes them for everyone who reports to AJPES), so whoever runs
 * the server sets them, not an organisation. Setting the same rates again
 * changes nothing; every change is audited (`hourRate.set`).
 */
export async function setHourRates(ctx: Context, input: HourRatesInput): Promise<{ changed: boolean }> {
  const L = ctx.locale;
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) {
    throw InputError.field(L, ['input', 'year'], 'VALIDATION');
  }
  for (const workType of WORK_TYPES) {
    const cents = input.cents[workType];
    if (!Number.isInteger(cents) || cents < 0 || cents > 1_000_00) {
      throw InputError.field(L, ['input', workType.toLowerCase()], 'VALIDATION');
    }
  }
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.hourRate.findMany({ where: { year: input.year } });
    const changed = WORK_TYPES.some((w) => before.find((r) => r.workType === w)?.centsPerHour !== input.cents[w]);
    if (!changed) return { changed: false };
    for (const workType of WORK_TYPES) {
      await tx.hourRate.upsert({
        where: { year_workType: { year: input.year, workType } },
        create: { year: input.year, workType, centsPerHour: input.cents[workType] },
        update: { centsPerHour: input.cents[workType] },
      });
    }
    await audit(
      ctx,
      {
        action: 'hourRate.set',
        subjectType: 'HourRate',
        subjectId: String(input.year),
        details: {
          before: Object.fromEntries(before.map((r) => [r.workType, r.centsPerHour])),
          after: { ...input.cents },
        },
      },
      tx,
    );
    return { changed: true };
  });
}
