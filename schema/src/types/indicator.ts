import { IndicatorMetric } from '@tandem/db';
import { z } from 'zod';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { ConflictError, InputError, NotFoundError, RuleError } from '../errors.ts';
import { localized } from '../i18n.ts';
import { idOf } from '../ids.ts';
import { isProjectStaff } from '../mentoring/access.ts';
import { recordProgress } from '../mentoring/indicators.ts';
import { metricValue, type ProjectPeriod } from '../mentoring/metrics.ts';
import { IndicatorKindEnum } from './enums.ts';
import { StaffMemberRef } from './person.ts';

export const IndicatorMetricEnum = builder.enumType(IndicatorMetric, {
  name: 'IndicatorMetric',
  description:
    "What an indicator's value is computed from, counting only what happened within the project period (first and last day included).",
  values: {
    INTERVISION_SESSIONS: { description: 'Intervision sessions recorded for the project.' },
    ORGANIZATIONS_USING_SHARED_MODEL: {
      description:
        "Organisations of the partnership (lead, partners, associates) that submitted at least one evaluation response on one of the project's shared templates.",
    },
    EVALUATION_RESPONSES: {
      description: "Evaluation responses on the project's shared templates, from organisations of the partnership.",
    },
    MENTORED_VOLUNTEERS: {
      description: 'Volunteers with a mentor assignment in an organisation of the partnership during the project.',
    },
    ACTIVE_VOLUNTEERS: { description: "Volunteers with approved hours in the project's opportunities." },
    APPROVED_HOURS: {
      description: "Approved volunteer hours in the project's opportunities, in whole hours (rounded down).",
    },
  },
});

interface IndicatorValueSource {
  target: number;
  metric: IndicatorMetric | null;
  project: ProjectPeriod;
  progress: { amount: number }[];
}

const VALUE_SELECT = {
  target: true,
  metric: true,
  project: { select: { id: true, startsOn: true, endsOn: true } },
  progress: { select: { amount: true } },
} as const;

/** Computed from the data when the indicator has a metric, otherwise the sum of the recorded progress. */
function currentValue(i: IndicatorValueSource, ctx: Context): Promise<number> {
  if (i.metric) return metricValue(ctx, i.project, i.metric);
  return Promise.resolve(i.progress.reduce((sum, p) => sum + p.amount, 0));
}

// Reached through Indicator.progress; notes and who recorded an entry are for the partnership's staff.
const IndicatorProgressRef = builder.prismaObject('IndicatorProgress', {
  description:
    "An entry of progress recorded on an indicator. Day and amount are public; the note and who recorded it are shown only to staff of the project's organisations.",
  fields: (t) => ({
    recordedOn: t.expose('recordedOn', { type: 'Date', description: 'The day the progress was made.' }),
    amount: t.exposeInt('amount', { description: 'How much it adds (negative for a correction).' }),
    note: t.string({
      nullable: true,
      description: "What the progress was. Null unless the viewer is staff of one of the project's organisations.",
      select: { note: true, indicator: { select: { projectId: true } } },
      resolve: async (p, _, ctx) =>
        (await isProjectStaff(ctx, p.indicator.projectId, { keys: true })) ? p.note : null,
    }),
    recordedBy: t.field({
      type: StaffMemberRef,
      nullable: true,
      description:
        "Who recorded it, by name. Null when unknown, or unless the viewer is staff of one of the project's organisations.",
      select: { recordedBy: true, indicator: { select: { projectId: true } } },
      resolve: async (p, _, ctx) =>
        (await isProjectStaff(ctx, p.indicator.projectId, { keys: true })) ? p.recordedBy : null,
    }),
  }),
});

export const IndicatorRef = builder.prismaNode('Indicator', {
  description:
    'A project indicator with its target and progress. The figures are aggregate and public: computed from the data within the project period when the indicator has a `metric`, otherwise the sum of the progress the lead organisation records.',
  id: { field: 'id' },
  fields: (t) => ({
    project: t.relation('project', { description: 'The project the indicator belongs to.' }),
    position: t.exposeInt('position', { description: 'Number of the indicator in the project plan.' }),
    title: t.string({
      description: 'Title in the language of the request.',
      select: { titleSl: true, titleEn: true },
      resolve: (i, _, ctx) => localized(ctx.locale, i.titleSl, i.titleEn),
    }),
    kind: t.expose('kind', { type: IndicatorKindEnum }),
    target: t.exposeInt('target', { description: 'The value to reach (1 for a milestone).' }),
    unit: t.string({
      description: 'What is counted, in the language of the request.',
      nullable: true,
      select: { unitSl: true, unitEn: true },
      resolve: (i, _, ctx) => (i.unitSl ? localized(ctx.locale, i.unitSl, i.unitEn) : null),
    }),
    metric: t.expose('metric', {
      type: IndicatorMetricEnum,
      nullable: true,
      description: 'What the value is computed from; null when progress is recorded by hand.',
    }),
    computed: t.boolean({
      description: 'The value is computed from the data (the indicator has a metric), not recorded by hand.',
      select: { metric: true },
      resolve: (i) => i.metric !== null,
    }),
    current: t.int({
      description:
        'The value reached: computed from the data within the project period when `computed`, otherwise the sum of the recorded progress.',
      select: VALUE_SELECT,
      resolve: (i, _, ctx) => currentValue(i, ctx),
    }),
    achieved: t.int({
      description: 'The value reached (the same as `current`).',
      deprecationReason: 'Use `current`.',
      select: VALUE_SELECT,
      resolve: (i, _, ctx) => currentValue(i, ctx),
    }),
    percent: t.float({
      description:
        '`current` as a percentage of `target`, to one decimal; above 100 when the target is exceeded (100 for a target of 0).',
      select: VALUE_SELECT,
      resolve: async (i, _, ctx) =>
        i.target > 0 ? Math.round(((await currentValue(i, ctx)) / i.target) * 1000) / 10 : 100,
    }),
    met: t.boolean({
      description: 'The target is reached (`current` ≥ `target`).',
      select: VALUE_SELECT,
      resolve: async (i, _, ctx) => (await currentValue(i, ctx)) >= i.target,
    }),
    progress: t.relation('progress', {
      type: IndicatorProgressRef,
      description:
        'Progress recorded by hand, oldest first. For a computed indicator it is not counted (and normally empty).',
      query: { orderBy: [{ recordedOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] },
    }),
  }),
});

const RecordIndicatorProgressInput = builder.inputType('RecordIndicatorProgressInput', {
  description: 'Progress made on an indicator that is recorded by hand.',
  fields: (t) => ({
    indicatorId: t.id({ description: 'Global id of the Indicator.' }),
    recordedOn: t.field({ type: 'Date', description: 'The day the progress was made (not in the future).' }),
    amount: t.int({
      description: 'How much it adds; negative to correct an earlier entry; not 0.',
      validate: z.number().int().min(-100_000).max(100_000),
    }),
    note: t.string({
      required: false,
      description: "What the progress was; shown only to staff of the project's organisations.",
      validate: z.string().max(2000),
    }),
    idempotencyKey: t.string({
      description: 'Unique per entry (e.g. a UUID made by the client); a retry with it returns the first entry.',
      validate: z.string().min(8).max(100),
    }),
  }),
});

const IndicatorProgressPayload = builder
  .objectRef<{ indicatorId: string; progressId: string }>('IndicatorProgressPayload')
  .implement({
    description: 'The indicator with the progress recorded.',
    fields: (t) => ({
      indicator: t.prismaField({
        type: IndicatorRef,
        description: 'The indicator, with its new value.',
        resolve: (query, p, _, ctx) =>
          ctx.prisma.indicator.findUniqueOrThrow({ ...query, where: { id: p.indicatorId } }),
      }),
      progress: t.prismaField({
        type: IndicatorProgressRef,
        description: 'The entry recorded.',
        resolve: (query, p, _, ctx) =>
          ctx.prisma.indicatorProgress.findUniqueOrThrow({ ...query, where: { id: p.progressId } }),
      }),
    }),
  });

builder.mutationField('recordIndicatorProgress', (t) =>
  t.field({
    type: IndicatorProgressPayload,
    description:
      "Records progress on a project indicator that is not computed from the data (INDICATOR_COMPUTED otherwise). Needs COORDINATOR or ADMIN of the project's lead organisation (indicators:write). Safe to retry with the same idempotencyKey; the key reused by someone else or for a different entry gives IDEMPOTENCY_CONFLICT. Audited as `indicator.progress`.",
    authScopes: { signedIn: true },
    errors: { types: [InputError, NotFoundError, RuleError, ConflictError] },
    args: { input: t.arg({ type: RecordIndicatorProgressInput }) },
    resolve: async (_, { input }, ctx) => {
      const entry = await recordProgress(ctx, {
        indicatorId: idOf(ctx.locale, input.indicatorId, 'Indicator', ['input', 'indicatorId']),
        recordedOn: input.recordedOn,
        amount: input.amount,
        note: input.note ?? null,
        idempotencyKey: input.idempotencyKey,
      });
      return { indicatorId: entry.indicatorId, progressId: entry.id };
    },
  }),
);
