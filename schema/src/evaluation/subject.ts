import type { EvaluationKind, PrismaClient } from '@tandem/db';
import type { Context } from '../context.ts';
import { InputError, NotFoundError, RuleError } from '../errors.ts';
import { idOf, rowIdOf } from '../ids.ts';
import { volunteersWith } from '../volunteering.ts';

/** What an evaluation is about: a volunteer, a placement, or nothing in particular (the organisation). */
export interface EvaluationSubject {
  subjectUserId: string | null;
  opportunityId: string | null;
}

/**
 * The key that tells drafts and round requests of one respondent apart: the
 * subject's row id, or "" for an organisation self-assessment. A self-evaluation
 * is about the respondent, so its key is the respondent's id.
 */
export function subjectKeyOf(subject: EvaluationSubject): string {
  return subject.subjectUserId ?? subject.opportunityId ?? '';
}

/** The global-id type a template kind's `subjectId` names, if it takes one. */
export function subjectTypeOf(kind: EvaluationKind): 'Person' | 'Opportunity' | null {
  if (kind === 'MENTOR_OF_VOLUNTEER') return 'Person';
  if (kind === 'VOLUNTEER_OF_PLACEMENT') return 'Opportunity';
  return null;
}

/**
 * The subject key for a lookup of one's own draft, without checking any right
 * (one only ever reads one's own drafts): null when the id does not fit the kind.
 */
export function lookupSubjectKey(kind: EvaluationKind, viewerId: string, subjectId: string | null | undefined) {
  if (kind === 'VOLUNTEER_SELF') return viewerId;
  if (kind === 'ORGANIZATION_SELF') return '';
  const type = subjectTypeOf(kind)!;
  return subjectId ? rowIdOf(subjectId, type) : null;
}

/**
 * Who may answer a template of each kind in an organisation, and about what.
 * VOLUNTEER_SELF: someone who volunteers there, about themselves.
 * MENTOR_OF_VOLUNTEER: whoever holds evaluations:write for the volunteer (their
 * mentor, a coordinator), about a volunteer of the organisation.
 * VOLUNTEER_OF_PLACEMENT: a volunteer accepted on the opportunity, about it.
 * ORGANIZATION_SELF: the organisation's staff, about the organisation.
 */
export async function resolveSubject(
  ctx: Context,
  kind: EvaluationKind,
  organizationId: string,
  subjectId: string | null | undefined,
): Promise<EvaluationSubject> {
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
      if (!ctx.access.isStaffOf(organizationId)) throw new NotFoundError(L, ['input', 'organizationId']);
      return { subjectUserId: null, opportunityId: null };
  }
}

/** A template that can be answered now in the organisation (published, current, owned or shared with it). */
export async function answerableTemplate(ctx: Context, templateId: string, organizationId: string) {
  const L = ctx.locale;
  const template = await ctx.prisma.evaluationTemplate.findUnique({
    where: { id: templateId },
    include: { questions: { orderBy: { position: 'asc' } }, project: { include: { partners: true } } },
  });
  if (!template || !template.publishedAt) throw new NotFoundError(L, ['input', 'templateId']);
  if (template.retiredAt) throw new RuleError(L, 'TEMPLATE_NOT_OPEN');
  if (!usesTemplate(template, organizationId)) throw new NotFoundError(L, ['input', 'organizationId']);
  return template;
}

/** The organisation owns the template, or is a partner of the project that shares it. */
export function usesTemplate(
  template: { organizationId: string | null; project: { partners: { organizationId: string }[] } | null },
  organizationId: string,
): boolean {
  return (
    template.organizationId === organizationId ||
    !!template.project?.partners.some((p) => p.organizationId === organizationId)
  );
}

/**
 * The open request of a round that an answer by this respondent about this
 * subject fulfils; NotFoundError when the round is not theirs to answer (it
 * names another template or organisation, or asks them nothing about it).
 */
export async function requestFor(
  ctx: Context | { prisma: PrismaClient; locale: Context['locale'] },
  roundId: string,
  input: { templateId: string; organizationId: string; respondentId: string; subjectKey: string },
) {
  const request = await ctx.prisma.evaluationRequest.findUnique({
    where: {
      roundId_respondentId_subjectKey: { roundId, respondentId: input.respondentId, subjectKey: input.subjectKey },
    },
    include: { round: true },
  });
  if (
    !request ||
    request.round.templateId !== input.templateId ||
    request.round.organizationId !== input.organizationId
  ) {
    throw new NotFoundError(ctx.locale, ['input', 'roundId']);
  }
  return request;
}
