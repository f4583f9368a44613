import { EvaluationRoundPhase, type Prisma } from '@tandem/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { audit } from '../audit.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { ConflictError, InputError, NotFoundError, RuleError } from '../errors.ts';
import { localized } from '../i18n.ts';
import { idOf, rowIdOf } from '../ids.ts';
import { startOfToday } from '../evaluation/dates.ts';
import { sendRoundReminders } from '../evaluation/reminders.ts';
import {
  checkRoundShape,
  derivedRequests,
  listedRequests,
  noRespondents,
  type RoundScope,
} from '../evaluation/rounds.ts';
import { usesTemplate } from '../evaluation/subject.ts';
import { EvaluationDraftRef } from './evaluation-draft.ts';
import { EvaluationResponseRef, EvaluationTemplateRef } from './evaluation.ts';
import { OpportunityRef } from './opportunity.ts';
import { MeRef, PersonRef } from './person.ts';

export const EvaluationRoundPhaseEnum = builder.enumType(EvaluationRoundPhase, {
  name: 'EvaluationRoundPhase',
  description:
    'When in a placement a round is held: START, MIDDLE, END, or PERIODIC (at a fixed interval, not tied to one placement).',
});

/** Staff who see a round's requests and answers: evaluations:read over the whole organisation. */
const readsRounds = (ctx: Context, organizationId: string) =>
  ctx.access.hasOrganizationWide('evaluations:read', organizationId);

export const EvaluationRoundRef = builder.prismaNode('EvaluationRound', {
  description:
    'A round of evaluation: which template version, who must answer about whom, and by when. Visible to the people asked to answer it and to staff with evaluations:read in its organisation (coordinators, admins, secret keys with that scope).',
  id: { field: 'id' },
  authScopes: async (round, ctx) =>
    readsRounds(ctx, round.organizationId) ||
    (!!ctx.viewer &&
      !!(await ctx.prisma.evaluationRequest.findFirst({
        where: { roundId: round.id, respondentId: ctx.viewer.id },
        select: { id: true },
      }))),
  fields: (t) => ({
    organization: t.relation('organization', { description: 'The organisation running the round.' }),
    project: t.relation('project', { nullable: true, description: 'The partnership project it belongs to, if any.' }),
    opportunity: t.relation('opportunity', { nullable: true, description: 'The placement it belongs to, if any.' }),
    template: t.relation('template', {
      type: EvaluationTemplateRef,
      description: 'The exact template version answered.',
    }),
    phase: t.expose('phase', { type: EvaluationRoundPhaseEnum, description: 'When in a placement it is held.' }),
    title: t.string({
      description: 'Title in the language of the request.',
      resolve: (r, _, ctx) => localized(ctx.locale, r.titleSl, r.titleEn),
    }),
    opensOn: t.expose('opensOn', { type: 'Date', description: 'First day answers are accepted.' }),
    dueOn: t.expose('dueOn', {
      type: 'Date',
      description: 'Answers are due by the end of this day (later ones are still accepted).',
    }),
    reminderDaysBefore: t.exposeIntList('reminderDaysBefore', {
      description: 'Reminders go to those who have not answered this many days before dueOn, and on dueOn.',
    }),
    requestCount: t.int({
      description: 'How many answers the round asks for.',
      resolve: (r, _, ctx) => ctx.prisma.evaluationRequest.count({ where: { roundId: r.id } }),
    }),
    answeredCount: t.int({
      description: 'How many of them have been answered.',
      resolve: (r, _, ctx) =>
        ctx.prisma.evaluationRequest.count({ where: { roundId: r.id, responseId: { not: null } } }),
    }),
    requests: t.relation('requests', {
      description:
        'Who must answer, about whom, and whether they have. Staff with evaluations:read in the organisation only (others get FORBIDDEN).',
      authScopes: (r) => ({ can: { permission: 'evaluations:read', organizationId: r.organizationId } }),
      query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the round was created.' }),
  }),
});

export const EvaluationRequestRef = builder.prismaNode('EvaluationRequest', {
  description:
    'One person asked to answer a round, about a volunteer, a placement or the organisation. Visible to that person and to staff with evaluations:read in the round’s organisation.',
  id: { field: 'id' },
  include: { round: { include: { template: { select: { kind: true } } } } },
  authScopes: (r, ctx) => ctx.viewer?.id === r.respondentId || readsRounds(ctx, r.round.organizationId),
  fields: (t) => ({
    round: t.relation('round', { description: 'The round.' }),
    template: t.prismaField({
      type: EvaluationTemplateRef,
      description: 'The template version to answer (the round’s).',
      resolve: (query, r, _, ctx) =>
        ctx.prisma.evaluationTemplate.findUniqueOrThrow({ ...query, where: { id: r.round.templateId } }),
    }),
    organization: t.prismaField({
      type: 'Organization',
      description: 'The organisation to pass to submitEvaluation.',
      resolve: (query, r, _, ctx) =>
        ctx.prisma.organization.findUniqueOrThrow({ ...query, where: { id: r.round.organizationId } }),
    }),
    respondent: t.relation('respondent', { type: PersonRef, description: 'Who must answer.' }),
    subject: t.relation('subjectUser', {
      type: PersonRef,
      nullable: true,
      description: 'The volunteer evaluated (the respondent themselves for a self-evaluation); null otherwise.',
    }),
    opportunity: t.field({
      type: OpportunityRef,
      nullable: true,
      description: 'The placement evaluated, for an evaluation of the placement.',
      resolve: (r, _, ctx) =>
        r.round.template.kind === 'VOLUNTEER_OF_PLACEMENT'
          ? ctx.prisma.opportunity.findUnique({ where: { id: r.subjectKey } })
          : null,
    }),
    subjectId: t.id({
      nullable: true,
      description:
        'What to pass as `subjectId` to submitEvaluation and saveEvaluationDraft: a Person id (mentor’s evaluation) or an Opportunity id (placement); null for self-evaluations and organisation self-assessments.',
      resolve: (r) =>
        r.round.template.kind === 'MENTOR_OF_VOLUNTEER' && r.subjectUserId
          ? encodeGlobalID('Person', r.subjectUserId)
          : r.round.template.kind === 'VOLUNTEER_OF_PLACEMENT'
            ? encodeGlobalID('Opportunity', r.subjectKey)
            : null,
    }),
    opensOn: t.field({ type: 'Date', description: 'The round’s first day.', resolve: (r) => r.round.opensOn }),
    dueOn: t.field({ type: 'Date', description: 'Due by the end of this day.', resolve: (r) => r.round.dueOn }),
    answered: t.boolean({ description: 'A response fulfils the request.', resolve: (r) => !!r.responseId }),
    response: t.relation('response', {
      type: EvaluationResponseRef,
      nullable: true,
      description: 'The response that fulfilled it.',
    }),
    draft: t.prismaField({
      type: EvaluationDraftRef,
      nullable: true,
      description: 'The signed-in respondent’s saved draft for it, if any (null for anyone else).',
      resolve: (query, r, _, ctx) =>
        ctx.viewer?.id === r.respondentId
          ? ctx.prisma.evaluationDraft.findUnique({
              ...query,
              where: {
                respondentId_templateId_organizationId_subjectKey: {
                  respondentId: r.respondentId,
                  templateId: r.round.templateId,
                  organizationId: r.round.organizationId,
                  subjectKey: r.subjectKey,
                },
              },
            })
          : null,
    }),
    remindersSent: t.exposeInt('remindersSent', { description: 'Reminders sent so far.' }),
    lastRemindedAt: t.expose('lastRemindedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the last reminder went out.',
    }),
  }),
});

builder.prismaObjectField(MeRef, 'evaluationRequests', (t) =>
  t.prismaField({
    type: [EvaluationRequestRef],
    description:
      'The evaluations the signed-in person is asked to answer in rounds that have opened (overdue ones too: late answers are accepted), soonest due first; answered ones only with includeAnswered.',
    args: {
      includeAnswered: t.arg.boolean({ required: false, description: 'Also list answered requests.' }),
    },
    resolve: (query, me, args, ctx) =>
      ctx.prisma.evaluationRequest.findMany({
        ...query,
        where: args.includeAnswered
          ? { respondentId: me.id, round: { opensOn: { lte: startOfToday() } } }
          : // A round left on a retired version cannot be answered any more: not listed as open.
            {
              respondentId: me.id,
              responseId: null,
              round: { opensOn: { lte: startOfToday() }, template: { retiredAt: null } },
            },
        orderBy: [{ round: { dueOn: 'asc' } }, { createdAt: 'asc' }, { id: 'asc' }],
      }),
  }),
);

builder.queryField('evaluationRounds', (t) =>
  t.prismaField({
    type: [EvaluationRoundRef],
    description:
      'An organisation’s evaluation rounds, latest due first. Staff with evaluations:read in the organisation; an empty list for anyone else.',
    args: {
      organizationId: t.arg.id({ description: 'Global id of the organisation.' }),
      phase: t.arg({ type: EvaluationRoundPhaseEnum, required: false, description: 'Only rounds of this phase.' }),
      projectId: t.arg.id({ required: false, description: 'Only rounds of this project.' }),
      opportunityId: t.arg.id({ required: false, description: 'Only rounds of this opportunity.' }),
    },
    resolve: (query, _, args, ctx) => {
      const organizationId = rowIdOf(args.organizationId, 'Organization');
      if (!organizationId || !readsRounds(ctx, organizationId)) return [];
      const projectId = args.projectId ? rowIdOf(args.projectId, 'Project') : undefined;
      const opportunityId = args.opportunityId ? rowIdOf(args.opportunityId, 'Opportunity') : undefined;
      if (projectId === null || opportunityId === null) return [];
      return ctx.prisma.evaluationRound.findMany({
        ...query,
        where: {
          organizationId,
          ...(args.phase ? { phase: args.phase } : {}),
          ...(projectId ? { projectId } : {}),
          ...(opportunityId ? { opportunityId } : {}),
        },
        orderBy: [{ dueOn: 'desc' }, { id: 'asc' }],
      });
    },
  }),
);

const EvaluationRespondentInput = builder.inputType('EvaluationRespondentInput', {
  description: 'One person who must answer a round, about a subject.',
  fields: (t) => ({
    personId: t.id({ description: 'Person id of who must answer.' }),
    subjectId: t.id({
      required: false,
      description: 'For a mentor’s evaluation: the Person id of the volunteer evaluated. Not used otherwise.',
    }),
  }),
});

const CreateEvaluationRoundInput = builder.inputType('CreateEvaluationRoundInput', {
  description: 'A new round of evaluation.',
  fields: (t) => ({
    organizationId: t.id({ description: 'The organisation running the round.' }),
    templateId: t.id({
      description: 'A published, current template version the organisation owns or shares through a project.',
    }),
    phase: t.field({ type: EvaluationRoundPhaseEnum, description: 'When in a placement it is held.' }),
    titleSl: t.string({ description: 'Title in Slovenian.', validate: z.string().trim().min(2).max(200) }),
    titleEn: t.string({ description: 'Title in English.', validate: z.string().trim().min(2).max(200) }),
    projectId: t.id({
      required: false,
      description: 'A project the organisation is a partner of (taken from the opportunity when left out).',
    }),
    opportunityId: t.id({
      required: false,
      description: 'One of the organisation’s opportunities (required for an evaluation of the placement).',
    }),
    opensOn: t.field({ type: 'Date', description: 'First day answers are accepted.' }),
    dueOn: t.field({ type: 'Date', description: 'Due date (not before opensOn).' }),
    reminderDaysBefore: t.intList({
      required: false,
      description: 'Days before dueOn to remind those who have not answered (and on dueOn); default [7, 1].',
      validate: z.array(z.number().int().min(1).max(60)).max(10),
    }),
    respondents: t.field({
      type: [EvaluationRespondentInput],
      required: false,
      description:
        'Who must answer. Left out: derived from the round — VOLUNTEER_SELF: the volunteers accepted on the opportunity (project: on the organisation’s opportunities in it; neither: with an active agreement); VOLUNTEER_OF_PLACEMENT: the volunteers accepted on the opportunity; MENTOR_OF_VOLUNTEER: those volunteers’ mentors (assignments overlapping the round, the opportunity’s mentor); ORGANIZATION_SELF: the coordinators (the admins when there are none, else the mentors).',
      validate: z.array(z.any()).max(2000),
    }),
    idempotencyKey: t.string({
      description: 'Unique per round (e.g. a UUID made by the client); a retry with it returns the first round.',
      validate: z.string().min(8).max(100),
    }),
  }),
});

const EvaluationRoundPayload = builder.objectRef<{ roundId: string }>('EvaluationRoundPayload').implement({
  description: 'The round after the change.',
  fields: (t) => ({
    round: t.prismaField({
      type: EvaluationRoundRef,
      description: 'The round.',
      resolve: (query, p, _, ctx) =>
        ctx.prisma.evaluationRound.findUniqueOrThrow({ ...query, where: { id: p.roundId } }),
    }),
  }),
});

builder.mutationField('createEvaluationRound', (t) =>
  t.field({
    type: EvaluationRoundPayload,
    description:
      'Starts a round of evaluation and asks each respondent (listed, or derived from the round; see `respondents`) to answer it. Coordinators and admins of the organisation (evaluations:manage). Safe to retry with the same idempotencyKey; the key used by someone else or for another organisation gives IDEMPOTENCY_CONFLICT.',
    authScopes: { signedIn: true },
    errors: { types: [InputError, NotFoundError, RuleError, ConflictError] },
    args: { input: t.arg({ type: CreateEvaluationRoundInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const organizationId = idOf(L, input.organizationId, 'Organization', ['input', 'organizationId']);
      if (!(await ctx.access.can('evaluations:manage', organizationId))) {
        throw new NotFoundError(L, ['input', 'organizationId']);
      }
      const previous = await ctx.prisma.evaluationRound.findUnique({
        where: { idempotencyKey: input.idempotencyKey },
      });
      if (previous) {
        if (previous.createdById !== ctx.viewer!.id || previous.organizationId !== organizationId) {
          throw new ConflictError(L, 'IDEMPOTENCY_CONFLICT');
        }
        return { roundId: previous.id };
      }

      const templateId = idOf(L, input.templateId, 'EvaluationTemplate', ['input', 'templateId']);
      const template = await ctx.prisma.evaluationTemplate.findUnique({
        where: { id: templateId },
        include: { project: { include: { partners: true } } },
      });
      if (!template || !usesTemplate(template, organizationId)) throw new NotFoundError(L, ['input', 'templateId']);
      if (!template.publishedAt) throw new RuleError(L, 'TEMPLATE_NOT_PUBLISHED');
      if (template.retiredAt) throw new RuleError(L, 'TEMPLATE_NOT_OPEN');

      let opportunityProjectId: string | null = null;
      const opportunityId = input.opportunityId
        ? idOf(L, input.opportunityId, 'Opportunity', ['input', 'opportunityId'])
        : null;
      if (opportunityId) {
        const opportunity = await ctx.prisma.opportunity.findUnique({
          where: { id: opportunityId },
          select: { organizationId: true, projectId: true },
        });
        if (opportunity?.organizationId !== organizationId) throw new NotFoundError(L, ['input', 'opportunityId']);
        opportunityProjectId = opportunity.projectId;
      }
      const projectId = input.projectId
        ? idOf(L, input.projectId, 'Project', ['input', 'projectId'])
        : opportunityProjectId;
      if (projectId) {
        const partner = await ctx.prisma.projectPartner.findFirst({
          where: { projectId, organizationId },
          select: { projectId: true },
        });
        if (!partner) throw new NotFoundError(L, ['input', 'projectId']);
      }

      const scope: RoundScope = {
        organizationId,
        projectId,
        opportunityId,
        opensOn: input.opensOn,
        dueOn: input.dueOn,
      };
      checkRoundShape(L, template.kind, scope);
      const planned = input.respondents
        ? await listedRequests(ctx.prisma, L, template.kind, scope, input.respondents)
        : await derivedRequests(ctx.prisma, template.kind, scope);
      if (!planned.length) throw noRespondents(L);

      const reminderDaysBefore = [...new Set(input.reminderDaysBefore ?? [7, 1])].sort((a, b) => b - a);
      const round = await ctx.prisma.$transaction(async (tx) => {
        const created = await tx.evaluationRound.create({
          data: {
            organizationId,
            projectId,
            opportunityId,
            templateId,
            phase: input.phase,
            titleSl: input.titleSl.trim(),
            titleEn: input.titleEn.trim(),
            opensOn: input.opensOn,
            dueOn: input.dueOn,
            reminderDaysBefore,
            createdById: ctx.viewer!.id,
            idempotencyKey: input.idempotencyKey,
          },
        });
        await tx.evaluationRequest.createMany({
          data: planned.map((p) => ({ ...p, roundId: created.id }) satisfies Prisma.EvaluationRequestCreateManyInput),
        });
        await audit(
          ctx,
          {
            action: 'evaluationRound.create',
            organizationId,
            subjectType: 'EvaluationRound',
            subjectId: created.id,
            details: { templateId, phase: input.phase, dueOn: input.dueOn, requests: planned.length },
          },
          tx,
        );
        return created;
      });
      return { roundId: round.id };
    },
  }),
);

const SendEvaluationRemindersInput = builder.inputType('SendEvaluationRemindersInput', {
  description: 'The round whose missing answers to remind about.',
  fields: (t) => ({ roundId: t.id({ description: 'Global id of the round.' }) }),
});

const SendEvaluationRemindersPayload = builder
  .objectRef<{ roundId: string; requests: number; messages: number }>('SendEvaluationRemindersPayload')
  .implement({
    description: 'What was sent.',
    fields: (t) => ({
      round: t.prismaField({
        type: EvaluationRoundRef,
        description: 'The round.',
        resolve: (query, p, _, ctx) =>
          ctx.prisma.evaluationRound.findUniqueOrThrow({ ...query, where: { id: p.roundId } }),
      }),
      remindedRequests: t.int({
        description: 'Requests reminded now (those reminded earlier today are left out).',
        resolve: (p) => p.requests,
      }),
      messagesSent: t.int({ description: 'E-mails sent (one per person).', resolve: (p) => p.messages }),
    }),
  });

builder.mutationField('sendEvaluationReminders', (t) =>
  t.field({
    type: SendEvaluationRemindersPayload,
    description:
      'Reminds everyone who has not answered the round yet, now, by e-mail in their language — except those already reminded today, so a retry sends nothing twice. Coordinators and admins of the round’s organisation (evaluations:manage); the round must have opened (ROUND_NOT_OPEN) and its version not be retired (TEMPLATE_NOT_OPEN).',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, RuleError] },
    args: { input: t.arg({ type: SendEvaluationRemindersInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const roundId = idOf(L, input.roundId, 'EvaluationRound', ['input', 'roundId']);
      const round = await ctx.prisma.evaluationRound.findUnique({
        where: { id: roundId },
        include: { template: { select: { retiredAt: true } } },
      });
      if (!round || !(await ctx.access.can('evaluations:manage', round.organizationId))) {
        throw new NotFoundError(L, ['input', 'roundId']);
      }
      if (round.opensOn > startOfToday()) throw new RuleError(L, 'ROUND_NOT_OPEN');
      if (round.template.retiredAt) throw new RuleError(L, 'TEMPLATE_NOT_OPEN');
      const result = await sendRoundReminders(ctx.prisma, ctx.mailer, round.id);
      return { roundId: round.id, ...result };
    },
  }),
);
