import type { Locale, Prisma, WorkType } from '@tandem/db';

/**
 * What an issued certificate says, frozen when it is issued so that it reads
 * the same later, whatever happens to the records it was made from.
 */
export interface CertificateSnapshot {
  version: 1;
  locale: Locale;
  volunteer: { name: string; birthDate: string | null };
  organization: { name: string; address: string | null; city: string; registrationNumber: string | null };
  period: { from: string; to: string };
  /** Approved minutes in the period. */
  minutes: number;
  areas: { code: string; nameSl: string; nameEn: string; minutes: number }[];
  workTypes: { workType: WorkType; minutes: number }[];
  /** What the organisation certifies the work was. */
  description: string;
  /** Null when the volunteer did not ask for them. */
  competences: CompetenceLine[] | null;
  issuedBy: { name: string; title: string | null };
  registerNumber: string;
  verificationCode: string;
  issuedAt: string;
}

export interface CompetenceLine {
  code: string;
  nameSl: string;
  nameEn: string;
  /** The latest rating in the period, on the question's scale. */
  level: number;
  scaleMax: number;
  /** MENTOR when a mentor rated it (preferred), SELF for the volunteer's own rating. */
  ratedBy: 'MENTOR' | 'SELF';
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The period's last day included: entries dated on it count. */
function periodWhere(from: Date, to: Date) {
  return { gte: from, lte: to };
}

/**
 * Competences rated in the organisation's evaluations of the volunteer (a
 * mentor's evaluation, or the volunteer's self-evaluation) submitted in the
 * period: for each competence the latest mentor's rating, or else the latest
 * own rating.
 */
export async function competencesOf(
  db: Prisma.TransactionClient,
  volunteerId: string,
  organizationId: string,
  from: Date,
  to: Date,
): Promise<CompetenceLine[]> {
  const responses = await db.evaluationResponse.findMany({
    where: {
      organizationId,
      subjectUserId: volunteerId,
      submittedAt: { gte: from, lt: new Date(to.getTime() + 86_400_000) },
      template: { kind: { in: ['MENTOR_OF_VOLUNTEER', 'VOLUNTEER_SELF'] } },
    },
    select: {
      respondentId: true,
      answers: true,
      submittedAt: true,
      template: {
        select: {
          questions: {
            where: { type: 'COMPETENCE', competenceCode: { not: null } },
            select: { id: true, scaleMax: true, competence: true },
          },
        },
      },
    },
    orderBy: { submittedAt: 'asc' },
  });
  const best = new Map<string, CompetenceLine & { rank: number }>();
  for (const response of responses) {
    const ratedBy = response.respondentId === volunteerId ? 'SELF' : 'MENTOR';
    const answers = Array.isArray(response.answers)
      ? (response.answers as { questionId?: string; value?: unknown }[])
      : [];
    for (const question of response.template.questions) {
      const value = answers.find((a) => a?.questionId === question.id)?.value;
      if (!question.competence || typeof value !== 'number') continue;
      // Later answers replace earlier ones; a mentor's rating outranks the volunteer's own.
      const rank = ratedBy === 'MENTOR' ? 1 : 0;
      const previous = best.get(question.competence.code);
      if (previous && previous.rank > rank) continue;
      best.set(question.competence.code, {
        code: question.competence.code,
        nameSl: question.competence.nameSl,
        nameEn: question.competence.nameEn,
        level: value,
        scaleMax: question.scaleMax ?? 5,
        ratedBy,
        rank,
      });
    }
  }
  const positions = new Map(
    (await db.competence.findMany({ select: { code: true, position: true } })).map((c) => [c.code, c.position]),
  );
  return [...best.values()]
    .sort((a, b) => (positions.get(a.code) ?? 0) - (positions.get(b.code) ?? 0))
    .map(({ rank: _, ...line }) => line);
}

/** Approved minutes in the period, in all, by area and by type of work. */
export async function hoursOf(
  db: Prisma.TransactionClient,
  volunteerId: string,
  organizationId: string,
  from: Date,
  to: Date,
) {
  const where = { volunteerId, organizationId, status: 'APPROVED' as const, date: periodWhere(from, to) };
  const [byArea, byWorkType, areas] = await Promise.all([
    db.hourLog.groupBy({ by: ['areaCode'], where, _sum: { minutes: true }, orderBy: { areaCode: 'asc' } }),
    db.hourLog.groupBy({ by: ['workType'], where, _sum: { minutes: true }, orderBy: { workType: 'asc' } }),
    db.area.findMany({ select: { code: true, nameSl: true, nameEn: true, sortOrder: true } }),
  ]);
  const names = new Map(areas.map((a) => [a.code, a]));
  return {
    minutes: byArea.reduce((sum, g) => sum + (g._sum.minutes ?? 0), 0),
    areas: byArea
      .map((g) => ({
        code: g.areaCode,
        nameSl: names.get(g.areaCode)?.nameSl ?? g.areaCode,
        nameEn: names.get(g.areaCode)?.nameEn ?? g.areaCode,
        minutes: g._sum.minutes ?? 0,
      }))
      .sort((a, b) => b.minutes - a.minutes || a.code.localeCompare(b.code)),
    workTypes: byWorkType.map((g) => ({ workType: g.workType, minutes: g._sum.minutes ?? 0 })),
  };
}

export async function buildSnapshot(
  db: Prisma.TransactionClient,
  certificate: {
    volunteerId: string;
    organizationId: string;
    periodFrom: Date;
    periodTo: Date;
    includeCompetences: boolean;
    locale: Locale;
  },
  issue: {
    description: string;
    issuer: { name: string; title: string | null };
    registerNumber: string;
    verificationCode: string;
    issuedAt: Date;
  },
): Promise<CertificateSnapshot> {
  const { volunteerId, organizationId, periodFrom: from, periodTo: to } = certificate;
  const [volunteer, organization, hours, competences] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: volunteerId }, select: { name: true, birthDate: true } }),
    db.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { name: true, address: true, city: true, registrationNumber: true },
    }),
    hoursOf(db, volunteerId, organizationId, from, to),
    certificate.includeCompetences ? competencesOf(db, volunteerId, organizationId, from, to) : null,
  ]);
  return {
    version: 1,
    locale: certificate.locale,
    volunteer: { name: volunteer.name, birthDate: volunteer.birthDate ? day(volunteer.birthDate) : null },
    organization,
    period: { from: day(from), to: day(to) },
    ...hours,
    description: issue.description,
    competences,
    issuedBy: issue.issuer,
    registerNumber: issue.registerNumber,
    verificationCode: issue.verificationCode,
    issuedAt: issue.issuedAt.toISOString(),
  };
}
