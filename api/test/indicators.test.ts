// Project indicators: every metric against a hand-computed fixture (rows inside
// and outside the project period, in and out of the partnership), progress
// recorded by hand, and who sees what of it. The fixture is a project of its
// own, so the seed's data cannot change the expected figures.
import type { IndicatorMetric, Role } from '@tandem/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, toGlobal } from './harness.ts';

let api: TestApi;

/** The fixture project runs through 2024: 1 January to 31 December, both included. */
const PROJECT = 'kazalniki-test';
let lead: string;
let partner: string;
let associate: string;
let outsider: string;
let indicatorIds: Record<string, string>;
let tokens: Record<'leadCoordinator' | 'leadMentor' | 'partnerMentor' | 'partnerCoordinator' | 'outsiderAdmin', string>;
let leadCoordinatorName: string;

const METRICS: IndicatorMetric[] = [
  'INTERVISION_SESSIONS',
  'ORGANIZATIONS_USING_SHARED_MODEL',
  'EVALUATION_RESPONSES',
  'MENTORED_VOLUNTEERS',
  'ACTIVE_VOLUNTEERS',
  'APPROVED_HOURS',
];

/** Targets, so that percentages come out as the comments say. */
const TARGETS: Record<IndicatorMetric | 'MANUAL', number> = {
  INTERVISION_SESSIONS: 4,
  ORGANIZATIONS_USING_SHARED_MODEL: 3,
  EVALUATION_RESPONSES: 3,
  MENTORED_VOLUNTEERS: 2,
  ACTIVE_VOLUNTEERS: 8,
  APPROVED_HOURS: 10,
  MANUAL: 10,
};

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

beforeAll(async () => {
  api = await TestApi.start();
  const p = api.prisma;
  const organization = (slug: string) =>
    p.organization.create({
      data: { slug, name: `Organizacija ${slug}`, kind: 'NGO', regionCode: 'podravska', city: 'Maribor' },
    });
  const created = await Promise.all(['kaz-lead', 'kaz-partner', 'kaz-associate', 'kaz-outsider'].map(organization));
  [lead, partner, associate, outsider] = created.map((o) => o.id) as [string, string, string, string];

  const project = await p.project.create({
    data: {
      slug: PROJECT,
      nameSl: 'Projekt za kazalnike',
      nameEn: 'Indicator project',
      funderName: 'Ministrstvo',
      startsOn: day('2024-01-01'),
      endsOn: day('2024-12-31'),
      partners: {
        create: [
          { organizationId: lead, role: 'LEAD' },
          { organizationId: partner, role: 'PARTNER' },
          { organizationId: associate, role: 'ASSOCIATE' },
        ],
      },
    },
  });
  indicatorIds = {};
  for (const [index, metric] of [...METRICS, null].entries()) {
    const indicator = await p.indicator.create({
      data: {
        projectId: project.id,
        position: index + 1,
        titleSl: `Kazalnik ${metric ?? 'ročni'}`,
        titleEn: `Indicator ${metric ?? 'manual'}`,
        kind: 'COUNT',
        target: TARGETS[metric ?? 'MANUAL'],
        metric,
      },
    });
    indicatorIds[metric ?? 'MANUAL'] = indicator.id;
  }

  let n = 0;
  const user = async (name: string, memberships: { organizationId: string; role: Role }[] = []) =>
    p.user.create({
      data: {
        email: `kaz-${++n}@example.net`,
        name,
        birthDate: day('1990-01-01'),
        memberships: { create: memberships },
      },
    });
  const leadCoordinator = await user('Koordinatorka Vodilne', [{ organizationId: lead, role: 'COORDINATOR' }]);
  leadCoordinatorName = leadCoordinator.name;
  const leadMentor = await user('Mentor Vodilne', [{ organizationId: lead, role: 'MENTOR' }]);
  const partnerMentor = await user('Mentorica Partnerice', [{ organizationId: partner, role: 'MENTOR' }]);
  const partnerCoordinator = await user('Koordinator Partnerice', [{ organizationId: partner, role: 'COORDINATOR' }]);
  const outsiderAdmin = await user('Skrbnica Zunanje', [{ organizationId: outsider, role: 'ADMIN' }]);
  tokens = {
    leadCoordinator: await api.tokenFor(leadCoordinator.email),
    leadMentor: await api.tokenFor(leadMentor.email),
    partnerMentor: await api.tokenFor(partnerMentor.email),
    partnerCoordinator: await api.tokenFor(partnerCoordinator.email),
    outsiderAdmin: await api.tokenFor(outsiderAdmin.email),
  };
  const v = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((i) => user(`Prostovoljec ${i}`)));

  // ── INTERVISION_SESSIONS: sessions held for the project within 2024 ──
  const session = (organizationId: string, heldOn: string, projectId: string | null = project.id) =>
    p.intervisionSession.create({
      data: { organizationId, projectId, heldOn: day(heldOn), topics: ['test'], facilitatorId: leadMentor.id },
    });
  await session(lead, '2023-12-31'); // before the project: no
  await session(lead, '2024-01-01'); // first day: yes (1)
  await session(partner, '2024-06-15'); // a partner's: yes (2)
  await session(lead, '2024-12-31'); // last day: yes (3)
  await session(lead, '2025-01-01'); // after: no
  await session(lead, '2024-05-05', null); // not for the project: no
  // → 3 of 4 = 75 %

  // ── shared templates: ORGANIZATIONS_USING_SHARED_MODEL and EVALUATION_RESPONSES ──
  const template = (key: string, version: number, owner: { projectId?: string; organizationId?: string }) =>
    p.evaluationTemplate.create({
      data: {
        key,
        version,
        kind: 'VOLUNTEER_SELF',
        titleSl: key,
        titleEn: key,
        publishedAt: day('2023-01-01'),
        ...owner,
      },
    });
  const sharedV1 = await template('kaz-shared', 1, { projectId: project.id });
  const sharedV2 = await template('kaz-shared', 2, { projectId: project.id });
  const own = await template('kaz-own', 1, { organizationId: lead });
  const response = (templateId: string, organizationId: string, submittedAt: string) =>
    p.evaluationResponse.create({
      data: { templateId, organizationId, answers: [], submittedAt: new Date(submittedAt) },
    });
  await response(sharedV1.id, lead, '2024-03-01T10:00:00+01:00'); // yes: lead (response 1)
  await response(sharedV2.id, lead, '2024-05-01T10:00:00+02:00'); // yes, another version: lead again (response 2)
  await response(sharedV1.id, partner, '2024-01-01T00:30:00+01:00'); // 31 Dec 23:30 UTC, but 1 January in Slovenia: yes (3)
  await response(sharedV1.id, associate, '2025-01-01T00:30:00+01:00'); // 31 Dec in UTC, 2025 in Slovenia: no
  await response(sharedV1.id, associate, '2023-12-31T23:30:00+01:00'); // still 2023 in Slovenia: no
  await response(sharedV1.id, outsider, '2024-04-04T10:00:00+02:00'); // not in the partnership: no
  await response(own.id, partner, '2024-04-04T10:00:00+02:00'); // not a shared template: no
  // → organisations {lead, partner} = 2 of 3 = 66.7 %; responses 3 of 3 = 100 %

  // ── MENTORED_VOLUNTEERS: assignments in the partnership overlapping 2024 ──
  const assignment = (volunteerId: string, organizationId: string, startsOn: string, endsOn: string | null) =>
    p.mentorAssignment.create({
      data: {
        mentorId: leadMentor.id,
        volunteerId,
        organizationId,
        startsOn: day(startsOn),
        endsOn: endsOn ? day(endsOn) : null,
      },
    });
  await assignment(v[0]!.id, lead, '2023-06-01', '2023-12-31'); // ended before: no
  await assignment(v[1]!.id, lead, '2023-06-01', '2024-01-01'); // overlaps by one day: yes (v2)
  await assignment(v[1]!.id, partner, '2024-05-01', '2024-06-01'); // v2 again: still one
  await assignment(v[2]!.id, partner, '2024-12-31', null); // starts on the last day: yes (v3)
  await assignment(v[3]!.id, partner, '2025-01-01', null); // after: no
  await assignment(v[4]!.id, outsider, '2024-03-01', null); // not in the partnership: no
  await assignment(v[5]!.id, associate, '2020-01-01', null); // open-ended since before: yes (v6)
  // → {v2, v3, v6} = 3 of 2 = 150 %

  // ── ACTIVE_VOLUNTEERS and APPROVED_HOURS: approved hours in the project's opportunities in 2024 ──
  const opportunity = (slug: string, projectId: string | null) =>
    p.opportunity.create({
      data: {
        organizationId: lead,
        projectId,
        slug,
        titleSl: slug,
        descriptionSl: 'Priložnost za kazalnike.',
        areaCode: 'SOCIAL',
        regionCode: 'podravska',
        status: 'CLOSED',
      },
    });
  const inProject = await opportunity('kaz-project', project.id);
  const other = await opportunity('kaz-other', null);
  let k = 0;
  const hours = (
    volunteerId: string,
    opportunityId: string,
    date: string,
    minutes: number,
    status: 'APPROVED' | 'SUBMITTED' | 'REJECTED',
  ) =>
    p.hourLog.create({
      data: {
        volunteerId,
        organizationId: lead,
        opportunityId,
        date: day(date),
        minutes,
        activity: 'Delo',
        areaCode: 'SOCIAL',
        status,
        idempotencyKey: `kaz-${++k}`,
      },
    });
  await hours(v[0]!.id, inProject.id, '2024-02-01', 90, 'APPROVED'); // yes: v1, 90
  await hours(v[0]!.id, inProject.id, '2024-03-01', 45, 'APPROVED'); // yes: v1, 45
  await hours(v[1]!.id, inProject.id, '2024-12-31', 120, 'APPROVED'); // last day: v2, 120
  await hours(v[2]!.id, inProject.id, '2024-04-01', 300, 'SUBMITTED'); // not approved: no
  await hours(v[3]!.id, inProject.id, '2024-04-02', 60, 'REJECTED'); // rejected: no
  await hours(v[4]!.id, inProject.id, '2023-12-31', 600, 'APPROVED'); // before: no
  await hours(v[4]!.id, inProject.id, '2025-01-01', 600, 'APPROVED'); // after: no
  await hours(v[6]!.id, other.id, '2024-05-05', 240, 'APPROVED'); // not a project opportunity: no
  // → volunteers {v1, v2} = 2 of 8 = 25 %; 90 + 45 + 120 = 255 minutes = 4 whole hours of 10 = 40 %

  // ── recorded by hand ──
  await p.indicatorProgress.create({
    data: {
      indicatorId: indicatorIds.MANUAL!,
      recordedOn: day('2024-03-31'),
      amount: 2,
      note: 'Dve delavnici',
      recordedById: leadCoordinator.id,
    },
  });
  await p.indicatorProgress.create({
    data: { indicatorId: indicatorIds.MANUAL!, recordedOn: day('2024-09-30'), amount: 3, note: 'Tri delavnice' },
  });
  // → 2 + 3 = 5 of 10 = 50 %
}, 120_000);
afterAll(() => api.close());

const INDICATORS = /* GraphQL */ `
  query ($slug: String!) {
    project(slug: $slug) {
      indicators {
        id
        position
        metric
        computed
        target
        current
        achieved
        percent
        met
        progress {
          recordedOn
          amount
          note
          recordedBy {
            name
          }
        }
      }
    }
  }
`;

interface IndicatorView {
  id: string;
  metric: IndicatorMetric | null;
  computed: boolean;
  target: number;
  current: number;
  achieved: number;
  percent: number;
  met: boolean;
  progress: { recordedOn: string; amount: number; note: string | null; recordedBy: { name: string } | null }[];
}

async function indicators(token?: string): Promise<Record<string, IndicatorView>> {
  const { project } = await api.data(INDICATORS, { slug: PROJECT }, { token });
  return Object.fromEntries(project.indicators.map((i: IndicatorView) => [i.metric ?? 'MANUAL', i]));
}

describe('computed indicators', () => {
  it('count only what happened within the project period and the partnership, as computed by hand', async () => {
    const byMetric = await indicators();
    const figures = Object.fromEntries(
      Object.entries(byMetric).map(([metric, i]) => [metric, [i.current, i.percent, i.met, i.computed]]),
    );
    expect(figures).toEqual({
      INTERVISION_SESSIONS: [3, 75, false, true],
      ORGANIZATIONS_USING_SHARED_MODEL: [2, 66.7, false, true],
      EVALUATION_RESPONSES: [3, 100, true, true],
      MENTORED_VOLUNTEERS: [3, 150, true, true],
      ACTIVE_VOLUNTEERS: [2, 25, false, true],
      APPROVED_HOURS: [4, 40, false, true],
      MANUAL: [5, 50, false, false],
    });
    for (const i of Object.values(byMetric)) expect(i.achieved).toBe(i.current);
  });

  it('follow the data: a new session in the period counts, one outside it does not', async () => {
    const project = await api.prisma.project.findUniqueOrThrow({ where: { slug: PROJECT } });
    await api.prisma.intervisionSession.create({
      data: { organizationId: partner, projectId: project.id, heldOn: day('2024-10-10'), topics: ['jesen'] },
    });
    await api.prisma.intervisionSession.create({
      data: { organizationId: partner, projectId: project.id, heldOn: day('2025-02-02'), topics: ['pozneje'] },
    });
    const { INTERVISION_SESSIONS } = await indicators();
    expect([INTERVISION_SESSIONS!.current, INTERVISION_SESSIONS!.percent, INTERVISION_SESSIONS!.met]).toEqual([
      4,
      100,
      true,
    ]);
  });

  it('show the seeded partnerships’ figures from their data', async () => {
    const { project } = await api.data(
      '{ project(slug: "razvoj-prostovoljstva-v-mariboru") { indicators { position metric computed current target } } }',
    );
    const [, model, , intervision] = project.indicators;
    // All five organisations answered the shared questionnaires in 2020; eight sessions were held for the project.
    expect(model).toEqual({
      position: 2,
      metric: 'ORGANIZATIONS_USING_SHARED_MODEL',
      computed: true,
      current: 5,
      target: 5,
    });
    expect(intervision).toEqual({ position: 4, metric: 'INTERVISION_SESSIONS', computed: true, current: 8, target: 8 });
  });
});

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordIndicatorProgressInput!) {
    recordIndicatorProgress(input: $input) {
      __typename
      ... on Error {
        code
      }
      ... on NotFoundError {
        path
      }
      ... on ValidationError {
        fieldErrors {
          path
        }
      }
      ... on IndicatorProgressPayload {
        indicator {
          current
          percent
        }
        progress {
          amount
          note
          recordedBy {
            name
          }
        }
      }
    }
  }
`;

describe('progress recorded by hand', () => {
  const input = (overrides: Record<string, unknown> = {}) => ({
    indicatorId: toGlobal('Indicator', indicatorIds.MANUAL!),
    recordedOn: '2024-11-30',
    amount: 1,
    note: 'Zaključna delavnica',
    idempotencyKey: 'kaz-progress-0001',
    ...overrides,
  });

  it('is recorded by the lead organisation’s coordinator, once however often it is retried', async () => {
    const first = await api.data(RECORD, { input: input() }, { token: tokens.leadCoordinator });
    expect(first.recordIndicatorProgress).toEqual({
      __typename: 'IndicatorProgressPayload',
      // 5 + 1 = 6 of 10
      indicator: { current: 6, percent: 60 },
      progress: { amount: 1, note: 'Zaključna delavnica', recordedBy: { name: leadCoordinatorName } },
    });
    const retry = await api.data(RECORD, { input: input() }, { token: tokens.leadCoordinator });
    expect(retry.recordIndicatorProgress.indicator.current).toBe(6);
    const different = await api.data(RECORD, { input: input({ amount: 2 }) }, { token: tokens.leadCoordinator });
    expect(different.recordIndicatorProgress).toMatchObject({
      __typename: 'ConflictError',
      code: 'IDEMPOTENCY_CONFLICT',
    });
    expect(
      await api.prisma.auditLog.count({
        where: { action: 'indicator.progress', subjectId: indicatorIds.MANUAL!, organizationId: lead },
      }),
    ).toBe(1);
    // A correction is a negative entry: 6 − 1 = 5.
    const corrected = await api.data(
      RECORD,
      { input: input({ amount: -1, note: 'Popravek', idempotencyKey: 'kaz-progress-0002' }) },
      { token: tokens.leadCoordinator },
    );
    expect(corrected.recordIndicatorProgress.indicator).toEqual({ current: 5, percent: 50 });
  });

  it('is refused for computed indicators, zero amounts, future days and everyone but the lead’s managers', async () => {
    const computed = await api.data(
      RECORD,
      {
        input: input({
          indicatorId: toGlobal('Indicator', indicatorIds.APPROVED_HOURS!),
          idempotencyKey: 'kaz-computed-1',
        }),
      },
      { token: tokens.leadCoordinator },
    );
    expect(computed.recordIndicatorProgress).toMatchObject({ code: 'INDICATOR_COMPUTED' });
    const zero = await api.data(
      RECORD,
      { input: input({ amount: 0, idempotencyKey: 'kaz-zero-001' }) },
      { token: tokens.leadCoordinator },
    );
    expect(zero.recordIndicatorProgress).toMatchObject({ fieldErrors: [{ path: ['input', 'amount'] }] });
    const future = await api.data(
      RECORD,
      { input: input({ recordedOn: '2999-01-01', idempotencyKey: 'kaz-future-01' }) },
      { token: tokens.leadCoordinator },
    );
    expect(future.recordIndicatorProgress).toMatchObject({ fieldErrors: [{ path: ['input', 'recordedOn'] }] });
    for (const who of ['leadMentor', 'partnerCoordinator', 'partnerMentor', 'outsiderAdmin'] as const) {
      const denied = await api.data(
        RECORD,
        { input: input({ idempotencyKey: `kaz-denied-${who}` }) },
        { token: tokens[who] },
      );
      expect(denied.recordIndicatorProgress, who).toEqual({
        __typename: 'NotFoundError',
        code: 'NOT_FOUND',
        path: ['input', 'indicatorId'],
      });
    }
    expect((await api.gql(RECORD, { input: input() })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await indicators()).MANUAL!.current).toBe(5);
  });
});

describe('who sees what of an indicator', () => {
  it('shows the figures and amounts to everyone, notes and recorders to the partnership’s staff only', async () => {
    const publicView = (await indicators()).MANUAL!;
    expect(publicView.progress.map((p) => [p.recordedOn, p.amount, p.note, p.recordedBy])).toEqual([
      ['2024-03-31', 2, null, null],
      ['2024-09-30', 3, null, null],
      ['2024-11-30', 1, null, null],
      ['2024-11-30', -1, null, null],
    ]);
    expect((await indicators(tokens.outsiderAdmin)).MANUAL!.progress.every((p) => p.note === null)).toBe(true);
    for (const who of ['partnerMentor', 'leadMentor'] as const) {
      const staffView = (await indicators(tokens[who])).MANUAL!;
      expect(
        staffView.progress.map((p) => [p.note, p.recordedBy?.name ?? null]),
        who,
      ).toEqual([
        ['Dve delavnici', leadCoordinatorName],
        ['Tri delavnice', null],
        ['Zaključna delavnica', leadCoordinatorName],
        ['Popravek', leadCoordinatorName],
      ]);
    }
  });
});
