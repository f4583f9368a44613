import { type LearningGoalModel, LearningGoalStatus } from '@tandem/db';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { ConflictError, InputError, NotFoundError, RuleError } from '../errors.ts';
import { idOf } from '../ids.ts';
import { createGoal, mayReadGoal, updateGoal } from '../mentoring/goals.ts';
import { personStaffOrganizations } from '../mentoring/access.ts';
import { batched } from '../batch.ts';
import { MeRef, PersonRef } from './person.ts';

export const LearningGoalStatusEnum = builder.enumType(LearningGoalStatus, {
  name: 'LearningGoalStatus',
  description: 'Where a learning goal stands: PLANNED, IN_PROGRESS, ACHIEVED or DROPPED.',
});

interface StatusStep {
  status: LearningGoalStatus;
  at: Date;
  byName: string | null;
}

const StatusStepRef = builder.objectRef<StatusStep>('LearningGoalStatusStep').implement({
  description: 'A status a learning goal took, and when.',
  fields: (t) => ({
    status: t.field({ type: LearningGoalStatusEnum, description: 'The status it took.', resolve: (s) => s.status }),
    at: t.field({ type: 'DateTime', description: 'When.', resolve: (s) => s.at }),
    by: t.string({
      nullable: true,
      description: 'Who set it (the volunteer or a mentor), by name; null when unknown.',
      resolve: (s) => s.byName,
    }),
  }),
});

/** The status path of goals, read from the audit log (creation and status changes), one statement per request. */
const statusHistory = batched<StatusStep[]>(
  async (ctx, goalIds) => {
    const entries = await ctx.prisma.auditLog.findMany({
      where: {
        subjectType: 'LearningGoal',
        subjectId: { in: goalIds },
        action: { in: ['learningGoal.create', 'learningGoal.update'] },
      },
      select: { subjectId: true, action: true, details: true, createdAt: true, actor: { select: { name: true } } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    const steps = new Map<string, StatusStep[]>();
    for (const e of entries) {
      const details = (e.details ?? {}) as { status?: LearningGoalStatus; to?: LearningGoalStatus };
      const status = e.action === 'learningGoal.create' ? details.status : details.to;
      if (!status) continue;
      const list = steps.get(e.subjectId) ?? [];
      list.push({ status, at: e.createdAt, byName: e.actor?.name ?? null });
      steps.set(e.subjectId, list);
    }
    return steps;
  },
  () => [],
);

export const LearningGoalRef = builder.prismaNode('LearningGoal', {
  description:
    "A step of a volunteer's personal learning path in one organisation. Private: visible only to the volunteer and to their mentors in that organisation (a mentor assignment covering today) — not to the organisation's other staff, not to other organisations, not to API keys.",
  id: { field: 'id' },
  authScopes: async (g, ctx) => mayReadGoal(ctx, g),
  fields: (t) => ({
    organization: t.relation('organization', { description: 'The organisation the goal is pursued in.' }),
    volunteer: t.relation('volunteer', { type: PersonRef, description: 'Whose learning path it is.' }),
    title: t.exposeString('title', { description: 'The goal.' }),
    description: t.exposeString('description', { nullable: true, description: 'What achieving it means.' }),
    competence: t.relation('competence', {
      nullable: true,
      description: 'The key competence the goal develops.',
    }),
    status: t.expose('status', { type: LearningGoalStatusEnum, description: 'Where the goal stands.' }),
    targetDate: t.expose('targetDate', { type: 'Date', nullable: true, description: 'When it should be reached.' }),
    mentorNotes: t.exposeString('mentorNotes', {
      nullable: true,
      description:
        "The mentors' notes on the goal. Written only by the volunteer's mentors; read by them and the volunteer.",
    }),
    statusHistory: t.field({
      type: [StatusStepRef],
      description: 'The statuses the goal has taken, oldest first (goals recorded before Tandem kept this have none).',
      resolve: (g, _, ctx) => statusHistory(ctx, g.id),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the goal was set.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it last changed.' }),
  }),
});

const GoalFilter = builder.inputType('LearningGoalFilter', {
  description: 'Narrows a list of learning goals.',
  fields: (t) => ({
    status: t.field({ type: LearningGoalStatusEnum, required: false, description: 'Only goals with this status.' }),
    organization: t.string({ required: false, description: 'Only goals in this organisation (slug).' }),
  }),
});

type GoalFilterShape = typeof GoalFilter.$inferInput;

const goalWhere = (filter: GoalFilterShape | null | undefined) => ({
  ...(filter?.status ? { status: filter.status } : {}),
  ...(filter?.organization ? { organization: { slug: filter.organization } } : {}),
});

const GOAL_ORDER = [
  { targetDate: { sort: 'asc' as const, nulls: 'last' as const } },
  { createdAt: 'asc' as const },
  { id: 'asc' as const },
];

builder.prismaObjectField(MeRef, 'learningGoals', (t) =>
  t.relatedConnection(
    'learningGoals',
    {
      cursor: 'id',
      description:
        "The signed-in volunteer's personal learning path, in every organisation, by target date. Only they and their mentors see it.",
      args: { filter: t.arg({ type: GoalFilter, required: false }) },
      totalCount: true,
      query: (args) => ({ where: goalWhere(args.filter), orderBy: GOAL_ORDER }),
    },
    { name: 'LearningGoalConnection', description: 'A page of learning goals.' },
    { name: 'LearningGoalEdge', description: 'A learning goal in a page.' },
  ),
);

/** The selection and filter of each Person.learningGoals in a request, by their JSON (the batch key's first line). */
const goalShapes = new WeakMap<object, Map<string, { query: object; filter: GoalFilterShape | null }>>();

/** A person's goals for Person.learningGoals; the key: shape, person id, organisations ("*": all), one per line. */
const goalsOf = batched<LearningGoalModel[]>(
  async (ctx, keys) => {
    const answers = new Map<string, LearningGoalModel[]>();
    const byShape = new Map<string, { key: string; volunteerId: string; organizations: string[] | null }[]>();
    for (const key of keys) {
      const [shape, volunteerId, organizations] = key.split('\n') as [string, string, string];
      const wanted = { key, volunteerId, organizations: organizations === '*' ? null : organizations.split(',') };
      byShape.set(shape, [...(byShape.get(shape) ?? []), wanted]);
    }
    // One statement per selection and filter: siblings in a list share both.
    for (const [shape, wanted] of byShape) {
      const { query, filter } = goalShapes.get(ctx)!.get(shape)!;
      const select = (query as { select?: object }).select;
      const rows = await ctx.prisma.learningGoal.findMany({
        ...query,
        ...(select ? { select: { ...select, volunteerId: true, organizationId: true } } : {}),
        where: {
          ...goalWhere(filter),
          OR: wanted.map(({ volunteerId, organizations }) => ({
            volunteerId,
            ...(organizations ? { organizationId: { in: organizations } } : {}),
          })),
        },
        orderBy: GOAL_ORDER,
      });
      for (const { key, volunteerId, organizations } of wanted) {
        answers.set(
          key,
          rows.filter(
            (row) => row.volunteerId === volunteerId && (!organizations || organizations.includes(row.organizationId)),
          ),
        );
      }
    }
    return answers;
  },
  () => [],
);

builder.prismaObjectField(PersonRef, 'learningGoals', (t) =>
  t.prismaField({
    type: [LearningGoalRef],
    description:
      "The person's learning goals that the viewer may see: all of them for the person themselves; for a mentor, those in the organisations where they mentor the person today. Empty for everyone else (coordinators and admins included: the learning path is private to the volunteer and their mentors).",
    args: { filter: t.arg({ type: GoalFilter, required: false }) },
    resolve: async (query, person, args, ctx) => {
      if (!ctx.viewer) return [];
      let organizations: string[] | null = null;
      if (ctx.viewer.id !== person.id) {
        const candidates = personStaffOrganizations(ctx);
        const mentored = await Promise.all(candidates.map((o) => ctx.access.isAssignedMentor(o, person.id)));
        organizations = candidates.filter((_, i) => mentored[i]);
        if (!organizations.length) return [];
      }
      // Everyone's goals in a list (a mentor's mentees) come from one statement, each cut to what the viewer may see.
      const shape = JSON.stringify([query, args.filter ?? null]);
      let shapes = goalShapes.get(ctx);
      if (!shapes) goalShapes.set(ctx, (shapes = new Map()));
      shapes.set(shape, { query, filter: args.filter ?? null });
      return goalsOf(ctx, [shape, person.id, organizations?.join(',') ?? '*'].join('\n'));
    },
  }),
);

const LearningGoalPayload = builder.objectRef<{ goalId: string }>('LearningGoalPayload').implement({
  description: 'The learning goal after the change.',
  fields: (t) => ({
    learningGoal: t.prismaField({
      type: LearningGoalRef,
      description: 'The goal as it is now.',
      resolve: (query, p, _, ctx) => ctx.prisma.learningGoal.findUniqueOrThrow({ ...query, where: { id: p.goalId } }),
    }),
  }),
});

const title = z.string().trim().min(2).max(200);
const longText = z.string().max(4000);

const CreateLearningGoalInput = builder.inputType('CreateLearningGoalInput', {
  description: "A new step of a volunteer's learning path.",
  fields: (t) => ({
    organizationId: t.id({ description: 'The organisation the volunteer pursues the goal in.' }),
    volunteerId: t.id({
      required: false,
      description: "`Person.id` of the mentee, when a mentor adds the goal; leave out for one's own goal.",
    }),
    title: t.string({ description: 'The goal, 2 to 200 characters.', validate: title }),
    description: t.string({ required: false, description: 'What achieving it means.', validate: longText }),
    competenceCode: t.string({ required: false, description: 'A competence code from `competences`.' }),
    status: t.field({ type: LearningGoalStatusEnum, required: false, description: 'Defaults to PLANNED.' }),
    targetDate: t.field({ type: 'Date', required: false, description: 'When it should be reached.' }),
    mentorNotes: t.string({
      required: false,
      description: 'Mentor notes; only a mentor of the volunteer may write them (MENTOR_NOTES_MENTORS_ONLY).',
      validate: longText,
    }),
    idempotencyKey: t.string({
      description: 'Unique per goal (e.g. a UUID made by the client); a retry with it returns the first goal.',
      validate: z.string().min(8).max(100),
    }),
  }),
});

builder.mutationField('createLearningGoal', (t) =>
  t.field({
    type: LearningGoalPayload,
    description:
      "Adds a goal to a volunteer's personal learning path: the volunteer for themselves in an organisation they volunteer with, or one of their mentors (an assignment covering today) for them. Coordinators and admins who are not the volunteer's mentor cannot. Safe to retry with the same idempotencyKey; the key reused by someone else or for another goal gives IDEMPOTENCY_CONFLICT.",
    authScopes: { signedIn: true },
    errors: { types: [InputError, NotFoundError, RuleError, ConflictError] },
    args: { input: t.arg({ type: CreateLearningGoalInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const goal = await createGoal(ctx, {
        organizationId: idOf(L, input.organizationId, 'Organization', ['input', 'organizationId']),
        volunteerId: input.volunteerId ? idOf(L, input.volunteerId, 'Person', ['input', 'volunteerId']) : null,
        title: input.title,
        description: input.description,
        competenceCode: input.competenceCode,
        status: input.status,
        targetDate: input.targetDate,
        mentorNotes: input.mentorNotes,
        idempotencyKey: input.idempotencyKey,
      });
      return { goalId: goal.id };
    },
  }),
);

const UpdateLearningGoalInput = builder.inputType('UpdateLearningGoalInput', {
  description: 'Changes to a learning goal: a field left out stays as it is, null clears an optional one.',
  fields: (t) => ({
    goalId: t.id({ description: 'Global id of the LearningGoal.' }),
    title: t.string({ required: false, description: 'The goal, 2 to 200 characters.', validate: title }),
    description: t.string({ required: false, description: 'What achieving it means.', validate: longText }),
    competenceCode: t.string({ required: false, description: 'A competence code from `competences`.' }),
    status: t.field({ type: LearningGoalStatusEnum, required: false, description: 'The new status.' }),
    targetDate: t.field({ type: 'Date', required: false, description: 'When it should be reached.' }),
    mentorNotes: t.string({
      required: false,
      description: "Mentor notes; only the volunteer's mentors may change them.",
      validate: longText,
    }),
  }),
});

builder.mutationField('updateLearningGoal', (t) =>
  t.field({
    type: LearningGoalPayload,
    description:
      'Changes a learning goal (e.g. its status as the volunteer progresses). For the volunteer and their mentors only; only mentors may change the mentor notes. Setting what is already there changes nothing, so a retry is harmless.',
    authScopes: { signedIn: true },
    errors: { types: [InputError, NotFoundError, RuleError] },
    args: { input: t.arg({ type: UpdateLearningGoalInput }) },
    resolve: async (_, { input }, ctx) => {
      const id = idOf(ctx.locale, input.goalId, 'LearningGoal', ['input', 'goalId']);
      const goal = await updateGoal(ctx, id, {
        title: input.title,
        description: input.description,
        competenceCode: input.competenceCode,
        status: input.status,
        targetDate: input.targetDate,
        mentorNotes: input.mentorNotes,
      });
      return { goalId: goal.id };
    },
  }),
);
