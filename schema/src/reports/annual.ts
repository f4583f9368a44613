import { type Gender, type HourRateModel as HourRate, type PrismaClient, WorkType } from '@tandem/db';
import { ageOn, yearRange } from '../calendar.ts';

export const AGE_GROUPS = ['UNDER_18', 'FROM_18_TO_29', 'FROM_30_TO_59', 'FROM_60'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number] | 'UNKNOWN';

/** Age group on the last day of the reported year. */
export function ageGroupOf(birthDate: Date | null, year: number): AgeGroup {
  if (!birthDate) return 'UNKNOWN';
  const age = ageOn(birthDate, new Date(Date.UTC(year, 11, 31)));
  if (age < 18) return 'UNDER_18';
  if (age < 30) return 'FROM_18_TO_29';
  if (age < 60) return 'FROM_30_TO_59';
  return 'FROM_60';
}

export const WORK_TYPES: readonly WorkType[] = [WorkType.ORGANISATIONAL, WorkType.CONTENT, WorkType.OTHER];

export interface Bucket<K> {
  key: K;
  volunteers: number;
  minutes: number;
}

export interface WorkTypeBucket extends Bucket<WorkType> {
  /** Euro cents per hour used for the value (0 when no rate was ever set). */
  centsPerHour: number;
  /** In-kind value in euro cents: minutes × rate / 60, rounded to the cent. */
  valueCents: number;
}

export interface AnnualReport {
  organizationId: string;
  year: number;
  /** Volunteers with an agreement (not a draft) in force at some time in the year. */
  agreements: number;
  volunteers: number;
  totalMinutes: number;
  /** The year whose hour rates were used; null when none were ever set. */
  rateYear: number | null;
  /** Every type of work, with the rates, nobody's work included (for the AJPES form). */
  workTypes: WorkTypeBucket[];
  byWorkType: WorkTypeBucket[];
  byArea: Bucket<string>[];
  byAgeGroup: Bucket<AgeGroup>[];
  byGender: Bucket<Gender | null>[];
  byGenderAndAgeGroup: (Bucket<string> & { gender: Gender | null; ageGroup: AgeGroup })[];
  /** Place as written on the entries; "" for entries without one. */
  byPlace: Bucket<string>[];
  inKindValueCents: number;
}

/** A row of the one statement below: `dimension` names the breakdown, `key` the bucket in it. */
interface FigureRow {
  dimension: 'workType' | 'area' | 'place' | 'gender' | 'ageGroup' | 'genderAgeGroup' | 'total' | 'agreements' | 'rate';
  key: string | null;
  minutes: number;
  volunteers: number;
}

/**
 * Every figure in one statement that returns a few dozen rows, however many
 * hours were logged. It reads the per-volunteer sums that triggers on HourLog
 * keep in HourReportVolunteer (with the volunteer's gender and year of birth,
 * kept by a trigger on User) and HourReportBucket (migrations
 * hour_report_totals and hour_report_people), one row per volunteer and
 * bucket, so volunteers are counted without COUNT(DISTINCT) over the entries
 * and without reading the users. The age on 31 December is the year minus the
 * year of birth (ageGroupOf agrees: nobody has a birthday after 31 December).
 * Agreements count volunteers (an index-only scan in volunteer order), so the
 * versions of one agreement count once. The hour-rate table is small and comes along.
 */
function figures(prisma: PrismaClient, organizationId: string, year: number) {
  const { gte: from, lt: to } = yearRange(year);
  return prisma.$queryRaw<FigureRow[]>`
    WITH people AS MATERIALIZED (
      SELECT "minutes", "organisationalMinutes" AS om, "contentMinutes" AS cm, "otherMinutes" AS xm,
        "gender"::text AS gender,
        CASE
          WHEN "birthYear" IS NULL THEN 'UNKNOWN'
          WHEN ${year}::int - "birthYear" < 18 THEN 'UNDER_18'
          WHEN ${year}::int - "birthYear" < 30 THEN 'FROM_18_TO_29'
          WHEN ${year}::int - "birthYear" < 60 THEN 'FROM_30_TO_59'
          ELSE 'FROM_60'
        END AS "ageGroup"
      FROM "HourReportVolunteer"
      WHERE "organizationId" = ${organizationId} AND "year" = ${year}::int
    )
    SELECT 'workType' AS dimension, w AS key, SUM(m)::int AS minutes, COUNT(*) FILTER (WHERE m > 0)::int AS volunteers
      FROM people, LATERAL (VALUES ('ORGANISATIONAL', om), ('CONTENT', cm), ('OTHER', xm)) v(w, m) GROUP BY w
    UNION ALL
    SELECT
      CASE WHEN GROUPING(gender, "ageGroup") = 0 THEN 'genderAgeGroup' WHEN GROUPING(gender) = 0 THEN 'gender'
           WHEN GROUPING("ageGroup") = 0 THEN 'ageGroup' ELSE 'total' END,
      CASE WHEN GROUPING(gender, "ageGroup") = 0 THEN COALESCE(gender, '') || '/' || "ageGroup"
           WHEN GROUPING(gender) = 0 THEN gender WHEN GROUPING("ageGroup") = 0 THEN "ageGroup" END,
      COALESCE(SUM(minutes), 0)::int, COUNT(*)::int
      FROM people GROUP BY GROUPING SETS ((gender, "ageGroup"), (gender), ("ageGroup"), ())
    UNION ALL
    SELECT lower(dimension), key, SUM(minutes)::int, COUNT(*)::int
      FROM "HourReportBucket" WHERE "organizationId" = ${organizationId} AND "year" = ${year}::int
      GROUP BY dimension, key
    UNION ALL
    SELECT 'agreements', NULL, 0, COUNT(*)::int FROM (
      SELECT DISTINCT "volunteerId" FROM "VolunteerAgreement"
      WHERE "organizationId" = ${organizationId} AND "status" <> 'DRAFT'
        AND "startsOn" < ${to} AND ("endsOn" IS NULL OR "endsOn" >= ${from})
    ) a
    UNION ALL
    SELECT 'rate', "workType"::text, "centsPerHour", "year" FROM "HourRate"`;
}

/** Largest minutes first; equal ones in the order of their keys, so the output never depends on the plan. */
function ordered<K>(rows: FigureRow[], dimension: FigureRow['dimension']): Bucket<K>[] {
  return rows
    .filter((r) => r.dimension === dimension && r.volunteers > 0)
    .map((r) => ({ key: r.key as K, minutes: r.minutes, volunteers: r.volunteers }))
    .sort((a, b) => b.minutes - a.minutes || String(a.key ?? '').localeCompare(String(b.key ?? '')));
}

export interface HourRateRow {
  year: number;
  workType: WorkType;
  centsPerHour: number;
}

/**
 * The rates a report of `year` uses: for each type of work, the latest rate
 * set for that year or an earlier one. A year before the first rate uses the
 * first rate set (the ministry's EUR 13/10/6 have not changed since ZProst
 * came into force in 2011, and the migration records them for 2024); with no
 * rate at all the value is 0 and `year` null.
 */
export function ratesFor(rows: HourRateRow[], year: number): { year: number | null; cents: Record<WorkType, number> } {
  const sorted = [...rows].sort((a, b) => b.year - a.year);
  const cents = {} as Record<WorkType, number>;
  let used: number | null = null;
  for (const workType of WORK_TYPES) {
    const own = sorted.filter((r) => r.workType === workType);
    const rate = own.find((r) => r.year <= year) ?? own[own.length - 1];
    cents[workType] = rate?.centsPerHour ?? 0;
    if (rate) used = Math.max(used ?? rate.year, rate.year);
  }
  return { year: used, cents };
}

export async function annualReport(prisma: PrismaClient, organizationId: string, year: number): Promise<AnnualReport> {
  const rows = await figures(prisma, organizationId, year);
  const rates = ratesFor(
    rows
      .filter((r) => r.dimension === 'rate')
      .map((r) => ({ workType: r.key as WorkType, centsPerHour: r.minutes, year: r.volunteers })),
    year,
  );
  const workTypes: WorkTypeBucket[] = WORK_TYPES.map((workType) => {
    const row = rows.find((r) => r.dimension === 'workType' && r.key === workType);
    const minutes = row?.minutes ?? 0;
    const centsPerHour = rates.cents[workType];
    return {
      key: workType,
      minutes,
      volunteers: row?.volunteers ?? 0,
      centsPerHour,
      valueCents: Math.round((minutes * centsPerHour) / 60),
    };
  });
  const total = rows.find((r) => r.dimension === 'total');
  return {
    organizationId,
    year,
    agreements: rows.find((r) => r.dimension === 'agreements')?.volunteers ?? 0,
    volunteers: total?.volunteers ?? 0,
    totalMinutes: total?.minutes ?? 0,
    rateYear: rates.year,
    workTypes,
    // A type of work nobody did this year has no bucket (as areas, genders and age groups).
    byWorkType: workTypes
      .filter((w) => w.volunteers > 0)
      .sort((a, b) => b.minutes - a.minutes || a.key.localeCompare(b.key)),
    byArea: ordered<string>(rows, 'area'),
    byAgeGroup: ordered<AgeGroup>(rows, 'ageGroup'),
    byGender: ordered<string | null>(rows, 'gender') as Bucket<Gender | null>[],
    byGenderAndAgeGroup: ordered<string>(rows, 'genderAgeGroup').map((b) => {
      const [gender, ageGroup] = b.key.split('/') as [string, AgeGroup];
      return { ...b, gender: (gender || null) as Gender | null, ageGroup };
    }),
    byPlace: ordered<string>(rows, 'place'),
    inKindValueCents: workTypes.reduce((sum, w) => sum + w.valueCents, 0),
  };
}

/** Hour rates as stored, newest year first. */
export function hourRateRows(prisma: Pick<PrismaClient, 'hourRate'>): Promise<HourRate[]> {
  return prisma.hourRate.findMany({ orderBy: [{ year: 'desc' }, { workType: 'asc' }] });
}
