import type { WorkType } from '@tandem/db';
import { builder } from '../builder.ts';
import type { HourRateModel as HourRate } from '@tandem/db';
import { hourRateRows } from '../reports/annual.ts';

interface HourRatesOfYear {
  year: number;
  cents: Partial<Record<WorkType, number>>;
  updatedAt: Date;
}

const HourRatesRef = builder.objectRef<HourRatesOfYear>('HourRates').implement({
  description:
    "The value of an hour of volunteer work by type (the ministry's rates, EUR), used for the in-kind value in annual reports of this year and later ones until a later year has its own.",
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'The first report year these rates apply to.' }),
    organisationalEur: t.float({
      nullable: true,
      description: 'Organisational work (leading, organising, mentoring), EUR per hour.',
      resolve: (r) => euros(r.cents.ORGANISATIONAL),
    }),
    contentEur: t.float({
      nullable: true,
      description: 'Content work that needs specific knowledge, EUR per hour.',
      resolve: (r) => euros(r.cents.CONTENT),
    }),
    otherEur: t.float({
      nullable: true,
      description: 'Other, supporting work, EUR per hour.',
      resolve: (r) => euros(r.cents.OTHER),
    }),
    updatedAt: t.field({
      type: 'DateTime',
      description: 'When the rates of this year were last set.',
      resolve: (r) => r.updatedAt,
    }),
  }),
});

const euros = (cents: number | undefined) => (cents === undefined ? null : cents / 100);

function byYear(rows: HourRate[]): HourRatesOfYear[] {
  const years = new Map<number, HourRatesOfYear>();
  for (const row of rows) {
    const entry = years.get(row.year) ?? { year: row.year, cents: {}, updatedAt: row.updatedAt };
    entry.cents[row.workType] = row.centsPerHour;
    if (row.updatedAt > entry.updatedAt) entry.updatedAt = row.updatedAt;
    years.set(row.year, entry);
  }
  return [...years.values()];
}

builder.queryField('hourRates', (t) =>
  t.field({
    type: [HourRatesRef],
    description:
      'The hour values for the in-kind value of volunteer work, per year they were set for, newest first. Public. Whoever runs the server sets them with `npm run tandem -- set-hour-rates <year> <organisational> <content> <other>`.',
    resolve: async (_, __, ctx) => byYear(await hourRateRows(ctx.prisma)),
  }),
);
