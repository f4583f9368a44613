// Certificates of volunteer work (ZProst Art. 25): request, issue with a register
// number and verification code, decline, revoke, verify, print (HTML and PDF),
// the register, and what erasure keeps.
import { schema } from '@tandem/schema';
import type { GraphQLObjectType } from 'graphql';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobal, TestApi, toGlobal } from './harness.ts';

let api: TestApi;
let org: { id: string };
let orgGlobal: string;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const YEAR = Number(
  new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Ljubljana' }).format(new Date()),
);
const CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
const VOLUNTEER_NAME = 'Žan Čečko Šušteršič';

const RESULT = '__typename ... on Error { code message }';
const CERTIFICATE = `certificate { id status registerNumber verificationCode minutes description
  areas { code minutes } competences { code level scaleMax ratedBy } periodFrom periodTo htmlPath pdfPath issuedBy { name } }`;
const REQUEST = `mutation($input: RequestCertificateInput!) { requestCertificate(input: $input) { ${RESULT} ... on CertificatePayload { ${CERTIFICATE} } } }`;
const ISSUE = `mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { ${RESULT} ... on CertificatePayload { ${CERTIFICATE} } } }`;
const DECLINE = `mutation($input: DecideCertificateInput!) { declineCertificate(input: $input) { ${RESULT} ... on CertificatePayload { certificate { status decidedNote } } } }`;
const REVOKE = `mutation($input: DecideCertificateInput!) { revokeCertificate(input: $input) { ${RESULT} ... on CertificatePayload { certificate { status revokedAt } } } }`;
const VERIFY = `query($code: String!) { verifyCertificate(code: $code) { status registerNumber organizationName volunteerName periodFrom periodTo minutes areas { code name minutes } issuedAt revokedAt } }`;

let keys = 0;
const request = (token: string, input: Record<string, unknown> = {}) =>
  api.data(
    REQUEST,
    {
      input: {
        organizationId: orgGlobal,
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
        idempotencyKey: `certificate-test-${++keys}`,
        ...input,
      },
    },
    { token },
  );

beforeAll(async () => {
  api = await TestApi.start();
  const prisma = api.prisma;
  org = await prisma.organization.create({
    data: {
      slug: 'drustvo-za-potrdila',
      name: 'Društvo za potrdila',
      kind: 'NGO',
      regionCode: 'podravska',
      city: 'Maribor',
      address: 'Slovenska ulica 1',
      registrationNumber: '1234567000',
    },
  });
  orgGlobal = toGlobal('Organization', org.id);
  const user = async (
    key: string,
    name: string,
    role: 'VOLUNTEER' | 'MENTOR' | 'COORDINATOR' | null,
    birthDate = '1990-01-01',
  ) => {
    const row = await prisma.user.create({
      data: {
        email: `${key}@potrdila.example.org`,
        name,
        birthDate: new Date(birthDate),
        memberships: role
          ? { create: { organizationId: org.id, role, title: role === 'COORDINATOR' ? 'koordinatorka' : null } }
          : undefined,
      },
    });
    ids[key] = row.id;
    tokens[key] = await api.tokenFor(row.email);
  };
  await user('volunteer', VOLUNTEER_NAME, 'VOLUNTEER', '2004-05-06');
  await user('second', 'Druga Prostovoljka', 'VOLUNTEER');
  await user('outsider', 'Zunanja Oseba', null);
  await user('mentor', 'Mentorica Potrdil', 'MENTOR');
  await user('coordinator', 'Koordinatorka Potrdil', 'COORDINATOR');
  tokens.otherCoordinator = await api.tokenFor('maja.vidmar@example.org');
  await prisma.mentorAssignment.create({
    data: {
      mentorId: ids.mentor!,
      volunteerId: ids.volunteer!,
      organizationId: org.id,
      startsOn: new Date('2025-01-01'),
    },
  });
  let n = 0;
  const log = (
    volunteer: string,
    date: string,
    minutes: number,
    areaCode: string,
    status: 'APPROVED' | 'SUBMITTED' = 'APPROVED',
  ) => ({
    volunteerId: ids[volunteer]!,
    organizationId: org.id,
    date: new Date(date),
    minutes,
    workType: minutes === 90 ? ('OTHER' as const) : ('CONTENT' as const),
    areaCode,
    place: 'Maribor',
    status,
    activity: 'delo',
    idempotencyKey: `certificates-${++n}`,
  });
  // The volunteer's 2025: 120 min social welfare + 90 min culture approved (210), 60 waiting.
  await prisma.hourLog.createMany({
    data: [
      log('volunteer', '2025-03-01', 120, 'SOCIAL'),
      log('volunteer', '2025-06-01', 90, 'CULTURE'),
      log('volunteer', '2025-09-01', 60, 'SOCIAL', 'SUBMITTED'),
      log('second', '2025-04-01', 45, 'SOCIAL'),
    ],
  });
  // A mentor's evaluation in 2025 rating competences, and the volunteer's own (outranked).
  const template = await prisma.evaluationTemplate.findFirstOrThrow({
    where: { kind: 'MENTOR_OF_VOLUNTEER', questions: { some: { type: 'COMPETENCE' } } },
    include: { questions: { where: { type: 'COMPETENCE' }, orderBy: { position: 'asc' } } },
  });
  const selfTemplate = await prisma.evaluationTemplate.findFirstOrThrow({
    where: { kind: 'VOLUNTEER_SELF', questions: { some: { type: 'COMPETENCE' } } },
    include: { questions: { where: { type: 'COMPETENCE' }, orderBy: { position: 'asc' } } },
  });
  await prisma.evaluationResponse.create({
    data: {
      templateId: template.id,
      organizationId: org.id,
      respondentId: ids.mentor!,
      subjectUserId: ids.volunteer!,
      answers: template.questions.map((q) => ({ questionId: q.id, value: 4 })),
      submittedAt: new Date('2025-10-01T10:00:00Z'),
    },
  });
  await prisma.evaluationResponse.create({
    data: {
      templateId: selfTemplate.id,
      organizationId: org.id,
      respondentId: ids.volunteer!,
      subjectUserId: ids.volunteer!,
      answers: selfTemplate.questions.map((q) => ({ questionId: q.id, value: 2 })),
      submittedAt: new Date('2025-11-01T10:00:00Z'),
    },
  });
  ids.competence = template.questions[0]!.competenceCode!;
}, 120_000);
afterAll(() => api.close());

describe('requestCertificate', () => {
  it('records the request once, however often it is retried, and shows the hours so far', async () => {
    const input = {
      includeCompetences: true,
      locale: 'sl',
      note: 'Za štipendijo.',
      idempotencyKey: 'certificate-first',
    };
    const first = (await request(tokens.volunteer!, input)).requestCertificate;
    expect(first.__typename).toBe('CertificatePayload');
    expect(first.certificate).toMatchObject({
      status: 'REQUESTED',
      registerNumber: null,
      verificationCode: null,
      minutes: 210,
      areas: [],
      competences: null,
      htmlPath: null,
    });
    const again = (await request(tokens.volunteer!, input)).requestCertificate;
    expect(again.certificate.id).toBe(first.certificate.id);
    // Another person's retry of the same key never gets this request back.
    const stolen = (await request(tokens.second!, input)).requestCertificate;
    expect(stolen).toMatchObject({ __typename: 'ConflictError', code: 'IDEMPOTENCY_CONFLICT' });
    ids.first = first.certificate.id;

    // The coordinator, who may issue it, hears of the request once (not the mentor, not on retries).
    const told = await api.prisma.outboxMessage.findMany({ where: { kind: 'certificate-requested' } });
    expect(told.map((m) => m.to)).toEqual(['coordinator@potrdila.example.org']);
    expect(told[0]!.subject).toBe(`${VOLUNTEER_NAME} prosi za potrdilo o prostovoljskem delu`);
    expect(told[0]!.text).toContain('Društvo za potrdila');
    expect(told[0]!.text).toContain('Sporočilo prostovoljca: Za štipendijo.');
  });

  it('refuses someone who never volunteered there, and a period that ends before it starts or in the future', async () => {
    expect((await request(tokens.outsider!)).requestCertificate).toMatchObject({ code: 'NOT_A_VOLUNTEER' });
    expect(
      (await request(tokens.volunteer!, { periodFrom: '2025-06-01', periodTo: '2025-05-01' })).requestCertificate.code,
    ).toBe('VALIDATION');
    expect((await request(tokens.volunteer!, { periodTo: '2099-01-01' })).requestCertificate.code).toBe('VALIDATION');
    const anonymous = await api.gql(REQUEST, {
      input: {
        organizationId: orgGlobal,
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
        idempotencyKey: 'anonymous-1',
      },
    });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('issueCertificate', () => {
  it('is for the organisation’s coordinators and admins, not mentors, other organisations or the volunteer', async () => {
    for (const who of ['mentor', 'otherCoordinator', 'volunteer', 'second']) {
      const result = (
        await api.data(ISSUE, { input: { certificateId: ids.first, description: 'Delo.' } }, { token: tokens[who] })
      ).issueCertificate;
      expect(result, who).toMatchObject({ __typename: 'NotFoundError' });
    }
  });

  it('freezes the hours, areas and competences, numbers it in the register and mails the volunteer', async () => {
    const { issueCertificate } = await api.data(
      ISSUE,
      { input: { certificateId: ids.first, description: 'Pomoč pri učnih urah in kulturnih dogodkih.' } },
      { token: tokens.coordinator },
    );
    const c = issueCertificate.certificate;
    expect(c).toMatchObject({
      status: 'ISSUED',
      registerNumber: `${YEAR}/1`,
      minutes: 210,
      description: 'Pomoč pri učnih urah in kulturnih dogodkih.',
      // By minutes: social welfare 120, culture 90.
      areas: [
        { code: 'SOCIAL', minutes: 120 },
        { code: 'CULTURE', minutes: 90 },
      ],
      issuedBy: { name: 'Koordinatorka Potrdil' },
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
    });
    expect(c.verificationCode).toMatch(CODE);
    // The mentor's rating (4) outranks the later self-assessment (2).
    expect(c.competences).toContainEqual({
      code: ids.competence,
      level: 4,
      scaleMax: expect.any(Number),
      ratedBy: 'MENTOR',
    });
    expect(c.htmlPath).toBe(`/certificates/${encodeURIComponent(c.id)}.html`);
    ids.code = c.verificationCode;

    const mail = await api.prisma.outboxMessage.findFirstOrThrow({
      where: { kind: 'certificate-issued', to: 'volunteer@potrdila.example.org' },
    });
    expect(mail.text).toContain(c.verificationCode);
    expect(mail.subject).toContain(`${YEAR}/1`);
    expect(
      await api.prisma.auditLog.count({ where: { action: 'certificate.issue', subjectId: fromGlobal(c.id) } }),
    ).toBe(1);

    // Issuing again changes nothing; later approvals do not change an issued certificate.
    const again = (
      await api.data(
        ISSUE,
        { input: { certificateId: ids.first, description: 'Drugače.' } },
        { token: tokens.coordinator },
      )
    ).issueCertificate;
    expect(again.certificate).toMatchObject({
      registerNumber: `${YEAR}/1`,
      verificationCode: c.verificationCode,
      description: c.description,
    });
    await api.prisma.hourLog.updateMany({
      where: { volunteerId: ids.volunteer, status: 'SUBMITTED' },
      data: { status: 'APPROVED' },
    });
    const mine = await api.data(
      '{ me { certificates { id minutes areas { minutes } } } }',
      {},
      { token: tokens.volunteer },
    );
    expect(mine.me.certificates.find((x: { id: string }) => x.id === c.id)).toMatchObject({ minutes: 210 });
  });

  it('gives concurrent issues consecutive numbers without gaps or repeats', async () => {
    const requested = [];
    for (let month = 1; month <= 5; month++) {
      const r = (
        await request(tokens.volunteer!, {
          periodFrom: '2025-01-01',
          periodTo: `2025-${String(month + 5).padStart(2, '0')}-30`,
        })
      ).requestCertificate;
      requested.push(r.certificate.id);
    }
    const issued = await Promise.all(
      requested.map((id) =>
        api.data(
          ISSUE,
          { input: { certificateId: id, description: 'Delo v letu 2025.' } },
          { token: tokens.coordinator },
        ),
      ),
    );
    const numbers = issued.map((r) => r.issueCertificate.certificate.registerNumber).sort();
    expect(numbers.sort((a, b) => Number(a.split('/')[1]) - Number(b.split('/')[1]))).toEqual(
      [2, 3, 4, 5, 6].map((n) => `${YEAR}/${n}`),
    );
    const codes = new Set(issued.map((r) => r.issueCertificate.certificate.verificationCode));
    expect(codes.size).toBe(5);
    ids.toRevoke = requested[0]!;
  });

  it('refuses a period without approved hours', async () => {
    const empty = (await request(tokens.volunteer!, { periodFrom: '2024-01-01', periodTo: '2024-12-31' }))
      .requestCertificate;
    const refused = (
      await api.data(
        ISSUE,
        { input: { certificateId: empty.certificate.id, description: 'Nič.' } },
        { token: tokens.coordinator },
      )
    ).issueCertificate;
    expect(refused).toMatchObject({ __typename: 'RuleViolationError', code: 'NO_APPROVED_HOURS' });
    ids.empty = empty.certificate.id;
  });
});

describe('declineCertificate and revokeCertificate', () => {
  it('declines a request with a reason, after which it cannot be issued', async () => {
    const declined = (
      await api.data(
        DECLINE,
        { input: { certificateId: ids.empty, note: 'V tem obdobju ni potrjenih ur.' } },
        { token: tokens.coordinator },
      )
    ).declineCertificate;
    expect(declined.certificate).toEqual({ status: 'DECLINED', decidedNote: 'V tem obdobju ni potrjenih ur.' });
    const issue = (
      await api.data(
        ISSUE,
        { input: { certificateId: ids.empty, description: 'Vseeno.' } },
        { token: tokens.coordinator },
      )
    ).issueCertificate;
    expect(issue).toMatchObject({ __typename: 'RuleViolationError', code: 'CERTIFICATE_NOT_REQUESTED' });
    expect(await api.prisma.outboxMessage.count({ where: { kind: 'certificate-declined' } })).toBe(1);
    const byMentor = (
      await api.data(DECLINE, { input: { certificateId: ids.empty, note: 'Ne.' } }, { token: tokens.mentor })
    ).declineCertificate;
    expect(byMentor.__typename).toBe('NotFoundError');
  });

  it('revokes an issued certificate: it keeps its number and verification says so', async () => {
    const revoked = (
      await api.data(
        REVOKE,
        { input: { certificateId: ids.toRevoke, note: 'Napačno obdobje.' } },
        { token: tokens.coordinator },
      )
    ).revokeCertificate;
    expect(revoked.certificate.status).toBe('REVOKED');
    const again = (
      await api.data(
        REVOKE,
        { input: { certificateId: ids.toRevoke, note: 'Napačno obdobje.' } },
        { token: tokens.coordinator },
      )
    ).revokeCertificate;
    expect(again.certificate.revokedAt).toBe(revoked.certificate.revokedAt);
    const notIssued = (
      await api.data(REVOKE, { input: { certificateId: ids.empty, note: 'Ne.' } }, { token: tokens.coordinator })
    ).revokeCertificate;
    expect(notIssued).toMatchObject({ code: 'CERTIFICATE_NOT_ISSUED' });
    const row = await api.prisma.certificate.findUniqueOrThrow({ where: { id: fromGlobal(ids.toRevoke!) } });
    const verified = (await api.data(VERIFY, { code: row.verificationCode })).verifyCertificate;
    expect(verified).toMatchObject({ status: 'REVOKED', registerNumber: row.registerNumber });
    expect(verified.revokedAt).not.toBeNull();
  });
});

describe('verifyCertificate', () => {
  it('answers anyone with the code, however it is typed, with only what the certificate shows', async () => {
    const typed = ids.code!.toLowerCase().replace(/-/g, ' ');
    const { verifyCertificate } = await api.data(VERIFY, { code: typed });
    expect(verifyCertificate).toEqual({
      status: 'ISSUED',
      registerNumber: `${YEAR}/1`,
      organizationName: 'Društvo za potrdila',
      volunteerName: VOLUNTEER_NAME,
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      minutes: 210,
      areas: [
        { code: 'SOCIAL', name: 'socialno varstvo', minutes: 120 },
        { code: 'CULTURE', name: 'kultura in umetnost', minutes: 90 },
      ],
      issuedAt: expect.any(String),
      revokedAt: null,
    });
    // The type has no birth date or description to ask for.
    const fields = Object.keys((schema.getType('CertificateVerification') as GraphQLObjectType).getFields());
    expect(fields).toContain('volunteerName');
    expect(fields.filter((f) => /birth|description|competence|email/i.test(f))).toEqual([]);
    expect((await api.data(VERIFY, { code: 'AAAA-BBBB-CCCC' })).verifyCertificate).toBeNull();
    expect((await api.data(VERIFY, { code: 'not a code' })).verifyCertificate).toBeNull();
  });

  it('checks the seeded certificates too', async () => {
    const seeded = await api.prisma.certificate.findFirstOrThrow({
      where: { status: 'ISSUED', registerNumber: '2026/1', organization: { slug: 'drustvo-legebitra' } },
    });
    const { verifyCertificate } = await api.data(VERIFY, { code: seeded.verificationCode });
    expect(verifyCertificate).toMatchObject({
      status: 'ISSUED',
      volunteerName: 'Zala Novak',
      organizationName: expect.any(String),
    });
    expect(verifyCertificate.minutes).toBeGreaterThan(0);
  });
});

describe('printing', () => {
  const get = (path: string, token?: string) =>
    api.yoga.fetch(`http://127.0.0.1${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('serves a PDF with the name, the number and the verification code, to the volunteer and the staff', async () => {
    const path = `/certificates/${encodeURIComponent(toGlobal('Certificate', fromGlobal(ids.first!)))}.pdf`;
    for (const who of ['volunteer', 'coordinator']) {
      const response = await get(path, tokens[who]);
      expect(response.status, who).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
      const pdf = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
      expect(pdf.numPages).toBe(1);
      const page = await pdf.getPage(1);
      const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
      expect(text).toContain(ids.code);
      expect(text).toContain(VOLUNTEER_NAME);
      expect(text).toContain(`${YEAR}/1`);
      expect(text).toContain('Potrdilo o opravljenem prostovoljskem delu');
      expect(text).toContain('3,5 ur');
      await pdf.destroy();
    }
  });

  it('serves printable HTML with print styles', async () => {
    const response = await get(`/certificates/${encodeURIComponent(ids.first!)}.html`, tokens.volunteer);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('<html lang="sl">');
    expect(html).toContain(VOLUNTEER_NAME);
    expect(html).toContain('rojen/-a 6. 5. 2004');
    expect(html).toContain(ids.code);
    expect(html).toContain('@media print');
    expect(html).toContain('@page { size: A4');
    expect(html).not.toContain('PREKLICANO');
    const revoked = await (
      await get(`/certificates/${encodeURIComponent(ids.toRevoke!)}.html`, tokens.coordinator)
    ).text();
    expect(revoked).toContain('PREKLICANO');
  });

  it('gives nothing to others, and nothing before issue', async () => {
    const path = `/certificates/${encodeURIComponent(ids.first!)}.pdf`;
    expect((await get(path)).status).toBe(401);
    expect((await get(path, tokens.second)).status).toBe(404);
    expect((await get(path, tokens.mentor)).status).toBe(404);
    expect((await get(path, tokens.otherCoordinator)).status).toBe(404);
    expect((await get(`/certificates/${encodeURIComponent(ids.empty!)}.pdf`, tokens.volunteer)).status).toBe(404);
    expect((await get('/certificates/nonsense.pdf', tokens.volunteer)).status).toBe(404);
  });
});

describe('the register', () => {
  it('lists the organisation’s certificates in register order for its staff', async () => {
    const query = `query($slug: String!, $year: Int) { organization(slug: $slug) { certificates(first: 20, year: $year) { totalCount edges { node { registerNumber status } } } } }`;
    const { organization } = await api.data(
      query,
      { slug: 'drustvo-za-potrdila', year: YEAR },
      { token: tokens.coordinator },
    );
    expect(organization.certificates.totalCount).toBe(6);
    expect(
      organization.certificates.edges.map((e: { node: { registerNumber: string } }) => e.node.registerNumber),
    ).toEqual([1, 2, 3, 4, 5, 6].map((n) => `${YEAR}/${n}`));
    const all = await api.data(query, { slug: 'drustvo-za-potrdila', year: null }, { token: tokens.coordinator });
    expect(all.organization.certificates.totalCount).toBe(7);
    for (const who of ['volunteer', 'mentor', 'otherCoordinator']) {
      const denied = await api.gql(query, { slug: 'drustvo-za-potrdila', year: YEAR }, { token: tokens[who] });
      expect(denied.errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
    }
  });
});

describe('erasure', () => {
  it('keeps issued certificates verifiable, without the birth date, and drops unissued requests', async () => {
    const pending = (await request(tokens.volunteer!, { periodFrom: '2025-02-01', periodTo: '2025-02-28' }))
      .requestCertificate;
    const erased = await api.data(
      'mutation($input: EraseMeInput!) { eraseMe(input: $input) { __typename } }',
      { input: { confirmEmail: 'volunteer@potrdila.example.org' } },
      { token: tokens.volunteer },
    );
    expect(erased.eraseMe.__typename).toBe('PersonErasedPayload');
    expect(await api.prisma.certificate.findUnique({ where: { id: fromGlobal(pending.certificate.id) } })).toBeNull();
    expect(await api.prisma.certificate.count({ where: { volunteerId: ids.volunteer, status: 'DECLINED' } })).toBe(0);
    const { verifyCertificate } = await api.data(VERIFY, { code: ids.code });
    expect(verifyCertificate).toMatchObject({ status: 'ISSUED', volunteerName: VOLUNTEER_NAME, minutes: 210 });
    const kept = await api.prisma.certificate.findUniqueOrThrow({ where: { verificationCode: ids.code } });
    expect((kept.snapshot as { volunteer: { birthDate: unknown } }).volunteer.birthDate).toBeNull();
    expect(kept.requestNote).toBeNull();
    const html = await (
      await api.yoga.fetch(
        `http://127.0.0.1/certificates/${encodeURIComponent(toGlobal('Certificate', kept.id))}.html`,
        {
          headers: { authorization: `Bearer ${tokens.coordinator}` },
        },
      )
    ).text();
    expect(html).not.toContain('rojen');
  });
});
