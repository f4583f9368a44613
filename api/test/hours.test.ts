import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, toGlobal } from './harness.ts';

let api: TestApi;
let volunteer: { id: string; token: string };
let mentor: { id: string; token: string };
let outsider: { token: string };
let organizationId: string;

beforeAll(async () => {
  api = await TestApi.start();
  const agreement = await api.prisma.volunteerAgreement.findFirstOrThrow({
    where: { status: 'ACTIVE', organization: { memberships: { some: { role: 'MENTOR' } } } },
    orderBy: { id: 'asc' },
  });
  organizationId = agreement.organizationId;
  const mentorMembership = await api.prisma.membership.findFirstOrThrow({
    where: { organizationId, role: 'MENTOR', userId: { not: agreement.volunteerId } },
    include: { user: true },
  });
  const volunteerUser = await api.prisma.user.findUniqueOrThrow({ where: { id: agreement.volunteerId } });
  volunteer = { id: volunteerUser.id, token: await api.tokenFor(volunteerUser.email) };
  mentor = { id: mentorMembership.userId, token: await api.tokenFor(mentorMembership.user.email) };
  const stranger = await api.prisma.user.create({ data: { email: 'stranger@example.net', name: 'Stranger' } });
  outsider = { token: await api.tokenFor(stranger.email) };
});
afterAll(() => api.close());

const LOG = /* GraphQL */ `
  mutation Log($input: LogHoursInput!) {
    logHours(input: $input) {
      __typename
      ... on HourLogPayload {
        hourLog {
          id
          status
          minutes
          date
          activity
          workType
          area {
            code
          }
          organization {
            id
          }
        }
      }
      ... on Error {
        code
        message
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

const REVIEW = /* GraphQL */ `
  mutation Review($input: ReviewHourLogInput!) {
    reviewHourLog(input: $input) {
      __typename
      ... on HourLogPayload {
        hourLog {
          id
          status
          reviewNote
          reviewer {
            name
          }
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`;

function entry(overrides: Record<string, unknown> = {}) {
  return {
    organizationId: toGlobal('Organization', organizationId),
    date: '2026-03-14',
    minutes: 150,
    activity: 'Pomoč pri delavnici',
    idempotencyKey: `k-${Math.random().toString(36).slice(2)}`,
    ...overrides,
  };
}

describe('logHours', () => {
  it('needs a signed-in volunteer', async () => {
    const anonymous = await api.gql(LOG, { input: entry() });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const notVolunteering = await api.data(LOG, { input: entry() }, { token: outsider.token });
    expect(notVolunteering.logHours).toMatchObject({ __typename: 'RuleViolationError', code: 'NOT_A_VOLUNTEER' });
  });

  it('records an entry once, however often it is retried', async () => {
    const input = entry();
    const first = await api.data(LOG, { input }, { token: volunteer.token });
    expect(first.logHours).toMatchObject({
      __typename: 'HourLogPayload',
      hourLog: { status: 'SUBMITTED', minutes: 150, date: '2026-03-14', workType: 'CONTENT' },
    });
    const again = await api.data(LOG, { input }, { token: volunteer.token });
    expect(again.logHours.hourLog.id).toBe(first.logHours.hourLog.id);
    expect(
      await api.prisma.hourLog.count({ where: { volunteerId: volunteer.id, idempotencyKey: input.idempotencyKey } }),
    ).toBe(1);

    const reused = await api.data(LOG, { input: { ...input, minutes: 60 } }, { token: volunteer.token });
    expect(reused.logHours).toMatchObject({ __typename: 'ConflictError', code: 'IDEMPOTENCY_CONFLICT' });
  });

  it('rejects impossible entries with field errors', async () => {
    const tooLong = await api.data(LOG, { input: entry({ minutes: 24 * 60 + 1 }) }, { token: volunteer.token });
    expect(tooLong.logHours.fieldErrors[0].path).toEqual(['input', 'minutes']);
    const future = await api.data(LOG, { input: entry({ date: '2999-01-01' }) }, { token: volunteer.token });
    expect(future.logHours.fieldErrors[0].path).toEqual(['input', 'date']);
    const wrongOrg = await api.data(
      LOG,
      { input: entry({ organizationId: toGlobal('Region', 'x') }) },
      { token: volunteer.token },
    );
    expect(wrongOrg.logHours).toMatchObject({ __typename: 'NotFoundError' });
  });
});

describe('reviewHourLog', () => {
  async function submitted() {
    const { logHours } = await api.data(LOG, { input: entry() }, { token: volunteer.token });
    return logHours.hourLog.id as string;
  }

  it('lets a mentor of the organisation approve, once', async () => {
    const hourLogId = await submitted();
    const { reviewHourLog } = await api.data(
      REVIEW,
      { input: { hourLogId, decision: 'APPROVE' } },
      { token: mentor.token },
    );
    expect(reviewHourLog.hourLog.status).toBe('APPROVED');
    expect(reviewHourLog.hourLog.reviewer.name).toBeTruthy();
    const again = await api.data(REVIEW, { input: { hourLogId, decision: 'APPROVE' } }, { token: mentor.token });
    expect(again.reviewHourLog.hourLog.status).toBe('APPROVED');
    const flip = await api.data(
      REVIEW,
      { input: { hourLogId, decision: 'REJECT', note: 'Ne' } },
      { token: mentor.token },
    );
    expect(flip.reviewHourLog.code).toBe('ALREADY_REVIEWED');
    expect(
      await api.prisma.auditLog.count({ where: { action: 'hourLog.review', actorId: mentor.id } }),
    ).toBeGreaterThan(0);
  });

  it('needs a note to reject', async () => {
    const hourLogId = await submitted();
    const bare = await api.data(REVIEW, { input: { hourLogId, decision: 'REJECT' } }, { token: mentor.token });
    expect(bare.reviewHourLog.__typename).toBe('ValidationError');
    const noted = await api.data(
      REVIEW,
      { input: { hourLogId, decision: 'REJECT', note: 'Ta dan ni bilo delavnice.' } },
      { token: mentor.token },
    );
    expect(noted.reviewHourLog.hourLog).toMatchObject({ status: 'REJECTED', reviewNote: 'Ta dan ni bilo delavnice.' });
  });

  it('does not let volunteers approve their own hours or outsiders see them', async () => {
    const hourLogId = await submitted();
    const own = await api.data(REVIEW, { input: { hourLogId, decision: 'APPROVE' } }, { token: volunteer.token });
    expect(own.reviewHourLog.code).toBe('OWN_HOURS');
    const stranger = await api.data(REVIEW, { input: { hourLogId, decision: 'APPROVE' } }, { token: outsider.token });
    expect(stranger.reviewHourLog.__typename).toBe('NotFoundError');
    const peek = await api.gql(
      'query($id: ID!) { node(id: $id) { ... on HourLog { minutes volunteer { email } } } }',
      { id: hourLogId },
      { token: outsider.token },
    );
    expect(peek.data?.node ?? null).toBeNull();
    const mine = await api.data(
      'query($id: ID!) { node(id: $id) { ... on HourLog { minutes } } }',
      { id: hourLogId },
      { token: volunteer.token },
    );
    expect(mine.node.minutes).toBe(150);
  });
});

describe("a volunteer's own hours", () => {
  it('lists them and sums a year by status and organisation', async () => {
    const year = 2025;
    const { myHourLogs } = await api.data(
      'query($f: HourLogFilter) { myHourLogs(first: 100, filter: $f) { totalCount edges { node { minutes status organization { id } } } } }',
      { f: { year } },
      { token: volunteer.token },
    );
    const rows = await api.prisma.hourLog.findMany({
      where: { volunteerId: volunteer.id, date: { gte: new Date('2025-01-01'), lt: new Date('2026-01-01') } },
    });
    expect(myHourLogs.totalCount).toBe(rows.length);
    const { hourSummary } = await api.data(
      'query($y: Int!) { hourSummary(year: $y) { year approvedMinutes submittedMinutes rejectedMinutes byOrganization { organization { id } approvedMinutes } } }',
      { y: year },
      { token: volunteer.token },
    );
    const sum = (status: string) => rows.filter((r) => r.status === status).reduce((s, r) => s + r.minutes, 0);
    expect(hourSummary).toMatchObject({
      year,
      approvedMinutes: sum('APPROVED'),
      submittedMinutes: sum('SUBMITTED'),
      rejectedMinutes: sum('REJECTED'),
    });
    expect(hourSummary.byOrganization.reduce((s: number, o: any) => s + o.approvedMinutes, 0)).toBe(sum('APPROVED'));
  });
});
