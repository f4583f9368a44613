import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { birthDateForAge, TestApi, toGlobal } from './harness.ts';

let api: TestApi;
let coordinatorToken: string;
let volunteerToken: string;
let organization: { id: string; slug: string; regionCode: string };

beforeAll(async () => {
  api = await TestApi.start();
  ({ organization, token: coordinatorToken } = await api.firstCoordinator());
  const volunteer = await api.prisma.membership.findFirstOrThrow({
    where: { role: 'VOLUNTEER' },
    include: { user: true },
  });
  volunteerToken = await api.tokenFor(volunteer.user.email);
});
afterAll(() => api.close());

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateOpportunityInput!) {
    createOpportunity(input: $input) {
      __typename
      ... on OpportunityPayload {
        opportunity {
          id
          slug
          status
          title
          shifts {
            id
            capacity
          }
          questions {
            id
            type
          }
        }
      }
      ... on Error {
        code
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
    }
  }
`;

function draft(overrides: Record<string, unknown> = {}) {
  return {
    organizationId: toGlobal('Organization', organization.id),
    titleSl: 'Čiščenje obrežja Drave',
    titleEn: 'Cleaning the Drava riverbank',
    descriptionSl: 'Skupaj očistimo obrežje.',
    areaCode: 'ENVIRONMENT',
    regionCode: organization.regionCode,
    place: 'Maribor, Lent',
    minAge: 15,
    skills: ['delo na prostem'],
    shifts: [{ startsAt: '2027-04-18T08:00:00.000Z', endsAt: '2027-04-18T12:00:00.000Z', capacity: 2 }],
    questions: [
      {
        type: 'SINGLE_CHOICE',
        labelSl: 'Velikost rokavic',
        required: true,
        choices: [
          { value: 'M', labelSl: 'M' },
          { value: 'L', labelSl: 'L' },
        ],
      },
    ],
    ...overrides,
  };
}

describe('coordinators', () => {
  it('create a draft, publish it, and only then volunteers see it', async () => {
    const { createOpportunity } = await api.data(CREATE, { input: draft() }, { token: coordinatorToken });
    expect(createOpportunity).toMatchObject({
      __typename: 'OpportunityPayload',
      opportunity: { status: 'DRAFT', slug: 'ciscenje-obrezja-drave' },
    });
    const id = createOpportunity.opportunity.id;
    const search = { filter: { search: 'obrezja drave' } };
    const LIST = 'query($filter: OpportunityFilter) { opportunities(filter: $filter) { edges { node { id } } } }';
    expect((await api.data(LIST, search)).opportunities.edges).toHaveLength(0);

    const retry = await api.data(CREATE, { input: draft() }, { token: coordinatorToken });
    expect(retry.createOpportunity.opportunity.id).toBe(id);

    const PUBLISH =
      'mutation($id: ID!) { publishOpportunity(input: { id: $id }) { ... on OpportunityPayload { opportunity { status publishedAt } } } }';
    const published = await api.data(PUBLISH, { id }, { token: coordinatorToken });
    expect(published.publishOpportunity.opportunity.status).toBe('PUBLISHED');
    const again = await api.data(PUBLISH, { id }, { token: coordinatorToken });
    expect(again.publishOpportunity.opportunity.publishedAt).toBe(published.publishOpportunity.opportunity.publishedAt);
    expect((await api.data(LIST, search)).opportunities.edges.map((e: any) => e.node.id)).toEqual([id]);

    const UPDATE =
      'mutation($input: UpdateOpportunityInput!) { updateOpportunity(input: $input) { ... on OpportunityPayload { opportunity { title } } } }';
    await api.data(
      UPDATE,
      { input: { id, titleSl: 'Čiščenje obrežja Drave in Pekrskega potoka' } },
      { token: coordinatorToken },
    );
    expect((await api.data(LIST, { filter: { search: 'pekrskega' } })).opportunities.edges).toHaveLength(1);

    // null clears an optional field; a left-out field stays.
    const cleared = await api.data(
      'mutation($input: UpdateOpportunityInput!) { updateOpportunity(input: $input) { ... on OpportunityPayload { opportunity { place title minAge } } } }',
      { input: { id, place: null, titleSl: null } },
      { token: coordinatorToken },
    );
    expect(cleared.updateOpportunity.opportunity).toEqual({
      place: null,
      title: 'Čiščenje obrežja Drave in Pekrskega potoka',
      minAge: 15,
    });
  });

  it('refuses volunteers and other organisations, and a slug taken by another opportunity', async () => {
    const asVolunteer = await api.gql(
      CREATE,
      { input: draft({ titleSl: 'Nekaj drugega' }) },
      { token: volunteerToken },
    );
    expect(asVolunteer.data?.createOpportunity).toMatchObject({ __typename: 'NotFoundError' });
    const anonymous = await api.gql(CREATE, { input: draft() });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const other = await api.prisma.organization.findFirstOrThrow({
      where: {
        id: { not: organization.id },
        memberships: {
          none: {
            role: { in: ['ADMIN', 'COORDINATOR'] },
            user: { memberships: { some: { organizationId: organization.id, role: 'COORDINATOR' } } },
          },
        },
      },
    });
    const elsewhere = await api.data(
      CREATE,
      { input: draft({ organizationId: toGlobal('Organization', other.id) }) },
      { token: coordinatorToken },
    );
    expect(elsewhere.createOpportunity.__typename).toBe('NotFoundError');
    const clash = await api.data(CREATE, { input: draft({ descriptionSl: 'Drug opis' }) }, { token: coordinatorToken });
    expect(clash.createOpportunity).toMatchObject({ __typename: 'ConflictError' });

    // A refinement's message comes in the reader's language, like the validator's own.
    const backwards = { startsAt: '2027-04-18T12:00:00.000Z', endsAt: '2027-04-18T08:00:00.000Z', capacity: 2 };
    for (const [locale, message] of [
      ['sl', 'Termin se mora končati po začetku.'],
      ['en', 'A shift must end after it starts.'],
    ] as const) {
      const refused = await api.data(
        CREATE,
        { input: draft({ titleSl: 'Obratni termin', shifts: [backwards] }) },
        { token: coordinatorToken, locale },
      );
      expect(refused.createOpportunity).toMatchObject({
        __typename: 'ValidationError',
        fieldErrors: [{ path: ['input', 'shifts', '0', 'endsAt'], message }],
      });
    }
  });

  it('decide applications, within capacity, with history and audit', async () => {
    const { createOpportunity } = await api.data(
      CREATE,
      { input: draft({ titleSl: 'Sajenje dreves', questions: [] }) },
      { token: coordinatorToken },
    );
    const opportunity = createOpportunity.opportunity;
    await api.data(
      'mutation($id: ID!) { publishOpportunity(input: { id: $id }) { __typename } }',
      { id: opportunity.id },
      { token: coordinatorToken },
    );
    const shiftId = opportunity.shifts[0].id;
    const SIGN_UP = 'mutation($input: SignUpInput!) { signUp(input: $input) { ... on SignUpPayload { status } } }';
    for (const name of ['Ena', 'Dva', 'Tri']) {
      await api.data(SIGN_UP, {
        input: {
          opportunityId: opportunity.id,
          shiftId,
          name: `Prostovoljka ${name}`,
          email: `${name.toLowerCase()}@example.org`,
          birthDate: birthDateForAge(30),
          consent: { dataProcessing: true },
        },
      });
    }
    const APPLICATIONS = `query($id: ID!) { opportunity(id: $id) { applications(first: 10) { totalCount edges { node { id status volunteer { name email } } } } } }`;
    const { opportunity: withApplications } = await api.data(
      APPLICATIONS,
      { id: opportunity.id },
      { token: coordinatorToken },
    );
    expect(withApplications.applications.totalCount).toBe(3);
    const hidden = await api.gql(APPLICATIONS, { id: opportunity.id }, { token: volunteerToken });
    expect(hidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const DECIDE = `mutation($input: DecideApplicationInput!) { decideApplication(input: $input) {
      __typename ... on ApplicationPayload { application { status history { from to actor { name } } } } ... on Error { code } } }`;
    const ids = withApplications.applications.edges.map((e: any) => e.node.id);
    const auditsBefore = await api.prisma.auditLog.count({ where: { action: 'application.decide' } });
    const results = [];
    for (const applicationId of ids) {
      results.push(
        (await api.data(DECIDE, { input: { applicationId, decision: 'ACCEPT' } }, { token: coordinatorToken }))
          .decideApplication,
      );
    }
    expect(results.map((r) => (r.__typename === 'ApplicationPayload' ? r.application.status : r.code))).toEqual([
      'ACCEPTED',
      'ACCEPTED',
      'CAPACITY_FULL',
    ]);
    expect(results[0].application.history.map((h: any) => [h.from, h.to])).toEqual([
      [null, 'PENDING'],
      ['PENDING', 'ACCEPTED'],
    ]);
    const repeat = await api.data(
      DECIDE,
      { input: { applicationId: ids[0], decision: 'ACCEPT' } },
      { token: coordinatorToken },
    );
    expect(repeat.decideApplication.application.history).toHaveLength(2);
    const waitlisted = await api.data(
      DECIDE,
      { input: { applicationId: ids[2], decision: 'WAITLIST' } },
      { token: coordinatorToken },
    );
    expect(waitlisted.decideApplication.application.status).toBe('WAITLISTED');
    // Two acceptances and one waitlisting were recorded; the refused acceptance and the repeat were not.
    expect(await api.prisma.auditLog.count({ where: { action: 'application.decide' } })).toBe(auditsBefore + 3);
  });
});

describe('annualReport', () => {
  it('reports approved hours of the year by type, area, age group and gender, with their in-kind value', async () => {
    const org = await api.prisma.organization.create({
      data: {
        slug: 'drustvo-za-porocilo',
        name: 'Društvo za poročilo',
        kind: 'NGO',
        regionCode: 'podravska',
        city: 'Ptuj',
      },
    });
    const [teen, adult, unknown] = await Promise.all(
      [
        { email: 'teen@example.org', birthDate: new Date('2008-05-01'), gender: 'FEMALE' as const },
        { email: 'adult@example.org', birthDate: new Date('1984-01-10'), gender: 'MALE' as const },
        { email: 'unknown@example.org', birthDate: null, gender: null },
      ].map((u) => api.prisma.user.create({ data: { ...u, name: u.email } })),
    );
    const coordinator = await api.prisma.user.create({
      data: {
        email: 'porocila@example.org',
        name: 'Koordinatorka',
        memberships: { create: { organizationId: org.id, role: 'COORDINATOR' } },
      },
    });
    await api.prisma.volunteerAgreement.createMany({
      data: [
        {
          volunteerId: teen!.id,
          organizationId: org.id,
          startsOn: new Date('2023-09-01'),
          endsOn: new Date('2024-06-30'),
          tasks: 'delavnice',
        },
        { volunteerId: adult!.id, organizationId: org.id, startsOn: new Date('2024-02-01'), tasks: 'vodenje' },
        {
          volunteerId: unknown!.id,
          organizationId: org.id,
          startsOn: new Date('2022-01-01'),
          endsOn: new Date('2023-12-31'),
          tasks: 'staro',
        },
      ],
    });
    const log = (
      volunteerId: string,
      date: string,
      minutes: number,
      workType: 'CONTENT' | 'ORGANISATIONAL' | 'OTHER',
      areaCode: string,
      status: 'APPROVED' | 'SUBMITTED' | 'REJECTED' = 'APPROVED',
    ) => ({
      volunteerId,
      organizationId: org.id,
      date: new Date(date),
      minutes,
      workType,
      areaCode,
      status,
      activity: 'delo',
      idempotencyKey: `${volunteerId}-${date}-${minutes}`,
    });
    await api.prisma.hourLog.createMany({
      data: [
        log(teen!.id, '2024-03-01', 120, 'CONTENT', 'SOCIAL'),
        log(teen!.id, '2024-04-01', 60, 'ORGANISATIONAL', 'SOCIAL'),
        log(adult!.id, '2024-05-01', 90, 'OTHER', 'EDUCATION'),
        log(adult!.id, '2024-12-31', 30, 'CONTENT', 'EDUCATION'),
        log(unknown!.id, '2024-07-01', 600, 'CONTENT', 'SOCIAL', 'REJECTED'),
        log(adult!.id, '2024-08-01', 45, 'CONTENT', 'SOCIAL', 'SUBMITTED'),
        log(adult!.id, '2023-12-31', 500, 'CONTENT', 'SOCIAL'),
        log(adult!.id, '2025-01-01', 500, 'CONTENT', 'SOCIAL'),
      ],
    });
    const token = await api.tokenFor(coordinator.email);
    const { annualReport } = await api.data(
      `{ annualReport(organizationSlug: "drustvo-za-porocilo", year: 2024) {
          year agreements volunteers totalMinutes inKindValueEur
          byWorkType { workType minutes volunteers eurPerHour valueEur }
          byArea { area { code } minutes volunteers }
          byAgeGroup { ageGroup minutes volunteers }
          byGender { gender minutes volunteers } } }`,
      {},
      { token },
    );
    // Hand-computed: approved 2024 entries are 120 + 60 (teen, 16 on 31 Dec 2024) and 90 + 30 (adult, 40).
    expect(annualReport).toEqual({
      year: 2024,
      agreements: 2,
      volunteers: 2,
      totalMinutes: 300,
      // 2.5 h content × 10 + 1 h organisational × 13 + 1.5 h other × 6
      inKindValueEur: 47,
      byWorkType: [
        { workType: 'CONTENT', minutes: 150, volunteers: 2, eurPerHour: 10, valueEur: 25 },
        { workType: 'OTHER', minutes: 90, volunteers: 1, eurPerHour: 6, valueEur: 9 },
        { workType: 'ORGANISATIONAL', minutes: 60, volunteers: 1, eurPerHour: 13, valueEur: 13 },
      ],
      byArea: [
        { area: { code: 'SOCIAL' }, minutes: 180, volunteers: 1 },
        { area: { code: 'EDUCATION' }, minutes: 120, volunteers: 1 },
      ],
      byAgeGroup: [
        { ageGroup: 'UNDER_18', minutes: 180, volunteers: 1 },
        { ageGroup: 'FROM_30_TO_59', minutes: 120, volunteers: 1 },
      ],
      byGender: [
        { gender: 'FEMALE', minutes: 180, volunteers: 1 },
        { gender: 'MALE', minutes: 120, volunteers: 1 },
      ],
    });
    const denied = await api.data(
      '{ annualReport(organizationSlug: "drustvo-za-porocilo", year: 2024) { year } }',
      {},
      { token: volunteerToken },
    );
    expect(denied.annualReport).toBeNull();
  });
});
