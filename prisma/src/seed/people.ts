// Users, memberships and volunteer agreements, built from staff.ts and volunteers.ts.
import type { Prisma } from '../../generated/client/client.ts';
import type { AgreementStatus } from '../../generated/client/enums.ts';
import { APPLICATIONS } from './applications.ts';
import { addDays, addYears, ageOn, at, day, DEMO_TODAY, orgId, stableId } from './ids.ts';
import { STAFF, staffEmail, staffId, type StaffDef } from './staff.ts';
import { VOLUNTEERS, volunteerEmail, volunteerId, type EngagementDef, type VolunteerDef } from './volunteers.ts';

/** One agreement, with everything the other modules need to know about it. */
export interface Agreement {
  id: string;
  volunteer: VolunteerDef;
  engagement: EngagementDef;
  version: number;
  status: AgreementStatus;
  minorAtStart: boolean;
}

export const agreementList: Agreement[] = VOLUNTEERS.flatMap((v) =>
  v.engagements.map((engagement, index) => {
    const version = v.engagements.slice(0, index + 1).filter((e) => e.org === engagement.org).length;
    return {
      id: stableId('agreement', `${volunteerEmail(v)}/${engagement.org}/v${version}`),
      volunteer: v,
      engagement,
      version,
      status: engagement.endsOn < DEMO_TODAY ? 'ENDED' : 'ACTIVE',
      minorAtStart: ageOn(v.birthDate, engagement.startsOn) < 18,
    } satisfies Agreement;
  }),
);

function staffSince(s: StaffDef): string {
  return s.roles.map((r) => r.since).sort()[0]!;
}

/** A volunteer's account exists from ten days before their first agreement, or from just before their first sign-up. */
function volunteerSince(v: VolunteerDef): Date {
  const times = [
    ...v.engagements.map((e) => at(`${addDays(e.startsOn, -10)}T18:00`).getTime()),
    ...APPLICATIONS.filter((a) => a.volunteer === v.handle).map((a) => at(a.at).getTime() - 30 * 60_000),
  ];
  if (times.length === 0) throw new Error(`${v.handle} neither volunteers nor applies`);
  return new Date(Math.min(...times));
}

export const users: Prisma.UserCreateManyInput[] = [
  ...STAFF.map((s) => ({
    id: staffId(s.handle),
    email: staffEmail(s.handle),
    name: s.name,
    birthDate: day(s.birthDate),
    gender: s.gender,
    locale: 'sl' as const,
    createdAt: at(`${staffSince(s)}T09:00`),
    updatedAt: at(`${staffSince(s)}T09:00`),
  })),
  ...VOLUNTEERS.map((v) => ({
    id: volunteerId(v),
    email: volunteerEmail(v),
    name: v.name,
    birthDate: day(v.birthDate),
    gender: v.gender,
    locale: v.locale,
    createdAt: volunteerSince(v),
    updatedAt: volunteerSince(v),
  })),
];

const staffMemberships: Prisma.MembershipCreateManyInput[] = STAFF.flatMap((s) =>
  s.roles.map((r) => ({
    id: stableId('membership', `${staffEmail(s.handle)}/${r.org}/${r.role}`),
    userId: staffId(s.handle),
    organizationId: orgId(r.org),
    role: r.role,
    title: r.title,
    createdAt: at(`${r.since}T09:00`),
  })),
);

/** A volunteer is a VOLUNTEER member of every organisation they have (had) an agreement with. */
const volunteerMemberships: Prisma.MembershipCreateManyInput[] = VOLUNTEERS.flatMap((v) =>
  [...new Set(v.engagements.map((e) => e.org))].map((org) => {
    const first = v.engagements.find((e) => e.org === org)!;
    return {
      id: stableId('membership', `${volunteerEmail(v)}/${org}/VOLUNTEER`),
      userId: volunteerId(v),
      organizationId: orgId(org),
      role: 'VOLUNTEER' as const,
      title: null,
      createdAt: at(`${addDays(first.startsOn, -7)}T10:00`),
    };
  }),
);

export const memberships = [...staffMemberships, ...volunteerMemberships];

export const agreements: Prisma.VolunteerAgreementCreateManyInput[] = agreementList.map((a) => {
  const { engagement: e, volunteer: v } = a;
  const guardian = a.minorAtStart ? v.guardian : undefined;
  if (a.minorAtStart && !guardian) throw new Error(`${v.handle} is a minor at ${e.startsOn} and needs a guardian`);
  const signedAt = at(`${addDays(e.startsOn, -2)}T16:00`);
  return {
    id: a.id,
    volunteerId: volunteerId(v),
    organizationId: orgId(e.org),
    version: a.version,
    status: a.status,
    startsOn: day(e.startsOn),
    endsOn: day(e.endsOn),
    tasks: e.tasks,
    guardianName: guardian?.name ?? null,
    guardianEmail: guardian?.email ?? null,
    guardianConsentAt: guardian ? at(`${addDays(e.startsOn, -5)}T19:30`) : null,
    signedAt,
    retainUntil: day(addYears(e.endsOn, 10)),
    createdAt: at(`${addDays(e.startsOn, -7)}T10:00`),
    updatedAt: a.status === 'ENDED' ? at(`${addDays(e.endsOn, 1)}T09:00`) : signedAt,
  };
});
