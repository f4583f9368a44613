import type { Gender, OrganizationModel as Organization } from '@tandem/db';
import { z } from 'zod';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { AGE_GROUPS, type AgeGroup, type AnnualReport, annualReport, type Bucket } from '../reports/annual.ts';
import { annualReportCsv } from '../reports/csv.ts';
import { GenderEnum, WorkTypeEnum } from './enums.ts';
import { OrganizationRef } from './organization.ts';

const AgeGroupEnum = builder.enumType('AgeGroup', {
  description: 'Age on 31 December of the reported year.',
  values: [...AGE_GROUPS, 'UNKNOWN'] as const,
});

/** The report with what its CSV needs: the organisation's name and number. */
interface ReportShape extends AnnualReport {
  organization: Organization;
}

const WorkTypeFigures = builder.objectRef<AnnualReport['byWorkType'][number]>('WorkTypeFigures').implement({
  description: 'Figures for one type of work.',
  fields: (t) => ({
    workType: t.field({ description: 'The type of work.', type: WorkTypeEnum, resolve: (b) => b.key }),
    minutes: t.exposeInt('minutes', { description: 'Approved minutes.' }),
    volunteers: t.exposeInt('volunteers', { description: 'Volunteers with such hours.' }),
    eurPerHour: t.float({ description: 'Rate used for the in-kind value.', resolve: (b) => b.centsPerHour / 100 }),
    valueEur: t.float({
      description: 'In-kind value: hours × the rate for this type of work, rounded to the cent.',
      resolve: (b) => b.valueCents / 100,
    }),
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

const GenderAgeGroupFigures = builder
  .objectRef<AnnualReport['byGenderAndAgeGroup'][number]>('GenderAgeGroupFigures')
  .implement({
    description: 'Figures for one gender in one age group.',
    fields: (t) => ({
      gender: t.field({ type: GenderEnum, nullable: true, description: 'Null: not given.', resolve: (b) => b.gender }),
      ageGroup: t.field({ description: 'The age group.', type: AgeGroupEnum, resolve: (b) => b.ageGroup }),
      minutes: t.exposeInt('minutes', { description: 'Approved minutes.' }),
      volunteers: t.exposeInt('volunteers', { description: 'Volunteers.' }),
    }),
  });

const PlaceFigures = builder.objectRef<Bucket<string>>('PlaceFigures').implement({
  description: 'Figures for one place where the work was done, as written on the hour entries.',
  fields: (t) => ({
    place: t.string({ nullable: true, description: 'Null: entries without a place.', resolve: (b) => b.key || null }),
    minutes: t.exposeInt('minutes', { description: 'Approved minutes.' }),
    volunteers: t.exposeInt('volunteers', { description: 'Volunteers who worked there.' }),
  }),
});

const AnnualReportRef = builder.objectRef<ReportShape>('AnnualReport').implement({
  description:
    'The figures an organisation reports yearly on its volunteering (ZProst, AJPES): approved hours only. A volunteer is counted once in every bucket they have hours in.',
  fields: (t) => ({
    organization: t.prismaField({
      description: 'The reporting organisation.',
      type: OrganizationRef,
      resolve: (query, r, _, ctx) =>
        ctx.prisma.organization.findUniqueOrThrow({ ...query, where: { id: r.organizationId } }),
    }),
    year: t.exposeInt('year', { description: 'The reported year.' }),
    agreements: t.exposeInt('agreements', {
      description:
        'Volunteers with a volunteering agreement (not a draft) in force at some time in the year; the versions of one agreement count once.',
    }),
    volunteers: t.exposeInt('volunteers', { description: 'Volunteers with approved hours in the year.' }),
    totalMinutes: t.exposeInt('totalMinutes', { description: 'Approved minutes in the year.' }),
    inKindValueEur: t.float({
      description: 'In-kind value of the approved hours, in euros: the sum of `byWorkType.valueEur`.',
      resolve: (r) => r.inKindValueCents / 100,
    }),
    rateYear: t.exposeInt('rateYear', {
      nullable: true,
      description:
        'The year whose hour rates (`hourRates`) were used: the latest at or before the reported year. Years before the first recorded rates use the first ones (EUR 13/10/6 have applied since 2011). Null only when no rates were ever set; the values are then 0.',
    }),
    byWorkType: t.field({
      description: 'By type of work; types nobody did are left out.',
      type: [WorkTypeFigures],
      resolve: (r) => r.byWorkType,
    }),
    byArea: t.field({ description: 'By area of volunteering.', type: [AreaFigures], resolve: (r) => r.byArea }),
    byAgeGroup: t.field({ description: 'By age group.', type: [AgeGroupFigures], resolve: (r) => r.byAgeGroup }),
    byGender: t.field({ description: 'By gender.', type: [GenderFigures], resolve: (r) => r.byGender }),
    byGenderAndAgeGroup: t.field({
      description: 'By gender within each age group.',
      type: [GenderAgeGroupFigures],
      resolve: (r) => r.byGenderAndAgeGroup,
    }),
    byPlace: t.field({ description: 'By place of the work.', type: [PlaceFigures], resolve: (r) => r.byPlace }),
    csv: t.string({
      description:
        'The same figures as a CSV document for a spreadsheet, in the request language: UTF-8 with a byte order mark, `;` between fields (as Slovenian Excel expects), decimal comma in Slovenian. Also served as a file by GET /reports/annual.csv?organization=<slug>&year=<year> with the same authorisation.',
      resolve: (r, _, ctx) => reportCsv(ctx, r),
    }),
  }),
});

/** The CSV document of a report, with area names in the request language. */
export async function reportCsv(ctx: Context, report: ReportShape): Promise<string> {
  const areas = await ctx.prisma.area.findMany({ select: { code: true, nameSl: true, nameEn: true } });
  return annualReportCsv(
    report,
    report.organization,
    new Map(areas.map((a) => [a.code, { sl: a.nameSl, en: a.nameEn }])),
    ctx.locale,
  );
}

/**
 * The report for callers allowed to read it: ADMIN or COORDINATOR of the
 * organisation, a secret key with reports:read, or a manager of the lead
 * organisation of a project the organisation is a partner in. Null otherwise
 * (and for an unknown slug), so nobody learns which organisations exist.
 */
export async function readableAnnualReport(ctx: Context, slug: string, year: number): Promise<ReportShape | null> {
  const organization = await ctx.prisma.organization.findUnique({ where: { slug } });
  if (!organization || !(await ctx.access.can('reports:read', organization.id))) return null;
  return { ...(await annualReport(ctx.prisma, organization.id, year)), organization };
}

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
    resolve: (_, { organizationSlug, year }, ctx) => readableAnnualReport(ctx, organizationSlug, year),
  }),
);
