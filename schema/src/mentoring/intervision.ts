import type { IntervisionSessionModel as IntervisionSession } from '@tandem/db';
import { audit } from '../audit.ts';
import type { Context } from '../context.ts';
import { ConflictError, InputError, NotFoundError, RuleError } from '../errors.ts';
import { auditedCreator, isPersonStaffOf, isSameCaller, projectPartnerIds } from './access.ts';
import { today } from './dates.ts';

const day = (d: Date) => d.toISOString().slice(0, 10);

export interface RecordSessionInput {
  organizationId: string;
  projectId: string | null;
  heldOn: Date;
  facilitatorId: string | null;
  participantIds: string[];
  topics: string[];
  outcomes: string | null;
  idempotencyKey: string;
}

/**
 * Records an intervision session held by an organisation, optionally for a
 * project it takes part in (then it counts toward the project's
 * INTERVISION_SESSIONS indicator and must fall within the project period).
 * Participants and the facilitator are staff (mentors, coordinators, admins) of
 * the organisation or of its partners: for a project session, the project's
 * organisations; otherwise the organisations it shares any project with.
 * Audited as `intervision.record`.
 */
export async function recordSession(ctx: Context, input: RecordSessionInput): Promise<IntervisionSession> {
  const L = ctx.locale;
  const { organizationId, projectId } = input;
  if (!isPersonStaffOf(ctx, organizationId)) throw new NotFoundError(L, ['input', 'organizationId']);

  const previous = await ctx.prisma.intervisionSession.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (previous) {
    const same =
      previous.organizationId === organizationId &&
      previous.projectId === projectId &&
      previous.heldOn.getTime() === input.heldOn.getTime() &&
      isSameCaller(ctx, await auditedCreator(ctx, 'intervision.record', previous.id));
    if (!same) throw new ConflictError(L, 'IDEMPOTENCY_CONFLICT');
    return previous;
  }

  if (input.heldOn > today()) throw InputError.field(L, ['input', 'heldOn'], 'FUTURE_DATE');
  // Without a project: the organisation and its partners in any project (partnerships go on meeting after a project ends).
  let eligible = [
    organizationId,
    ...(
      await ctx.prisma.projectPartner.findMany({
        where: { project: { partners: { some: { organizationId } } } },
        select: { organizationId: true },
      })
    ).map((p) => p.organizationId),
  ];
  if (projectId) {
    const project = await ctx.prisma.project.findUnique({
      where: { id: projectId },
      select: { startsOn: true, endsOn: true },
    });
    if (!project) throw new NotFoundError(L, ['input', 'projectId']);
    eligible = await projectPartnerIds(ctx, projectId);
    if (!eligible.includes(organizationId)) throw new RuleError(L, 'NOT_A_PROJECT_PARTNER');
    if (input.heldOn < project.startsOn || input.heldOn > project.endsOn) {
      throw new RuleError(L, 'OUTSIDE_PROJECT_PERIOD', {
        startsOn: day(project.startsOn),
        endsOn: day(project.endsOn),
      });
    }
  }

  const people = [...new Set([...input.participantIds, ...(input.facilitatorId ? [input.facilitatorId] : [])])];
  const staff = new Set(
    (
      await ctx.prisma.membership.findMany({
        where: {
          userId: { in: people },
          organizationId: { in: eligible },
          role: { in: ['ADMIN', 'COORDINATOR', 'MENTOR'] },
        },
        select: { userId: true },
      })
    ).map((m) => m.userId),
  );
  input.participantIds.forEach((id, index) => {
    if (!staff.has(id)) throw new NotFoundError(L, ['input', 'participantIds', String(index)]);
  });
  if (input.facilitatorId && !staff.has(input.facilitatorId)) throw new NotFoundError(L, ['input', 'facilitatorId']);

  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const session = await tx.intervisionSession.create({
        data: {
          organizationId,
          projectId,
          heldOn: input.heldOn,
          facilitatorId: input.facilitatorId,
          topics: input.topics.map((topic) => topic.trim()),
          outcomes: input.outcomes?.trim() || null,
          idempotencyKey: input.idempotencyKey,
          participants: { create: [...new Set(input.participantIds)].map((userId) => ({ userId })) },
        },
      });
      await audit(
        ctx,
        {
          action: 'intervision.record',
          organizationId,
          subjectType: 'IntervisionSession',
          subjectId: session.id,
          details: { heldOn: day(input.heldOn), projectId, participants: new Set(input.participantIds).size },
        },
        tx,
      );
      return session;
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') return recordSession(ctx, input);
    throw error;
  }
}
