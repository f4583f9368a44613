// Figures over evaluation responses to one template (all its versions), with
// small groups suppressed. No free text ever leaves this module.
import type { EvaluationKind, EvaluationRoundPhase, Prisma, PrismaClient } from '@tandem/db';
import { addDays, startOfSlovenianDay } from './dates.ts';

/** Groups of fewer people than this are not shown: with minors, a small group identifies them. */
export const MIN_GROUP = 3;

export type AggregateScope = 'ORGANIZATION' | 'PROJECT' | 'OPPORTUNITY' | 'PARTNERSHIP';

export interface AggregateFilter {
  templateKey: string;
  scope: AggregateScope;
  /** Row id of the organisation, project or opportunity (PARTNERSHIP: the project). */
  scopeId: string;
  roundId?: string | null;
  phase?: EvaluationRoundPhase | null;
  /** Calendar days (inclusive) in Slovenia, on submittedAt. */
  from?: Date | null;
  to?: Date | null;
}

type QuestionRow = Prisma.EvaluationQuestionGetPayload<object>;

export interface ValueCount {
  value: number;
  count: number;
}
export interface ChoiceCount {
  value: string;
  labelSl: string;
  labelEn: string | null;
  count: number;
}

export interface QuestionAggregate {
  /** The question as last asked (the latest version it appears in). */
  question: QuestionRow;
  /** Versions in which this exact question was asked. */
  versions: number[];
  suppressed: boolean;
  /** People who answered it (null when suppressed). */
  respondents: number | null;
  answers: number | null;
  mean: number | null;
  distribution: ValueCount[];
  choices: ChoiceCount[];
}

export interface GroupAggregate {
  suppressed: boolean;
  respondents: number | null;
  responses: number | null;
  questions: QuestionAggregate[];
}

export interface Aggregate extends GroupAggregate {
  templateKey: string;
  kind: EvaluationKind;
  versions: number[];
  /** PARTNERSHIP only: the same figures per partner organisation. */
  byOrganization: Array<GroupAggregate & { organizationId: string }>;
}

/**
 * What makes two questions of different versions the same question: everything
 * the respondent saw and the answer's meaning — type, both prompts, scale
 * bounds and end labels, competence, choice values and labels. Only the
 * position may differ. A question changed in any of these is counted per
 * version, each under its own entry.
 */
export function questionSignature(q: QuestionRow): string {
  return JSON.stringify([
    q.type,
    q.promptSl,
    q.promptEn,
    q.scaleMin,
    q.scaleMax,
    q.scaleMinLabelSl,
    q.scaleMinLabelEn,
    q.scaleMaxLabelSl,
    q.scaleMaxLabelEn,
    q.competenceCode,
    q.options ?? null,
  ]);
}

interface ResponseRow {
  id: string;
  templateId: string;
  organizationId: string;
  respondentId: string | null;
  subjectUserId: string | null;
  answers: Prisma.JsonValue;
}

function scopeWhere(filter: AggregateFilter, partners: string[]): Prisma.EvaluationResponseWhereInput {
  switch (filter.scope) {
    case 'ORGANIZATION':
      return { organizationId: filter.scopeId };
    case 'OPPORTUNITY':
      return { OR: [{ opportunityId: filter.scopeId }, { round: { opportunityId: filter.scopeId } }] };
    case 'PROJECT':
      // Made within the project: in one of its rounds, or about one of its placements.
      return {
        organizationId: { in: partners },
        OR: [
          { round: { projectId: filter.scopeId } },
          { round: { opportunity: { projectId: filter.scopeId } } },
          { opportunity: { projectId: filter.scopeId } },
        ],
      };
    case 'PARTNERSHIP':
      return { organizationId: { in: partners } };
  }
}

/** The number of people a group's figures are about (see evaluationAggregate's description). */
function groupSize(kind: EvaluationKind, responses: readonly ResponseRow[]): number {
  // An erased respondent still counts, as someone nobody else is.
  const person =
    kind === 'MENTOR_OF_VOLUNTEER'
      ? (r: ResponseRow) => r.subjectUserId ?? `response:${r.id}`
      : (r: ResponseRow) => r.respondentId ?? `response:${r.id}`;
  return new Set(responses.map(person)).size;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

interface QuestionGroup {
  signature: string;
  /** Latest first. */
  rows: Array<{ version: number; templateId: string; question: QuestionRow }>;
}

function aggregateGroup(
  kind: EvaluationKind,
  groups: readonly QuestionGroup[],
  responses: readonly ResponseRow[],
): GroupAggregate {
  const size = groupSize(kind, responses);
  if (size < MIN_GROUP) return { suppressed: true, respondents: null, responses: null, questions: [] };
  const answersOf = new Map<string, Map<string, unknown>>(
    responses.map((r) => [
      r.id,
      new Map(
        (Array.isArray(r.answers) ? (r.answers as Array<{ questionId: string; value: unknown }>) : []).map((a) => [
          a.questionId,
          a.value,
        ]),
      ),
    ]),
  );
  // Questions of versions nobody in the group answered are left out, not shown as empty.
  const answeredTemplates = new Set(responses.map((r) => r.templateId));
  const questions = groups
    .filter((g) => g.rows[0]!.question.type !== 'TEXT')
    .filter((g) => g.rows.some((r) => answeredTemplates.has(r.templateId)))
    .map((g): QuestionAggregate => {
      const question = g.rows[0]!.question;
      const ids = new Set(g.rows.map((r) => r.question.id));
      const answered: Array<{ response: ResponseRow; value: unknown }> = [];
      for (const response of responses) {
        for (const [questionId, value] of answersOf.get(response.id)!) {
          if (ids.has(questionId) && value !== null && value !== undefined) answered.push({ response, value });
        }
      }
      const versions = [...new Set(g.rows.map((r) => r.version))].sort((a, b) => a - b);
      const n = groupSize(
        kind,
        answered.map((a) => a.response),
      );
      const empty = { question, versions, distribution: [], choices: [], mean: null };
      if (n < MIN_GROUP) return { ...empty, suppressed: true, respondents: null, answers: null };
      const base = { ...empty, suppressed: false, respondents: n, answers: answered.length };
      if (question.type === 'SCALE' || question.type === 'COMPETENCE') {
        const values = answered.map((a) => a.value).filter((v): v is number => typeof v === 'number');
        const min = question.scaleMin ?? 1;
        const max = question.scaleMax ?? 5;
        const distribution: ValueCount[] = [];
        for (let value = min; value <= max; value++) {
          distribution.push({ value, count: values.filter((v) => v === value).length });
        }
        const mean = values.length ? round2(values.reduce((s, v) => s + v, 0) / values.length) : null;
        return { ...base, mean, distribution };
      }
      const options = Array.isArray(question.options)
        ? (question.options as Array<{ value: string; labelSl: string; labelEn?: string | null }>)
        : [];
      const picked = answered.flatMap((a) => (Array.isArray(a.value) ? a.value : [a.value]));
      return {
        ...base,
        choices: options.map((o) => ({
          value: o.value,
          labelSl: o.labelSl,
          labelEn: o.labelEn ?? null,
          count: picked.filter((p) => p === o.value).length,
        })),
      };
    });
  return { suppressed: false, respondents: size, responses: responses.length, questions };
}

/**
 * Figures for one template key in a scope. Null when the key names no
 * template. Rights are the caller's business (see the GraphQL field).
 */
export async function evaluationAggregate(prisma: PrismaClient, filter: AggregateFilter): Promise<Aggregate | null> {
  const versions = await prisma.evaluationTemplate.findMany({
    where: { key: filter.templateKey, publishedAt: { not: null } },
    include: { questions: { orderBy: { position: 'asc' } } },
    orderBy: { version: 'desc' },
  });
  if (!versions.length) return null;
  const kind = versions[0]!.kind;

  // Questions grouped by signature, in the order of the latest version that has them.
  const bySignature = new Map<string, QuestionGroup>();
  for (const template of versions) {
    for (const question of template.questions) {
      const signature = questionSignature(question);
      const group = bySignature.get(signature) ?? { signature, rows: [] };
      group.rows.push({ version: template.version, templateId: template.id, question });
      bySignature.set(signature, group);
    }
  }
  const groups = [...bySignature.values()];

  const partners =
    filter.scope === 'PROJECT' || filter.scope === 'PARTNERSHIP'
      ? (
          await prisma.projectPartner.findMany({
            where: { projectId: filter.scopeId },
            select: { organizationId: true },
          })
        ).map((p) => p.organizationId)
      : [];
  const submittedAt: Prisma.DateTimeFilter = {
    ...(filter.from ? { gte: startOfSlovenianDay(filter.from) } : {}),
    ...(filter.to ? { lt: startOfSlovenianDay(addDays(filter.to, 1)) } : {}),
  };
  const responses = await prisma.evaluationResponse.findMany({
    where: {
      AND: [
        { templateId: { in: versions.map((v) => v.id) } },
        scopeWhere(filter, partners),
        filter.roundId ? { roundId: filter.roundId } : {},
        filter.phase ? { round: { phase: filter.phase } } : {},
        filter.from || filter.to ? { submittedAt } : {},
      ],
    },
    select: {
      id: true,
      templateId: true,
      organizationId: true,
      respondentId: true,
      subjectUserId: true,
      answers: true,
    },
    orderBy: { id: 'asc' },
  });

  const answeredVersions = new Set(responses.map((r) => r.templateId));
  const overall = aggregateGroup(kind, groups, responses);
  const byOrganization =
    filter.scope === 'PARTNERSHIP'
      ? partners.sort().map((organizationId) => ({
          organizationId,
          ...aggregateGroup(
            kind,
            groups,
            responses.filter((r) => r.organizationId === organizationId),
          ),
        }))
      : [];
  return {
    templateKey: filter.templateKey,
    kind,
    versions: versions
      .filter((v) => !overall.suppressed && answeredVersions.has(v.id))
      .map((v) => v.version)
      .sort((a, b) => a - b),
    ...overall,
    byOrganization,
  };
}
