import type { LearningGoalModel as LearningGoal, LearningGoalStatus, Prisma } from '@tandem/db';
import { audit } from '../audit.ts';
import type { Context } from '../context.ts';
import { ConflictError, NotFoundError, RuleError } from '../errors.ts';
import { volunteersWith } from '../volunteering.ts';
import { auditedCreator, isSameCaller } from './access.ts';

/**
 * Learning goals are the volunteer's and their mentors' only: not the
 * organisation's other staff, not other organisations, not API keys. Goal
 * changes are audited without an organisation, so they stay out of the
 * organisation's audit log (which its admins read); the volunteer finds them in
 * their data export.
 */
export async function mayReadGoal(ctx: Context, goal: { volunteerId: string; organizationId: string }) {
  if (!ctx.viewer) return false;
  return ctx.viewer.id === goal.volunteerId || ctx.access.isAssignedMentor(goal.organizationId, goal.volunteerId);
}

export interface GoalFields {
  title?: string | null;
  description?: string | null;
  competenceCode?: string | null;
  status?: LearningGoalStatus | null;
  targetDate?: Date | null;
  mentorNotes?: string | null;
}

async function checkCompetence(ctx: Context, code: string | null | undefined) {
  if (code && !(await ctx.prisma.competence.findUnique({ where: { code }, select: { code: true } }))) {
    throw new NotFoundError(ctx.locale, ['input', 'competenceCode']);
  }
}

const clean = (text: string | null | undefined) => (text == null ? text : text.trim() || null);

export interface CreateGoalInput extends GoalFields {
  organizationId: string;
  /** The volunteer; the caller when not given. */
  volunteerId: string | null;
  title: string;
  idempotencyKey: string;
}

/**
 * A volunteer adds a goal to their own learning path in an organisation they
 * volunteer with, or a current mentor adds one for their mentee. Only mentors
 * may write mentor notes. A retry with the same idempotencyKey by the same
 * caller returns the first goal; the key used by someone else, or for another
 * goal, is a conflict.
 */
export async function createGoal(ctx: Context, input: CreateGoalInput): Promise<LearningGoal> {
  const L = ctx.locale;
  const viewerId = ctx.viewer!.id;
  const volunteerId = input.volunteerId ?? viewerId;
  const { organizationId } = input;

  const previous = await ctx.prisma.learningGoal.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (previous) {
    const same =
      previous.volunteerId === volunteerId &&
      previous.organizationId === organizationId &&
      previous.title === input.title.trim() &&
      isSameCaller(ctx, await auditedCreator(ctx, 'learningGoal.create', previous.id));
    if (!same || !(await mayReadGoal(ctx, previous))) throw new ConflictError(L, 'IDEMPOTENCY_CONFLICT');
    return previous;
  }

  const self = volunteerId === viewerId;
  const mentor = !self && (await ctx.access.isAssignedMentor(organizationId, volunteerId));
  if (!self && !mentor) throw new NotFoundError(L, ['input', 'volunteerId']);
  if (self && !(await volunteersWith(ctx.prisma, volunteerId, organizationId))) {
    throw new RuleError(L, 'NOT_A_VOLUNTEER');
  }
  if (!mentor && clean(input.mentorNotes)) throw new RuleError(L, 'MENTOR_NOTES_MENTORS_ONLY');
  await checkCompetence(ctx, input.competenceCode);

  const status = input.status ?? 'PLANNED';
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const goal = await tx.learningGoal.create({
        data: {
          volunteerId,
          organizationId,
          title: input.title.trim(),
          description: clean(input.description) ?? null,
          competenceCode: input.competenceCode ?? null,
          status,
          targetDate: input.targetDate ?? null,
          mentorNotes: mentor ? (clean(input.mentorNotes) ?? null) : null,
          idempotencyKey: input.idempotencyKey,
        },
      });
      await audit(
        ctx,
        { action: 'learningGoal.create', subjectType: 'LearningGoal', subjectId: goal.id, details: { status } },
        tx,
      );
      return goal;
    });
  } catch (error) {
    // Two retries raced: the other one created the goal.
    if ((error as { code?: string }).code === 'P2002') return createGoal(ctx, input);
    throw error;
  }
}

/**
 * The volunteer or a current mentor changes a goal; a field left out stays,
 * null clears an optional one. Only mentors may change the mentor notes (the
 * volunteer may send them back unchanged). Setting what is already there
 * changes nothing, so a retry is harmless.
 */
export async function updateGoal(ctx: Context, goalId: string, input: GoalFields): Promise<LearningGoal> {
  const L = ctx.locale;
  const goal = await ctx.prisma.learningGoal.findUnique({ where: { id: goalId } });
  if (!goal || !(await mayReadGoal(ctx, goal))) throw new NotFoundError(L, ['input', 'goalId']);
  const mentor = await ctx.access.isAssignedMentor(goal.organizationId, goal.volunteerId);

  const data: Prisma.LearningGoalUpdateInput = {};
  const changed: string[] = [];
  const set = <K extends keyof GoalFields>(key: K, value: unknown, current: unknown) => {
    const same =
      value instanceof Date && current instanceof Date ? value.getTime() === current.getTime() : value === current;
    if (!same) {
      (data as Record<string, unknown>)[key] = value;
      changed.push(key);
    }
  };
  if (input.title != null) set('title', input.title.trim(), goal.title);
  if (input.description !== undefined) set('description', clean(input.description) ?? null, goal.description);
  if (input.targetDate !== undefined) set('targetDate', input.targetDate, goal.targetDate);
  if (input.status != null) set('status', input.status, goal.status);
  if (input.competenceCode !== undefined) {
    await checkCompetence(ctx, input.competenceCode);
    if ((input.competenceCode ?? null) !== goal.competenceCode) {
      data.competence = input.competenceCode ? { connect: { code: input.competenceCode } } : { disconnect: true };
      changed.push('competenceCode');
    }
  }
  if (input.mentorNotes !== undefined) {
    const notes = clean(input.mentorNotes) ?? null;
    if (notes !== goal.mentorNotes) {
      if (!mentor) throw new RuleError(L, 'MENTOR_NOTES_MENTORS_ONLY');
      data.mentorNotes = notes;
      changed.push('mentorNotes');
    }
  }
  if (!changed.length) return goal;

  return ctx.prisma.$transaction(async (tx) => {
    const updated = await tx.learningGoal.update({ where: { id: goal.id }, data });
    await audit(
      ctx,
      {
        action: 'learningGoal.update',
        subjectType: 'LearningGoal',
        subjectId: goal.id,
        // Which fields changed and the status path, never their text.
        details: { fields: changed, ...(data.status ? { from: goal.status, to: updated.status } : {}) },
      },
      tx,
    );
    return updated;
  });
}
