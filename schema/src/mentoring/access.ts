import type { Role } from '@tandem/db';
import type { Context } from '../context.ts';

const STAFF_ROLES: readonly Role[] = ['ADMIN', 'COORDINATOR', 'MENTOR'];

/** Organisations where the signed-in person holds a staff role (secret keys do not count: they act for no person). */
export function personStaffOrganizations(ctx: Context): string[] {
  return [
    ...new Set(
      (ctx.viewer?.memberships ?? []).filter((m) => STAFF_ROLES.includes(m.role)).map((m) => m.organizationId),
    ),
  ];
}

/** The signed-in person holds a staff role in the organisation. */
export function isPersonStaffOf(ctx: Context, organizationId: string): boolean {
  return personStaffOrganizations(ctx).includes(organizationId);
}

const partnerCache = new WeakMap<Context, Map<string, Promise<string[]>>>();

/** Organisations taking part in a project (lead, partners, associates), once per request. */
export function projectPartnerIds(ctx: Context, projectId: string): Promise<string[]> {
  let projects = partnerCache.get(ctx);
  if (!projects) partnerCache.set(ctx, (projects = new Map()));
  let partners = projects.get(projectId);
  if (!partners) {
    partners = ctx.prisma.projectPartner
      .findMany({ where: { projectId }, select: { organizationId: true } })
      .then((rows) => rows.map((r) => r.organizationId));
    projects.set(projectId, partners);
  }
  return partners;
}

/**
 * Staff of one of the project's organisations: a person with a staff role
 * there or, with `keys`, that organisation's secret key.
 */
export async function isProjectStaff(ctx: Context, projectId: string, { keys = false } = {}): Promise<boolean> {
  const own = keys ? ctx.access.staffOrganizationIds() : personStaffOrganizations(ctx);
  if (!own.length) return false;
  const partners = await projectPartnerIds(ctx, projectId);
  return partners.some((id) => own.includes(id));
}

/**
 * Who may read an intervision session: staff of the organisation that held it,
 * staff of the partner organisations of its project, and the facilitator and
 * participants themselves. Reflections on mentoring practice are not for
 * volunteers or for integrations.
 */
export async function canReadIntervision(
  ctx: Context,
  session: { id: string; organizationId: string; projectId: string | null; facilitatorId: string | null },
): Promise<boolean> {
  const viewerId = ctx.viewer?.id;
  if (!viewerId) return false;
  if (isPersonStaffOf(ctx, session.organizationId) || session.facilitatorId === viewerId) return true;
  if (session.projectId && (await isProjectStaff(ctx, session.projectId))) return true;
  const participant = await ctx.prisma.intervisionParticipant.findUnique({
    where: { sessionId_userId: { sessionId: session.id, userId: viewerId } },
    select: { userId: true },
  });
  return !!participant;
}

/** The person (or key) whose request created a record, from its creation audit entry. */
export async function auditedCreator(
  ctx: Context,
  action: string,
  subjectId: string,
): Promise<{ actorId: string | null; apiKeyId: string | null } | null> {
  return ctx.prisma.auditLog.findFirst({
    where: { action, subjectId },
    select: { actorId: true, apiKeyId: true },
    orderBy: { createdAt: 'asc' },
  });
}

/** The same caller as the one recorded (person, or key without a person). */
export function isSameCaller(ctx: Context, creator: { actorId: string | null; apiKeyId: string | null } | null) {
  if (!creator) return false;
  if (ctx.viewer) return creator.actorId === ctx.viewer.id;
  return !!ctx.apiKey && creator.actorId === null && creator.apiKeyId === ctx.apiKey.id;
}
