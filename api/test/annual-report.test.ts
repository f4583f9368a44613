// The annual report (AJPES figures), its CSV export, the hour rates by year and
// the set-hour-rates command, against hand-computed fixtures on the seeded database.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deployMigrations, openDatabase } from '@tandem/db';
import { Access, type Context, hashSecret, setHourRates } from '@tandem/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, toGlobal } from './harness.ts';

let api: TestApi;

const REPORT = `query($slug: String!, $year: Int!) { annualReport(organizationSlug: $slug, year: $year) {
  year agreements volunteers totalMinutes inKindValueEur rateYear
  byWorkType { workType minutes volunteers eurPerHour valueEur }
  byArea { area { code } minutes volunteers }
  byAgeGroup { ageGroup minutes volunteers }
  byGender { gender minutes volunteers }
  byGenderAndAgeGroup { gender ageGroup minutes volunteers }
  byPlace { place minutes volunteers } } }`;

const SLUG = 'drustvo-za-letno-porocilo';
let org: { id: string };
const people: Record<string, { id: string; email: string }> = {};
let coordinatorToken: string;
let otherCoordinatorToken: string;
const secretKey = 'sk_test_annual_report_reports';
const hoursOnlyKey = 'sk_test_annual_report_hours';

function operator(): Context {
  return {
    prisma: api.prisma,
    viewer: null,
    apiKey: null,
    access: new Access(api.prisma, null, null),
    mailer: { send: async () => {} },
    locale: 'en',
    origin: null,
    ip: null,
    userAgent: null,
  };
}

beforeAll(async () => {
  api = await TestApi.start();
  const prisma = api.prisma;
  org = await prisma.organization.create({
    data: {
      slug: SLUG,
      name: 'Društvo za letno poročilo',
      kind: 'NGO',
      regionCode: 'podravska',
      city: 'Ptuj',
      registrationNumber: '9876543000',
    },
  });
  const person = async (key: string, birthDate: string | null, gender: 'FEMALE' | 'MALE' | null) => {
    const user = await prisma.user.create({
      data: {
        email: `${key}@report.example.org`,
        name: `Oseba ${key}`,
        birthDate: birthDate ? new Date(birthDate) : null,
        gender,
        memberships: { create: { organizationId: org.id, role: 'VOLUNTEER' } },
      },
    });
    people[key] = user;
  };
  // Ages on 31 December 2025: a 15, b 35, c 65, d 25.
  await person('a', '2010-03-01', 'FEMALE');
  await person('b', '1990-06-15', 'MALE');
  await person('c', '1960-12-31', null);
  await person('d', '2000-01-01', 'FEMALE');
  await person('f', '1980-01-01', 'MALE');
  const coordinator = await prisma.user.create({
    data: {
      email: 'koordinator@report.example.org',
      name: 'Koordinator poročila',
      memberships: { create: { organizationId: org.id, role: 'COORDINATOR' } },
    },
  });
  coordinatorToken = await api.tokenFor(coordinator.email);
  otherCoordinatorToken = await api.tokenFor('maja.vidmar@example.org');

  const agreement = (
    key: string,
    version: number,
    status: 'DRAFT' | 'ACTIVE' | 'ENDED',
    from: string,
    to?: string,
  ) => ({
    volunteerId: people[key]!.id,
    organizationId: org.id,
    version,
    status,
    startsOn: new Date(from),
    endsOn: to ? new Date(to) : null,
    tasks: 'pomoč',
  });
  await prisma.volunteerAgreement.createMany({
    data: [
      // a: two versions in 2025, counted once.
      agreement('a', 1, 'ENDED', '2024-09-01', '2025-02-28'),
      agreement('a', 2, 'ACTIVE', '2025-03-01'),
      agreement('b', 1, 'ENDED', '2025-05-01', '2025-12-31'),
      // c: ended before 2025; d: only a draft; f: in force since 2020, no hours.
      agreement('c', 1, 'ENDED', '2023-01-01', '2024-12-31'),
      agreement('d', 1, 'DRAFT', '2025-06-01'),
      agreement('f', 1, 'ACTIVE', '2020-01-01'),
    ],
  });
  let n = 0;
  const log = (
    key: string,
    date: string,
    minutes: number,
    workType: 'CONTENT' | 'ORGANISATIONAL' | 'OTHER',
    areaCode: string,
    place: string | null,
    status: 'APPROVED' | 'SUBMITTED' | 'REJECTED' = 'APPROVED',
  ) => ({
    volunteerId: people[key]!.id,
    organizationId: org.id,
    date: new Date(date),
    minutes,
    workType,
    areaCode,
    place,
    status,
    activity: 'delo',
    idempotencyKey: `annual-report-${++n}`,
  });
  await prisma.hourLog.createMany({
    data: [
      log('a', '2025-01-10', 120, 'CONTENT', 'EDUCATION', 'Ptuj'),
      log('a', '2025-03-05', 60, 'ORGANISATIONAL', 'EDUCATION', 'Ptuj'),
      log('a', '2025-04-01', 90, 'CONTENT', 'SOCIAL', 'Maribor'),
      log('b', '2025-05-10', 180, 'OTHER', 'SOCIAL', 'Maribor'),
      log('b', '2025-12-31', 30, 'CONTENT', 'SOCIAL', null),
      // A place a spreadsheet would run as a formula, with the separator in it.
      log('c', '2025-07-07', 45, 'ORGANISATIONAL', 'CULTURE', '=cmd|x;y'),
      // Not counted: rejected, waiting, other years.
      log('d', '2025-06-10', 600, 'CONTENT', 'SOCIAL', 'Ptuj', 'REJECTED'),
      log('d', '2025-06-11', 300, 'CONTENT', 'SOCIAL', 'Ptuj', 'SUBMITTED'),
      log('a', '2024-12-31', 500, 'CONTENT', 'SOCIAL', 'Ptuj'),
      log('b', '2026-01-01', 500, 'CONTENT', 'SOCIAL', 'Ptuj'),
    ],
  });
  for (const [key, scopes] of [
    [secretKey, ['reports:read']],
    [hoursOnlyKey, ['hours:read']],
  ] as const) {
    await prisma.apiKey.create({
      data: {
        organizationId: org.id,
        kind: 'SECRET',
        label: key,
        prefix: key.slice(0, 12),
        keyHash: hashSecret(key),
        allowedOrigins: [],
        scopes: [...scopes],
      },
    });
  }
}, 120_000);
afterAll(() => api.close());

// Hand-computed for 2025 (approved entries only):
//   a (F, 15): 120 content + 60 organisational (education, Ptuj) + 90 content (social, Maribor) = 270
//   b (M, 35): 180 other (social, Maribor) + 30 content (social, no place)                       = 210
//   c (–, 65): 45 organisational (culture, "=cmd|x;y")                                          =  45
//   total 525 minutes, 3 volunteers; agreements in force in 2025: a (2 versions), b, f = 3
//   content 240 min (a, b) = 4 h × 10 = 40.00; other 180 (b) = 3 h × 6 = 18.00;
//   organisational 105 (a, c) = 1.75 h × 13 = 22.75; in all 80.75 EUR (2024 rates)
const EXPECTED_2025 = {
  year: 2025,
  agreements: 3,
  volunteers: 3,
  totalMinutes: 525,
  inKindValueEur: 80.75,
  rateYear: 2024,
  byWorkType: [
    { workType: 'CONTENT', minutes: 240, volunteers: 2, eurPerHour: 10, valueEur: 40 },
    { workType: 'OTHER', minutes: 180, volunteers: 1, eurPerHour: 6, valueEur: 18 },
    { workType: 'ORGANISATIONAL', minutes: 105, volunteers: 2, eurPerHour: 13, valueEur: 22.75 },
  ],
  byArea: [
    { area: { code: 'SOCIAL' }, minutes: 300, volunteers: 2 },
    { area: { code: 'EDUCATION' }, minutes: 180, volunteers: 1 },
    { area: { code: 'CULTURE' }, minutes: 45, volunteers: 1 },
  ],
  byAgeGroup: [
    { ageGroup: 'UNDER_18', minutes: 270, volunteers: 1 },
    { ageGroup: 'FROM_30_TO_59', minutes: 210, volunteers: 1 },
    { ageGroup: 'FROM_60', minutes: 45, volunteers: 1 },
  ],
  byGender: [
    { gender: 'FEMALE', minutes: 270, volunteers: 1 },
    { gender: 'MALE', minutes: 210, volunteers: 1 },
    { gender: null, minutes: 45, volunteers: 1 },
  ],
  byGenderAndAgeGroup: [
    { gender: 'FEMALE', ageGroup: 'UNDER_18', minutes: 270, volunteers: 1 },
    { gender: 'MALE', ageGroup: 'FROM_30_TO_59', minutes: 210, volunteers: 1 },
    { gender: null, ageGroup: 'FROM_60', minutes: 45, volunteers: 1 },
  ],
  byPlace: [
    { place: 'Maribor', minutes: 270, volunteers: 2 },
    { place: 'Ptuj', minutes: 180, volunteers: 1 },
    { place: '=cmd|x;y', minutes: 45, volunteers: 1 },
    { place: null, minutes: 30, volunteers: 1 },
  ],
};

const report = async (year: number, token = coordinatorToken) =>
  (await api.data(REPORT, { slug: SLUG, year }, { token })).annualReport;

describe('annualReport', () => {
  it('gives the AJPES figures of the year, checked by hand', async () => {
    expect(await report(2025)).toEqual(EXPECTED_2025);
  });

  it('is for the organisation’s managers only', async () => {
    expect(await report(2025, otherCoordinatorToken)).toBeNull();
    expect(await report(2025, await api.tokenFor(people.a!.email))).toBeNull();
    const viaKey = await api.data(REPORT, { slug: SLUG, year: 2025 }, { headers: { 'x-tandem-key': secretKey } });
    expect(viaKey.annualReport.totalMinutes).toBe(525);
    const withoutScope = await api.data(
      REPORT,
      { slug: SLUG, year: 2025 },
      { headers: { 'x-tandem-key': hoursOnlyKey } },
    );
    expect(withoutScope.annualReport).toBeNull();
  });

  it('follows reviews at once (the totals are kept in the same transaction)', async () => {
    const waiting = await api.prisma.hourLog.findFirstOrThrow({
      where: { volunteerId: people.d!.id, status: 'SUBMITTED' },
    });
    const reviewed = await api.data(
      `mutation($input: ReviewHourLogInput!) { reviewHourLog(input: $input) { __typename } }`,
      { input: { hourLogId: toGlobal('HourLog', waiting.id), decision: 'APPROVE' } },
      { token: coordinatorToken },
    );
    expect(reviewed.reviewHourLog.__typename).toBe('HourLogPayload');
    const after = await report(2025);
    // d (F, 25) adds 300 content minutes in social welfare, in Ptuj.
    expect(after.totalMinutes).toBe(825);
    expect(after.volunteers).toBe(4);
    expect(after.byAgeGroup).toContainEqual({ ageGroup: 'FROM_18_TO_29', minutes: 300, volunteers: 1 });
    expect(after.byPlace).toContainEqual({ place: 'Ptuj', minutes: 480, volunteers: 2 });
    expect(after.byWorkType[0]).toEqual({
      workType: 'CONTENT',
      minutes: 540,
      volunteers: 3,
      eurPerHour: 10,
      valueEur: 90,
    });
    // Rejecting is not possible any more, but deleting the entry takes it out again.
    await api.prisma.hourLog.delete({ where: { id: waiting.id } });
    expect(await report(2025)).toEqual(EXPECTED_2025);
  });

  it('uses the hour rates of the latest year at or before the report, the first ones before them', async () => {
    const rates2025 = { year: 2025, cents: { ORGANISATIONAL: 1400, CONTENT: 1100, OTHER: 700 } };
    expect(await setHourRates(operator(), rates2025)).toEqual({ changed: true });
    expect(await setHourRates(operator(), rates2025)).toEqual({ changed: false });
    expect(await api.prisma.auditLog.count({ where: { action: 'hourRate.set', subjectId: '2025' } })).toBe(1);
    const rates = await api.data('{ hourRates { year organisationalEur contentEur otherEur } }');
    expect(rates.hourRates).toEqual([
      { year: 2025, organisationalEur: 14, contentEur: 11, otherEur: 7 },
      { year: 2024, organisationalEur: 13, contentEur: 10, otherEur: 6 },
    ]);
    const r2025 = await report(2025);
    // 4 h × 11 + 3 h × 7 + 1.75 h × 14 = 44 + 21 + 24.5
    expect(r2025.rateYear).toBe(2025);
    expect(r2025.inKindValueEur).toBe(89.5);
    // 2026: the latest rates at or before it are 2025's; a's 500 content minutes of 2024 use 2024's.
    expect((await report(2026)).rateYear).toBe(2025);
    const r2024 = await report(2024);
    expect(r2024.rateYear).toBe(2024);
    expect(r2024.inKindValueEur).toBe(83.33); // 500 / 60 × 10 = 83.333…
    // Before the first recorded rates the first ones apply (EUR 13/10/6 since 2011).
    const r2019 = await report(2019);
    expect(r2019.rateYear).toBe(2024);
    expect(r2019.totalMinutes).toBe(0);
    await api.prisma.hourRate.deleteMany({ where: { year: 2025 } });
  });

  it('follows a change of a volunteer’s gender or birth date', async () => {
    await api.prisma.user.update({
      where: { id: people.b!.id },
      data: { gender: 'FEMALE', birthDate: new Date('2010-01-01') },
    });
    const changed = await report(2025);
    // b now counts as a girl under 18: 270 + 210 minutes.
    expect(changed.byGender).toEqual([
      { gender: 'FEMALE', minutes: 480, volunteers: 2 },
      { gender: null, minutes: 45, volunteers: 1 },
    ]);
    expect(changed.byAgeGroup[0]).toEqual({ ageGroup: 'UNDER_18', minutes: 480, volunteers: 2 });
    await api.prisma.user.update({
      where: { id: people.b!.id },
      data: { gender: 'MALE', birthDate: new Date('1990-06-15') },
    });
    expect(await report(2025)).toEqual(EXPECTED_2025);
  });

  it('keeps the figures when a volunteer’s personal data is erased', async () => {
    const token = await api.tokenFor(people.c!.email);
    const erased = await api.data(
      `mutation($input: EraseMeInput!) { eraseMe(input: $input) { __typename } }`,
      { input: { confirmEmail: people.c!.email } },
      { token },
    );
    expect(erased.eraseMe.__typename).toBe('PersonErasedPayload');
    expect(await report(2025)).toEqual(EXPECTED_2025);
  });
});

describe('the CSV export', () => {
  const get = (query: string, headers: Record<string, string> = {}) =>
    api.yoga.fetch(`http://127.0.0.1/reports/annual.csv?${query}`, { headers });

  it('is UTF-8 with a BOM and ; between fields, in Slovenian', async () => {
    const response = await get(`organization=${SLUG}&year=2025`, {
      authorization: `Bearer ${coordinatorToken}`,
      'accept-language': 'sl',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="porocilo-prostovoljstvo-${SLUG}-2025.csv"`,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)).split('\r\n');
    expect(lines[0]).toBe('Razdelek;Postavka;Prostovoljci;Ure;Vrednost ure (EUR);Vrednost (EUR)');
    expect(lines).toContain('Organizacija;Društvo za letno poročilo;;;;');
    expect(lines).toContain('Matična številka;9876543000;;;;');
    expect(lines).toContain('Dogovori o prostovoljskem delu;prostovoljci z dogovorom, veljavnim v letu;3;;;');
    expect(lines).toContain('Skupaj;potrjene ure;3;8,75;;80,75');
    expect(lines).toContain('Vrsta dela;Vsebinsko delo;2;4,00;10,00;40,00');
    expect(lines).toContain('Vrsta dela;Organizacijsko delo;2;1,75;13,00;22,75');
    expect(lines).toContain('Vrsta dela;Drugo delo;1;3,00;6,00;18,00');
    expect(lines).toContain('Področje;socialno varstvo;2;5,00;;');
    expect(lines).toContain('Starost;do 18 let;1;4,50;;');
    expect(lines).toContain('Spol;ni navedeno;1;0,75;;');
    expect(lines).toContain('Spol in starost;moški, 30–59 let;1;3,50;;');
    // Quoted for the separator, and an apostrophe so no spreadsheet runs it.
    expect(lines).toContain(`Kraj;"'=cmd|x;y";1;0,75;;`);
    expect(lines).toContain('Kraj;kraj ni naveden;1;0,50;;');
  });

  it('has English headers and decimal points in English, and equals AnnualReport.csv', async () => {
    const response = await get(`organization=${SLUG}&year=2025&lang=en`, { 'x-tandem-key': secretKey });
    expect(response.status).toBe(200);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith('\uFEFFSection;Item;Volunteers;Hours;Value per hour (EUR);Value (EUR)\r\n')).toBe(true);
    expect(text).toContain('\r\nTotal;approved hours;3;8.75;;80.75\r\n');
    expect(text).toContain('\r\nGender and age;female, under 18;1;4.50;;\r\n');
    const field = await api.data(
      'query($slug: String!) { annualReport(organizationSlug: $slug, year: 2025) { csv } }',
      { slug: SLUG },
      { token: coordinatorToken, locale: 'en' },
    );
    expect(field.annualReport.csv).toBe(text);
  });

  it('needs the same authorisation as annualReport, and says nothing about other organisations', async () => {
    expect((await get(`organization=${SLUG}&year=2025`)).status).toBe(401);
    const other = await get(`organization=${SLUG}&year=2025`, { authorization: `Bearer ${otherCoordinatorToken}` });
    expect(other.status).toBe(404);
    const unknown = await get('organization=no-such-organisation&year=2025', {
      authorization: `Bearer ${coordinatorToken}`,
    });
    expect(unknown.status).toBe(404);
    expect(await other.text()).toBe(await unknown.text());
    expect((await get(`organization=${SLUG}&year=2025`, { 'x-tandem-key': hoursOnlyKey })).status).toBe(404);
    const badYear = await get(`organization=${SLUG}&year=20x5`, { authorization: `Bearer ${coordinatorToken}` });
    expect(badYear.status).toBe(400);
    const post = await api.yoga.fetch(`http://127.0.0.1/reports/annual.csv?organization=${SLUG}&year=2025`, {
      method: 'POST',
      headers: { authorization: `Bearer ${coordinatorToken}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(post.status).toBe(405);
  });
});

describe('the seeded year', () => {
  it('shows both partnerships’ 2025 and 2026 in their reports', async () => {
    const lead = await api.tokenFor('maja.vidmar@example.org');
    const coordinator = await api.tokenFor('ana.kos@example.org');
    for (const [slug, token] of [
      ['pekarna-magdalenske-mreze', lead],
      ['drustvo-hisa', lead],
      ['drustvo-legebitra', coordinator],
    ] as const) {
      for (const year of [2025, 2026]) {
        const r = (await api.data(REPORT, { slug, year }, { token })).annualReport;
        expect(r.totalMinutes, `${slug} ${year}`).toBeGreaterThan(0);
        expect(r.agreements, `${slug} ${year}`).toBeGreaterThan(0);
        expect(r.byPlace.length, `${slug} ${year}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('npm run tandem -- set-hour-rates', () => {
  const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..');
  let dataDir: string;
  const cli = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', TANDEM_DATA_DIR: dataDir };
      delete env.DATABASE_URL;
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/cli.ts', ...args],
        { cwd: apiDir, env, timeout: 120_000 },
        (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
      );
    });
  // The database is made here, with time to spare on a busy machine; the command then opens it as it is.
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tandem-rates-'));
    const db = await openDatabase({ dataDir, openTimeoutMs: 600_000 });
    try {
      await deployMigrations(db.sql);
    } finally {
      await db.close();
    }
  }, 600_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('sets the national rates of a year, in euros', async () => {
    // Wrong arguments are refused before the database is opened.
    const wrong = await cli('set-hour-rates', '2026', '14', 'ten', '6');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Usage: set-hour-rates <year> <organisational> <content> <other>');
    const set = await cli('set-hour-rates', '2026', '14', '10,50', '6.2');
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('Hour values from 2026: organisational 14.00, content 10.50, other 6.20 EUR.');
    const db = await openDatabase({ dataDir });
    try {
      const rows = await db.prisma.hourRate.findMany({ where: { year: 2026 }, orderBy: { workType: 'asc' } });
      expect(rows.map((r) => [r.workType, r.centsPerHour])).toEqual([
        ['ORGANISATIONAL', 1400],
        ['CONTENT', 1050],
        ['OTHER', 620],
      ]);
      expect(await db.prisma.auditLog.count({ where: { action: 'hourRate.set' } })).toBe(1);
    } finally {
      await db.close();
    }
  }, 180_000);
});
