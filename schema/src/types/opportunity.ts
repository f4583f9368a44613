import { opportunitySearchText, foldForSearch, Prisma } from '@tandem/db';
import { prismaConnectionHelpers, queryFromInfo } from '@pothos/plugin-prisma';
import { z } from 'zod';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { ConflictError, InputError, NotFoundError } from '../errors.ts';
import { localized } from '../i18n.ts';
import { idOf, rowIdOf } from '../ids.ts';
import { compileSelection } from '../json-select.ts';
import { LEAN_EXECUTION, renderedSelection } from '../lean-execution.ts';
import { selectsField } from '../selection.ts';
import {
  column,
  localizedColumns,
  localizedSql,
  NOW_SQL,
  renderedAs,
  type RenderedObject,
  renderedRows,
  renderEnv,
} from '../sql-render.ts';
import { OpportunityStatusEnum, QuestionTypeEnum } from './enums.ts';
import { StaffMemberRef } from './person.ts';

const acceptedOnly = { where: { status: 'ACCEPTED' as const } };
/** How many accepted applications point with `foreignKey` at the row aliased `row`, in SQL. */
const acceptedSql = (foreignKey: 'shiftId' | 'opportunityId', row: string) =>
  Prisma.sql`(SELECT count(*)::int FROM "Application" AS accepted WHERE accepted.${Prisma.raw(`"${foreignKey}"`)} = ${column(row, 'id')} AND accepted."status" = CAST(${acceptedOnly.where.status} AS "ApplicationStatus"))`;
/** A shift's free places (the resolver of Shift.freePlaces), in SQL. */
const shiftFreePlacesSql = (row: string) =>
  Prisma.sql`greatest(0, ${column(row, 'capacity')} - ${acceptedSql('shiftId', row)})`;
/** The order of `Opportunity.shifts`; `freePlaces` asks for the same, so both come from one load. */
const shiftOrder = [{ startsAt: 'asc' as const }, { id: 'asc' as const }];

export const ShiftRef = builder.prismaNode('Shift', {
  description: 'A time slot of an opportunity with its own number of places.',
  id: { field: 'id' },
  fields: (t) => ({
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    endsAt: t.expose('endsAt', { type: 'DateTime' }),
    capacity: t.exposeInt('capacity'),
    label: t.string({
      description: 'Label in the language of the request, e.g. "Dopoldne".',
      nullable: true,
      select: { labelSl: true, labelEn: true },
      resolve: (s, _, ctx) => (s.labelSl ? localized(ctx.locale, s.labelSl, s.labelEn) : null),
      extensions: renderedAs({
        value: (s) =>
          Prisma.sql`CASE WHEN ${column(s, 'labelSl')} <> '' THEN ${localizedSql(column(s, 'labelSl'), column(s, 'labelEn'))} END`,
      }),
    }),
    freePlaces: t.int({
      description: 'Places not yet taken by accepted volunteers.',
      select: { capacity: true, _count: { select: { applications: acceptedOnly } } },
      resolve: (s) => Math.max(0, s.capacity - s._count.applications),
      extensions: renderedAs({ value: shiftFreePlacesSql }),
    }),
  }),
});

interface ChoiceOption {
  value: string;
  labelSl: string;
  labelEn?: string | null;
}

const ChoiceRef = builder.objectRef<ChoiceOption>('Choice').implement({
  description: 'One choice of a choice question.',
  fields: (t) => ({
    // Rendered over one element of the question's options (jsonb).
    value: t.exposeString('value', {
      description: 'What to send as the answer.',
      extensions: renderedAs({ value: (c) => Prisma.sql`${Prisma.raw(c)}->'value'` }),
    }),
    label: t.string({
      description: 'Label in the language of the request.',
      resolve: (c, _, ctx) => localized(ctx.locale, c.labelSl, c.labelEn),
      extensions: renderedAs({
        value: (c) => localizedSql(Prisma.sql`${Prisma.raw(c)}->>'labelSl'`, Prisma.sql`${Prisma.raw(c)}->>'labelEn'`),
      }),
    }),
  }),
});

export function choicesOf(options: Prisma.JsonValue | null): ChoiceOption[] {
  return Array.isArray(options) ? (options as unknown as ChoiceOption[]) : [];
}

const SignupQuestionRef = builder.prismaObject('SignupQuestion', {
  description: "One of an opportunity's own sign-up questions.",
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Send it back as `questionId` in sign-up answers.' }),
    position: t.exposeInt('position'),
    type: t.expose('type', { type: QuestionTypeEnum }),
    label: t.string({
      description: 'The question in the language of the request.',
      ...localizedColumns('labelSl', 'labelEn'),
    }),
    required: t.exposeBoolean('required'),
    choices: t.field({
      description: 'Choices of a choice question (empty otherwise).',
      type: [ChoiceRef],
      select: { options: true },
      resolve: (q) => choicesOf(q.options),
      extensions: renderedAs({
        items: (q) =>
          Prisma.sql`CASE WHEN jsonb_typeof(${column(q, 'options')}) = 'array' THEN ${column(q, 'options')} ELSE '[]'::jsonb END`,
      }),
    }),
  }),
});

export const OpportunityRef = builder.prismaNode('Opportunity', {
  description: 'Something volunteers can sign up for.',
  id: { field: 'id' },
  // Each field loads only its own columns; these are read by the scopes here and on `applications`.
  select: { id: true, status: true, organizationId: true, mentorId: true },
  // Drafts are visible to the organisation's staff only.
  authScopes: (o) => (o.status === 'DRAFT' ? { staffOf: o.organizationId } : true),
  fields: (t) => ({
    slug: t.exposeString('slug'),
    status: t.expose('status', { type: OpportunityStatusEnum }),
    title: t.string({
      description: 'Title in the language of the request.',
      ...localizedColumns('titleSl', 'titleEn'),
    }),
    description: t.string({
      description: 'Description in the language of the request.',
      ...localizedColumns('descriptionSl', 'descriptionEn'),
    }),
    organization: t.relation('organization'),
    project: t.relation('project', { nullable: true }),
    area: t.relation('area'),
    region: t.relation('region'),
    place: t.exposeString('place', { nullable: true, description: 'Where it takes place; null when remote.' }),
    remote: t.exposeBoolean('remote'),
    minAge: t.exposeInt('minAge', { nullable: true }),
    suitableUnder15: t.exposeBoolean('suitableUnder15', {
      description: 'Open to volunteers under 15, with a mentor (ZProst Art. 13).',
    }),
    skills: t.stringList({
      description: 'Skills that help, as short phrases.',
      select: { skills: true },
      // Prisma gives a list column no NOT NULL; a row written outside Prisma may hold NULL: no skills.
      resolve: (opportunity) => opportunity.skills ?? [],
      extensions: renderedAs({ value: (row) => Prisma.sql`coalesce(${column(row, 'skills')}, '{}')` }),
    }),
    mentor: t.relation('mentor', { type: StaffMemberRef, nullable: true }),
    capacity: t.exposeInt('capacity', {
      nullable: true,
      description: 'Places in all when there are no shifts; null means unlimited.',
    }),
    freePlaces: t.int({
      nullable: true,
      description:
        'Places still free: over upcoming shifts when there are shifts, else out of `capacity`; null means unlimited.',
      select: {
        capacity: true,
        _count: { select: { applications: acceptedOnly } },
        shifts: {
          select: { capacity: true, startsAt: true, _count: { select: { applications: acceptedOnly } } },
          orderBy: shiftOrder,
        },
      },
      resolve: (o) => {
        if (o.shifts.length > 0) {
          const now = Date.now();
          return o.shifts
            .filter((s) => s.startsAt.getTime() >= now)
            .reduce((sum, s) => sum + Math.max(0, s.capacity - s._count.applications), 0);
        }
        return o.capacity === null ? null : Math.max(0, o.capacity - o._count.applications);
      },
      extensions: renderedAs({
        // Over the shifts when there are any (null otherwise); only then out of the capacity.
        value: (o) => Prisma.sql`coalesce(
          (SELECT CASE WHEN count(*) > 0 THEN coalesce(sum(${shiftFreePlacesSql('shift')}) FILTER (WHERE shift."startsAt" >= ${NOW_SQL}), 0)::int END
            FROM "Shift" AS shift WHERE shift."opportunityId" = ${column(o, 'id')}),
          CASE WHEN ${column(o, 'capacity')} IS NOT NULL THEN greatest(0, ${column(o, 'capacity')} - ${acceptedSql('opportunityId', o)}) END)`,
      }),
    }),
    startsAt: t.expose('startsAt', { type: 'DateTime', nullable: true }),
    endsAt: t.expose('endsAt', { type: 'DateTime', nullable: true }),
    applyBy: t.expose('applyBy', { type: 'DateTime', nullable: true }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    shifts: t.relation('shifts', { query: { orderBy: shiftOrder } }),
    questions: t.relation('questions', { type: SignupQuestionRef, query: { orderBy: { position: 'asc' } } }),
  }),
});

const OpportunityFilter = builder.inputType('OpportunityFilter', {
  description: 'Narrows the opportunity list; all given conditions must hold.',
  fields: (t) => ({
    organization: t.string({ required: false, description: 'Organisation slug.' }),
    project: t.string({ required: false, description: 'Project slug.' }),
    area: t.string({ required: false, description: 'Area code, e.g. "SOCIAL".' }),
    region: t.string({ required: false, description: 'Region code, e.g. "podravska".' }),
    search: t.string({
      required: false,
      description: 'Words to find in title, description, place, skills or organisation (diacritics optional).',
      validate: z.string().max(200),
    }),
    upcoming: t.boolean({
      required: false,
      description: 'Only opportunities that have not ended yet (or still have shifts ahead).',
    }),
    remote: t.boolean({ description: 'Only remote (true) or only on-site (false) opportunities.', required: false }),
    status: t.field({
      type: OpportunityStatusEnum,
      required: false,
      description: 'Defaults to PUBLISHED. Other statuses need `organization` and a staff role there.',
    }),
  }),
});

type OpportunityFilterShape = typeof OpportunityFilter.$inferInput;

/** The list's filter as SQL: the one definition that both the page and its `totalCount` use. */
interface OpportunityFilterSql {
  /** The condition over "Opportunity" AS o. */
  where: Prisma.Sql;
  /** How many opportunities meet it: a statement with one row and one column, `count`. */
  count: Prisma.Sql;
}

function opportunityFilterSql(filter: OpportunityFilterShape | null | undefined, ctx: Context): OpportunityFilterSql {
  const and: Prisma.Sql[] = [];
  const status = filter?.status ?? 'PUBLISHED';
  and.push(Prisma.sql`o."status" = CAST(${status} AS "OpportunityStatus")`);
  if (status === 'DRAFT') {
    // Drafts only of organisations where the viewer is staff.
    const staffOf = ctx.access.staffOrganizationIds();
    and.push(staffOf.length ? Prisma.sql`o."organizationId" IN (${Prisma.join(staffOf)})` : Prisma.sql`false`);
  }
  if (filter?.organization) {
    and.push(Prisma.sql`o."organizationId" IN (SELECT "id" FROM "Organization" WHERE "slug" = ${filter.organization})`);
  }
  if (filter?.project) {
    and.push(Prisma.sql`o."projectId" IN (SELECT "id" FROM "Project" WHERE "slug" = ${filter.project})`);
  }
  if (filter?.area) and.push(Prisma.sql`o."areaCode" = ${filter.area}`);
  if (filter?.region) and.push(Prisma.sql`o."regionCode" = ${filter.region}`);
  if (typeof filter?.remote === 'boolean') and.push(Prisma.sql`o."remote" = ${filter.remote}`);
  const search = filter?.search ? foldForSearch(filter.search) : '';
  for (const word of search.split(' ').filter(Boolean)) {
    // A substring of the folded text (the trigram index serves LIKE); % and _ typed by someone are literal.
    and.push(Prisma.sql`o."searchText" LIKE ${`%${word.replace(/[\\%_]/g, '\\$&')}%`}`);
  }
  if (filter?.upcoming) {
    // DateTime columns hold UTC without a zone, as Prisma writes them.
    const now = Prisma.sql`CAST(${new Date().toISOString()} AS timestamp(3))`;
    and.push(
      Prisma.sql`(o."endsAt" >= ${now} OR (o."endsAt" IS NULL AND o."startsAt" >= ${now}) OR EXISTS (SELECT 1 FROM "Shift" AS s WHERE s."opportunityId" = o."id" AND s."startsAt" >= ${now}))`,
    );
  }
  const where = Prisma.join(and, ' AND ');
  // Status alone (the network's whole list): the count the triggers keep (migration
  // opportunity_status_counts) instead of counting every published opportunity.
  const count =
    and.length === 1
      ? Prisma.sql`SELECT coalesce(sum(c."opportunities"), 0)::int AS "count" FROM "OpportunityStatusCount" AS c WHERE c."status" = CAST(${status} AS "OpportunityStatus")`
      : Prisma.sql`SELECT count(*)::int AS "count" FROM "Opportunity" AS o WHERE ${where}`;
  return { where, count };
}

/** The list's order, soonest first then newest, over rows aliased `alias`; reversed for a backward page. */
function listOrder(alias: string, backward: boolean): Prisma.Sql {
  return Prisma.raw(
    backward
      ? `${alias}."startsAt" DESC NULLS FIRST, ${alias}."id" ASC`
      : `${alias}."startsAt" ASC NULLS LAST, ${alias}."id" DESC`,
  );
}

// Rows at or after (before) the cursor row c in the list's order, as Prisma's cursor pagination counts them.
const AT_OR_AFTER_CURSOR = Prisma.sql`CASE WHEN c."startsAt" IS NULL THEN o."startsAt" IS NULL AND o."id" <= c."id"
  ELSE o."startsAt" > c."startsAt" OR (o."startsAt" = c."startsAt" AND o."id" <= c."id") OR o."startsAt" IS NULL END`;
const AT_OR_BEFORE_CURSOR = Prisma.sql`CASE WHEN c."startsAt" IS NULL THEN o."startsAt" IS NOT NULL OR o."id" >= c."id"
  ELSE o."startsAt" < c."startsAt" OR (o."startsAt" = c."startsAt" AND o."id" >= c."id") END`;

interface ListPage {
  rows: OpportunityRow[];
  /** The whole list's count, when it was asked for and the page's statement could answer it. */
  total?: number;
}

/**
 * One page of the list: the rows Prisma's findMany would return for the
 * connection's `take`, `skip` and `cursor` (a negative take pages backwards),
 * in one statement that also counts the whole list when `withCount` (except
 * for an empty page, which has no row to carry the count). The rows carry
 * either the answer's JSON for each node, written by PostgreSQL (`rendered`,
 * sql-render.ts), or what `selection` asks for, built as JSON in PostgreSQL
 * (json-select.ts); a selection that compiler does not support (e.g. staff
 * fields with their own pagination) is loaded by Prisma for the page's ids.
 */
async function opportunityPage(
  ctx: Context,
  {
    take,
    skip = 0,
    cursor,
    ...selection
  }: { take?: number; skip?: number; cursor?: { id?: string } } & Record<string, unknown>,
  rendered: RenderedObject | null,
  filter: OpportunityFilterShape | null | undefined,
  withCount: boolean,
): Promise<ListPage> {
  if (take === undefined) throw new Error('a page of the list needs `take`');
  const backward = take < 0;
  const filterSql = opportunityFilterSql(filter, ctx);
  const conditions = [filterSql.where];
  let from = Prisma.sql`"Opportunity" AS o`;
  if (cursor) {
    from = Prisma.sql`"Opportunity" AS o CROSS JOIN (SELECT "startsAt", "id" FROM "Opportunity" WHERE "id" = ${cursor.id ?? null}) AS c`;
    conditions.push(backward ? AT_OR_BEFORE_CURSOR : AT_OR_AFTER_CURSOR);
  }
  const page = Prisma.sql`SELECT o.* FROM ${from} WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY ${listOrder('o', backward)} LIMIT ${Prisma.raw(String(Math.abs(Math.trunc(take))))} OFFSET ${Prisma.raw(String(Math.max(0, Math.trunc(skip))))}`;
  const inOrder = <T>(rows: T[]) => (backward ? rows.reverse() : rows);
  // Evaluated once for the statement (an uncorrelated subquery).
  const total = withCount ? Prisma.sql`, (${filterSql.count}) AS "total"` : Prisma.empty;
  const totalOf = (rows: { total?: number }[]) => rows[0]?.total;

  if (rendered) {
    const rows = await ctx.prisma.$queryRaw<{ row: string; total?: number }[]>(
      Prisma.sql`SELECT ${rendered.json} AS "row"${rendered.columns}${total} FROM (${page}) AS t0 CROSS JOIN ${renderEnv(ctx.locale)}${rendered.joins} ORDER BY ${listOrder('t0', backward)}`,
    );
    return { rows: inOrder(renderedRows(rendered, rows)) as unknown as OpportunityRow[], total: totalOf(rows) };
  }
  const compiled = compileSelection('Opportunity', selection);
  if (compiled) {
    const rows = await ctx.prisma.$queryRaw<{ row: string; total?: number }[]>(
      Prisma.sql`SELECT ${compiled.json}::text AS "row"${total} FROM (${page}) AS t0${compiled.joins} ORDER BY ${listOrder('t0', backward)}`,
    );
    return {
      rows: inOrder(
        rows.map(({ row }) => {
          const parsed = JSON.parse(row) as Record<string, unknown>;
          compiled.revive(parsed);
          return parsed as OpportunityRow;
        }),
      ),
      total: totalOf(rows),
    };
  }
  const found = await ctx.prisma.$queryRaw<{ id: string; total?: number }[]>(
    Prisma.sql`SELECT t0."id"${total} FROM (${page}) AS t0 ORDER BY ${listOrder('t0', backward)}`,
  );
  const ids = inOrder(found.map((r) => r.id));
  const rows = await ctx.prisma.opportunity.findMany({ ...selection, where: { id: { in: ids } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: ids.flatMap((id) => byId.get(id) ?? []), total: totalOf(found) };
}

/** Pothos' cursor paging for the list (arguments, cursors, pageInfo) over the rows opportunityPage loads. */
const listPaging = prismaConnectionHelpers(builder, OpportunityRef, { cursor: 'id', defaultSize: 20, maxSize: 100 });

/** What the list's connection resolves to: Pothos' connection with the list's count. */
interface ListConnection {
  totalCount: () => number | Promise<number>;
}

builder.queryField('opportunities', (t) =>
  t.connection(
    {
      type: OpportunityRef,
      description: 'Opportunities, soonest first (then newest). Public: published ones only.',
      // The page's rows carry everything the selection asks for (opportunityPage), so the
      // fields below are completed without the general executor (lean-execution.ts).
      extensions: { [LEAN_EXECUTION]: true },
      args: { filter: t.arg({ type: OpportunityFilter, required: false }) },
      resolve: async (_, args, ctx, info) => {
        const rendered = renderedSelection(info, 'Opportunity');
        // Prisma's query for the nodes is planned only when PostgreSQL does not write them.
        const query = listPaging.getQuery(args, ctx, () =>
          rendered ? {} : queryFromInfo({ context: ctx, info, typeName: 'Opportunity', paths: [['edges', 'node']] }),
        );
        const { rows, total } = await opportunityPage(
          ctx,
          query,
          rendered,
          args.filter,
          selectsField(info, 'totalCount'),
        );
        const counted: ListConnection = {
          totalCount: () =>
            total ??
            ctx.prisma
              .$queryRaw<{ count: number }[]>(opportunityFilterSql(args.filter, ctx).count)
              .then((counts) => counts[0]!.count),
        };
        return Object.assign(listPaging.resolve(rows, args, ctx), counted);
      },
    },
    {
      name: 'OpportunityConnection',
      description: 'A page of opportunities.',
      fields: (t) => ({
        totalCount: t.int({ resolve: (connection) => (connection as unknown as ListConnection).totalCount() }),
      }),
    },
    { name: 'OpportunityEdge', description: 'An opportunity in a page.' },
  ),
);

builder.queryField('opportunity', (t) =>
  t.prismaField({
    type: OpportunityRef,
    nullable: true,
    description: "One opportunity by its id (drafts only for the organisation's staff).",
    args: { id: t.arg.id() },
    resolve: async (query, _, args, ctx) => {
      const id = rowIdOf(args.id, 'Opportunity');
      if (!id) return null;
      const found = await ctx.prisma.opportunity.findUnique({ ...query, where: { id } });
      // A draft the viewer may not see is answered like a missing one.
      return found && (found.status !== 'DRAFT' || ctx.access.isStaffOf(found.organizationId)) ? found : null;
    },
  }),
);

// ─────────────── coordinators: create, edit, publish, close ───────────────

const ChoiceInput = builder.inputType('ChoiceInput', {
  description: 'A choice of a choice question.',
  fields: (t) => ({
    value: t.string({ description: 'What answers send.', validate: z.string().min(1).max(100) }),
    labelSl: t.string({ description: 'Label in Slovenian.', validate: z.string().min(1).max(200) }),
    labelEn: t.string({ description: 'Label in English.', required: false, validate: z.string().max(200) }),
  }),
});

const ShiftInput = builder.inputType('ShiftInput', {
  description: 'A time slot to add to an opportunity.',
  fields: (t) => ({
    startsAt: t.field({ description: 'When the shift starts.', type: 'DateTime' }),
    endsAt: t.field({ description: 'When it ends (after it starts).', type: 'DateTime' }),
    capacity: t.int({ description: 'How many volunteers it takes.', validate: z.number().int().min(1).max(10_000) }),
    labelSl: t.string({
      description: 'Optional label in Slovenian, e.g. "Dopoldne".',
      required: false,
      validate: z.string().max(200),
    }),
    labelEn: t.string({ description: 'Optional label in English.', required: false, validate: z.string().max(200) }),
  }),
  // A loose object: a plain one would strip the other fields from the input.
  validate: z.looseObject({ startsAt: z.date(), endsAt: z.date() }).refine((s) => s.endsAt > s.startsAt, {
    path: ['endsAt'],
    params: { key: 'SHIFT_ENDS_BEFORE_START' },
  }),
});

const SignupQuestionInput = builder.inputType('SignupQuestionInput', {
  description: 'A custom sign-up question.',
  fields: (t) => ({
    type: t.field({ description: 'How it is answered.', type: QuestionTypeEnum }),
    labelSl: t.string({ description: 'The question in Slovenian.', validate: z.string().min(1).max(500) }),
    labelEn: t.string({ description: 'The question in English.', required: false, validate: z.string().max(500) }),
    required: t.boolean({ description: 'Must be answered to sign up (default false).', required: false }),
    choices: t.field({
      description: 'Choices, for SINGLE_CHOICE and MULTIPLE_CHOICE.',
      type: [ChoiceInput],
      required: false,
    }),
  }),
});

const text = (max: number) => z.string().trim().min(1).max(max);

const CreateOpportunityInput = builder.inputType('CreateOpportunityInput', {
  description: 'A new opportunity; it starts as a draft.',
  fields: (t) => ({
    organizationId: t.id({ description: 'Global id of the organisation.' }),
    projectId: t.id({ description: 'Global id of a project the organisation takes part in.', required: false }),
    slug: t.string({
      required: false,
      description:
        'Defaults to one made from the Slovenian title. Retrying a create with the same slug returns the first one.',
      validate: z
        .string()
        .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
        .max(80),
    }),
    titleSl: t.string({ description: 'Title in Slovenian.', validate: text(200) }),
    titleEn: t.string({ description: 'Title in English.', required: false, validate: z.string().max(200) }),
    descriptionSl: t.string({ description: 'Description in Slovenian.', validate: text(10_000) }),
    descriptionEn: t.string({
      description: 'Description in English.',
      required: false,
      validate: z.string().max(10_000),
    }),
    areaCode: t.string({ description: 'Area of volunteering (code from `areas`).' }),
    regionCode: t.string({ description: 'Region (code from `regions`).' }),
    place: t.string({
      description: 'Where it takes place (empty when remote).',
      required: false,
      validate: z.string().max(300),
    }),
    remote: t.boolean({ description: 'Can be done remotely (default false).', required: false }),
    minAge: t.int({
      description: 'Youngest age accepted.',
      required: false,
      validate: z.number().int().min(0).max(120),
    }),
    suitableUnder15: t.boolean({
      description: 'Open to volunteers under 15, with a mentor (default false).',
      required: false,
    }),
    skills: t.stringList({
      description: 'Skills that help, as short phrases.',
      required: false,
      validate: z.array(z.string().min(1).max(60)).max(30),
    }),
    mentorId: t.id({ required: false, description: 'Global id of a staff member (from `me`).' }),
    capacity: t.int({
      description: 'Places in all when there are no shifts; empty means unlimited.',
      required: false,
      validate: z.number().int().min(1).max(100_000),
    }),
    startsAt: t.field({ description: 'When it starts.', type: 'DateTime', required: false }),
    endsAt: t.field({ description: 'When it ends.', type: 'DateTime', required: false }),
    applyBy: t.field({ description: 'Last moment to sign up.', type: 'DateTime', required: false }),
    shifts: t.field({ description: 'Time slots, each with its own places.', type: [ShiftInput], required: false }),
    questions: t.field({
      description: 'Extra sign-up questions, in order.',
      type: [SignupQuestionInput],
      required: false,
    }),
  }),
});

function slugify(text: string): string {
  return (
    foldForSearch(text)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'priloznost'
  );
}

type OpportunityRow = Prisma.OpportunityGetPayload<object>;

const OpportunityPayload = builder.objectRef<{ opportunity: OpportunityRow }>('OpportunityPayload').implement({
  description: 'The opportunity after the change.',
  fields: (t) => ({
    opportunity: t.field({
      description: 'The opportunity as it is now.',
      type: OpportunityRef,
      resolve: (p) => p.opportunity,
    }),
  }),
});

async function managedOpportunity(ctx: Context, globalId: string) {
  const id = idOf(ctx.locale, globalId, 'Opportunity', ['input', 'id']);
  const found = await ctx.prisma.opportunity.findUnique({ where: { id }, include: { organization: true } });
  if (!found || !(await ctx.access.can('opportunities:write', found.organizationId))) {
    throw new NotFoundError(ctx.locale, ['input', 'id']);
  }
  return found;
}

builder.mutationField('createOpportunity', (t) =>
  t.field({
    type: OpportunityPayload,
    description: "Creates a draft opportunity. Needs the organisation's ADMIN or COORDINATOR role.",
    authScopes: { $any: { signedIn: true, secretKey: true } },
    errors: { types: [InputError, NotFoundError, ConflictError] },
    args: { input: t.arg({ type: CreateOpportunityInput }) },
    resolve: async (_, { input }, ctx) => {
      const organizationId = idOf(ctx.locale, input.organizationId, 'Organization', ['input', 'organizationId']);
      const organization = await ctx.prisma.organization.findUnique({ where: { id: organizationId } });
      if (!organization || !(await ctx.access.can('opportunities:write', organizationId))) {
        throw new NotFoundError(ctx.locale, ['input', 'organizationId']);
      }
      const projectId = input.projectId ? idOf(ctx.locale, input.projectId, 'Project', ['input', 'projectId']) : null;
      if (projectId) {
        const partner = await ctx.prisma.projectPartner.findUnique({
          where: { projectId_organizationId: { projectId, organizationId } },
        });
        if (!partner) throw new NotFoundError(ctx.locale, ['input', 'projectId']);
      }
      const mentorId = input.mentorId ? idOf(ctx.locale, input.mentorId, 'User', ['input', 'mentorId']) : null;
      if (
        mentorId &&
        !(await ctx.prisma.membership.findFirst({
          where: { userId: mentorId, organizationId, role: { in: ['ADMIN', 'COORDINATOR', 'MENTOR'] } },
        }))
      ) {
        throw new NotFoundError(ctx.locale, ['input', 'mentorId']);
      }
      const [area, region] = await Promise.all([
        ctx.prisma.area.findUnique({ where: { code: input.areaCode } }),
        ctx.prisma.region.findUnique({ where: { code: input.regionCode } }),
      ]);
      if (!area) throw new NotFoundError(ctx.locale, ['input', 'areaCode']);
      if (!region) throw new NotFoundError(ctx.locale, ['input', 'regionCode']);
      for (const [i, q] of (input.questions ?? []).entries()) {
        const isChoice = q.type === 'SINGLE_CHOICE' || q.type === 'MULTIPLE_CHOICE';
        if (isChoice && !q.choices?.length) {
          throw new InputError(ctx.locale, [
            { path: ['input', 'questions', String(i), 'choices'], message: 'A choice question needs choices.' },
          ]);
        }
      }

      const slug = input.slug ?? slugify(input.titleSl);
      const existing = await ctx.prisma.opportunity.findUnique({
        where: { organizationId_slug: { organizationId, slug } },
      });
      if (existing) {
        // A retried create returns the first one; a different opportunity may not take its slug.
        if (existing.titleSl === input.titleSl && existing.descriptionSl === input.descriptionSl) {
          return { opportunity: existing };
        }
        throw new ConflictError(ctx.locale, 'IDEMPOTENCY_CONFLICT');
      }
      const opportunity = await ctx.prisma.opportunity.create({
        data: {
          organizationId,
          projectId,
          slug,
          titleSl: input.titleSl,
          titleEn: input.titleEn ?? null,
          descriptionSl: input.descriptionSl,
          descriptionEn: input.descriptionEn ?? null,
          areaCode: input.areaCode,
          regionCode: input.regionCode,
          place: input.place ?? null,
          remote: input.remote ?? false,
          minAge: input.minAge ?? null,
          suitableUnder15: input.suitableUnder15 ?? false,
          skills: input.skills ?? [],
          mentorId,
          capacity: input.capacity ?? null,
          startsAt: input.startsAt ?? null,
          endsAt: input.endsAt ?? null,
          applyBy: input.applyBy ?? null,
          status: 'DRAFT',
          searchText: opportunitySearchText({ ...input, organizationName: organization.name }),
          shifts: {
            create: (input.shifts ?? []).map((s) => ({
              startsAt: s.startsAt,
              endsAt: s.endsAt,
              capacity: s.capacity,
              labelSl: s.labelSl ?? null,
              labelEn: s.labelEn ?? null,
            })),
          },
          questions: {
            create: (input.questions ?? []).map((q, position) => ({
              position,
              type: q.type,
              labelSl: q.labelSl,
              labelEn: q.labelEn ?? null,
              required: q.required ?? false,
              options: q.choices
                ? q.choices.map((c) => ({ value: c.value, labelSl: c.labelSl, labelEn: c.labelEn ?? null }))
                : undefined,
            })),
          },
        },
      });
      return { opportunity };
    },
  }),
);

const UpdateOpportunityInput = builder.inputType('UpdateOpportunityInput', {
  description: 'Fields left out stay as they are; null clears an optional one.',
  fields: (t) => ({
    id: t.id(),
    titleSl: t.string({ description: 'Title in Slovenian.', required: false, validate: text(200) }),
    titleEn: t.string({ description: 'Title in English.', required: false, validate: z.string().max(200) }),
    descriptionSl: t.string({ description: 'Description in Slovenian.', required: false, validate: text(10_000) }),
    descriptionEn: t.string({
      description: 'Description in English.',
      required: false,
      validate: z.string().max(10_000),
    }),
    place: t.string({ description: 'Where it takes place.', required: false, validate: z.string().max(300) }),
    remote: t.boolean({ description: 'Can be done remotely.', required: false }),
    minAge: t.int({
      description: 'Youngest age accepted.',
      required: false,
      validate: z.number().int().min(0).max(120),
    }),
    suitableUnder15: t.boolean({ description: 'Open to volunteers under 15, with a mentor.', required: false }),
    skills: t.stringList({
      description: 'Skills that help.',
      required: false,
      validate: z.array(z.string().min(1).max(60)).max(30),
    }),
    capacity: t.int({
      description: 'Places in all when there are no shifts.',
      required: false,
      validate: z.number().int().min(1).max(100_000),
    }),
    startsAt: t.field({ description: 'When it starts.', type: 'DateTime', required: false }),
    endsAt: t.field({ description: 'When it ends.', type: 'DateTime', required: false }),
    applyBy: t.field({ description: 'Last moment to sign up.', type: 'DateTime', required: false }),
  }),
});

const CLEARABLE = new Set(['titleEn', 'descriptionEn', 'place', 'minAge', 'capacity', 'startsAt', 'endsAt', 'applyBy']);

builder.mutationField('updateOpportunity', (t) =>
  t.field({
    type: OpportunityPayload,
    description: 'Changes an opportunity. Needs ADMIN or COORDINATOR of its organisation.',
    authScopes: { $any: { signedIn: true, secretKey: true } },
    errors: { types: [InputError, NotFoundError] },
    args: { input: t.arg({ type: UpdateOpportunityInput }) },
    resolve: async (_, { input }, ctx) => {
      const current = await managedOpportunity(ctx, input.id);
      const { id: _id, ...changes } = input;
      // Left out: unchanged. null: cleared, where the column may be empty.
      const data = Object.fromEntries(
        Object.entries(changes).filter(([key, v]) => v !== undefined && (v !== null || CLEARABLE.has(key))),
      );
      const merged = { ...current, ...data };
      const opportunity = await ctx.prisma.opportunity.update({
        where: { id: current.id },
        data: {
          ...data,
          searchText: opportunitySearchText({ ...merged, organizationName: current.organization.name }),
        },
      });
      return { opportunity };
    },
  }),
);

const OpportunityIdInput = builder.inputType('OpportunityIdInput', {
  description: 'Names one opportunity.',
  fields: (t) => ({ id: t.id() }),
});

builder.mutationField('publishOpportunity', (t) =>
  t.field({
    type: OpportunityPayload,
    description: 'Publishes a draft so volunteers see it and can sign up. Publishing a published one changes nothing.',
    authScopes: { $any: { signedIn: true, secretKey: true } },
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: OpportunityIdInput }) },
    resolve: async (_, { input }, ctx) => {
      const current = await managedOpportunity(ctx, input.id);
      if (current.status === 'PUBLISHED') return { opportunity: current };
      const opportunity = await ctx.prisma.opportunity.update({
        where: { id: current.id },
        data: { status: 'PUBLISHED', publishedAt: current.publishedAt ?? new Date() },
      });
      return { opportunity };
    },
  }),
);

builder.mutationField('closeOpportunity', (t) =>
  t.field({
    type: OpportunityPayload,
    description: 'Stops sign-ups; the opportunity stays visible. Closing a closed one changes nothing.',
    authScopes: { $any: { signedIn: true, secretKey: true } },
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: OpportunityIdInput }) },
    resolve: async (_, { input }, ctx) => {
      const current = await managedOpportunity(ctx, input.id);
      if (current.status === 'CLOSED') return { opportunity: current };
      const opportunity = await ctx.prisma.opportunity.update({
        where: { id: current.id },
        data: { status: 'CLOSED' },
      });
      return { opportunity };
    },
  }),
);
