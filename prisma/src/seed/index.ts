// The demo seed: both partnerships from the source documents (seeds 000 and
// 004), as the world looks on 23 November 2026. Deterministic (fixed ids, fixed
// dates) and idempotent: every table is written with createMany + skipDuplicates,
// so a second run inserts nothing and changes nothing.
import type { Prisma, PrismaClient } from '../../generated/client/client.ts';
import { applicationAuditLogs, applications, applicationStatusChanges, consentRecords } from './applications.ts';
import { evaluationQuestions, evaluationResponses, evaluationTemplates } from './evaluations.ts';
import { evaluationRounds } from './evaluation-rounds.ts';
import { certificateAuditLogs, certificates } from './certificates.ts';
import { hourLogAuditLogs, hourLogs } from './hours.ts';
import { lgbtiq } from './lgbtiq.ts';
import { maribor } from './maribor.ts';
import { learningGoals, mentorAssignments } from './mentoring.ts';
import { mentoringYear } from './mentoring-year.ts';
import { opportunities, shifts, signupQuestions } from './opportunities.ts';
import { organizationAreas, organizations } from './organizations.ts';
import { agreements, memberships, users } from './people.ts';
import { areas, competences, regions } from './reference.ts';

export { stableId } from './ids.ts';

const projects = [maribor, lgbtiq];

/** Every row of the demo, per model, in an order that satisfies foreign keys. */
export function seedData() {
  const year = mentoringYear();
  return {
    region: regions,
    area: areas,
    competence: competences,
    organization: organizations,
    organizationArea: organizationAreas,
    project: projects.map((p) => p.project),
    projectPartner: projects.flatMap((p) => p.partners),
    projectRegion: projects.flatMap((p) => p.regions),
    indicator: projects.flatMap((p) => p.indicators),
    user: users,
    // After the users: entries name who recorded them.
    indicatorProgress: projects.flatMap((p) => p.indicatorProgress),
    membership: memberships,
    volunteerAgreement: agreements,
    opportunity: opportunities,
    shift: shifts,
    signupQuestion: signupQuestions,
    application: applications,
    applicationStatusChange: applicationStatusChanges,
    consentRecord: consentRecords,
    hourLog: hourLogs,
    certificate: certificates,
    // Rounds before the responses that answer them; requests after the responses that fulfil them.
    ...((rounds) => ({
      evaluationTemplate: [...evaluationTemplates, ...rounds.evaluationTemplate],
      evaluationQuestion: [...evaluationQuestions, ...rounds.evaluationQuestion],
      evaluationRound: rounds.evaluationRound,
      evaluationResponse: [...evaluationResponses, ...rounds.evaluationResponse],
      evaluationRequest: rounds.evaluationRequest,
      evaluationDraft: rounds.evaluationDraft,
      outboxMessage: rounds.outboxMessage,
    }))(evaluationRounds()),
    mentorAssignment: mentorAssignments,
    learningGoal: [...learningGoals, ...year.learningGoal],
    intervisionSession: [...projects.flatMap((p) => p.intervisionSessions), ...year.intervisionSession],
    intervisionParticipant: [...projects.flatMap((p) => p.intervisionParticipants), ...year.intervisionParticipant],
    auditLog: [...applicationAuditLogs, ...hourLogAuditLogs, ...certificateAuditLogs, ...year.auditLog],
  };
}

export type SeedData = ReturnType<typeof seedData>;
export type SeedModel = keyof SeedData;
/** How many rows of each model the demo consists of (present after seeding). */
export type SeedSummary = Record<SeedModel, number>;

type CreateMany<T> = (args: { data: T[]; skipDuplicates: true }) => Prisma.PrismaPromise<Prisma.BatchPayload>;

/** The createMany of each model, in insertion order. */
function writers(prisma: PrismaClient): { [M in SeedModel]: CreateMany<SeedData[M][number]> } {
  return {
    region: (a) => prisma.region.createMany(a),
    area: (a) => prisma.area.createMany(a),
    competence: (a) => prisma.competence.createMany(a),
    organization: (a) => prisma.organization.createMany(a),
    organizationArea: (a) => prisma.organizationArea.createMany(a),
    project: (a) => prisma.project.createMany(a),
    projectPartner: (a) => prisma.projectPartner.createMany(a),
    projectRegion: (a) => prisma.projectRegion.createMany(a),
    indicator: (a) => prisma.indicator.createMany(a),
    indicatorProgress: (a) => prisma.indicatorProgress.createMany(a),
    user: (a) => prisma.user.createMany(a),
    membership: (a) => prisma.membership.createMany(a),
    volunteerAgreement: (a) => prisma.volunteerAgreement.createMany(a),
    opportunity: (a) => prisma.opportunity.createMany(a),
    shift: (a) => prisma.shift.createMany(a),
    signupQuestion: (a) => prisma.signupQuestion.createMany(a),
    application: (a) => prisma.application.createMany(a),
    applicationStatusChange: (a) => prisma.applicationStatusChange.createMany(a),
    consentRecord: (a) => prisma.consentRecord.createMany(a),
    hourLog: (a) => prisma.hourLog.createMany(a),
    certificate: (a) => prisma.certificate.createMany(a),
    evaluationTemplate: (a) => prisma.evaluationTemplate.createMany(a),
    evaluationQuestion: (a) => prisma.evaluationQuestion.createMany(a),
    evaluationResponse: (a) => prisma.evaluationResponse.createMany(a),
    evaluationRound: (a) => prisma.evaluationRound.createMany(a),
    evaluationRequest: (a) => prisma.evaluationRequest.createMany(a),
    evaluationDraft: (a) => prisma.evaluationDraft.createMany(a),
    outboxMessage: (a) => prisma.outboxMessage.createMany(a),
    mentorAssignment: (a) => prisma.mentorAssignment.createMany(a),
    learningGoal: (a) => prisma.learningGoal.createMany(a),
    intervisionSession: (a) => prisma.intervisionSession.createMany(a),
    intervisionParticipant: (a) => prisma.intervisionParticipant.createMany(a),
    auditLog: (a) => prisma.auditLog.createMany(a),
  };
}

/**
 * Writes the demo data. Rows that already exist (same id or other unique key)
 * are left as they are, so seeding a seeded database is a no-op.
 * `onInsert` learns how many rows of each model were new.
 */
export async function seed(
  prisma: PrismaClient,
  options: { onInsert?: (model: SeedModel, inserted: number) => void } = {},
): Promise<SeedSummary> {
  const data = seedData();
  const write = writers(prisma);
  const summary = {} as SeedSummary;
  for (const model of Object.keys(data) as SeedModel[]) {
    const rows = data[model] as never[];
    const { count } = await (write[model] as CreateMany<never>)({ data: rows, skipDuplicates: true });
    options.onInsert?.(model, count);
    summary[model] = rows.length;
  }
  return summary;
}
