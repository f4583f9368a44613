import type { EvaluationKind, Prisma, PrismaClient } from '@tandem/db';
import type { Locale } from '../context.ts';
import { InputError, NotFoundError, RuleError } from '../errors.ts';
import { idOf } from '../ids.ts';
import { volunteersWith } from '../volunteering.ts';

/** One person to ask, about one subject (see subjectKeyOf). */
export interface PlannedRequest {
  respondentId: string;
  subjectUserId: string | null;
  subjectKey: string;
}

/** What decides who must answer a round. */
export interface RoundScope {
  organizationId: string;
  projectId: string | null;
  opportunityId: string | null;
  opensOn: Date;
  dueOn: Date;
}

const STAFF_ROLES = ['ADMIN', 'COORDINATOR', 'MENTOR'] as const;
const notErased = { erasedAt: null } satisfies Prisma.UserWhereInput;

/**
 * The volunteers a round is about: accepted on the opportunity; for a project
 * round, accepted on any of the organisation's opportunities in the project;
 * otherwise everyone with an active volunteering agreement with the organisation.
 */
async function volunteersInScope(prisma: PrismaClient, scope: RoundScope): Promise<string[]> {
  if (scope.opportunityId || scope.projectId) {
    const applications = await prisma.application.findMany({
      where: {
        organizationId: scope.organizationId,
        status: 'ACCEPTED',
        volunteer: notErased,
        opportunity: scope.opportunityId ? { id: scope.opportunityId } : { projectId: scope.projectId },
      },
      select: { volunteerId: true },
      orderBy: { volunteerId: 'asc' },
    });
    return [...new Set(applications.map((a) => a.volunteerId))];
  }
  const agreements = await prisma.volunteerAgreement.findMany({
    where: { organizationId: scope.organizationId, status: 'ACTIVE', volunteer: notErased },
    select: { volunteerId: true },
    orderBy: { volunteerId: 'asc' },
  });
  return [...new Set(agreements.map((a) => a.volunteerId))];
}

/**
 * Who must answer a round when the coordinator does not list them, by the
 * template's kind:
 * - VOLUNTEER_SELF: the volunteers in scope, each about themselves;
 * - VOLUNTEER_OF_PLACEMENT: the volunteers accepted on the round's opportunity, about it;
 * - MENTOR_OF_VOLUNTEER: each volunteer's mentors — mentor assignments in the
 *   organisation overlapping the round's period, and the opportunity's mentor —
 *   who are still staff there, about that volunteer;
 * - ORGANIZATION_SELF: the organisation's coordinators (its admins when it has none, else its mentors).
 */
export async function derivedRequests(
  prisma: PrismaClient,
  kind: EvaluationKind,
  scope: RoundScope,
): Promise<PlannedRequest[]> {
  switch (kind) {
    case 'VOLUNTEER_SELF':
      return (await volunteersInScope(prisma, scope)).map((v) => ({
        respondentId: v,
        subjectUserId: v,
        subjectKey: v,
      }));
    case 'VOLUNTEER_OF_PLACEMENT':
      return (await volunteersInScope(prisma, scope)).map((v) => ({
        respondentId: v,
        subjectUserId: null,
        subjectKey: scope.opportunityId!,
      }));
    case 'MENTOR_OF_VOLUNTEER': {
      const volunteers = await volunteersInScope(prisma, scope);
      const [assignments, opportunity, staff] = await Promise.all([
        prisma.mentorAssignment.findMany({
          where: {
            organizationId: scope.organizationId,
            volunteerId: { in: volunteers },
            startsOn: { lte: scope.dueOn },
            OR: [{ endsOn: null }, { endsOn: { gte: scope.opensOn } }],
          },
          select: { mentorId: true, volunteerId: true },
        }),
        scope.opportunityId
          ? prisma.opportunity.findUnique({ where: { id: scope.opportunityId }, select: { mentorId: true } })
          : null,
        prisma.membership.findMany({
          where: { organizationId: scope.organizationId, role: { in: [...STAFF_ROLES] }, user: notErased },
          select: { userId: true },
        }),
      ]);
      const isStaff = new Set(staff.map((m) => m.userId));
      const pairs = new Map<string, PlannedRequest>();
      const add = (mentorId: string | null | undefined, volunteerId: string) => {
        if (!mentorId || mentorId === volunteerId || !isStaff.has(mentorId)) return;
        pairs.set(`${mentorId}:${volunteerId}`, {
          respondentId: mentorId,
          subjectUserId: volunteerId,
          subjectKey: volunteerId,
        });
      };
      for (const a of assignments) add(a.mentorId, a.volunteerId);
      for (const v of volunteers) add(opportunity?.mentorId, v);
      return [...pairs.values()];
    }
    case 'ORGANIZATION_SELF': {
      const members = await prisma.membership.findMany({
        where: { organizationId: scope.organizationId, role: { in: [...STAFF_ROLES] }, user: notErased },
        select: { userId: true, role: true },
        orderBy: { userId: 'asc' },
      });
      // Small partners often have no coordinator, only an admin or a mentor who runs volunteering.
      const role = (['COORDINATOR', 'ADMIN', 'MENTOR'] as const).find((r) => members.some((m) => m.role === r));
      const chosen = members.filter((m) => m.role === role);
      return [...new Set(chosen.map((m) => m.userId))].map((u) => ({
        respondentId: u,
        subjectUserId: null,
        subjectKey: '',
      }));
    }
  }
}

/** One entry of an explicit list of respondents, as the API takes it. */
export interface RespondentEntry {
  personId: string;
  subjectId?: string | null;
}

/**
 * Checks a coordinator's own list of who must answer: each person must be able
 * to answer the template in the organisation about the subject (the same rules
 * as submitEvaluation). Anything that does not fit is reported as not found.
 */
export async function listedRequests(
  prisma: PrismaClient,
  locale: Locale,
  kind: EvaluationKind,
  scope: RoundScope,
  entries: readonly RespondentEntry[],
): Promise<PlannedRequest[]> {
  const planned = new Map<string, PlannedRequest>();
  for (const [index, entry] of entries.entries()) {
    const path = ['input', 'respondents', String(index)];
    const personId = idOf(locale, entry.personId, 'Person', [...path, 'personId']);
    const person = await prisma.user.findFirst({ where: { id: personId, ...notErased }, select: { id: true } });
    if (!person) throw new NotFoundError(locale, [...path, 'personId']);
    const isStaff = async (userId: string) =>
      !!(await prisma.membership.findFirst({
        where: { userId, organizationId: scope.organizationId, role: { in: [...STAFF_ROLES] } },
        select: { id: true },
      }));
    let request: PlannedRequest;
    switch (kind) {
      case 'VOLUNTEER_SELF':
        if (!(await volunteersWith(prisma, personId, scope.organizationId))) {
          throw new NotFoundError(locale, [...path, 'personId']);
        }
        request = { respondentId: personId, subjectUserId: personId, subjectKey: personId };
        break;
      case 'VOLUNTEER_OF_PLACEMENT': {
        const accepted = await prisma.application.findFirst({
          where: { opportunityId: scope.opportunityId!, volunteerId: personId, status: 'ACCEPTED' },
          select: { id: true },
        });
        if (!accepted) throw new NotFoundError(locale, [...path, 'personId']);
        request = { respondentId: personId, subjectUserId: null, subjectKey: scope.opportunityId! };
        break;
      }
      case 'MENTOR_OF_VOLUNTEER': {
        if (!(await isStaff(personId))) throw new NotFoundError(locale, [...path, 'personId']);
        if (!entry.subjectId) throw InputError.field(locale, [...path, 'subjectId'], 'REQUIRED');
        const volunteerId = idOf(locale, entry.subjectId, 'Person', [...path, 'subjectId']);
        if (volunteerId === personId || !(await volunteersWith(prisma, volunteerId, scope.organizationId))) {
          throw new NotFoundError(locale, [...path, 'subjectId']);
        }
        request = { respondentId: personId, subjectUserId: volunteerId, subjectKey: volunteerId };
        break;
      }
      case 'ORGANIZATION_SELF':
        if (!(await isStaff(personId))) throw new NotFoundError(locale, [...path, 'personId']);
        request = { respondentId: personId, subjectUserId: null, subjectKey: '' };
        break;
    }
    planned.set(`${request.respondentId}:${request.subjectKey}`, request);
  }
  return [...planned.values()];
}

/** Placement rounds need their placement; the rest of the scope is optional. */
export function checkRoundShape(locale: Locale, kind: EvaluationKind, scope: RoundScope): void {
  if (kind === 'VOLUNTEER_OF_PLACEMENT' && !scope.opportunityId) {
    throw InputError.field(locale, ['input', 'opportunityId'], 'OPPORTUNITY_REQUIRED');
  }
  if (scope.dueOn < scope.opensOn) throw InputError.field(locale, ['input', 'dueOn'], 'DUE_BEFORE_OPEN');
}

export function noRespondents(locale: Locale): RuleError {
  return new RuleError(locale, 'NO_RESPONDENTS');
}
