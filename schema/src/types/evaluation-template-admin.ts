// Creating, editing, publishing and versioning evaluation templates.
import type { Prisma } from '@tandem/db';
import { z } from 'zod';
import { audit } from '../audit.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { ConflictError, InputError, NotFoundError, RuleError } from '../errors.ts';
import { idOf } from '../ids.ts';
import { startOfToday } from '../evaluation/dates.ts';
import { copyOfQuestion, mayManageTemplate, questionRows } from '../evaluation/templates.ts';
import { EvaluationKindEnum, EvaluationQuestionTypeEnum } from './enums.ts';
import { EvaluationTemplateRef } from './evaluation.ts';

const title = z.string().trim().min(2).max(200);
const intro = z.string().trim().max(4000);
const prompt = z.string().trim().min(2).max(1000);
const label = z.string().trim().min(1).max(200);

const EvaluationChoiceInput = builder.inputType('EvaluationChoiceInput', {
  description: 'A choice of a choice question.',
  fields: (t) => ({
    value: t.string({
      description: 'What answers send (stable; aggregates count by it).',
      validate: z.string().trim().min(1).max(60),
    }),
    labelSl: t.string({ description: 'Label in Slovenian.', validate: label }),
    labelEn: t.string({ required: false, description: 'Label in English (Slovenian when left out).', validate: label }),
  }),
});

const EvaluationQuestionInput = builder.inputType('EvaluationQuestionInput', {
  description:
    'A question of a template. SCALE and COMPETENCE take scaleMin/scaleMax (1–5 when left out) and end labels; COMPETENCE also a competenceCode (see `competences`); SINGLE_CHOICE and MULTIPLE_CHOICE two or more choices; TEXT nothing more. Fields a type does not use are ignored.',
  fields: (t) => ({
    type: t.field({ type: EvaluationQuestionTypeEnum, description: 'How the question is answered.' }),
    promptSl: t.string({ description: 'The question in Slovenian.', validate: prompt }),
    promptEn: t.string({ description: 'The question in English.', validate: prompt }),
    required: t.boolean({ required: false, description: 'Must be answered (default true).' }),
    scaleMin: t.int({
      required: false,
      description: 'Lowest value of a scale.',
      validate: z.number().int().min(0).max(10),
    }),
    scaleMax: t.int({
      required: false,
      description: 'Highest value of a scale.',
      validate: z.number().int().min(1).max(10),
    }),
    scaleMinLabelSl: t.string({
      required: false,
      description: 'What the lowest value means, in Slovenian.',
      validate: label,
    }),
    scaleMinLabelEn: t.string({
      required: false,
      description: 'What the lowest value means, in English.',
      validate: label,
    }),
    scaleMaxLabelSl: t.string({
      required: false,
      description: 'What the highest value means, in Slovenian.',
      validate: label,
    }),
    scaleMaxLabelEn: t.string({
      required: false,
      description: 'What the highest value means, in English.',
      validate: label,
    }),
    choices: t.field({
      type: [EvaluationChoiceInput],
      required: false,
      description: 'Choices of a choice question, in order.',
      validate: z.array(z.any()).max(30),
    }),
    competenceCode: t.string({ required: false, description: 'The competence a COMPETENCE question assesses.' }),
  }),
});

const EvaluationTemplatePayload = builder.objectRef<{ templateId: string }>('EvaluationTemplatePayload').implement({
  description: 'The template version after the change.',
  fields: (t) => ({
    template: t.prismaField({
      type: EvaluationTemplateRef,
      description: 'The template version.',
      resolve: (query, p, _, ctx) =>
        ctx.prisma.evaluationTemplate.findUniqueOrThrow({ ...query, where: { id: p.templateId } }),
    }),
  }),
});

/** A template version the caller manages, or NotFoundError (never saying whether it exists). */
async function managedTemplate(ctx: Context, globalId: string, path: string[]) {
  const id = idOf(ctx.locale, globalId, 'EvaluationTemplate', path);
  const template = await ctx.prisma.evaluationTemplate.findUnique({
    where: { id },
    include: { questions: { orderBy: { position: 'asc' } } },
  });
  if (!template || !(await mayManageTemplate(ctx, template))) throw new NotFoundError(ctx.locale, path);
  return template;
}

const auditTemplate = (
  ctx: Context,
  action: string,
  template: { id: string; key: string; version: number; organizationId: string | null },
  tx?: Prisma.TransactionClient,
) =>
  audit(
    ctx,
    {
      action,
      organizationId: template.organizationId,
      subjectType: 'EvaluationTemplate',
      subjectId: template.id,
      details: { key: template.key, version: template.version },
    },
    tx,
  );

const CreateEvaluationTemplateInput = builder.inputType('CreateEvaluationTemplateInput', {
  description:
    'A new template, as an unpublished draft (version 1): owned by one organisation (organizationId) or shared by a partnership (projectId) — exactly one of them.',
  fields: (t) => ({
    key: t.string({
      description:
        'Stable name shared by all versions, e.g. "maribor-volunteer-self": lower-case letters, digits and dashes. A retry with the same key by the same person returns the template.',
      validate: z.string().regex(/^[a-z0-9][a-z0-9-]{2,79}$/),
    }),
    kind: t.field({ type: EvaluationKindEnum, description: 'Who evaluates what.' }),
    organizationId: t.id({ required: false, description: 'The owning organisation.' }),
    projectId: t.id({ required: false, description: 'The partnership project that shares it.' }),
    titleSl: t.string({ description: 'Title in Slovenian.', validate: title }),
    titleEn: t.string({ description: 'Title in English.', validate: title }),
    introSl: t.string({ required: false, description: 'Introduction in Slovenian.', validate: intro }),
    introEn: t.string({ required: false, description: 'Introduction in English.', validate: intro }),
    questions: t.field({
      type: [EvaluationQuestionInput],
      description: 'The questions, in order.',
      validate: z.array(z.any()).max(100),
    }),
  }),
});

builder.mutationField('createEvaluationTemplate', (t) =>
  t.field({
    type: EvaluationTemplatePayload,
    description:
      'Creates a template as an unpublished draft (version 1). An organisation’s own: its admins and coordinators (evaluations:manage). A partnership’s shared one: admins and coordinators of the project’s lead organisation. A retry with the same key returns the first template; a key already used by someone else gives TEMPLATE_KEY_TAKEN.',
    authScopes: { signedIn: true },
    errors: { types: [InputError, NotFoundError, ConflictError] },
    args: { input: t.arg({ type: CreateEvaluationTemplateInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      if (!!input.organizationId === !!input.projectId) {
        throw InputError.field(L, ['input', 'organizationId'], 'REQUIRED');
      }
      const organizationId = input.organizationId
        ? idOf(L, input.organizationId, 'Organization', ['input', 'organizationId'])
        : null;
      const projectId = input.projectId ? idOf(L, input.projectId, 'Project', ['input', 'projectId']) : null;
      const owner = { organizationId, projectId };
      if (!(await mayManageTemplate(ctx, owner))) {
        throw new NotFoundError(L, ['input', organizationId ? 'organizationId' : 'projectId']);
      }
      const existing = await ctx.prisma.evaluationTemplate.findFirst({
        where: { key: input.key },
        orderBy: { version: 'asc' },
      });
      if (existing) {
        const retry =
          existing.createdById === ctx.viewer!.id &&
          existing.organizationId === organizationId &&
          existing.projectId === projectId;
        if (!retry) throw new ConflictError(L, 'TEMPLATE_KEY_TAKEN');
        return { templateId: existing.id };
      }
      const questions = await questionRows(ctx.prisma, L, input.questions);
      try {
        const template = await ctx.prisma.$transaction(async (tx) => {
          const created = await tx.evaluationTemplate.create({
            data: {
              key: input.key,
              version: 1,
              kind: input.kind,
              ...owner,
              titleSl: input.titleSl.trim(),
              titleEn: input.titleEn.trim(),
              introSl: input.introSl?.trim() || null,
              introEn: input.introEn?.trim() || null,
              createdById: ctx.viewer!.id,
              questions: { createMany: { data: questions } },
            },
          });
          await auditTemplate(ctx, 'evaluationTemplate.create', created, tx);
          return created;
        });
        return { templateId: template.id };
      } catch (error) {
        // Two requests with one key at once: the loser answers as a retry would.
        if ((error as { code?: string }).code !== 'P2002') throw error;
        throw new ConflictError(L, 'TEMPLATE_KEY_TAKEN');
      }
    },
  }),
);

const UpdateEvaluationTemplateInput = builder.inputType('UpdateEvaluationTemplateInput', {
  description:
    'Changes to an unpublished template version. Left out: unchanged; questions, when given, replace all of them.',
  fields: (t) => ({
    id: t.id({ description: 'Global id of the unpublished version.' }),
    titleSl: t.string({ required: false, description: 'Title in Slovenian.', validate: title }),
    titleEn: t.string({ required: false, description: 'Title in English.', validate: title }),
    introSl: t.string({ required: false, description: 'Introduction in Slovenian (null clears it).', validate: intro }),
    introEn: t.string({ required: false, description: 'Introduction in English (null clears it).', validate: intro }),
    questions: t.field({
      type: [EvaluationQuestionInput],
      required: false,
      description: 'All the questions, in order.',
      validate: z.array(z.any()).max(100),
    }),
  }),
});

builder.mutationField('updateEvaluationTemplate', (t) =>
  t.field({
    type: EvaluationTemplatePayload,
    description:
      'Edits an unpublished template version (published ones cannot change: TEMPLATE_PUBLISHED; start a new version). Those who may create it. Safe to retry: it sets, it does not add.',
    authScopes: { signedIn: true },
    errors: { types: [InputError, NotFoundError, RuleError] },
    args: { input: t.arg({ type: UpdateEvaluationTemplateInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const template = await managedTemplate(ctx, input.id, ['input', 'id']);
      if (template.publishedAt) throw new RuleError(L, 'TEMPLATE_PUBLISHED');
      const questions = input.questions ? await questionRows(ctx.prisma, L, input.questions) : null;
      await ctx.prisma.$transaction(async (tx) => {
        await tx.evaluationTemplate.update({
          where: { id: template.id },
          data: {
            ...(input.titleSl ? { titleSl: input.titleSl.trim() } : {}),
            ...(input.titleEn ? { titleEn: input.titleEn.trim() } : {}),
            ...(input.introSl !== undefined ? { introSl: input.introSl?.trim() || null } : {}),
            ...(input.introEn !== undefined ? { introEn: input.introEn?.trim() || null } : {}),
          },
        });
        if (questions) {
          // Drafts saved against this unpublished version (previews) name old question ids.
          await tx.evaluationDraft.deleteMany({ where: { templateId: template.id } });
          await tx.evaluationQuestion.deleteMany({ where: { templateId: template.id } });
          await tx.evaluationQuestion.createMany({ data: questions.map((q) => ({ ...q, templateId: template.id })) });
        }
      });
      return { templateId: template.id };
    },
  }),
);

const TemplateIdInput = builder.inputType('EvaluationTemplateIdInput', {
  description: 'A template version.',
  fields: (t) => ({ id: t.id({ description: 'Global id of the template version.' }) }),
});

builder.mutationField('publishEvaluationTemplate', (t) =>
  t.field({
    type: EvaluationTemplatePayload,
    description:
      'Publishes an unpublished version: it becomes the one people answer, and the previous published version is retired (its responses keep pointing to it; it can no longer be answered). Rounds of the previous version that are still open (due today or later) move to the new one, so the people asked can answer. Those who may create it. Publishing a published version changes nothing.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, RuleError] },
    args: { input: t.arg({ type: TemplateIdInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const template = await managedTemplate(ctx, input.id, ['input', 'id']);
      if (template.publishedAt) return { templateId: template.id };
      if (!template.questions.length) throw new RuleError(L, 'TEMPLATE_WITHOUT_QUESTIONS');
      const now = new Date();
      await ctx.prisma.$transaction(async (tx) => {
        const previous = await tx.evaluationTemplate.findMany({
          where: { key: template.key, publishedAt: { not: null }, retiredAt: null, id: { not: template.id } },
          select: { id: true },
        });
        const previousIds = previous.map((p) => p.id);
        await tx.evaluationTemplate.updateMany({ where: { id: { in: previousIds } }, data: { retiredAt: now } });
        await tx.evaluationRound.updateMany({
          where: { templateId: { in: previousIds }, dueOn: { gte: startOfToday(now) } },
          data: { templateId: template.id },
        });
        // Only an unpublished version is published: a concurrent publish of it changes nothing more.
        await tx.evaluationTemplate.updateMany({
          where: { id: template.id, publishedAt: null },
          data: { publishedAt: now },
        });
        await audit(
          ctx,
          {
            action: 'evaluationTemplate.publish',
            organizationId: template.organizationId,
            subjectType: 'EvaluationTemplate',
            subjectId: template.id,
            details: { key: template.key, version: template.version, retired: previousIds },
          },
          tx,
        );
      });
      return { templateId: template.id };
    },
  }),
);

const CreateEvaluationTemplateVersionInput = builder.inputType('CreateEvaluationTemplateVersionInput', {
  description: 'The published version to start the next one from.',
  fields: (t) => ({ templateId: t.id({ description: 'Global id of the latest published version.' }) }),
});

builder.mutationField('createEvaluationTemplateVersion', (t) =>
  t.field({
    type: EvaluationTemplatePayload,
    description:
      'Starts the next version of a published template as an unpublished draft with a copy of its title, introduction and questions (new question ids); edit it with updateEvaluationTemplate and publish it. When an unpublished next version already exists, returns it (so a retry makes no second one). Only from the latest published version (TEMPLATE_NOT_LATEST). Those who may create the template.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, RuleError] },
    args: { input: t.arg({ type: CreateEvaluationTemplateVersionInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const source = await managedTemplate(ctx, input.templateId, ['input', 'templateId']);
      const latest = await ctx.prisma.evaluationTemplate.findFirstOrThrow({
        where: { key: source.key },
        orderBy: { version: 'desc' },
      });
      if (!latest.publishedAt) return { templateId: latest.id };
      if (!source.publishedAt) throw new RuleError(L, 'TEMPLATE_NOT_PUBLISHED');
      if (latest.id !== source.id) throw new RuleError(L, 'TEMPLATE_NOT_LATEST');
      try {
        const created = await ctx.prisma.$transaction(async (tx) => {
          const next = await tx.evaluationTemplate.create({
            data: {
              key: source.key,
              version: source.version + 1,
              kind: source.kind,
              organizationId: source.organizationId,
              projectId: source.projectId,
              titleSl: source.titleSl,
              titleEn: source.titleEn,
              introSl: source.introSl,
              introEn: source.introEn,
              createdById: ctx.viewer!.id,
              questions: { createMany: { data: source.questions.map(copyOfQuestion) } },
            },
          });
          await auditTemplate(ctx, 'evaluationTemplate.version', next, tx);
          return next;
        });
        return { templateId: created.id };
      } catch (error) {
        if ((error as { code?: string }).code !== 'P2002') throw error;
        const next = await ctx.prisma.evaluationTemplate.findUniqueOrThrow({
          where: { key_version: { key: source.key, version: source.version + 1 } },
        });
        return { templateId: next.id };
      }
    },
  }),
);
