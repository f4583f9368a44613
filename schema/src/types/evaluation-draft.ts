import type { Prisma } from '@tandem/db';
import { type Answer, checkAnswers, normalizeAnswers } from '../answers.ts';
import { builder } from '../builder.ts';
import { InputError, NotFoundError, RuleError } from '../errors.ts';
import { idOf, rowIdOf } from '../ids.ts';
import {
  answerableTemplate,
  lookupSubjectKey,
  requestFor,
  resolveSubject,
  subjectKeyOf,
} from '../evaluation/subject.ts';
import { EvaluationAnswerInput } from './evaluation.ts';
import { choicesOf } from './opportunity.ts';

export const EvaluationDraftRef = builder.prismaNode('EvaluationDraft', {
  description:
    'Unfinished answers to an evaluation template, to come back to later. Private to the person answering: nobody else (staff included) sees it; submitting the evaluation deletes it.',
  id: { field: 'id' },
  authScopes: (d) => ({ self: d.respondentId }),
  fields: (t) => ({
    template: t.relation('template', { description: 'The exact template version being answered.' }),
    organization: t.relation('organization', { description: 'The organisation in whose volunteering it is made.' }),
    round: t.relation('round', { nullable: true, description: 'The evaluation round it answers, if any.' }),
    answers: t.expose('answers', {
      type: 'JSON',
      description: '[{ questionId, value }], possibly incomplete (only non-blank answers are kept).',
    }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it was last saved.' }),
  }),
});

builder.queryField('evaluationDraft', (t) =>
  t.prismaField({
    type: EvaluationDraftRef,
    nullable: true,
    description:
      "The signed-in person's own draft for this template, organisation and subject (the same `subjectId` as `submitEvaluation` takes; none for self-evaluations), or null. Never anyone else's.",
    args: {
      templateId: t.arg.id({ description: 'Global id of the template version.' }),
      organizationId: t.arg.id({ description: 'Global id of the organisation.' }),
      subjectId: t.arg.id({
        required: false,
        description: "A volunteer's Person id or an Opportunity id, as in submitEvaluation.",
      }),
    },
    resolve: async (query, _, args, ctx) => {
      const viewerId = ctx.viewer?.id;
      const templateId = rowIdOf(args.templateId, 'EvaluationTemplate');
      const organizationId = rowIdOf(args.organizationId, 'Organization');
      if (!viewerId || !templateId || !organizationId) return null;
      const template = await ctx.prisma.evaluationTemplate.findUnique({
        where: { id: templateId },
        select: { kind: true },
      });
      if (!template) return null;
      const subjectKey = lookupSubjectKey(template.kind, viewerId, args.subjectId);
      if (subjectKey === null) return null;
      return ctx.prisma.evaluationDraft.findUnique({
        ...query,
        where: {
          respondentId_templateId_organizationId_subjectKey: {
            respondentId: viewerId,
            templateId,
            organizationId,
            subjectKey,
          },
        },
      });
    },
  }),
);

const SaveEvaluationDraftInput = builder.inputType('SaveEvaluationDraftInput', {
  description: 'Unfinished answers to keep.',
  fields: (t) => ({
    templateId: t.id({ description: 'Global id of a published, current template.' }),
    organizationId: t.id({ description: 'The organisation in whose volunteering the evaluation is made.' }),
    subjectId: t.id({
      required: false,
      description: "What is evaluated, as in submitEvaluation: a volunteer's Person id or an Opportunity id.",
    }),
    roundId: t.id({
      required: false,
      description: 'The evaluation round this answers (one of `Me.evaluationRequests`), if any.',
    }),
    answers: t.field({
      type: [EvaluationAnswerInput],
      description: 'The answers so far; they replace what was saved before. Required questions may be left out.',
    }),
  }),
});

const SaveEvaluationDraftPayload = builder.objectRef<{ draftId: string }>('SaveEvaluationDraftPayload').implement({
  description: 'The draft after saving.',
  fields: (t) => ({
    draft: t.prismaField({
      type: EvaluationDraftRef,
      description: 'The saved draft.',
      resolve: (query, p, _, ctx) =>
        ctx.prisma.evaluationDraft.findUniqueOrThrow({ ...query, where: { id: p.draftId } }),
    }),
  }),
});

builder.mutationField('saveEvaluationDraft', (t) =>
  t.field({
    type: SaveEvaluationDraftPayload,
    description:
      'Keeps unfinished answers to come back to: one draft per person, template, organisation and subject; saving again replaces the answers, so a retry is harmless. Anyone signed in who may submit the same evaluation (see submitEvaluation); answers given must be valid, missing ones are fine.',
    authScopes: { signedIn: true },
    errors: { types: [InputError, NotFoundError, RuleError] },
    args: { input: t.arg({ type: SaveEvaluationDraftInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const respondentId = ctx.viewer!.id;
      const templateId = idOf(L, input.templateId, 'EvaluationTemplate', ['input', 'templateId']);
      const organizationId = idOf(L, input.organizationId, 'Organization', ['input', 'organizationId']);
      const template = await answerableTemplate(ctx, templateId, organizationId);
      const subject = await resolveSubject(ctx, template.kind, organizationId, input.subjectId);
      const subjectKey = subjectKeyOf(subject);
      const roundId = input.roundId ? idOf(L, input.roundId, 'EvaluationRound', ['input', 'roundId']) : null;
      if (roundId) await requestFor(ctx, roundId, { templateId, organizationId, respondentId, subjectKey });

      const answers: Answer[] = input.answers.map((a) => ({ questionId: a.questionId, value: a.value }));
      // A draft may leave required questions out; what it holds must still be valid.
      const questions = template.questions.map((q) => ({ ...q, required: false, choices: choicesOf(q.options) }));
      const errors = checkAnswers(L, questions, answers, ['input', 'answers']);
      if (errors.length) throw new InputError(L, errors);
      const stored = normalizeAnswers(answers) as unknown as Prisma.InputJsonValue;

      const draft = await ctx.prisma.evaluationDraft.upsert({
        where: {
          respondentId_templateId_organizationId_subjectKey: { respondentId, templateId, organizationId, subjectKey },
        },
        create: { templateId, organizationId, respondentId, subjectKey, ...subject, roundId, answers: stored },
        update: { answers: stored, roundId },
        select: { id: true },
      });
      return { draftId: draft.id };
    },
  }),
);
