import type { HourLogStatus, Prisma } from '@tandem/db';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { slovenianDay, yearRange } from '../calendar.ts';
import { audit } from '../audit.ts';
import type { Context } from '../context.ts';
import { ConflictError, InputError, NotFoundError, RuleError } from '../errors.ts';
import { idOf } from '../ids.ts';
import { volunteersWith } from '../volunteering.ts';
import { agreementOn } from '../agreements/in-force.ts';
import { HourLogStatusEnum, WorkTypeEnum } from './enums.ts';
import { OrganizationRef } from './organization.ts';
import { PersonRef, StaffMemberRef } from './person.ts';

export const HourLogRef = builder.prismaNode('HourLog', {
  description:
    'One entry in the legal record of volunteer hours (ZProst Art. 23). Visible to the volunteer and to staff of the host organisation.',
  id: { field: 'id' },
  authScopes: (h) => ({
    $any: {
      self: h.volunteerId,
      can: { permission: 'hours:read', organizationId: h.organizationId, volunteerId: h.volunteerId },
    },
  }),
  fields: (t) => ({
    volunteer: t.relation('volunteer', { type: PersonRef }),
    organization: t.relation('organization', { description: 'The host organisation that keeps the record.' }),
    opportunity: t.relation('opportunity', { nullable: true }),
    date: t.expose('date', { type: 'Date' }),
    minutes: t.exposeInt('minutes'),
    activity: t.exposeString('activity'),
    workType: t.expose('workType', { type: WorkTypeEnum }),
    area: t.relation('area'),
    place: t.exposeString('place', {
      nullable: true,
      description: 'Where the work was done (null only on entries recorded before it was required).',
    }),
    status: t.expose('status', { type: HourLogStatusEnum }),
    reviewer: t.relation('reviewer', { type: StaffMemberRef, nullable: true }),
    reviewedAt: t.expose('reviewedAt', { type: 'DateTime', nullable: true }),
    reviewNote: t.exposeString('reviewNote', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const HourLogFilter = builder.inputType('HourLogFilter', {
  description: 'Narrows a list of hour entries.',
  fields: (t) => ({
    year: t.int({
      description: 'Only entries dated in this year.',
      required: false,
      validate: z.number().int().min(2000).max(2100),
    }),
    status: t.field({ description: 'Only entries with this review status.', type: HourLogStatusEnum, required: false }),
  }),
});

type HourLogFilterShape = typeof HourLogFilter.$inferInput;

function hourLogWhere(filter: HourLogFilterShape | null | undefined): Prisma.HourLogWhereInput {
  return {
    ...(filter?.year ? { date: yearRange(filter.year) } : {}),
    ...(filter?.status ? { status: filter.status } : {}),
  };
}

builder.queryField('myHourLogs', (t) =>
  t.prismaConnection(
    {
      type: HourLogRef,
      cursor: 'id',
      description: "The signed-in volunteer's own hour entries, newest first.",
      authScopes: { signedIn: true },
      args: { filter: t.arg({ type: HourLogFilter, required: false }) },
      totalCount: (_, args, ctx) =>
        ctx.prisma.hourLog.count({ where: { ...hourLogWhere(args.filter), volunteerId: ctx.viewer?.id ?? '' } }),
      resolve: (query, _, args, ctx) =>
        ctx.prisma.hourLog.findMany({
          ...query,
          where: { ...hourLogWhere(args.filter), volunteerId: ctx.viewer?.id ?? '' },
          orderBy: [{ date: 'desc' }, { id: 'desc' }],
        }),
    },
    { name: 'HourLogConnection', description: 'A page of hour entries.' },
    { name: 'HourLogEdge', description: 'An hour entry in a page.' },
  ),
);

builder.prismaObjectField(OrganizationRef, 'hourLogs', (t) =>
  t.relatedConnection(
    'hourLogs',
    {
      cursor: 'id',
      description:
        'Hour entries kept by this organisation, newest first. For its coordinators; mentors use `hourLogsToReview`.',
      authScopes: (o) => ({ can: { permission: 'hours:read', organizationId: o.id } }),
      args: { filter: t.arg({ type: HourLogFilter, required: false }) },
      totalCount: true,
      query: (args) => ({ where: hourLogWhere(args.filter), orderBy: [{ date: 'desc' }, { id: 'desc' }] }),
    },
    { name: 'OrganizationHourLogConnection', description: "A page of an organisation's hour entries." },
    { name: 'OrganizationHourLogEdge', description: 'An hour entry in a page.' },
  ),
);

/** Entries the viewer may review: all of organisations they coordinate, their mentees' elsewhere. */
async function reviewableWhere(ctx: Context): Promise<Prisma.HourLogWhereInput> {
  const organizationWide = ctx.access.organizationsWith('hours:review');
  const mentored = await Promise.all(
    (ctx.viewer?.memberships ?? [])
      .filter((m) => m.role === 'MENTOR' && !organizationWide.includes(m.organizationId))
      .map(async (m) => ({
        organizationId: m.organizationId,
        volunteerId: { in: await ctx.access.menteesIn(m.organizationId) },
      })),
  );
  return {
    OR: [{ organizationId: { in: organizationWide } }, ...mentored],
    // Nobody reviews their own hours.
    ...(ctx.viewer ? { volunteerId: { not: ctx.viewer.id } } : {}),
  };
}

builder.queryField('hourLogsToReview', (t) =>
  t.prismaConnection(
    {
      type: HourLogRef,
      cursor: 'id',
      description:
        "Hour entries the viewer may approve or reject: every entry of organisations they coordinate, and their mentees' entries. Defaults to SUBMITTED ones, oldest first.",
      authScopes: { $any: { signedIn: true, secretKey: true } },
      args: {
        status: t.arg({ type: HourLogStatusEnum, required: false, description: 'Defaults to SUBMITTED.' }),
        organization: t.arg.string({ required: false, description: 'Only this organisation (slug).' }),
      },
      totalCount: async (_, args, ctx) =>
        ctx.prisma.hourLog.count({
          where: {
            AND: [await reviewableWhere(ctx), { status: args.status ?? 'SUBMITTED' }],
            ...(args.organization ? { organization: { slug: args.organization } } : {}),
          },
        }),
      resolve: async (query, _, args, ctx) =>
        ctx.prisma.hourLog.findMany({
          ...query,
          where: {
            AND: [await reviewableWhere(ctx), { status: args.status ?? 'SUBMITTED' }],
            ...(args.organization ? { organization: { slug: args.organization } } : {}),
          },
          orderBy: [{ date: 'asc' }, { id: 'asc' }],
        }),
    },
    { name: 'ReviewHourLogConnection', description: 'A page of hour entries to review.' },
    { name: 'ReviewHourLogEdge', description: 'An hour entry to review.' },
  ),
);

// ─────────────── hour summary ───────────────

interface HourTotals {
  approvedMinutes: number;
  submittedMinutes: number;
  rejectedMinutes: number;
}

interface OrganizationHours extends HourTotals {
  organizationId: string;
}

const HourTotalsFields = builder.interfaceRef<HourTotals>('HourTotals').implement({
  description: 'Minutes by review status.',
  fields: (t) => ({
    approvedMinutes: t.exposeInt('approvedMinutes', {
      description: 'Confirmed hours count for certificates and reports.',
    }),
    submittedMinutes: t.exposeInt('submittedMinutes', { description: 'Waiting for review.' }),
    rejectedMinutes: t.exposeInt('rejectedMinutes', { description: 'Not confirmed.' }),
  }),
});

const OrganizationHoursRef = builder.objectRef<OrganizationHours>('OrganizationHours').implement({
  description: 'Hours with one organisation.',
  interfaces: [HourTotalsFields],
  fields: (t) => ({
    organization: t.prismaField({
      description: 'The host organisation.',
      type: OrganizationRef,
      resolve: (query, o, _, ctx) =>
        ctx.prisma.organization.findUniqueOrThrow({ ...query, where: { id: o.organizationId } }),
    }),
  }),
});

const HourSummaryRef = builder
  .objectRef<HourTotals & { year: number; byOrganization: OrganizationHours[] }>('HourSummary')
  .implement({
    description: "A volunteer's hours in one year.",
    interfaces: [HourTotalsFields],
    fields: (t) => ({
      year: t.exposeInt('year', { description: 'The year summed up.' }),
      byOrganization: t.field({
        description: 'The same totals per host organisation.',
        type: [OrganizationHoursRef],
        resolve: (s) => s.byOrganization,
      }),
    }),
  });

function emptyTotals(): HourTotals {
  return { approvedMinutes: 0, submittedMinutes: 0, rejectedMinutes: 0 };
}

function addMinutes(totals: HourTotals, status: HourLogStatus, minutes: number) {
  if (status === 'APPROVED') totals.approvedMinutes += minutes;
  else if (status === 'SUBMITTED') totals.submittedMinutes += minutes;
  else totals.rejectedMinutes += minutes;
}

builder.queryField('hourSummary', (t) =>
  t.field({
    type: HourSummaryRef,
    description: "The signed-in volunteer's hours in a year, in all and per organisation.",
    authScopes: { signedIn: true },
    args: { year: t.arg.int({ validate: z.number().int().min(2000).max(2100) }) },
    resolve: async (_, { year }, ctx) => {
      const groups = await ctx.prisma.hourLog.groupBy({
        by: ['organizationId', 'status'],
        where: { volunteerId: ctx.viewer?.id ?? '', date: yearRange(year) },
        _sum: { minutes: true },
        orderBy: { organizationId: 'asc' },
      });
      const summary = { year, ...emptyTotals(), byOrganization: [] as OrganizationHours[] };
      const byOrganization = new Map<string, OrganizationHours>();
      for (const group of groups) {
        const minutes = group._sum.minutes ?? 0;
        let organization = byOrganization.get(group.organizationId);
        if (!organization) {
          organization = { organizationId: group.organizationId, ...emptyTotals() };
          byOrganization.set(group.organizationId, organization);
        }
        addMinutes(organization, group.status, minutes);
        addMinutes(summary, group.status, minutes);
      }
      summary.byOrganization = [...byOrganization.values()];
      return summary;
    },
  }),
);

// ─────────────── logHours ───────────────

const LogHoursInput = builder.inputType('LogHoursInput', {
  description: 'Hours a volunteer did.',
  fields: (t) => ({
    organizationId: t.id({ description: 'The host organisation.' }),
    opportunityId: t.id({ description: 'Global id of the opportunity, if the hours belong to one.', required: false }),
    date: t.field({ description: 'Day the work was done (not in the future).', type: 'Date' }),
    minutes: t.int({
      description: 'Time volunteered, 1 to 1440 minutes.',
      validate: z
        .number()
        .int()
        .min(1)
        .max(24 * 60),
    }),
    activity: t.string({ description: 'What was done.', validate: z.string().trim().min(2).max(2000) }),
    workType: t.field({
      type: WorkTypeEnum,
      required: false,
      description:
        'Type of work as ZProst counts it (ORGANISATIONAL, CONTENT or OTHER); defaults to CONTENT. It sets the in-kind value in the annual report.',
    }),
    areaCode: t.string({
      required: false,
      description:
        "One of the official areas (`areas`); defaults to the opportunity's area, else the organisation's first area.",
      validate: z.string().trim().min(1).max(40),
    }),
    place: t.string({
      description:
        "Where the work was done (town or address, e.g. Maribor); defaults to the opportunity's place, then the organisation's town. The record of hours must name it (ZProst Art. 23).",
      required: false,
      validate: z.string().trim().min(2).max(300),
    }),
    idempotencyKey: t.string({
      description: 'Unique per entry (e.g. a UUID made by the client); a retry with it returns the first entry.',
      validate: z.string().min(8).max(100),
    }),
  }),
});

const HourLogPayload = builder.objectRef<{ hourLogId: string }>('HourLogPayload').implement({
  description: 'The hour entry after the change.',
  fields: (t) => ({
    hourLog: t.prismaField({
      description: 'The hour entry as it is now.',
      type: HourLogRef,
      resolve: (query, p, _, ctx) => ctx.prisma.hourLog.findUniqueOrThrow({ ...query, where: { id: p.hourLogId } }),
    }),
  }),
});

builder.mutationField('logHours', (t) =>
  t.field({
    type: HourLogPayload,
    description:
      'The signed-in volunteer records hours with an organisation they volunteer with, with what ZProst Art. 23 asks of the record: the type of work, the area, the place and the host organisation. The entry is linked to the agreement in force on that day, when there is one. Safe to retry with the same idempotencyKey.',
    authScopes: { signedIn: true },
    errors: { types: [InputError, NotFoundError, RuleError, ConflictError] },
    args: { input: t.arg({ type: LogHoursInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const volunteerId = ctx.viewer?.id ?? '';
      const organizationId = idOf(L, input.organizationId, 'Organization', ['input', 'organizationId']);
      const opportunityId = input.opportunityId
        ? idOf(L, input.opportunityId, 'Opportunity', ['input', 'opportunityId'])
        : null;

      const previous = await ctx.prisma.hourLog.findUnique({
        where: { volunteerId_idempotencyKey: { volunteerId, idempotencyKey: input.idempotencyKey } },
      });
      if (previous) {
        const same =
          previous.organizationId === organizationId &&
          previous.opportunityId === opportunityId &&
          previous.date.getTime() === input.date.getTime() &&
          previous.minutes === input.minutes &&
          previous.activity === input.activity.trim() &&
          (!input.workType || previous.workType === input.workType) &&
          (!input.areaCode || previous.areaCode === input.areaCode.trim()) &&
          (!input.place || previous.place === input.place.trim());
        if (!same) throw new ConflictError(L, 'IDEMPOTENCY_CONFLICT');
        return { hourLogId: previous.id };
      }

      const [organization, opportunity] = await Promise.all([
        ctx.prisma.organization.findUnique({ where: { id: organizationId }, include: { areas: { take: 1 } } }),
        opportunityId ? ctx.prisma.opportunity.findUnique({ where: { id: opportunityId } }) : null,
      ]);
      if (!organization) throw new NotFoundError(L, ['input', 'organizationId']);
      if (
        opportunityId &&
        (!opportunity || opportunity.organizationId !== organizationId || opportunity.status === 'DRAFT')
      ) {
        throw new NotFoundError(L, ['input', 'opportunityId']);
      }
      // Today is the Slovenian calendar day: just after midnight there it is still yesterday in UTC.
      if (input.date.getTime() > slovenianDay().getTime()) throw InputError.field(L, ['input', 'date'], 'FUTURE_DATE');
      if (!(await volunteersWith(ctx.prisma, volunteerId, organizationId))) throw new RuleError(L, 'NOT_A_VOLUNTEER');
      const areaCode = input.areaCode?.trim() ?? opportunity?.areaCode ?? organization.areas[0]?.areaCode ?? 'OTHER';
      if (input.areaCode && !(await ctx.prisma.area.findUnique({ where: { code: areaCode } }))) {
        throw new NotFoundError(L, ['input', 'areaCode']);
      }
      // ZProst Art. 23: the record names the place; a remote opportunity has none, so the host's town stands in.
      const place = input.place?.trim() || opportunity?.place || organization.city;
      const agreementId = await agreementOn(ctx.prisma, volunteerId, organizationId, input.date);

      try {
        const created = await ctx.prisma.hourLog.create({
          data: {
            volunteerId,
            organizationId,
            opportunityId,
            date: input.date,
            minutes: input.minutes,
            activity: input.activity.trim(),
            workType: input.workType ?? 'CONTENT',
            areaCode,
            place,
            agreementId,
            idempotencyKey: input.idempotencyKey,
          },
        });
        return { hourLogId: created.id };
      } catch (error) {
        // Two retries raced: the other one created the entry.
        if ((error as { code?: string }).code === 'P2002') {
          const winner = await ctx.prisma.hourLog.findUniqueOrThrow({
            where: { volunteerId_idempotencyKey: { volunteerId, idempotencyKey: input.idempotencyKey } },
          });
          return { hourLogId: winner.id };
        }
        throw error;
      }
    },
  }),
);

// ─────────────── reviewHourLog ───────────────

const HourLogDecisionEnum = builder.enumType('HourLogDecision', {
  description: "A reviewer's decision on an hour entry.",
  values: { APPROVE: { value: 'APPROVED' as const }, REJECT: { value: 'REJECTED' as const } },
});

const ReviewHourLogInput = builder.inputType('ReviewHourLogInput', {
  description: "A reviewer's decision on hours.",
  fields: (t) => ({
    hourLogId: t.id({ description: 'Global id of the hour entry.' }),
    decision: t.field({ description: 'Approve or reject.', type: HourLogDecisionEnum }),
    note: t.string({ required: false, description: 'Required when rejecting.', validate: z.string().max(2000) }),
  }),
});

builder.mutationField('reviewHourLog', (t) =>
  t.field({
    type: HourLogPayload,
    description:
      "Approves or rejects an hour entry. Needs ADMIN or COORDINATOR at the host organisation, or to be the volunteer's mentor; not for one's own hours. Repeating the same decision changes nothing.",
    authScopes: { $any: { signedIn: true, secretKey: true } },
    errors: { types: [InputError, NotFoundError, RuleError, ConflictError] },
    args: { input: t.arg({ type: ReviewHourLogInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const id = idOf(L, input.hourLogId, 'HourLog', ['input', 'hourLogId']);
      const log = await ctx.prisma.hourLog.findUnique({ where: { id } });
      const viewerId = ctx.viewer?.id ?? '';
      if (
        !log ||
        !(log.volunteerId === viewerId || (await ctx.access.can('hours:review', log.organizationId, log.volunteerId)))
      ) {
        throw new NotFoundError(L, ['input', 'hourLogId']);
      }
      if (log.volunteerId === viewerId) throw new RuleError(L, 'OWN_HOURS');
      if (log.status === input.decision) return { hourLogId: log.id };
      if (log.status !== 'SUBMITTED') throw new ConflictError(L, 'ALREADY_REVIEWED');
      if (input.decision === 'REJECTED' && !input.note?.trim()) {
        throw InputError.field(L, ['input', 'note'], 'REQUIRED');
      }
      await ctx.prisma.$transaction(async (tx) => {
        await tx.hourLog.update({
          where: { id: log.id, status: 'SUBMITTED' },
          data: {
            status: input.decision,
            reviewerId: ctx.viewer?.id ?? null,
            reviewedAt: new Date(),
            reviewNote: input.note?.trim() || null,
          },
        });
        await audit(
          ctx,
          {
            action: 'hourLog.review',
            organizationId: log.organizationId,
            subjectType: 'HourLog',
            subjectId: log.id,
            details: { decision: input.decision },
          },
          tx,
        );
      });
      return { hourLogId: log.id };
    },
  }),
);
