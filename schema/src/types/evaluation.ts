import type { Prisma } from '@tandem/db';
import { z } from 'zod';
import { type Answer, checkAnswers, normalizeAnswers } from '../answers.ts';
import { builder } from '../builder.ts';
import { InputError, NotFoundError, RuleError } from '../errors.ts';
import { localized } from '../i18n.ts';
import { idOf, rowIdOf } from '../ids.ts';
import { answerableTemplate, requestFor, resolveSubject, subjectKeyOf } from '../evaluation/subject.ts';
import { startOfToday } from '../evaluation/dates.ts';
import { maySeeTemplate } from '../evaluation/templates.ts';
import { EvaluationKindEnum, EvaluationQuestionTypeEnum } from './enums.ts';
import { choicesOf } from './opportunity.ts';

export const CompetenceRef = builder.prismaObject('Competence', {
  description: 'A competence of a framework (the eight EU key competences for lifelong learning).',
  fields: (t) => ({
    code: t.exposeString('code'),
    framework: t.exposeString('framework'),
    name: t.string({
      description: 'Name in the language of the request.',
      resolve: (c, _, ctx) => localized(ctx.locale, c.nameSl, c.nameEn),
    }),
    description: t.string({
      description: 'What the competence covers.',
      nullable: true,
      resolve: (c, _, ctx) => (c.descriptionSl ? localized(ctx.locale, c.descriptionSl, c.descriptionEn) : null),
    }),
  }),
});

builder.queryField('competences', (t) =>
  t.prismaField({
    type: [CompetenceRef],
    description: 'The competence framework used by COMPETENCE questions.',
    resolve: (query, _, __, ctx) =>
      ctx.prisma.competence.findMany({ ...query, orderBy: [{ framework: 'asc' }, { position: 'asc' }] }),
  }),
);

const ChoiceLabelRef = builder
  .objectRef<{ value: string; labelSl: string; labelEn?: string | null }>('EvaluationChoice')
  .implement({
    description: 'A choice of a choice question.',
    fields: (t) => ({
      value: t.exposeString('value', { description: 'What answers send.' }),
      label: t.string({
        description: 'Label in the language of the request.',
        resolve: (c, _, ctx) => localized(ctx.locale, c.labelSl, c.labelEn),
      }),
    }),
  });

// Reached through EvaluationTemplate.questions.
builder.prismaObject('EvaluationQuestion', {
  description: 'A question of an evaluation template.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Send it back as `questionId` in answers.' }),
    position: t.exposeInt('position'),
    type: t.expose('type', { type: EvaluationQuestionTypeEnum }),
    prompt: t.string({
      description: 'The question in the language of the request.',
      resolve: (q, _, ctx) => localized(ctx.locale, q.promptSl, q.promptEn),
    }),
    required: t.exposeBoolean('required'),
    scaleMin: t.exposeInt('scaleMin', { nullable: true }),
    scaleMax: t.exposeInt('scaleMax', { nullable: true }),
    scaleMinLabel: t.string({
      description: 'What the lowest value means.',
      nullable: true,
      resolve: (q, _, ctx) => (q.scaleMinLabelSl ? localized(ctx.locale, q.scaleMinLabelSl, q.scaleMinLabelEn) : null),
    }),
    scaleMaxLabel: t.string({
      description: 'What the highest value means.',
      nullable: true,
      resolve: (q, _, ctx) => (q.scaleMaxLabelSl ? localized(ctx.locale, q.scaleMaxLabelSl, q.scaleMaxLabelEn) : null),
    }),
    choices: t.field({
      description: 'Choices of a choice question (empty otherwise).',
      type: [ChoiceLabelRef],
      resolve: (q) => choicesOf(q.options),
    }),
    competence: t.relation('competence', { nullable: true }),
  }),
});

export const EvaluationTemplateRef = builder.prismaNode('EvaluationTemplate', {
  description:
    'A questionnaire of the shared evaluation model: shared by a partnership (project) or owned by one organisation; versioned.',
  id: { field: 'id' },
  // Unpublished versions are work in progress: the owner's staff (a shared template: the project lead's) see them.
  authScopes: (tpl, ctx) => maySeeTemplate(ctx, tpl),
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Shared by all versions of one template.' }),
    version: t.exposeInt('version'),
    kind: t.expose('kind', { type: EvaluationKindEnum }),
    title: t.string({
      description: 'Title in the language of the request.',
      resolve: (x, _, ctx) => localized(ctx.locale, x.titleSl, x.titleEn),
    }),
    intro: t.string({
      description: 'Introduction shown before the questions.',
      nullable: true,
      resolve: (x, _, ctx) => (x.introSl ? localized(ctx.locale, x.introSl, x.introEn) : null),
    }),
    project: t.relation('project', { nullable: true }),
    organization: t.relation('organization', { nullable: true }),
    retired: t.boolean({ description: 'A newer version replaces this one.', resolve: (x) => !!x.retiredAt }),
    publishedAt: t.expose('publishedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When this version was published; null while it is a draft being edited.',
    }),
    retiredAt: t.expose('retiredAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When a newer version replaced this one; it can no longer be answered.',
    }),
    questions: t.relation('questions', { query: { orderBy: { position: 'asc' } } }),
  }),
});

builder.prismaObjectField(EvaluationTemplateRef, 'versions', (t) =>
  t.prismaField({
    type: [EvaluationTemplateRef],
    description:
      'Every version of this template (same key), oldest first: the published ones, and the unpublished one for those who may see it.',
    resolve: async (query, x, _, ctx) => {
      const versions = await ctx.prisma.evaluationTemplate.findMany({
        ...query,
        where: { key: x.key },
        orderBy: { version: 'asc' },
      });
      const visible = await Promise.all(versions.map((v) => maySeeTemplate(ctx, v)));
      return versions.filter((_, i) => visible[i]);
    },
  }),
);

builder.queryField('evaluationTemplate', (t) =>
  t.prismaField({
    type: EvaluationTemplateRef,
    nullable: true,
    description: 'An evaluation template by id.',
    args: { id: t.arg.id() },
    resolve: async (query, _, args, ctx) => {
      const id = rowIdOf(args.id, 'EvaluationTemplate');
      if (!id) return null;
      const template = await ctx.prisma.evaluationTemplate.findUnique({ ...query, where: { id } });
      return template && (await maySeeTemplate(ctx, template)) ? template : null;
    },
  }),
);

builder.queryField('evaluationTemplates', (t) =>
  t.prismaField({
    type: [EvaluationTemplateRef],
    description: 'Current (published, not retired) templates of a project or an organisation.',
    args: {
      project: t.arg.string({ required: false, description: 'Project slug.' }),
      organization: t.arg.string({
        required: false,
        description: 'Organisation slug: its own templates and those of its projects.',
      }),
      kind: t.arg({ type: EvaluationKindEnum, required: false }),
    },
    resolve: (query, _, args, ctx) =>
      ctx.prisma.evaluationTemplate.findMany({
        ...query,
        where: {
          publishedAt: { not: null },
          retiredAt: null,
          ...(args.kind ? { kind: args.kind } : {}),
          ...(args.project ? { project: { slug: args.project } } : {}),
          ...(args.organization
            ? {
                OR: [
                  { organization: { slug: args.organization } },
                  { project: { partners: { some: { organization: { slug: args.organization } } } } },
                ],
              }
            : {}),
        },
        orderBy: [{ kind: 'asc' }, { key: 'asc' }],
      }),
  }),
);

export const EvaluationResponseRef = builder.prismaNode('EvaluationResponse', {
  description: 'Answers to an evaluation template. Visible to the respondent and to staff of the organisation.',
  id: { field: 'id' },
  authScopes: (r) => ({
    $any: {
      self: r.respondentId ?? '',
      ...(r.subjectUserId
        ? {
            can: { permission: 'evaluations:read', organizationId: r.organizationId, volunteerId: r.subjectUserId },
          }
        : { can: { permission: 'evaluations:read', organizationId: r.organizationId } }),
    },
  }),
  fields: (t) => ({
    template: t.relation('template', { description: 'The exact version answered.' }),
    organization: t.relation('organization'),
    opportunity: t.relation('opportunity', { nullable: true }),
    round: t.relation('round', { nullable: true, description: 'The evaluation round answered, if any.' }),
    answers: t.expose('answers', { type: 'JSON', description: '[{ questionId, value }]' }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime' }),
  }),
});

export const EvaluationAnswerInput = builder.inputType('EvaluationAnswerInput', {
  description: 'An answer to one evaluation question.',
  fields: (t) => ({
    questionId: t.id({ description: 'The `id` of the question.' }),
    value: t.field({
      type: 'JSON',
      required: false,
      description: 'A number (scale, competence), a string, or a list of choice values.',
    }),
  }),
});

const SubmitEvaluationInput = builder.inputType('SubmitEvaluationInput', {
  description: 'Answers to an evaluation template.',
  fields: (t) => ({
    templateId: t.id({ description: 'Global id of a published, current template.' }),
    organizationId: t.id({ description: 'The organisation in whose volunteering the evaluation is made.' }),
    subjectId: t.id({
      required: false,
      description:
        "What is evaluated: a volunteer's Person id (mentor's evaluation), an Opportunity id (placement). Not needed for self-evaluations.",
    }),
    answers: t.field({ description: 'One answer per question answered.', type: [EvaluationAnswerInput] }),
    roundId: t.id({
      required: false,
      description:
        'The evaluation round answered (one of `Me.evaluationRequests`): the response fulfils that request. Without it the response belongs to no round.',
    }),
    idempotencyKey: t.string({
      validate: z.string().min(8).max(100),
      description: 'A retry with it returns the first response.',
    }),
  }),
});

const EvaluationPayload = builder.objectRef<{ responseId: string }>('EvaluationPayload').implement({
  description: 'The evaluation after submitting.',
  fields: (t) => ({
    response: t.prismaField({
      description: 'The stored response.',
      type: EvaluationResponseRef,
      resolve: (query, p, _, ctx) =>
        ctx.prisma.evaluationResponse.findUniqueOrThrow({ ...query, where: { id: p.responseId } }),
    }),
  }),
});

builder.mutationField('submitEvaluation', (t) =>
  t.field({
    type: EvaluationPayload,
    description:
      "Submits answers to an evaluation template. Who may: VOLUNTEER_SELF a volunteer of the organisation; MENTOR_OF_VOLUNTEER the volunteer's mentor or staff with evaluations:write; VOLUNTEER_OF_PLACEMENT a volunteer accepted on the opportunity; ORGANIZATION_SELF the organisation's staff. With `roundId` it fulfils the caller's request in that round. Deletes the caller's matching draft. Safe to retry with the same idempotencyKey.",
    authScopes: { signedIn: true },
    errors: { types: [InputError, NotFoundError, RuleError] },
    args: { input: t.arg({ type: SubmitEvaluationInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const respondentId = ctx.viewer?.id ?? '';
      const previous = await ctx.prisma.evaluationResponse.findUnique({
        where: { respondentId_idempotencyKey: { respondentId, idempotencyKey: input.idempotencyKey } },
      });
      if (previous) return { responseId: previous.id };

      const templateId = idOf(L, input.templateId, 'EvaluationTemplate', ['input', 'templateId']);
      const organizationId = idOf(L, input.organizationId, 'Organization', ['input', 'organizationId']);
      const template = await answerableTemplate(ctx, templateId, organizationId);
      const subject = await resolveSubject(ctx, template.kind, organizationId, input.subjectId);
      const subjectKey = subjectKeyOf(subject);
      const roundId = input.roundId ? idOf(L, input.roundId, 'EvaluationRound', ['input', 'roundId']) : null;
      const request = roundId
        ? await requestFor(ctx, roundId, { templateId, organizationId, respondentId, subjectKey })
        : null;
      if (request) {
        if (request.responseId) throw new RuleError(L, 'REQUEST_ALREADY_ANSWERED');
        if (request.round.opensOn > startOfToday()) throw new RuleError(L, 'ROUND_NOT_OPEN');
      }

      const answers: Answer[] = input.answers.map((a) => ({ questionId: a.questionId, value: a.value }));
      const questions = template.questions.map((q) => ({ ...q, choices: choicesOf(q.options) }));
      const errors = checkAnswers(L, questions, answers, ['input', 'answers']);
      if (errors.length) throw new InputError(L, errors);

      const response = await ctx.prisma.$transaction(async (tx) => {
        const created = await tx.evaluationResponse.create({
          data: {
            templateId,
            organizationId,
            respondentId,
            ...subject,
            roundId,
            answers: normalizeAnswers(answers) as unknown as Prisma.InputJsonValue,
            idempotencyKey: input.idempotencyKey,
          },
        });
        if (request) {
          // Only an open request is fulfilled: two submissions racing for it cannot both win.
          const { count } = await tx.evaluationRequest.updateMany({
            where: { id: request.id, responseId: null },
            data: { responseId: created.id },
          });
          if (!count) throw new RuleError(L, 'REQUEST_ALREADY_ANSWERED');
        }
        await tx.evaluationDraft.deleteMany({
          where: { respondentId, templateId, organizationId, subjectKey },
        });
        return created;
      });
      return { responseId: response.id };
    },
  }),
);
