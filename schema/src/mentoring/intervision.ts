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
  if (projectId) {
    const project = await ctx.prisma.project.findUnique({
      where: { id: projectId },
      select: { startsOn: true, endsOn: true },
    });
    if (!project) throw new NotFoundError(L, ['input', 'projectId']);
    if (!(await projectPartnerIds(ctx, projectId)).includes(organizationId)) {
      throw new RuleError(L, 'NOT_A_PROJECT_PARTNER');
    }
    if (input.heldOn < project.startsOn || input.heldOn > project.endsOn) {
      throw new RuleError(L, 'OUTSIDE_PROJECT_PERIOD', {
        startsOn: day(project.startsOn),
        endsOn: day(project.endsOn),
      });
    }
  }
  await checkPeople(ctx, organizationId, projectId, input.facilitatorId, input.participantIds);

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

/**
 * The facilitator and participants must be staff (mentors, coordinators, admins) of the organisation or of its
 * partners: for a project session, the project's organisations; otherwise the organisations it shares any project
 * with (partnerships go on meeting after a project ends).
 */
async function checkPeople(
  ctx: Context,
  organizationId: string,
  projectId: string | null,
  facilitatorId: string | null,
  participantIds: string[],
): Promise<void> {
  const L = ctx.locale;
  const eligible = projectId
    ? await projectPartnerIds(ctx, projectId)
    : [
        organizationId,
        ...(
          await ctx.prisma.projectPartner.findMany({
            where: { project: { partners: { some: { organizationId } } } },
            select: { organizationId: true },
          })
        ).map((p) => p.organizationId),
      ];
  const people = [...new Set([...participantIds, ...(facilitatorId ? [facilitatorId] : [])])];
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
  participantIds.forEach((id, index) => {
    if (!staff.has(id)) throw new NotFoundError(L, ['input', 'participantIds', String(index)]);
  });
  if (facilitatorId && !staff.has(facilitatorId)) throw new NotFoundError(L, ['input', 'facilitatorId']);
}

export interface UpdateSessionInput {
  sessionId: string;
  /** Left out: unchanged; null: nobody. */
  facilitatorId?: string | null;
  participantIds?: string[];
  topics?: string[];
  /** Left out: unchanged; null: cleared. */
  outcomes?: string | null;
}

/**
 * Changes what was recorded of a session: who led it, who took part, the topics and the outcomes (its day and
 * project stay: they place it in the indicators). Staff of the organisation that held it may; the same change
 * twice changes nothing more. Audited as `intervision.update` with the fields changed.
 */
export async function updateSession(ctx: Context, input: UpdateSessionInput): Promise<IntervisionSession> {
  const L = ctx.locale;
  const session = await ctx.prisma.intervisionSession.findUnique({ where: { id: input.sessionId } });
  if (!session || !isPersonStaffOf(ctx, session.organizationId)) throw new NotFoundError(L, ['input', 'id']);
  // Only the people the change names: someone recorded earlier who has left since stays on the record.
  await checkPeople(
    ctx,
    session.organizationId,
    session.projectId,
    input.facilitatorId ?? null,
    input.participantIds ?? [],
  );
  const participantIds = input.participantIds ? [...new Set(input.participantIds)] : undefined;
  const topics = input.topics?.map((topic) => topic.trim());
  const outcomes = input.outcomes === undefined ? undefined : input.outcomes?.trim() || null;

  return ctx.prisma.$transaction(async (tx) => {
    // Compared with the session as it is under a lock: a retry that arrives alongside the first sees its result.
    await tx.$queryRaw`SELECT 1 FROM "IntervisionSession" WHERE "id" = ${session.id} FOR UPDATE`;
    const current = await tx.intervisionSession.findUniqueOrThrow({
      where: { id: session.id },
      include: { participants: { select: { userId: true } } },
    });
    const recorded = new Set(current.participants.map((p) => p.userId));
    const changes = {
      facilitatorId: input.facilitatorId !== undefined && input.facilitatorId !== current.facilitatorId,
      participantIds:
        !!participantIds && (participantIds.length !== recorded.size || participantIds.some((id) => !recorded.has(id))),
      topics: !!topics && JSON.stringify(topics) !== JSON.stringify(current.topics),
      outcomes: outcomes !== undefined && outcomes !== current.outcomes,
    };
    const changed = Object.entries(changes).flatMap(([name, differs]) => (differs ? [name] : []));
    // The same change again (a retry) changes nothing and is not audited twice.
    if (!changed.length) return current;
    if (changes.participantIds) {
      await tx.intervisionParticipant.deleteMany({ where: { sessionId: session.id } });
      await tx.intervisionParticipant.createMany({
        data: participantIds!.map((userId) => ({ sessionId: session.id, userId })),
      });
    }
    const updated = await tx.intervisionSession.update({
      where: { id: session.id },
      data: {
        ...(changes.facilitatorId ? { facilitatorId: input.facilitatorId } : {}),
        ...(changes.topics ? { topics } : {}),
        ...(changes.outcomes ? { outcomes } : {}),
      },
    });
    await audit(
      ctx,
      {
        action: 'intervision.update',
        organizationId: session.organizationId,
        subjectType: 'IntervisionSession',
        subjectId: session.id,
        details: { changed },
      },
      tx,
    );
    return updated;
  });
}
