// Sign-ups: the projects' own (2018–2020) and today's, with their status
// history and consent records. Minors' sign-ups carry their guardian's consent.
import type { Prisma } from '../../generated/client/client.ts';
import type { ApplicationStatus, ConsentKind } from '../../generated/client/enums.ts';
import { ageOn, at, opportunityId, orgId, shiftId, signupQuestionId, stableId } from './ids.ts';
import { LGBTIQ_APPLICATIONS } from './applications-lgbtiq.ts';
import { MARIBOR_APPLICATIONS } from './applications-maribor.ts';
import { opportunity } from './opportunities.ts';
import type { OrgSlug } from './organizations.ts';
import { staffId } from './staff.ts';
import { volunteer, volunteerEmail, volunteerId } from './volunteers.ts';

/** A change after the sign-up itself: [new status, local time, note]. */
export type Change = [ApplicationStatus, string, string?];

export interface ApplicationDef {
  volunteer: string;
  org: OrgSlug;
  opportunity: string;
  shift?: string;
  at: string;
  motivation: string;
  /** Answers by question position (from 0). */
  answers?: Record<number, string | boolean>;
  then?: Change[];
  photos?: boolean;
  newsletter?: boolean;
}

/** Who decides sign-ups at each organisation. */
const DECIDER: Partial<Record<OrgSlug, string>> = {
  'pekarna-magdalenske-mreze': 'maja.vidmar',
  'drustvo-toti-dca-maribor': 'luka.horvat',
  'ektc-maribor': 'tina.kranjc',
  'drustvo-hisa': 'rok.zupan',
  'zavod-mars-maribor': 'petra.golob',
  'drustvo-parada-ponosa': 'nika.potocnik',
  'drustvo-legebitra': 'ana.kos',
  'slovenska-filantropija': 'urska.kolar',
};

function decider(org: OrgSlug): string {
  const handle = DECIDER[org];
  if (!handle) throw new Error(`nobody decides sign-ups at ${org}`);
  return staffId(handle);
}

/** Every sign-up; the data lives in applications-*.ts. */
export const APPLICATIONS: ApplicationDef[] = [...LGBTIQ_APPLICATIONS, ...MARIBOR_APPLICATIONS];

/** The wording version of each consent, by when it was given. */
function textVersion(kind: ConsentKind, when: string): string {
  const prefix = { DATA_PROCESSING: 'privacy', GUARDIAN: 'guardian', PHOTOS: 'photos', NEWSLETTER: 'newsletter' }[kind];
  const year = Number(when.slice(0, 4));
  return `${prefix}-${year <= 2020 ? '2018-05' : `${year}-01`}`;
}

const applicationId = (d: ApplicationDef) =>
  stableId('application', `${volunteerEmail(volunteer(d.volunteer))}/${d.org}/${d.opportunity}/${d.shift ?? ''}`);

function check(d: ApplicationDef): void {
  const o = opportunity(d.org, d.opportunity);
  const v = volunteer(d.volunteer);
  const where = `${d.volunteer} → ${d.org}/${d.opportunity}`;
  const startsFor = [o.startsAt, d.at].sort()[1]!.slice(0, 10);
  if (o.minAge !== null && ageOn(v.birthDate, startsFor) < o.minAge) throw new Error(`${where}: too young`);
  if (Boolean(d.shift) !== Boolean(o.shifts?.length)) throw new Error(`${where}: shift mismatch`);
  if (d.shift && !o.shifts?.some((s) => s.key === d.shift)) throw new Error(`${where}: unknown shift ${d.shift}`);
  const questions = o.questions ?? [];
  questions.forEach((q, position) => {
    const answer = d.answers?.[position];
    if (answer === undefined) {
      if (q.required) throw new Error(`${where}: required question ${position} unanswered`);
      return;
    }
    if ((q.type === 'YES_NO') !== (typeof answer === 'boolean'))
      throw new Error(`${where}: yes/no mismatch at ${position}`);
    if (q.type === 'SINGLE_CHOICE' && !q.options?.some((opt) => opt.value === answer))
      throw new Error(`${where}: bad choice ${answer}`);
  });
  for (const position of Object.keys(d.answers ?? {})) {
    if (Number(position) >= questions.length) throw new Error(`${where}: answer to a missing question ${position}`);
  }
}

export const finalStatus = (d: ApplicationDef): ApplicationStatus => d.then?.at(-1)?.[0] ?? 'PENDING';

function rowsFor(d: ApplicationDef) {
  check(d);
  const v = volunteer(d.volunteer);
  const id = applicationId(d);
  const minor = ageOn(v.birthDate, d.at.slice(0, 10)) < 18;
  if (minor && !v.guardian) throw new Error(`${d.volunteer} is a minor and needs a guardian`);
  const guardian = minor ? v.guardian : undefined;
  const changes = d.then ?? [];
  const application: Prisma.ApplicationCreateManyInput = {
    id,
    opportunityId: opportunityId(d.org, d.opportunity),
    organizationId: orgId(d.org),
    shiftId: d.shift ? shiftId(d.org, d.opportunity, d.shift) : null,
    volunteerId: volunteerId(v),
    status: finalStatus(d),
    motivation: d.motivation,
    answers: Object.entries(d.answers ?? {}).map(([position, value]) => ({
      questionId: signupQuestionId(d.org, d.opportunity, Number(position)),
      value,
    })),
    guardianName: guardian?.name ?? null,
    guardianEmail: guardian?.email ?? null,
    createdAt: at(d.at),
    updatedAt: at(changes.at(-1)?.[1] ?? d.at),
  };
  let from: ApplicationStatus = 'PENDING';
  const history: Prisma.ApplicationStatusChangeCreateManyInput[] = [
    {
      id: stableId('applicationStatusChange', `${id}/0`),
      applicationId: id,
      from: null,
      to: 'PENDING',
      actorId: null,
      createdAt: at(d.at),
    },
    ...changes.map(([to, when, note], index) => {
      const change = {
        id: stableId('applicationStatusChange', `${id}/${index + 1}`),
        applicationId: id,
        from,
        to,
        actorId: to === 'WITHDRAWN' ? volunteerId(v) : decider(d.org),
        note: note ?? null,
        createdAt: at(when),
      };
      from = to;
      return change;
    }),
  ];
  const consent = (
    kind: ConsentKind,
    granted: boolean,
    givenBy: string | null = null,
  ): Prisma.ConsentRecordCreateManyInput => ({
    id: stableId('consentRecord', `${id}/${kind}`),
    applicationId: id,
    kind,
    granted,
    textVersion: textVersion(kind, d.at),
    givenBy,
    createdAt: at(d.at),
  });
  const consents = [
    consent('DATA_PROCESSING', true),
    ...(guardian ? [consent('GUARDIAN', true, guardian.name)] : []),
    ...(d.photos === undefined ? [] : [consent('PHOTOS', d.photos)]),
    ...(d.newsletter === undefined ? [] : [consent('NEWSLETTER', d.newsletter)]),
  ];
  return { application, history, consents };
}

const built = APPLICATIONS.map(rowsFor);

export const applications = built.map((b) => b.application);
export const applicationStatusChanges = built.flatMap((b) => b.history);
export const consentRecords = built.flatMap((b) => b.consents);

/** Who decided what today: the audit trail of 2025–2026 decisions. */
export const applicationAuditLogs: Prisma.AuditLogCreateManyInput[] = APPLICATIONS.flatMap((d) =>
  (d.then ?? [])
    .filter(([to, when]) => to !== 'WITHDRAWN' && when >= '2025')
    .map(([to, when, note]) => ({
      id: stableId('auditLog', `application.decide/${applicationId(d)}/${to}`),
      actorId: decider(d.org),
      organizationId: orgId(d.org),
      action: 'application.decide',
      subjectType: 'Application',
      subjectId: applicationId(d),
      details: { to, ...(note ? { note } : {}) },
      createdAt: at(when),
    })),
);
