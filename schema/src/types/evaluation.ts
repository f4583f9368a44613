import type { Prisma } from '@tandem/db';
import { z } from 'zod';
import { type Answer, checkAnswers, normalizeAnswers } from '../answers.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { InputError, NotFoundError, RuleError } from '../errors.ts';
import { localized } from '../i18n.ts';
import { idOf, rowIdOf } from '../ids.ts';
import { volunteersWith } from '../volunteering.ts';
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
  // Unpublished templates are work in progress of their owners.
  authScopes: (tpl) => (tpl.publishedAt ? true : tpl.organizationId ? { staffOf: tpl.organizationId } : false),
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
    questions: t.relation('questions', { query: { orderBy: { position: 'asc' } } }),
  }),
});

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
      const visible =
        template &&
        (template.publishedAt || (template.organizationId && ctx.access.isStaffOf(template.organizationId)));
      return visible ? template : null;
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
    answers: t.expose('answers', { type: 'JSON', description: '[{ questionId, value }]' }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime' }),
  }),
});

const EvaluationAnswerInput = builder.inputType('EvaluationAnswerInput', {
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

/** Who may answer a template of each kind, and about what. */
async function resolveSubject(
  ctx: Context,
  kind: string,
  organizationId: string,
  subjectId: string | null | undefined,
): Promise<Pick<Prisma.EvaluationResponseUncheckedCreateInput, 'subjectUserId' | 'opportunityId'>> {
  const L = ctx.locale;
  const viewerId = ctx.viewer?.id ?? '';
  const subjectPath = ['input', 'subjectId'];
  switch (kind) {
    case 'VOLUNTEER_SELF':
      if (!(await volunteersWith(ctx.prisma, viewerId, organizationId))) throw new RuleError(L, 'NOT_A_VOLUNTEER');
      return { subjectUserId: viewerId, opportunityId: null };
    case 'MENTOR_OF_VOLUNTEER': {
      if (!subjectId) throw InputError.field(L, subjectPath, 'REQUIRED');
      const volunteerId = idOf(L, subjectId, 'Person', subjectPath);
      if (
        !(await ctx.access.can('evaluations:write', organizationId, volunteerId)) ||
        !(await volunteersWith(ctx.prisma, volunteerId, organizationId))
      ) {
        throw new NotFoundError(L, subjectPath);
      }
      return { subjectUserId: volunteerId, opportunityId: null };
    }
    case 'VOLUNTEER_OF_PLACEMENT': {
      if (!subjectId) throw InputError.field(L, subjectPath, 'REQUIRED');
      const opportunityId = idOf(L, subjectId, 'Opportunity', subjectPath);
      const application = await ctx.prisma.application.findFirst({
        where: { opportunityId, organizationId, volunteerId: viewerId, status: 'ACCEPTED' },
        select: { id: true },
      });
      if (!application) throw new NotFoundError(L, subjectPath);
      return { subjectUserId: null, opportunityId };
    }
    default:
      // ORGANIZATION_SELF: staff assess their own organisation.
      if (!ctx.access.isStaffOf(organizationId)) throw new NotFoundError(L, ['input', 'organizationId']);
      return { subjectUserId: null, opportunityId: null };
  }
}

builder.mutationField('submitEvaluation', (t) =>
  t.field({
    type: EvaluationPayload,
    description: 'Submits answers to an evaluation template. Safe to retry with the same idempotencyKey.',
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
      const template = await ctx.prisma.evaluationTemplate.findUnique({
        where: { id: templateId },
        include: { questions: { orderBy: { position: 'asc' } }, project: { include: { partners: true } } },
      });
      if (!template || !template.publishedAt) throw new NotFoundError(L, ['input', 'templateId']);
      if (template.retiredAt) throw new RuleError(L, 'TEMPLATE_NOT_OPEN');
      const usesTemplate =
        template.organizationId === organizationId ||
        !!template.project?.partners.some((p) => p.organizationId === organizationId);
      if (!usesTemplate) throw new NotFoundError(L, ['input', 'organizationId']);

      const subject = await resolveSubject(ctx, template.kind, organizationId, input.subjectId);
      const answers: Answer[] = input.answers.map((a) => ({ questionId: a.questionId, value: a.value }));
      const questions = template.questions.map((q) => ({ ...q, choices: choicesOf(q.options) }));
      const errors = checkAnswers(L, questions, answers, ['input', 'answers']);
      if (errors.length) throw new InputError(L, errors);

      const response = await ctx.prisma.evaluationResponse.create({
        data: {
          templateId,
          organizationId,
          respondentId,
          ...subject,
          answers: normalizeAnswers(answers) as unknown as Prisma.InputJsonValue,
          idempotencyKey: input.idempotencyKey,
        },
      });
      return { responseId: response.id };
    },
  }),
);
