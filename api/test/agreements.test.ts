// Volunteering agreements (ZProst Art. 18–19): versions, guardian consent for
// minors, ending and retention; the link from hour entries; what erasure keeps
// and what the retention purge removes.
import { Access, type Context, purgeExpired } from '@tandem/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, toGlobal } from './harness.ts';

let api: TestApi;
let org: { id: string };
let orgGlobal: string;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};

const RESULT = '__typename ... on Error { code message }';
const AGREEMENT = `agreement { id version status startsOn endsOn tasks retainUntil guardianName guardianConsentAt createdBy { name } }`;
const mutation = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { ${RESULT} ... on AgreementPayload { ${AGREEMENT} } } }`;
const CREATE = mutation('createAgreement', 'CreateAgreementInput');
const REVISE = mutation('reviseAgreement', 'ReviseAgreementInput');
const ACTIVATE = mutation('activateAgreement', 'ActivateAgreementInput');
const END = mutation('endAgreement', 'EndAgreementInput');
const LOG = `mutation($input: LogHoursInput!) { logHours(input: $input) { ${RESULT} ... on HourLogPayload { hourLog { place workType area { code } agreement { version } } } } }`;

const TODAY = new Date().toISOString().slice(0, 10);
const plusYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;

const call = async (document: string, input: Record<string, unknown>, who = 'coordinator') =>
  Object.values(await api.data(document, { input }, { token: tokens[who] }))[0] as Record<string, any>;

beforeAll(async () => {
  api = await TestApi.start();
  const prisma = api.prisma;
  org = await prisma.organization.create({
    data: {
      slug: 'drustvo-za-dogovore',
      name: 'Društvo za dogovore',
      kind: 'NGO',
      regionCode: 'savinjska',
      city: 'Celje',
    },
  });
  orgGlobal = toGlobal('Organization', org.id);
  await prisma.organizationArea.create({ data: { organizationId: org.id, areaCode: 'YOUTH' } });
  const user = async (
    key: string,
    birthDate: string,
    role: 'VOLUNTEER' | 'MENTOR' | 'COORDINATOR' | 'ADMIN' | null,
  ) => {
    const row = await prisma.user.create({
      data: {
        email: `${key}@dogovori.example.org`,
        name: `Oseba ${key}`,
        birthDate: new Date(birthDate),
        memberships: role ? { create: { organizationId: org.id, role } } : undefined,
      },
    });
    ids[key] = row.id;
    tokens[key] = await api.tokenFor(row.email);
  };
  await user('adult', '1995-05-05', 'VOLUNTEER');
  await user('minor', '2011-01-01', 'VOLUNTEER');
  await user('outsider', '1990-01-01', null);
  await user('mentor', '1985-01-01', 'MENTOR');
  await user('coordinator', '1980-01-01', 'COORDINATOR');
  await user('admin', '1975-01-01', 'ADMIN');
  tokens.otherCoordinator = await api.tokenFor('maja.vidmar@example.org');
}, 120_000);
afterAll(() => api.close());

describe('createAgreement', () => {
  const input = (extra: Record<string, unknown> = {}) => ({
    organizationId: orgGlobal,
    volunteerId: toGlobal('Person', ids.adult!),
    startsOn: '2026-01-01',
    tasks: 'Vodenje mladinskih delavnic.',
    signedAt: '2025-12-20T10:00:00Z',
    idempotencyKey: 'agreement-adult-1',
    ...extra,
  });

  it('records version 1 in force, once however often it is retried', async () => {
    const created = await call(CREATE, input());
    expect(created.agreement).toMatchObject({
      version: 1,
      status: 'ACTIVE',
      startsOn: '2026-01-01',
      endsOn: null,
      retainUntil: null,
      createdBy: { name: 'Oseba coordinator' },
    });
    expect((await call(CREATE, input())).agreement.id).toBe(created.agreement.id);
    // The same key from someone else is a conflict, never their agreement.
    expect(await call(CREATE, input(), 'admin')).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
    expect(await call(CREATE, input({ idempotencyKey: 'agreement-adult-2' }))).toMatchObject({
      code: 'AGREEMENT_EXISTS',
    });
    expect(await api.prisma.auditLog.count({ where: { action: 'agreement.create', organizationId: org.id } })).toBe(1);
    ids.v1 = created.agreement.id;
  });

  it('is for the organisation’s coordinators and admins, about people linked to it', async () => {
    for (const who of ['mentor', 'adult', 'otherCoordinator']) {
      expect(await call(CREATE, input({ idempotencyKey: `agreement-by-${who}` }), who), who).toMatchObject({
        __typename: 'NotFoundError',
      });
    }
    const stranger = await call(
      CREATE,
      input({ volunteerId: toGlobal('Person', ids.outsider!), idempotencyKey: 'agreement-outsider' }),
    );
    expect(stranger).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
  });

  it('needs the guardian’s consent before a minor’s agreement is in force', async () => {
    const minor = (extra: Record<string, unknown>) =>
      input({
        volunteerId: toGlobal('Person', ids.minor!),
        startsOn: '2026-02-01',
        idempotencyKey: `agreement-minor-${Object.keys(extra).join('-')}`,
        ...extra,
      });
    expect(await call(CREATE, minor({}))).toMatchObject({ __typename: 'ValidationError' });
    expect(await call(CREATE, minor({ guardianName: 'Mama Mladoletne' }))).toMatchObject({
      code: 'GUARDIAN_CONSENT_REQUIRED',
    });
    const draft = await call(
      CREATE,
      minor({ guardianName: 'Mama Mladoletne', guardianEmail: 'mama@dogovori.example.org', draft: true }),
    );
    expect(draft.agreement).toMatchObject({ status: 'DRAFT', guardianName: 'Mama Mladoletne' });
    expect(await call(ACTIVATE, { agreementId: draft.agreement.id })).toMatchObject({
      code: 'GUARDIAN_CONSENT_REQUIRED',
    });
    const active = await call(ACTIVATE, { agreementId: draft.agreement.id, guardianConsentAt: '2026-01-25T18:00:00Z' });
    expect(active.agreement).toMatchObject({
      status: 'ACTIVE',
      version: 1,
      guardianConsentAt: '2026-01-25T18:00:00.000Z',
    });
    expect((await call(ACTIVATE, { agreementId: draft.agreement.id })).agreement.status).toBe('ACTIVE');
    ids.minorAgreement = draft.agreement.id;
  });
});

describe('hour entries', () => {
  it('carry the type of work, area and place, and link to the agreement in force that day', async () => {
    const logged = await call(
      LOG,
      {
        organizationId: orgGlobal,
        date: '2026-02-02',
        minutes: 90,
        activity: 'Delavnica',
        workType: 'ORGANISATIONAL',
        idempotencyKey: 'agreement-log-1',
      },
      'adult',
    );
    // No opportunity, no place given: the host organisation's town stands in; the area is the organisation's.
    expect(logged.hourLog).toEqual({
      place: 'Celje',
      workType: 'ORGANISATIONAL',
      area: { code: 'YOUTH' },
      agreement: { version: 1 },
    });
    const wrongArea = await call(
      LOG,
      {
        organizationId: orgGlobal,
        date: '2026-02-03',
        minutes: 30,
        activity: 'Delavnica',
        areaCode: 'NO_SUCH',
        idempotencyKey: 'agreement-log-2',
      },
      'adult',
    );
    expect(wrongArea).toMatchObject({ __typename: 'NotFoundError' });
    const before = await call(
      LOG,
      {
        organizationId: orgGlobal,
        date: '2025-11-03',
        minutes: 30,
        activity: 'Priprava',
        place: 'Velenje',
        idempotencyKey: 'agreement-log-3',
      },
      'adult',
    );
    expect(before.hourLog).toMatchObject({ place: 'Velenje', agreement: null });
  });
});

describe('reviseAgreement and endAgreement', () => {
  it('records a change as a new version and ends the previous one the day before', async () => {
    const revised = await call(REVISE, {
      agreementId: ids.v1,
      startsOn: '2026-03-01',
      tasks: 'Vodenje delavnic in mentorstvo.',
      idempotencyKey: 'agreement-revise-1',
    });
    expect(revised.agreement).toMatchObject({
      version: 2,
      status: 'ACTIVE',
      startsOn: '2026-03-01',
      tasks: 'Vodenje delavnic in mentorstvo.',
    });
    expect(
      (await call(REVISE, { agreementId: ids.v1, startsOn: '2026-03-01', idempotencyKey: 'agreement-revise-1' }))
        .agreement.id,
    ).toBe(revised.agreement.id);
    const old = await api.data(
      `query($id: ID!) { node(id: $id) { ... on VolunteerAgreement { status endsOn retainUntil versions { version status } } } }`,
      { id: ids.v1 },
      { token: tokens.coordinator },
    );
    expect(old.node).toEqual({
      status: 'ENDED',
      endsOn: '2026-02-28',
      retainUntil: '2036-02-28',
      versions: [
        { version: 1, status: 'ENDED' },
        { version: 2, status: 'ACTIVE' },
      ],
    });
    expect(
      await call(REVISE, { agreementId: ids.v1, tasks: 'Spet.', idempotencyKey: 'agreement-revise-2' }),
    ).toMatchObject({ code: 'AGREEMENT_ENDED' });
    expect(await api.prisma.auditLog.count({ where: { action: 'agreement.version', organizationId: org.id } })).toBe(1);
    const march = await call(
      LOG,
      {
        organizationId: orgGlobal,
        date: '2026-03-05',
        minutes: 60,
        activity: 'Mentorstvo',
        idempotencyKey: 'agreement-log-4',
      },
      'adult',
    );
    expect(march.hourLog.agreement).toEqual({ version: 2 });
    ids.v2 = revised.agreement.id;
  });

  it('ends an agreement, to be kept 10 years', async () => {
    expect(await call(END, { agreementId: ids.v2, endsOn: plusYears(TODAY, 1) })).toMatchObject({
      __typename: 'ValidationError',
    });
    const ended = await call(END, { agreementId: ids.v2, endsOn: TODAY });
    expect(ended.agreement).toMatchObject({ status: 'ENDED', endsOn: TODAY, retainUntil: plusYears(TODAY, 10) });
    expect((await call(END, { agreementId: ids.v2 })).agreement.endsOn).toBe(TODAY);
    expect(await call(END, { agreementId: ids.v2 }, 'mentor')).toMatchObject({ __typename: 'NotFoundError' });
  });

  it('lists the versions for the volunteer and the organisation’s staff', async () => {
    const mine = await api.data(
      '{ me { agreements { version status organization { name } } } }',
      {},
      { token: tokens.adult },
    );
    expect(mine.me.agreements).toEqual([
      { version: 2, status: 'ENDED', organization: { name: 'Društvo za dogovore' } },
      { version: 1, status: 'ENDED', organization: { name: 'Društvo za dogovore' } },
    ]);
    const query =
      '{ organization(slug: "drustvo-za-dogovore") { agreements(first: 10) { totalCount edges { node { version status volunteer { name } } } } } }';
    expect((await api.data(query, {}, { token: tokens.coordinator })).organization.agreements.totalCount).toBe(3);
    for (const who of ['adult', 'mentor', 'otherCoordinator']) {
      expect((await api.gql(query, {}, { token: tokens[who] })).errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
    }
  });

  it('counts volunteers with agreements in the annual report, versions once', async () => {
    const { annualReport } = await api.data(
      '{ annualReport(organizationSlug: "drustvo-za-dogovore", year: 2026) { agreements volunteers totalMinutes } }',
      {},
      { token: tokens.coordinator },
    );
    // adult (versions 1 and 2) and minor; no hours approved yet.
    expect(annualReport).toEqual({ agreements: 2, volunteers: 0, totalMinutes: 0 });
  });
});

describe('retention and erasure', () => {
  const operator = (): Context => ({
    prisma: api.prisma,
    viewer: null,
    apiKey: null,
    access: new Access(api.prisma, null, null),
    mailer: { send: async () => {} },
    locale: 'en',
    origin: null,
    ip: null,
    userAgent: null,
  });

  it('erasure keeps agreements and the hour record, without the guardian and the words', async () => {
    const agreementsBefore = await api.prisma.volunteerAgreement.count({ where: { organizationId: org.id } });
    const erased = await api.data(
      'mutation($input: ErasePersonInput!) { erasePerson(input: $input) { __typename } }',
      { input: { organizationId: orgGlobal, personId: toGlobal('Person', ids.minor!) } },
      { token: tokens.admin },
    );
    expect(erased.erasePerson.__typename).toBe('PersonErasedPayload');
    expect(await api.prisma.volunteerAgreement.count({ where: { organizationId: org.id } })).toBe(agreementsBefore);
    const kept = await api.prisma.volunteerAgreement.findUniqueOrThrow({
      where: { id: Buffer.from(ids.minorAgreement!, 'base64').toString().split(':')[1]! },
    });
    expect(kept).toMatchObject({ guardianName: null, guardianEmail: null, status: 'ACTIVE' });
    expect(kept.guardianConsentAt).not.toBeNull();
  });

  it('purge-expired removes what is past retention, and only that', async () => {
    const prisma = api.prisma;
    const old = await prisma.volunteerAgreement.create({
      data: {
        volunteerId: ids.outsider!,
        organizationId: org.id,
        status: 'ENDED',
        startsOn: new Date('2013-01-01'),
        endsOn: new Date('2014-06-30'),
        retainUntil: new Date('2024-06-30'),
        tasks: 'Staro delo.',
      },
    });
    const entry = (date: string, agreementId: string | null, key: string) => ({
      volunteerId: ids.outsider!,
      organizationId: org.id,
      date: new Date(date),
      minutes: 60,
      activity: 'staro',
      areaCode: 'YOUTH',
      status: 'APPROVED' as const,
      agreementId,
      idempotencyKey: key,
    });
    await prisma.hourLog.createMany({
      data: [
        entry('2014-03-01', old.id, 'purge-1'), // under the expired agreement
        entry('2015-05-05', null, 'purge-2'), // no agreement, 2015 + 10 years is over
        entry(`${Number(TODAY.slice(0, 4)) - 10}-05-05`, null, 'purge-3'), // no agreement, still within 10 years
      ],
    });
    const dry = await purgeExpired(operator(), { dryRun: true });
    expect(dry).toEqual({ agreements: 1, hourLogs: 2, dryRun: true });
    expect(await prisma.hourLog.count({ where: { volunteerId: ids.outsider } })).toBe(3);
    expect(await purgeExpired(operator())).toEqual({ agreements: 1, hourLogs: 2, dryRun: false });
    expect(
      (await prisma.hourLog.findMany({ where: { volunteerId: ids.outsider } })).map((h) => h.idempotencyKey),
    ).toEqual(['purge-3']);
    expect(await prisma.volunteerAgreement.findUnique({ where: { id: old.id } })).toBeNull();
    // The ended agreements of this test are kept until 2036 and later.
    expect(await prisma.volunteerAgreement.count({ where: { organizationId: org.id } })).toBe(3);
    expect(await prisma.auditLog.count({ where: { action: 'retention.purge' } })).toBe(1);
    expect(await purgeExpired(operator())).toEqual({ agreements: 0, hourLogs: 0, dryRun: false });
  });
});
