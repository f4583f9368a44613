import { type Gender, Prisma, WorkType } from '@tandem/db';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { ageOn, yearRange } from '../calendar.ts';
import { GenderEnum, WorkTypeEnum } from './enums.ts';
import { OrganizationRef } from './organization.ts';
import type { Context } from '../context.ts';

/**
 * EUR per hour used for the in-kind value of approved volunteer hours, by work
 * type, as the annual report to AJPES sets them. A year not listed uses the
 * latest earlier one.
 */
export const HOURLY_VALUE_EUR: Record<number, Record<WorkType, number>> = {
  2011: { ORGANISATIONAL: 13, CONTENT: 10, OTHER: 6 },
};

export function ratesFor(year: number): Record<WorkType, number> {
  const known = Object.keys(HOURLY_VALUE_EUR)
    .map(Number)
    .filter((y) => y <= year)
    .sort((a, b) => b - a);
  return HOURLY_VALUE_EUR[known[0] ?? 2011] as Record<WorkType, number>;
}

export const AGE_GROUPS = ['UNDER_18', 'FROM_18_TO_29', 'FROM_30_TO_59', 'FROM_60'] as const;
type AgeGroup = (typeof AGE_GROUPS)[number] | 'UNKNOWN';

/** Age group on the last day of the reported year. */
export function ageGroupOf(birthDate: Date | null, year: number): AgeGroup {
  if (!birthDate) return 'UNKNOWN';
  const age = ageOn(birthDate, new Date(Date.UTC(year, 11, 31)));
  if (age < 18) return 'UNDER_18';
  if (age < 30) return 'FROM_18_TO_29';
  if (age < 60) return 'FROM_30_TO_59';
  return 'FROM_60';
}

const AgeGroupEnum = builder.enumType('AgeGroup', {
  description: 'Age on 31 December of the reported year.',
  values: [...AGE_GROUPS, 'UNKNOWN'] as const,
});

interface Bucket<K> {
  key: K;
  volunteers: number;
  minutes: number;
}

interface AnnualReport {
  organizationId: string;
  year: number;
  agreements: number;
  volunteers: number;
  totalMinutes: number;
  byWorkType: (Bucket<WorkType> & { valueEur: number; eurPerHour: number })[];
  byArea: Bucket<string>[];
  byAgeGroup: Bucket<AgeGroup>[];
  byGender: Bucket<Gender | null>[];
  inKindValueEur: number;
}

const WorkTypeFigures = builder.objectRef<AnnualReport['byWorkType'][number]>('WorkTypeFigures').implement({
  description: 'Figures for one type of work.',
  fields: (t) => ({
    workType: t.field({ description: 'The type of work.', type: WorkTypeEnum, resolve: (b) => b.key }),
    minutes: t.exposeInt('minutes', { description: 'Approved minutes.' }),
    volunteers: t.exposeInt('volunteers', { description: 'Volunteers with such hours.' }),
    eurPerHour: t.exposeFloat('eurPerHour', { description: 'Rate used for the in-kind value.' }),
    valueEur: t.exposeFloat('valueEur', { description: 'In-kind value: hours × the rate for this type of work.' }),
  }),
});

const AreaFigures = builder.objectRef<Bucket<string>>('AreaFigures').implement({
  description: 'Figures for one area of volunteering.',
  fields: (t) => ({
    area: t.prismaField({
      description: 'The area of volunteering.',
      type: 'Area',
      resolve: (query, b, _, ctx) => ctx.prisma.area.findUniqueOrThrow({ ...query, where: { code: b.key } }),
    }),
    minutes: t.exposeInt('minutes', { description: 'Approved minutes.' }),
    volunteers: t.exposeInt('volunteers', { description: 'Volunteers with hours in the area.' }),
  }),
});

const AgeGroupFigures = builder.objectRef<Bucket<AgeGroup>>('AgeGroupFigures').implement({
  description: 'Figures for one age group.',
  fields: (t) => ({
    ageGroup: t.field({ description: 'The age group.', type: AgeGroupEnum, resolve: (b) => b.key }),
    minutes: t.exposeInt('minutes', { description: 'Approved minutes.' }),
    volunteers: t.exposeInt('volunteers', { description: 'Volunteers in the group.' }),
  }),
});

const GenderFigures = builder.objectRef<Bucket<Gender | null>>('GenderFigures').implement({
  description: 'Figures by gender.',
  fields: (t) => ({
    gender: t.field({ type: GenderEnum, nullable: true, description: 'Null: not given.', resolve: (b) => b.key }),
    minutes: t.exposeInt('minutes', { description: 'Approved minutes.' }),
    volunteers: t.exposeInt('volunteers', { description: 'Volunteers.' }),
  }),
});

const AnnualReportRef = builder.objectRef<AnnualReport>('AnnualReport').implement({
  description: 'The figures an organisation reports yearly on its volunteering (ZProst, AJPES): approved hours only.',
  fields: (t) => ({
    organization: t.prismaField({
      description: 'The reporting organisation.',
      type: OrganizationRef,
      resolve: (query, r, _, ctx) =>
        ctx.prisma.organization.findUniqueOrThrow({ ...query, where: { id: r.organizationId } }),
    }),
    year: t.exposeInt('year', { description: 'The reported year.' }),
    agreements: t.exposeInt('agreements', {
      description: 'Volunteering agreements in force at some time in the year.',
    }),
    volunteers: t.exposeInt('volunteers', { description: 'Volunteers with approved hours in the year.' }),
    totalMinutes: t.exposeInt('totalMinutes', { description: 'Approved minutes in the year.' }),
    inKindValueEur: t.exposeFloat('inKindValueEur', { description: 'In-kind value of the approved hours, in euros.' }),
    byWorkType: t.field({ description: 'By type of work.', type: [WorkTypeFigures], resolve: (r) => r.byWorkType }),
    byArea: t.field({ description: 'By area of volunteering.', type: [AreaFigures], resolve: (r) => r.byArea }),
    byAgeGroup: t.field({ description: 'By age group.', type: [AgeGroupFigures], resolve: (r) => r.byAgeGroup }),
    byGender: t.field({ description: 'By gender.', type: [GenderFigures], resolve: (r) => r.byGender }),
  }),
});

/** One figure of the report: `dimension` names the breakdown, `key` the bucket in it. */
interface FigureRow {
  dimension: 'workType' | 'area' | 'gender' | 'ageGroup' | 'total';
  key: string | null;
  minutes: number;
  volunteers: number;
}

/** Largest minutes first; equal ones in the order of their keys, so the output never depends on the plan. */
function ordered<K>(rows: FigureRow[], dimension: FigureRow['dimension']): Bucket<K>[] {
  return (
    rows
      // A type of work nobody did this year has no bucket (as areas, genders and age groups).
      .filter((r) => r.dimension === dimension && r.volunteers > 0)
      .map((r) => ({ key: r.key as K, minutes: r.minutes, volunteers: r.volunteers }))
      .sort((a, b) => b.minutes - a.minutes || String(a.key ?? '').localeCompare(String(b.key ?? '')))
  );
}

/**
 * Every figure in one statement that returns a handful of rows, however many
 * hours were logged. The year's approved entries are read once (an index-only
 * scan of the covering HourLog index) and summed per volunteer, with one sum
 * per type of work, so each breakdown counts volunteers from those sums instead
 * of COUNT(DISTINCT). The age on 31 December is the year minus the year of
 * birth (ageGroupOf agrees: nobody has a birthday after 31 December).
 */
function figures(prisma: Context['prisma'], organizationId: string, year: number) {
  const { gte: from, lt: to } = yearRange(year);
  const workTypes = Object.values(WorkType);
  const perWorkType = Prisma.join(
    workTypes.map((w, i) => Prisma.sql`SUM(minutes) FILTER (WHERE "workType"::text = ${w}) AS ${Prisma.raw(`w${i}`)}`),
  );
  const byWorkType = Prisma.join(
    workTypes.map(
      (w, i) =>
        Prisma.sql`SELECT 'workType' AS dimension, ${w}::text AS key, COALESCE(SUM(${Prisma.raw(`w${i}`)}), 0)::int AS minutes, COUNT(${Prisma.raw(`w${i}`)})::int AS volunteers FROM people`,
    ),
    ' UNION ALL ',
  );
  return prisma.$queryRaw<FigureRow[]>`
    WITH logs AS MATERIALIZED (
      SELECT h."volunteerId", h."workType", h."areaCode", h."minutes"
      FROM "HourLog" h
      WHERE h."organizationId" = ${organizationId} AND h."status" = 'APPROVED'
        AND h."date" >= ${from} AND h."date" < ${to}
    ), people AS (
      SELECT v.*, u."gender"::text AS gender,
        CASE
          WHEN u."birthDate" IS NULL THEN 'UNKNOWN'
          WHEN ${year}::int - EXTRACT(YEAR FROM u."birthDate") < 18 THEN 'UNDER_18'
          WHEN ${year}::int - EXTRACT(YEAR FROM u."birthDate") < 30 THEN 'FROM_18_TO_29'
          WHEN ${year}::int - EXTRACT(YEAR FROM u."birthDate") < 60 THEN 'FROM_30_TO_59'
          ELSE 'FROM_60'
        END AS "ageGroup"
      FROM (SELECT "volunteerId", SUM(minutes) AS minutes, ${perWorkType} FROM logs GROUP BY 1) v
      -- Compared in the "C" collation (the same equality for ids) so that the planner hashes
      -- the volunteers instead of looking each one up in the User index.
      JOIN "User" u ON u."id" = v."volunteerId" COLLATE "C"
    )
    ${byWorkType}
    UNION ALL
    SELECT 'area', "areaCode", SUM(minutes)::int, COUNT(*)::int
      FROM (SELECT "areaCode", "volunteerId", SUM(minutes) AS minutes FROM logs GROUP BY 1, 2) a GROUP BY 2
    UNION ALL
    SELECT 'gender', gender, SUM(minutes)::int, COUNT(*)::int FROM people GROUP BY 2
    UNION ALL
    SELECT 'ageGroup', "ageGroup", SUM(minutes)::int, COUNT(*)::int FROM people GROUP BY 2
    UNION ALL
    SELECT 'total', NULL, COALESCE(SUM(minutes), 0)::int, COUNT(*)::int FROM people`;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

builder.queryField('annualReport', (t) =>
  t.field({
    type: AnnualReportRef,
    nullable: true,
    description:
      "An organisation's yearly volunteering figures. Needs ADMIN or COORDINATOR of the organisation, a secret key with reports:read, or to manage the lead organisation of a project the organisation is a partner in.",
    authScopes: { $any: { signedIn: true, secretKey: true } },
    args: {
      organizationSlug: t.arg.string(),
      year: t.arg.int({ validate: z.number().int().min(2000).max(2100) }),
    },
    resolve: async (_, { organizationSlug, year }, ctx) => {
      const organization = await ctx.prisma.organization.findUnique({ where: { slug: organizationSlug } });
      if (!organization || !(await ctx.access.can('reports:read', organization.id))) return null;
      const { gte: from, lt: to } = yearRange(year);
      const [rows, agreements] = await Promise.all([
        figures(ctx.prisma, organization.id, year),
        ctx.prisma.volunteerAgreement.count({
          where: {
            organizationId: organization.id,
            startsOn: { lt: to },
            OR: [{ endsOn: null }, { endsOn: { gte: from } }],
          },
        }),
      ]);
      const rates = ratesFor(year);
      const byWorkType = ordered<WorkType>(rows, 'workType').map((b) => ({
        ...b,
        eurPerHour: rates[b.key],
        valueEur: round2((b.minutes / 60) * rates[b.key]),
      }));
      const total = rows.find((r) => r.dimension === 'total');
      return {
        organizationId: organization.id,
        year,
        agreements,
        volunteers: total?.volunteers ?? 0,
        totalMinutes: total?.minutes ?? 0,
        byWorkType,
        byArea: ordered<string>(rows, 'area'),
        byAgeGroup: ordered<AgeGroup>(rows, 'ageGroup'),
        byGender: ordered<Gender | null>(rows, 'gender'),
        inKindValueEur: round2(byWorkType.reduce((sum, b) => sum + b.valueEur, 0)),
      };
    },
  }),
);
