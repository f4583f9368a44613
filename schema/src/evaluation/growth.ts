import type { EvaluationKind, EvaluationRoundPhase, PrismaClient } from '@tandem/db';

export interface GrowthPoint {
  roundId: string;
  phase: EvaluationRoundPhase;
  titleSl: string;
  titleEn: string;
  opensOn: Date;
  dueOn: Date;
  /** Mean of the answers about this competence in the round (two decimals). */
  value: number;
  /** Responses it is the mean of (e.g. two mentors). */
  responses: number;
}

export interface CompetenceGrowth {
  competenceCode: string;
  source: EvaluationKind;
  points: GrowthPoint[];
  /** Last point minus first; null with fewer than two points. */
  change: number | null;
}

const PHASE_ORDER: Record<EvaluationRoundPhase, number> = { START: 0, MIDDLE: 1, PERIODIC: 1, END: 2 };
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * A volunteer's competences as evaluated in rounds (their self-evaluations
 * and their mentors' evaluations, kept apart), per competence and round, in
 * the rounds' order: by opening day, then START, MIDDLE/PERIODIC, END.
 * Only COMPETENCE questions count; answers outside rounds have no phase and
 * are left out.
 */
export async function competenceGrowth(
  prisma: PrismaClient,
  input: { volunteerId: string; organizationId: string; opportunityId?: string | null; source?: EvaluationKind | null },
): Promise<CompetenceGrowth[]> {
  const responses = await prisma.evaluationResponse.findMany({
    where: {
      subjectUserId: input.volunteerId,
      organizationId: input.organizationId,
      roundId: { not: null },
      ...(input.opportunityId ? { round: { opportunityId: input.opportunityId } } : {}),
      template: {
        kind: input.source ? input.source : { in: ['VOLUNTEER_SELF', 'MENTOR_OF_VOLUNTEER'] },
      },
    },
    select: {
      answers: true,
      template: {
        select: {
          kind: true,
          questions: { where: { type: 'COMPETENCE' }, select: { id: true, competenceCode: true } },
        },
      },
      round: { select: { id: true, phase: true, titleSl: true, titleEn: true, opensOn: true, dueOn: true } },
    },
  });

  // (source, competence) → round id → values
  const series = new Map<
    string,
    Map<string, { round: NonNullable<(typeof responses)[number]['round']>; values: number[] }>
  >();
  for (const response of responses) {
    const round = response.round!;
    const answers = new Map(
      (Array.isArray(response.answers) ? (response.answers as Array<{ questionId: string; value: unknown }>) : []).map(
        (a) => [a.questionId, a.value],
      ),
    );
    // Several questions on one competence in a response count as their mean, once.
    const perCompetence = new Map<string, number[]>();
    for (const q of response.template.questions) {
      const value = answers.get(q.id);
      if (typeof value !== 'number' || !q.competenceCode) continue;
      perCompetence.set(q.competenceCode, [...(perCompetence.get(q.competenceCode) ?? []), value]);
    }
    for (const [code, values] of perCompetence) {
      const key = `${response.template.kind}|${code}`;
      const byRound = series.get(key) ?? new Map();
      const point = byRound.get(round.id) ?? { round, values: [] };
      point.values.push(values.reduce((s, v) => s + v, 0) / values.length);
      byRound.set(round.id, point);
      series.set(key, byRound);
    }
  }

  const competences = await prisma.competence.findMany({ select: { code: true, framework: true, position: true } });
  const order = new Map(competences.map((c) => [c.code, `${c.framework}|${String(c.position).padStart(4, '0')}`]));
  return [...series.entries()]
    .map(([key, byRound]) => {
      const [source, competenceCode] = key.split('|') as [EvaluationKind, string];
      const points = [...byRound.values()]
        .sort(
          (a, b) =>
            a.round.opensOn.getTime() - b.round.opensOn.getTime() ||
            PHASE_ORDER[a.round.phase] - PHASE_ORDER[b.round.phase] ||
            a.round.id.localeCompare(b.round.id),
        )
        .map(({ round, values }) => ({
          roundId: round.id,
          phase: round.phase,
          titleSl: round.titleSl,
          titleEn: round.titleEn,
          opensOn: round.opensOn,
          dueOn: round.dueOn,
          value: round2(values.reduce((s, v) => s + v, 0) / values.length),
          responses: values.length,
        }));
      const change = points.length >= 2 ? round2(points.at(-1)!.value - points[0]!.value) : null;
      return { competenceCode, source, points, change };
    })
    .sort(
      (a, b) =>
        a.source.localeCompare(b.source) ||
        (order.get(a.competenceCode) ?? a.competenceCode).localeCompare(
          order.get(b.competenceCode) ?? b.competenceCode,
        ),
    );
}
