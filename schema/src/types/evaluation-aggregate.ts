// Figures over evaluations (per organisation, project, opportunity, across a
// partnership) and a volunteer's competence growth between rounds.
import { EvaluationKind } from '@tandem/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { localized } from '../i18n.ts';
import { rowIdOf } from '../ids.ts';
import {
  type Aggregate,
  type AggregateScope,
  type ChoiceCount,
  evaluationAggregate,
  type GroupAggregate,
  MIN_GROUP,
  type QuestionAggregate,
  type ValueCount,
} from '../evaluation/aggregate.ts';
import { type CompetenceGrowth, type GrowthPoint, competenceGrowth } from '../evaluation/growth.ts';
import { EvaluationKindEnum } from './enums.ts';
import { EvaluationRoundPhaseEnum } from './evaluation-round.ts';

const EvaluationScopeEnum = builder.enumType('EvaluationAggregateScope', {
  description: 'Which responses an aggregate counts.',
  values: {
    ORGANIZATION: { description: 'Made in the volunteering of one organisation (scopeId: Organization).' },
    PROJECT: {
      description:
        'Made within one partnership project (scopeId: Project): in its rounds or about its placements, by any partner.',
    },
    OPPORTUNITY: {
      description: 'About one placement, or in one of its rounds (scopeId: Opportunity).',
    },
    PARTNERSHIP: {
      description:
        'Every partner organisation of a project (scopeId: Project), wherever made, with the same figures per organisation in `byOrganization`: the shared model’s comparison.',
    },
  } as const,
});

const ValueCountRef = builder.objectRef<ValueCount>('EvaluationValueCount').implement({
  description: 'How many answers gave one value of a scale.',
  fields: (t) => ({
    value: t.exposeInt('value', { description: 'A value of the scale.' }),
    count: t.exposeInt('count', { description: 'Answers with it.' }),
  }),
});

const ChoiceCountRef = builder.objectRef<ChoiceCount>('EvaluationChoiceCount').implement({
  description: 'How many answers picked one choice (a multiple-choice answer counts once for each choice it picks).',
  fields: (t) => ({
    value: t.exposeString('value', { description: 'The choice’s value.' }),
    label: t.string({
      description: 'Its label in the language of the request.',
      resolve: (c, _, ctx) => localized(ctx.locale, c.labelSl, c.labelEn),
    }),
    count: t.exposeInt('count', { description: 'Answers that picked it.' }),
  }),
});

const SUPPRESSED = `Suppressed (null, empty) when fewer than ${MIN_GROUP} people are in the group: many volunteers are minors, and a small group identifies them.`;

const QuestionAggregateRef = builder.objectRef<QuestionAggregate>('EvaluationQuestionAggregate').implement({
  description:
    'Figures for one question: the same question (same type, prompts, scale and labels, competence, choices; position aside) in every version that asked it is counted together; a question changed between versions has one entry per version. Free-text questions are never aggregated.',
  fields: (t) => ({
    question: t.prismaField({
      type: 'EvaluationQuestion',
      description: 'The question as last asked (from the latest of `versions`).',
      resolve: (query, a, _, ctx) =>
        ctx.prisma.evaluationQuestion.findUniqueOrThrow({ ...query, where: { id: a.question.id } }),
    }),
    versions: t.exposeIntList('versions', { description: 'The template versions that asked exactly this question.' }),
    suppressed: t.exposeBoolean('suppressed', {
      description: `Fewer than ${MIN_GROUP} people answered it: no figures are given.`,
    }),
    respondents: t.exposeInt('respondents', {
      nullable: true,
      description: `People who answered it (for a mentor’s evaluation: volunteers evaluated). ${SUPPRESSED}`,
    }),
    answers: t.exposeInt('answers', {
      nullable: true,
      description: `Answers counted (one person may answer in several rounds). ${SUPPRESSED}`,
    }),
    mean: t.exposeFloat('mean', {
      nullable: true,
      description: `SCALE and COMPETENCE: the mean answer, to two decimals. ${SUPPRESSED}`,
    }),
    distribution: t.field({
      type: [ValueCountRef],
      description: `SCALE and COMPETENCE: answers per value, every value of the scale listed. ${SUPPRESSED}`,
      resolve: (a) => a.distribution,
    }),
    choices: t.field({
      type: [ChoiceCountRef],
      description: `SINGLE_CHOICE and MULTIPLE_CHOICE: answers per choice, every choice listed. ${SUPPRESSED}`,
      resolve: (a) => a.choices,
    }),
  }),
});

const OrganizationAggregateRef = builder
  .objectRef<GroupAggregate & { organizationId: string }>('EvaluationOrganizationAggregate')
  .implement({
    description: 'The figures of one partner organisation, for comparison across the partnership.',
    fields: (t) => ({
      organization: t.prismaField({
        type: 'Organization',
        description: 'The partner organisation.',
        resolve: (query, a, _, ctx) =>
          ctx.prisma.organization.findUniqueOrThrow({ ...query, where: { id: a.organizationId } }),
      }),
      suppressed: t.exposeBoolean('suppressed', {
        description: `Fewer than ${MIN_GROUP} people in this organisation’s group: no figures are given.`,
      }),
      respondents: t.exposeInt('respondents', { nullable: true, description: `People counted. ${SUPPRESSED}` }),
      responses: t.exposeInt('responses', { nullable: true, description: `Responses counted. ${SUPPRESSED}` }),
      questions: t.field({
        type: [QuestionAggregateRef],
        description: `Per question. ${SUPPRESSED}`,
        resolve: (a) => a.questions,
      }),
    }),
  });

const AggregateRef = builder.objectRef<Aggregate>('EvaluationAggregate').implement({
  description: `Figures over the responses to one template (all its versions) in a scope. Comparable across organisations because they answer the same template. ${SUPPRESSED} No free-text answers are included.`,
  fields: (t) => ({
    templateKey: t.exposeString('templateKey', { description: 'The template’s key.' }),
    kind: t.field({ type: EvaluationKindEnum, description: 'Who evaluates what.', resolve: (a) => a.kind }),
    versions: t.exposeIntList('versions', { description: 'Template versions with responses counted here.' }),
    suppressed: t.exposeBoolean('suppressed', {
      description: `Fewer than ${MIN_GROUP} people in the group: no figures are given.`,
    }),
    respondents: t.exposeInt('respondents', {
      nullable: true,
      description: `People counted: respondents, or for a mentor’s evaluation the volunteers evaluated (the people the figures are about). ${SUPPRESSED}`,
    }),
    responses: t.exposeInt('responses', { nullable: true, description: `Responses counted. ${SUPPRESSED}` }),
    questions: t.field({
      type: [QuestionAggregateRef],
      description: `Per question, in the order of the latest version. ${SUPPRESSED}`,
      resolve: (a) => a.questions,
    }),
    byOrganization: t.field({
      type: [OrganizationAggregateRef],
      description:
        'PARTNERSHIP: the same figures per partner organisation (each suppressed on its own); empty otherwise.',
      resolve: (a) => a.byOrganization,
    }),
  }),
});

/** Who may see figures of a scope (see the field's description); null for an unknown id. */
async function scopeAllowed(ctx: Context, scope: AggregateScope, scopeId: string): Promise<boolean> {
  switch (scope) {
    case 'ORGANIZATION':
      return ctx.access.hasOrganizationWide('evaluations:read', scopeId);
    case 'OPPORTUNITY': {
      const opportunity = await ctx.prisma.opportunity.findUnique({
        where: { id: scopeId },
        select: { organizationId: true },
      });
      return !!opportunity && ctx.access.hasOrganizationWide('evaluations:read', opportunity.organizationId);
    }
    default: {
      const partners = await ctx.prisma.projectPartner.findMany({
        where: { projectId: scopeId },
        select: { organizationId: true },
      });
      return partners.some((p) => ctx.access.isStaffOf(p.organizationId));
    }
  }
}

const SCOPE_TYPE: Record<AggregateScope, string> = {
  ORGANIZATION: 'Organization',
  OPPORTUNITY: 'Opportunity',
  PROJECT: 'Project',
  PARTNERSHIP: 'Project',
};

builder.queryField('evaluationAggregate', (t) =>
  t.field({
    type: AggregateRef,
    nullable: true,
    description: `Figures over the responses to one template key in a scope: people counted, per scale and competence question the mean and the distribution, per choice question the count of each choice; never free text. Filters: a round, a phase, submission days. ${SUPPRESSED} Who may: ORGANIZATION and OPPORTUNITY — staff with evaluations:read in the organisation (coordinators, admins; secret keys with that scope); PROJECT and PARTNERSHIP — staff (any staff role, or a secret key) of any partner organisation of the project. Null for anyone else, and for an unknown key or id.`,
    args: {
      templateKey: t.arg.string({ description: 'The template’s key (all its versions are counted).' }),
      scope: t.arg({ type: EvaluationScopeEnum, description: 'Which responses to count.' }),
      scopeId: t.arg.id({ description: 'Global id of the organisation, project or opportunity the scope names.' }),
      roundId: t.arg.id({ required: false, description: 'Only responses to this round.' }),
      phase: t.arg({
        type: EvaluationRoundPhaseEnum,
        required: false,
        description: 'Only responses in rounds of this phase.',
      }),
      from: t.arg({ type: 'Date', required: false, description: 'Only responses submitted on or after this day.' }),
      to: t.arg({ type: 'Date', required: false, description: 'Only responses submitted on or before this day.' }),
    },
    resolve: async (_, args, ctx) => {
      const scope = args.scope as AggregateScope;
      const scopeId = rowIdOf(args.scopeId, SCOPE_TYPE[scope]);
      if (!scopeId || !(await scopeAllowed(ctx, scope, scopeId))) return null;
      const roundId = args.roundId ? rowIdOf(args.roundId, 'EvaluationRound') : null;
      if (args.roundId && !roundId) return null;
      return evaluationAggregate(ctx.prisma, {
        templateKey: args.templateKey,
        scope,
        scopeId,
        roundId,
        phase: args.phase ?? null,
        from: args.from ?? null,
        to: args.to ?? null,
      });
    },
  }),
);

const GrowthPointRef = builder.objectRef<GrowthPoint>('CompetenceGrowthPoint').implement({
  description: 'A competence as evaluated in one round.',
  fields: (t) => ({
    roundId: t.id({
      description: 'Global id of the round.',
      resolve: (p) => encodeGlobalID('EvaluationRound', p.roundId),
    }),
    phase: t.field({ type: EvaluationRoundPhaseEnum, description: 'The round’s phase.', resolve: (p) => p.phase }),
    title: t.string({
      description: 'The round’s title in the language of the request.',
      resolve: (p, _, ctx) => localized(ctx.locale, p.titleSl, p.titleEn),
    }),
    opensOn: t.field({ type: 'Date', description: 'The round’s first day.', resolve: (p) => p.opensOn }),
    dueOn: t.field({ type: 'Date', description: 'The round’s due date.', resolve: (p) => p.dueOn }),
    value: t.exposeFloat('value', {
      description: 'The value given (the mean when several answers count, e.g. two mentors), to two decimals.',
    }),
    responses: t.exposeInt('responses', { description: 'Answers it is the mean of.' }),
  }),
});

const GrowthRef = builder.objectRef<CompetenceGrowth>('CompetenceGrowth').implement({
  description: 'One competence of a volunteer across rounds, from one source (self-evaluation or mentor’s evaluation).',
  fields: (t) => ({
    competence: t.prismaField({
      type: 'Competence',
      description: 'The competence.',
      resolve: (query, g, _, ctx) =>
        ctx.prisma.competence.findUniqueOrThrow({ ...query, where: { code: g.competenceCode } }),
    }),
    source: t.field({
      type: EvaluationKindEnum,
      description: 'VOLUNTEER_SELF (own view) or MENTOR_OF_VOLUNTEER (the mentors’ view).',
      resolve: (g) => g.source,
    }),
    points: t.field({
      type: [GrowthPointRef],
      description: 'Per round, in order: by opening day, then START, MIDDLE or PERIODIC, END.',
      resolve: (g) => g.points,
    }),
    change: t.exposeFloat('change', {
      nullable: true,
      description: 'The last value minus the first (positive: growth); null with fewer than two rounds.',
    }),
  }),
});

builder.queryField('competenceGrowth', (t) =>
  t.field({
    type: [GrowthRef],
    nullable: true,
    description:
      'A volunteer’s competence growth between evaluation rounds in an organisation (START vs MIDDLE vs END): per competence and source, the value in each round and the change. Only COMPETENCE answers in rounds count. Who may: the volunteer (leave volunteerId out), their mentor, staff with evaluations:read in the organisation (and secret keys with that scope). Null for anyone else.',
    args: {
      organizationId: t.arg.id({ description: 'Global id of the organisation.' }),
      volunteerId: t.arg.id({
        required: false,
        description: 'The volunteer’s Person id; left out: the signed-in person.',
      }),
      opportunityId: t.arg.id({ required: false, description: 'Only rounds of this opportunity.' }),
      source: t.arg({
        type: EvaluationKindEnum,
        required: false,
        description: 'Only VOLUNTEER_SELF or only MENTOR_OF_VOLUNTEER answers.',
      }),
    },
    resolve: async (_, args, ctx) => {
      const organizationId = rowIdOf(args.organizationId, 'Organization');
      const volunteerId = args.volunteerId ? rowIdOf(args.volunteerId, 'Person') : (ctx.viewer?.id ?? null);
      const opportunityId = args.opportunityId ? rowIdOf(args.opportunityId, 'Opportunity') : null;
      if (!organizationId || !volunteerId || (args.opportunityId && !opportunityId)) return null;
      const allowed =
        ctx.viewer?.id === volunteerId || (await ctx.access.can('evaluations:read', organizationId, volunteerId));
      if (!allowed) return null;
      const source = args.source ?? null;
      if (source && source !== EvaluationKind.VOLUNTEER_SELF && source !== EvaluationKind.MENTOR_OF_VOLUNTEER) {
        return [];
      }
      return competenceGrowth(ctx.prisma, { volunteerId, organizationId, opportunityId, source });
    },
  }),
);
