// Minors: what signUp does is in sign-up.test.ts (guardian consent required and
// recorded, minimum age, under-15 only for suitable opportunities). Here: the
// same rules when a coordinator accepts an application, and the audit of reads
// of minors' personal data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { birthDateForAge, TestApi, toGlobal } from './harness.ts';

let api: TestApi;
let organization: { id: string; regionCode: string };
let coordinatorToken: string;

beforeAll(async () => {
  api = await TestApi.start();
  organization = await api.prisma.organization.findFirstOrThrow({
    where: { slug: 'drustvo-legebitra' },
    select: { id: true, regionCode: true },
  });
  const coordinator = await api.prisma.user.create({
    data: {
      email: 'coordinator@minors.test',
      name: 'Koordinatorka Testna',
      memberships: { create: { organizationId: organization.id, role: 'COORDINATOR' } },
    },
  });
  coordinatorToken = await api.tokenFor(coordinator.email);
});
afterAll(() => api.close());

let serial = 0;

async function opportunity(extra: { suitableUnder15?: boolean } = {}) {
  return api.prisma.opportunity.create({
    data: {
      organizationId: organization.id,
      slug: `minors-${++serial}`,
      titleSl: 'Priložnost za mlade',
      descriptionSl: 'Opis',
      areaCode: 'YOUTH',
      regionCode: organization.regionCode,
      status: 'PUBLISHED',
      ...extra,
    },
  });
}

type Consent = { kind: 'DATA_PROCESSING' | 'GUARDIAN'; granted: boolean; createdAt?: Date };

/** An application as stored, written directly so that each consent situation can be set up. */
async function application(
  opportunityId: string,
  age: number,
  { guardianName = null as string | null, consents = [] as Consent[] } = {},
) {
  const volunteer = await api.prisma.user.create({
    data: {
      email: `applicant-${++serial}@minors.test`,
      name: `Prijavitelj ${serial}`,
      birthDate: new Date(birthDateForAge(age)),
      phone: '+386 41 000 000',
    },
  });
  const row = await api.prisma.application.create({
    data: {
      opportunityId,
      organizationId: organization.id,
      volunteerId: volunteer.id,
      guardianName,
      guardianEmail: guardianName ? 'guardian@minors.test' : null,
      history: { create: { from: null, to: 'PENDING' } },
      consents: {
        create: [
          { kind: 'DATA_PROCESSING', granted: true, textVersion: 'privacy-2026-01' },
          ...consents.map((c) => ({ ...c, textVersion: 'privacy-2026-01', givenBy: guardianName })),
        ],
      },
    },
  });
  return { volunteer, application: row, id: toGlobal('Application', row.id) };
}

const DECIDE = /* GraphQL */ `
  mutation Decide($input: DecideApplicationInput!) {
    decideApplication(input: $input) {
      __typename
      ... on ApplicationPayload {
        application {
          status
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`;

async function decide(applicationId: string, decision: 'ACCEPT' | 'WAITLIST' | 'DECLINE', locale?: 'sl' | 'en') {
  return (await api.data(DECIDE, { input: { applicationId, decision } }, { token: coordinatorToken, locale }))
    .decideApplication;
}

const statusOf = async (id: string) =>
  (await api.prisma.application.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe('accepting a minor', () => {
  it('needs a recorded guardian consent', async () => {
    const o = await opportunity();
    const named = await application(o.id, 16, { guardianName: 'Mama Testna' });
    expect(await decide(named.id, 'ACCEPT', 'en')).toEqual({
      __typename: 'RuleViolationError',
      code: 'GUARDIAN_CONSENT_REQUIRED',
      message: 'Volunteers under 18 need the consent of a parent or guardian.',
    });
    // Without a guardian named at all, the applicant's age still decides.
    const unnamed = await application(o.id, 16);
    expect((await decide(unnamed.id, 'ACCEPT')).code).toBe('GUARDIAN_CONSENT_REQUIRED');
    // A refused guardian consent is no consent.
    const refused = await application(o.id, 17, {
      guardianName: 'Oče Testni',
      consents: [{ kind: 'GUARDIAN', granted: false }],
    });
    expect((await decide(refused.id, 'ACCEPT')).code).toBe('GUARDIAN_CONSENT_REQUIRED');
    for (const a of [named, unnamed, refused]) expect(await statusOf(a.application.id)).toBe('PENDING');
    expect(
      await api.prisma.auditLog.count({
        where: {
          action: 'application.decide',
          subjectId: { in: [named, unnamed, refused].map((a) => a.application.id) },
        },
      }),
    ).toBe(0);

    // Waitlisting or declining does not need consent.
    expect((await decide(named.id, 'WAITLIST')).application.status).toBe('WAITLISTED');
    expect((await decide(unnamed.id, 'DECLINE')).application.status).toBe('DECLINED');
  });

  it('is refused once the guardian has withdrawn consent', async () => {
    const o = await opportunity();
    const withdrawn = await application(o.id, 16, {
      guardianName: 'Mama Testna',
      consents: [
        { kind: 'GUARDIAN', granted: true, createdAt: new Date(Date.now() - 86_400_000) },
        { kind: 'GUARDIAN', granted: false, createdAt: new Date() },
      ],
    });
    expect((await decide(withdrawn.id, 'ACCEPT')).code).toBe('GUARDIAN_CONSENT_REQUIRED');
    expect(await statusOf(withdrawn.application.id)).toBe('PENDING');

    // Consent given again after a withdrawal counts.
    const renewed = await application(o.id, 16, {
      guardianName: 'Mama Testna',
      consents: [
        { kind: 'GUARDIAN', granted: false, createdAt: new Date(Date.now() - 86_400_000) },
        { kind: 'GUARDIAN', granted: true, createdAt: new Date() },
      ],
    });
    expect((await decide(renewed.id, 'ACCEPT')).application.status).toBe('ACCEPTED');
  });

  it('is allowed with consent, and adults need none', async () => {
    const o = await opportunity();
    const minor = await application(o.id, 16, {
      guardianName: 'Mama Testna',
      consents: [{ kind: 'GUARDIAN', granted: true }],
    });
    expect((await decide(minor.id, 'ACCEPT')).application.status).toBe('ACCEPTED');
    const adult = await application(o.id, 19);
    expect((await decide(adult.id, 'ACCEPT')).application.status).toBe('ACCEPTED');
  });

  it('under 15 only for opportunities suitable for them', async () => {
    const withConsent = { guardianName: 'Mama Testna', consents: [{ kind: 'GUARDIAN' as const, granted: true }] };
    // The opportunity stopped being suitable for under-15s after the sign-up.
    const unsuitable = await opportunity({ suitableUnder15: false });
    const child = await application(unsuitable.id, 13, withConsent);
    expect(await decide(child.id, 'ACCEPT', 'en')).toEqual({
      __typename: 'RuleViolationError',
      code: 'UNDER_15_NOT_SUITABLE',
      message: 'Volunteers under 15 may only sign up for opportunities marked suitable for them, with a mentor.',
    });
    expect(await statusOf(child.application.id)).toBe('PENDING');
    const fifteen = await application(unsuitable.id, 15, withConsent);
    expect((await decide(fifteen.id, 'ACCEPT')).application.status).toBe('ACCEPTED');

    const suitable = await opportunity({ suitableUnder15: true });
    const welcome = await application(suitable.id, 13, withConsent);
    expect((await decide(welcome.id, 'ACCEPT')).application.status).toBe('ACCEPTED');
    // Under 15 still needs the guardian.
    const alone = await application(suitable.id, 13);
    expect((await decide(alone.id, 'ACCEPT')).code).toBe('GUARDIAN_CONSENT_REQUIRED');
  });
});

describe('reads of minors’ personal data', () => {
  const APPLICANTS = /* GraphQL */ `
    query Applicants($id: ID!) {
      opportunity(id: $id) {
        applications(first: 20) {
          edges {
            node {
              volunteer {
                name
                email
                phone
                birthDate
              }
            }
          }
        }
        again: applications(first: 20) {
          edges {
            node {
              volunteer {
                email
              }
            }
          }
        }
      }
    }
  `;

  const minorReads = (subjectId: string) =>
    api.prisma.auditLog.count({ where: { action: 'minor.read', subjectType: 'Person', subjectId } });

  it('writes one minor.read entry per minor per request, none for adults and none for the minor themselves', async () => {
    const o = await opportunity();
    const consented = { guardianName: 'Mama Testna', consents: [{ kind: 'GUARDIAN' as const, granted: true }] };
    const first = await application(o.id, 16, consented);
    const second = await application(o.id, 17, consented);
    const adult = await application(o.id, 30);
    const all = await api.prisma.auditLog.count({ where: { action: 'minor.read' } });

    api.statements = [];
    const { opportunity: read } = await api.data(
      APPLICANTS,
      { id: toGlobal('Opportunity', o.id) },
      { token: coordinatorToken },
    );
    const statements = [...api.statements];
    expect(read.applications.edges.map((e: any) => e.node.volunteer.email).sort()).toEqual(
      [first, second, adult].map((a) => a.volunteer.email).sort(),
    );
    // Each minor's name, e-mail, phone and birth date, read twice in the request: one entry each.
    expect(await minorReads(first.volunteer.id)).toBe(1);
    expect(await minorReads(second.volunteer.id)).toBe(1);
    expect(await minorReads(adult.volunteer.id)).toBe(0);
    expect(await api.prisma.auditLog.count({ where: { action: 'minor.read' } })).toBe(all + 2);
    const entry = await api.prisma.auditLog.findFirstOrThrow({
      where: { action: 'minor.read', subjectId: first.volunteer.id },
    });
    expect(entry.actorId).toBe(
      (await api.prisma.user.findUniqueOrThrow({ where: { email: 'coordinator@minors.test' } })).id,
    );
    // Under the organisation it was read through, so that organisation's admins see it in its log.
    expect(entry.organizationId).toBe(o.organizationId);
    // Found for both minors at once, not once per minor.
    expect(statements.filter((sql) => /"VolunteerAgreement"/.test(sql))).toHaveLength(1);

    // A second request is a second read.
    await api.data(APPLICANTS, { id: toGlobal('Opportunity', o.id) }, { token: coordinatorToken });
    expect(await minorReads(first.volunteer.id)).toBe(2);

    // The minor reading their own application is not logged.
    const ownToken = await api.tokenFor(first.volunteer.email);
    const own = await api.data(
      `query($id: ID!) { node(id: $id) { ... on Application { volunteer { name email phone birthDate } } } }`,
      { id: first.id },
      { token: ownToken },
    );
    expect(own.node.volunteer.email).toBe(first.volunteer.email);
    expect(await minorReads(first.volunteer.id)).toBe(2);

    // Someone without access reads nothing and logs nothing.
    const outsider = await api.gql(APPLICANTS, { id: toGlobal('Opportunity', o.id) }, { token: ownToken });
    expect(outsider.data?.opportunity?.applications ?? null).toBeNull();
    expect(outsider.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await minorReads(first.volunteer.id)).toBe(2);
    expect(await minorReads(second.volunteer.id)).toBe(2);
  });
});
