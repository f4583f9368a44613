import type { MentorAssignmentModel as MentorAssignment } from '@tandem/db';
import { audit } from '../audit.ts';
import type { Context } from '../context.ts';
import { InputError, NotFoundError, RuleError } from '../errors.ts';
import { volunteersWith } from '../volunteering.ts';
import { periodsOverlap, today } from './dates.ts';

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export interface AssignInput {
  organizationId: string;
  mentorId: string;
  volunteerId: string;
  startsOn: Date;
  endsOn: Date | null;
}

/**
 * Assigns a mentor (a staff member of the organisation) to one of its
 * volunteers for a period. The same pair may be assigned again for a later
 * period, never for one that overlaps; repeating the same assignment returns
 * it unchanged. Audited as `mentorAssignment.create`.
 */
export async function assignMentor(ctx: Context, input: AssignInput): Promise<MentorAssignment> {
  const L = ctx.locale;
  const { organizationId, mentorId, volunteerId, startsOn, endsOn } = input;
  if (!(await ctx.access.can('mentoring:manage', organizationId))) {
    throw new NotFoundError(L, ['input', 'organizationId']);
  }
  if (endsOn && endsOn < startsOn) throw InputError.field(L, ['input', 'endsOn'], 'END_BEFORE_START');
  if (mentorId === volunteerId) throw new RuleError(L, 'SELF_MENTORING');
  const mentorRole = await ctx.prisma.membership.findFirst({
    where: { userId: mentorId, organizationId, role: { in: ['ADMIN', 'COORDINATOR', 'MENTOR'] } },
    select: { id: true },
  });
  if (!mentorRole) throw new RuleError(L, 'NOT_A_MENTOR');
  if (!(await volunteersWith(ctx.prisma, volunteerId, organizationId))) throw new RuleError(L, 'NOT_A_VOLUNTEER');

  return ctx.prisma.$transaction(async (tx) => {
    // One change to a volunteer's assignments at a time, so two overlapping
    // periods cannot both pass the check below.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${volunteerId} FOR UPDATE`;
    const existing = await tx.mentorAssignment.findMany({ where: { mentorId, volunteerId, organizationId } });
    const same = existing.find((a) => a.startsOn.getTime() === startsOn.getTime() && day(a.endsOn) === day(endsOn));
    if (same) return same;
    if (existing.some((a) => periodsOverlap(a, { startsOn, endsOn }))) {
      throw new RuleError(L, 'ASSIGNMENT_OVERLAPS');
    }
    const created = await tx.mentorAssignment.create({
      data: { mentorId, volunteerId, organizationId, startsOn, endsOn, createdById: ctx.viewer?.id ?? null },
    });
    await audit(
      ctx,
      {
        action: 'mentorAssignment.create',
        organizationId,
        subjectType: 'MentorAssignment',
        subjectId: created.id,
        details: { mentorId, volunteerId, startsOn: day(startsOn), endsOn: day(endsOn) },
      },
      tx,
    );
    return created;
  });
}

/**
 * Sets the last day of an assignment (today when not given). Without a date,
 * an assignment that has already ended stays as it is, so a retry the next day
 * changes nothing; with a date, the end becomes that date. Audited as
 * `mentorAssignment.end` when it changes.
 */
export async function endMentorAssignment(
  ctx: Context,
  assignmentId: string,
  requestedEnd: Date | null,
): Promise<MentorAssignment> {
  const L = ctx.locale;
  const assignment = await ctx.prisma.mentorAssignment.findUnique({ where: { id: assignmentId } });
  if (!assignment || !(await ctx.access.can('mentoring:manage', assignment.organizationId))) {
    throw new NotFoundError(L, ['input', 'assignmentId']);
  }
  const now = today();
  if (!requestedEnd && assignment.endsOn && assignment.endsOn <= now) return assignment;
  const endsOn = requestedEnd ?? now;
  if (endsOn < assignment.startsOn) throw InputError.field(L, ['input', 'endsOn'], 'END_BEFORE_START');
  if (day(assignment.endsOn) === day(endsOn)) return assignment;

  return ctx.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${assignment.volunteerId} FOR UPDATE`;
    const others = await tx.mentorAssignment.findMany({
      where: {
        mentorId: assignment.mentorId,
        volunteerId: assignment.volunteerId,
        organizationId: assignment.organizationId,
        id: { not: assignment.id },
      },
    });
    // Moving the end later must not run into the pair's next period.
    if (others.some((a) => periodsOverlap(a, { startsOn: assignment.startsOn, endsOn }))) {
      throw new RuleError(L, 'ASSIGNMENT_OVERLAPS');
    }
    const updated = await tx.mentorAssignment.update({ where: { id: assignment.id }, data: { endsOn } });
    await audit(
      ctx,
      {
        action: 'mentorAssignment.end',
        organizationId: assignment.organizationId,
        subjectType: 'MentorAssignment',
        subjectId: assignment.id,
        details: {
          mentorId: assignment.mentorId,
          volunteerId: assignment.volunteerId,
          from: day(assignment.endsOn),
          to: day(endsOn),
        },
      },
      tx,
    );
    return updated;
  });
}
