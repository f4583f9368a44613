import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/database.ts';
import { deployMigrations } from '../src/migrate/migrations.ts';
import { opportunitySearchText } from '../src/search-text.ts';
import { seed, stableId, type SeedSummary } from '../src/seed/index.ts';

const TODAY = '2026-11-23';
const MARIBOR = 'razvoj-prostovoljstva-v-mariboru';
const LGBTIQ = 'lgbtiq-prostovoljstvo';

let db: Database;
let first: SeedSummary;
let second: SeedSummary;
let afterFirst: Map<string, { rows: number; digest: string }>;
let afterSecond: Map<string, { rows: number; digest: string }>;

/** Row count and a digest of every row of every table, to prove a second run changes nothing. */
async function snapshot(): Promise<Map<string, { rows: number; digest: string }>> {
  const tables = await db.sql.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
      ORDER BY table_name`,
  );
  const result = new Map<string, { rows: number; digest: string }>();
  for (const { name } of tables) {
    const [row] = await db.sql.query<{ rows: number; digest: string | null }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${name}" t`,
    );
    result.set(name, { rows: row!.rows, digest: row!.digest ?? '' });
  }
  return result;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
function ageOn(birthDate: Date, on: string): number {
  const born = isoDay(birthDate);
  const years = Number(on.slice(0, 4)) - Number(born.slice(0, 4));
  return on.slice(5) < born.slice(5) ? years - 1 : years;
}

beforeAll(async () => {
  db = await openDatabase({ dataDir: 'memory://' });
  await deployMigrations(db.sql);
  first = await seed(db.prisma);
  afterFirst = await snapshot();
  second = await seed(db.prisma);
  afterSecond = await snapshot();
});

afterAll(async () => {
  await db?.close();
});

describe('the demo seed', () => {
  it('returns the same, non-zero counts on every run', () => {
    expect(second).toEqual(first);
    for (const [model, count] of Object.entries(first)) expect(count, model).toBeGreaterThan(0);
  });

  it('writes exactly the rows it reports, and a second run changes no row', () => {
    for (const [model, count] of Object.entries(first)) {
      const table = model[0]!.toUpperCase() + model.slice(1);
      expect(afterFirst.get(table)?.rows, table).toBe(count);
    }
    expect(afterSecond).toEqual(afterFirst);
  });

  it('uses ids derived from natural keys', async () => {
    const pekarna = await db.prisma.organization.findUniqueOrThrow({ where: { slug: 'pekarna-magdalenske-mreze' } });
    expect(pekarna.id).toBe(stableId('organization', 'pekarna-magdalenske-mreze'));
    expect(pekarna.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const project = await db.prisma.project.findUniqueOrThrow({ where: { slug: MARIBOR } });
    expect(project.id).toBe(stableId('project', MARIBOR));
    expect(stableId('organization', 'pekarna-magdalenske-mreze')).not.toBe(
      stableId('project', 'pekarna-magdalenske-mreze'),
    );
  });

  it('has the reference data', async () => {
    const regions = await db.prisma.region.findMany({ orderBy: { sortOrder: 'asc' } });
    expect(regions.map((r) => r.nutsCode)).toEqual([
      'SI031',
      'SI032',
      'SI033',
      'SI034',
      'SI035',
      'SI036',
      'SI037',
      'SI038',
      'SI041',
      'SI042',
      'SI043',
      'SI044',
    ]);
    expect(regions.find((r) => r.code === 'obalno-kraska')).toMatchObject({
      nutsCode: 'SI044',
      nameSl: 'Obalno-kraška',
      nameEn: 'Coastal–Karst',
    });
    expect(regions.find((r) => r.code === 'osrednjeslovenska')).toMatchObject({
      nutsCode: 'SI041',
      nameEn: 'Central Slovenia',
    });
    expect(await db.prisma.area.count()).toBe(12);
    expect(await db.prisma.area.findUnique({ where: { code: 'HUMAN_RIGHTS' } })).toMatchObject({
      nameSl: 'človekove pravice in civilne svoboščine',
    });
    const competences = await db.prisma.competence.findMany({ where: { framework: 'EU_KEY_COMPETENCES_2018' } });
    expect(competences.map((c) => c.code).sort()).toEqual([
      'CITIZENSHIP',
      'CULTURAL_AWARENESS',
      'DIGITAL',
      'ENTREPRENEURSHIP',
      'LITERACY',
      'MULTILINGUAL',
      'PERSONAL_SOCIAL_LEARNING',
      'STEM',
    ]);
  });

  it('invents no official numbers and no real contact addresses', async () => {
    const organizations = await db.prisma.organization.findMany();
    for (const o of organizations) {
      expect(o.registrationNumber).toBeNull();
      if (o.contactEmail) expect(o.contactEmail).toMatch(/@example\.org$/);
      if (o.kind === 'NGO') expect(o.volunteerRegistry).toBe(true);
    }
    const users = await db.prisma.user.findMany();
    for (const u of users) {
      expect(u.email).toMatch(/@example\.(org|net)$/);
      expect(u.passwordHash).toBeNull();
    }
    expect(await db.prisma.session.count()).toBe(0);
    expect(await db.prisma.apiKey.count()).toBe(0);
  });
});

describe('the Maribor partnership (seed 000)', () => {
  it('is the project as the text describes it', async () => {
    const project = await db.prisma.project.findUniqueOrThrow({
      where: { slug: MARIBOR },
      include: { funder: true, partners: { include: { organization: true } }, regions: true },
    });
    expect(project.nameSl).toBe('Razvoj prostovoljstva v Mariboru');
    expect(project.nameEn).toBe('Developing volunteering in Maribor');
    expect(isoDay(project.startsOn)).toBe('2019-06-01');
    expect(isoDay(project.endsOn)).toBe('2020-11-30');
    expect(project.funderName).toBe('Ministrstvo za javno upravo');
    expect(project.funder).toMatchObject({
      name: 'Ministrstvo za javno upravo',
      kind: 'PUBLIC_INSTITUTION',
      regionCode: 'osrednjeslovenska',
      city: 'Ljubljana',
    });
    const roles = Object.fromEntries(project.partners.map((p) => [p.organization.name, p.role]));
    expect(roles).toEqual({
      'Pekarna Magdalenske mreže': 'LEAD',
      'Društvo TOTI DCA Maribor': 'PARTNER',
      'Evropski kulturni in tehnološki center Maribor': 'PARTNER',
      'Društvo Hiša!': 'PARTNER',
      'Zavod MARS Maribor': 'PARTNER',
    });
    for (const p of project.partners)
      expect(p.organization).toMatchObject({ city: 'Maribor', regionCode: 'podravska' });
    const municipality = await db.prisma.organization.findUniqueOrThrow({ where: { slug: 'mestna-obcina-maribor' } });
    expect(municipality.kind).toBe('MUNICIPALITY');
    expect(project.partners.some((p) => p.organizationId === municipality.id)).toBe(false);
  });

  it('has exactly the five indicators of the text, with progress inside the project period', async () => {
    const indicators = await db.prisma.indicator.findMany({
      where: { project: { slug: MARIBOR } },
      orderBy: { position: 'asc' },
      include: { progress: true },
    });
    expect(indicators.map((i) => i.position)).toEqual([1, 2, 3, 4, 5]);
    expect(indicators.map((i) => i.titleSl)).toEqual([
      'Priprava strategije razvoja prostovoljstva v Mestni občini Maribor.',
      'Razvoj socialne inovacije v obliki uvedbe enotnega modela spremljanja/evalviranja prostovoljskega dela v prostovoljskih organizacijah v lokalnem okolju.',
      'Izdelane interne strategije prostovoljstva v prostovoljskih organizacijah partnericah v projektu z namenom kakovostnih procesov organiziranega prostovoljstva.',
      'Izvedba rednih intervizij za novo zaposlene mentorje prostovoljcev v organizacijah projektnih partnericah.',
      'Vzpostavitev skupne aktivnosti prostovoljskih organizacij partneric v projektu kot rezultat prijave na mednarodni razpis.',
    ]);
    expect(indicators.map((i) => [i.kind, i.target, i.metric])).toEqual([
      ['MILESTONE', 1, null],
      // The unified model counts as introduced when all five organisations use it.
      ['COUNT', 5, 'ORGANIZATIONS_USING_SHARED_MODEL'],
      ['COUNT', 5, null],
      ['COUNT', 8, 'INTERVISION_SESSIONS'],
      ['MILESTONE', 1, null],
    ]);
    for (const i of indicators) {
      expect(i.titleEn.length).toBeGreaterThan(20);
      // Computed indicators take their value from the data; the others from recorded progress.
      expect(i.progress.length > 0).toBe(i.metric === null);
      for (const p of i.progress) {
        expect(isoDay(p.recordedOn) >= '2019-06-01' && isoDay(p.recordedOn) <= '2020-11-30').toBe(true);
        expect(p.recordedById).toBe(stableId('user', 'maja.vidmar@example.org'));
      }
    }
    const sessions = await db.prisma.intervisionSession.findMany({
      where: { project: { slug: MARIBOR } },
      include: { participants: true },
    });
    // Regular intervision: the target of eight, all within the project period.
    expect(sessions).toHaveLength(8);
    for (const s of sessions) expect(isoDay(s.heldOn) >= '2019-06-01' && isoDay(s.heldOn) <= '2020-11-30').toBe(true);
    for (const s of sessions) {
      expect(s.facilitatorId).not.toBeNull();
      expect(s.participants.length).toBeGreaterThan(1);
    }
  });

  it('employs four mentors and one coordinator', async () => {
    const partners = await db.prisma.projectPartner.findMany({ where: { project: { slug: MARIBOR } } });
    const ids = partners.map((p) => p.organizationId);
    const mentors = await db.prisma.membership.findMany({ where: { organizationId: { in: ids }, role: 'MENTOR' } });
    const coordinators = await db.prisma.membership.findMany({
      where: { organizationId: { in: ids }, role: 'COORDINATOR' },
    });
    expect(new Set(mentors.map((m) => m.userId)).size).toBe(4);
    expect(new Set(mentors.map((m) => m.organizationId)).size).toBeGreaterThan(1);
    expect(coordinators).toHaveLength(1);
    const lead = partners.find((p) => p.role === 'LEAD')!;
    expect(coordinators[0]!.organizationId).toBe(lead.organizationId);
  });

  it('shares a versioned evaluation model across the partnership', async () => {
    const templates = await db.prisma.evaluationTemplate.findMany({ where: { project: { slug: MARIBOR } } });
    expect(new Set(templates.map((t) => t.kind))).toEqual(
      new Set(['VOLUNTEER_SELF', 'MENTOR_OF_VOLUNTEER', 'VOLUNTEER_OF_PLACEMENT', 'ORGANIZATION_SELF']),
    );
    const self = templates.filter((t) => t.key === 'maribor-volunteer-self').sort((a, b) => a.version - b.version);
    expect(self.map((t) => t.version)).toEqual([1, 2]);
    expect(self[0]!.retiredAt).not.toBeNull();
    expect(self[1]!.retiredAt).toBeNull();
    const counts = await Promise.all(
      self.map((t) => db.prisma.evaluationResponse.count({ where: { templateId: t.id } })),
    );
    expect(counts.every((n) => n > 0)).toBe(true);
    const own = await db.prisma.evaluationTemplate.findMany({ where: { organization: { slug: 'drustvo-legebitra' } } });
    expect(own.length).toBeGreaterThan(0);
  });
});

describe('the LGBTIQ+ partnership (seed 004)', () => {
  it('is the project as the text describes it', async () => {
    const project = await db.prisma.project.findUniqueOrThrow({
      where: { slug: LGBTIQ },
      include: { partners: { include: { organization: true } }, regions: true, indicators: true },
    });
    expect(project.nameSl).toBe('LGBTIQ+ prostovoljstvo');
    expect(isoDay(project.startsOn)).toBe('2018-10-01');
    expect(isoDay(project.endsOn)).toBe('2019-12-31');
    expect(project.funderName).toBe('Ministrstvo za javno upravo');
    expect(project.funderId).toBe(stableId('organization', 'ministrstvo-za-javno-upravo'));
    const roles = Object.fromEntries(project.partners.map((p) => [p.organization.name, p.role]));
    expect(roles).toEqual({
      'Društvo Parada ponosa': 'LEAD',
      'Društvo Legebitra': 'PARTNER',
      'Slovenska filantropija': 'ASSOCIATE',
    });
    for (const p of project.partners) expect(p.organization.city).toBe('Ljubljana');
    expect(project.regions.map((r) => r.regionCode).sort()).toEqual([
      'gorenjska',
      'obalno-kraska',
      'osrednjeslovenska',
      'podravska',
      'posavska',
    ]);
    const regionsIndicator = project.indicators.find((i) => i.position === 1)!;
    expect(regionsIndicator).toMatchObject({ kind: 'COUNT', target: 5 });
    expect(project.indicators.some((i) => i.kind === 'MILESTONE')).toBe(true);
  });

  it('has coordinators and mentors at both NGOs', async () => {
    for (const slug of ['drustvo-parada-ponosa', 'drustvo-legebitra']) {
      const roles = await db.prisma.membership.findMany({ where: { organization: { slug } } });
      expect(
        roles.some((m) => m.role === 'COORDINATOR'),
        slug,
      ).toBe(true);
      expect(
        roles.some((m) => m.role === 'MENTOR'),
        slug,
      ).toBe(true);
    }
  });
});

describe('people, agreements and consents', () => {
  it('has minors with their guardian’s consent on the agreement', async () => {
    const agreements = await db.prisma.volunteerAgreement.findMany({ include: { volunteer: true } });
    const minorsToday = agreements.filter((a) => ageOn(a.volunteer.birthDate!, TODAY) < 18);
    expect(minorsToday.length).toBeGreaterThan(0);
    for (const a of minorsToday) expect(ageOn(a.volunteer.birthDate!, TODAY)).toBeGreaterThanOrEqual(15);
    for (const a of agreements) {
      const minorAtStart = ageOn(a.volunteer.birthDate!, isoDay(a.startsOn)) < 18;
      if (minorAtStart) {
        expect(a.guardianName, a.id).toBeTruthy();
        expect(a.guardianEmail, a.id).toMatch(/@example\.(org|net)$/);
        expect(a.guardianConsentAt!.getTime(), a.id).toBeLessThanOrEqual(a.signedAt!.getTime());
      }
      expect(isoDay(a.retainUntil!)).toBe(`${Number(isoDay(a.endsOn!).slice(0, 4)) + 10}${isoDay(a.endsOn!).slice(4)}`);
    }
  });

  it('records consent on every sign-up, and the guardian’s for minors', async () => {
    const applications = await db.prisma.application.findMany({ include: { consents: true, volunteer: true } });
    for (const a of applications) {
      expect(a.consents.some((c) => c.kind === 'DATA_PROCESSING' && c.granted)).toBe(true);
      const minor = ageOn(a.volunteer.birthDate!, isoDay(a.createdAt)) < 18;
      const guardian = a.consents.find((c) => c.kind === 'GUARDIAN');
      if (minor) {
        expect(a.guardianName).toBeTruthy();
        expect(guardian?.givenBy).toBe(a.guardianName);
      } else {
        expect(guardian).toBeUndefined();
      }
    }
  });

  it('keeps every application’s history consistent with its status', async () => {
    const applications = await db.prisma.application.findMany({
      include: { history: { orderBy: { createdAt: 'asc' } }, opportunity: true },
    });
    for (const a of applications) {
      expect(a.organizationId).toBe(a.opportunity.organizationId);
      const [start, ...rest] = a.history;
      expect(start).toMatchObject({ from: null, to: 'PENDING', actorId: null });
      let status = start!.to;
      for (const change of rest) {
        expect(change.from).toBe(status);
        expect(change.actorId).not.toBeNull();
        status = change.to;
      }
      expect(status).toBe(a.status);
    }
  });
});

describe('opportunities and sign-ups', () => {
  it('keeps searchText as opportunitySearchText computes it', async () => {
    const opportunities = await db.prisma.opportunity.findMany({ include: { organization: true } });
    expect(opportunities.filter((o) => o.status === 'PUBLISHED').length).toBeGreaterThan(10);
    for (const o of opportunities) {
      expect(o.searchText).toBe(
        opportunitySearchText({
          titleSl: o.titleSl,
          titleEn: o.titleEn,
          descriptionSl: o.descriptionSl,
          descriptionEn: o.descriptionEn,
          place: o.place,
          organizationName: o.organization.name,
          skills: o.skills,
        }),
      );
    }
  });

  it('shows upcoming opportunities in all five project regions', async () => {
    const published = await db.prisma.opportunity.findMany({ where: { status: 'PUBLISHED' } });
    const upcoming = published.filter((o) => isoDay(o.endsAt!) >= '2027-01-10' && isoDay(o.endsAt!) <= '2027-06-30');
    expect(upcoming.length).toBe(published.length);
    const inWindow = published.filter((o) => isoDay(o.startsAt!) >= '2027-01-10');
    expect(inWindow.length * 2).toBeGreaterThan(published.length);
    const regions = new Set((await db.prisma.opportunity.findMany()).map((o) => o.regionCode));
    for (const r of ['osrednjeslovenska', 'obalno-kraska', 'posavska', 'podravska', 'gorenjska'])
      expect(regions.has(r), r).toBe(true);
    const closed = await db.prisma.opportunity.findMany({ where: { status: 'CLOSED' }, include: { project: true } });
    for (const o of closed) {
      expect(o.project, o.slug).not.toBeNull();
      expect(
        o.startsAt! >= o.project!.startsOn && o.endsAt! <= new Date(o.project!.endsOn.getTime() + 86_400_000),
      ).toBe(true);
    }
  });

  it('never accepts more volunteers than a shift or an opportunity takes', async () => {
    const shifts = await db.prisma.shift.findMany({ include: { applications: true } });
    for (const s of shifts) {
      expect(s.applications.filter((a) => a.status === 'ACCEPTED').length, s.id).toBeLessThanOrEqual(s.capacity);
    }
    const opportunities = await db.prisma.opportunity.findMany({
      where: { capacity: { not: null } },
      include: { applications: true },
    });
    for (const o of opportunities) {
      expect(o.applications.filter((a) => a.status === 'ACCEPTED').length, o.slug).toBeLessThanOrEqual(o.capacity!);
    }
  });

  it('answers sign-up questions by their ids, with values of the right type', async () => {
    const applications = await db.prisma.application.findMany({
      include: { opportunity: { include: { questions: true } } },
    });
    for (const a of applications) {
      const questions = new Map(a.opportunity.questions.map((q) => [q.id, q]));
      for (const answer of a.answers as Array<{ questionId: string; value: unknown }>) {
        const q = questions.get(answer.questionId);
        expect(q, answer.questionId).toBeDefined();
        if (q!.type === 'YES_NO') expect(typeof answer.value).toBe('boolean');
        else expect(typeof answer.value).toBe('string');
        if (q!.type === 'SINGLE_CHOICE') {
          expect((q!.options as Array<{ value: string }>).map((o) => o.value)).toContain(answer.value);
        }
      }
      for (const q of a.opportunity.questions.filter((q) => q.required)) {
        expect((a.answers as Array<{ questionId: string }>).some((x) => x.questionId === q.id)).toBe(true);
      }
    }
  });
});

describe('hours, evaluations and mentoring', () => {
  it('logs hours only where, and while, the volunteer has an agreement', async () => {
    const logs = await db.prisma.hourLog.findMany();
    const agreements = await db.prisma.volunteerAgreement.findMany();
    expect(logs.length).toBeGreaterThan(300);
    const reviewers = await db.prisma.membership.findMany({ where: { role: { in: ['MENTOR', 'COORDINATOR'] } } });
    for (const h of logs) {
      const day = isoDay(h.date);
      const agreement = agreements.find(
        (a) =>
          a.volunteerId === h.volunteerId &&
          a.organizationId === h.organizationId &&
          isoDay(a.startsOn) <= day &&
          day <= isoDay(a.endsOn!),
      );
      expect(agreement, h.id).toBeDefined();
      expect(h.minutes % 15).toBe(0);
      expect(h.minutes).toBeGreaterThanOrEqual(30);
      expect(h.minutes).toBeLessThanOrEqual(480);
      expect(day <= '2026-11-20').toBe(true);
      if (h.status === 'SUBMITTED') {
        expect(h.reviewerId).toBeNull();
      } else {
        expect(
          reviewers.some((m) => m.userId === h.reviewerId && m.organizationId === h.organizationId),
          h.id,
        ).toBe(true);
        expect(h.reviewedAt!.getTime()).toBeGreaterThan(h.date.getTime());
      }
      if (h.status === 'REJECTED') expect(h.reviewNote).toBeTruthy();
    }
    const years = new Set(logs.map((h) => isoDay(h.date).slice(0, 4)));
    expect([...years].sort()).toEqual(['2019', '2020', '2025', '2026']);
    const statuses = new Set(logs.map((h) => h.status));
    expect(statuses).toEqual(new Set(['APPROVED', 'SUBMITTED', 'REJECTED']));
  });

  it('keeps evaluation answers valid for their template', async () => {
    const responses = await db.prisma.evaluationResponse.findMany({
      include: { template: { include: { questions: true } } },
    });
    expect(responses.length).toBeGreaterThan(10);
    for (const r of responses) {
      const questions = new Map(r.template.questions.map((q) => [q.id, q]));
      for (const answer of r.answers as Array<{ questionId: string; value: unknown }>) {
        const q = questions.get(answer.questionId)!;
        expect(q, answer.questionId).toBeDefined();
        const options = ((q.options as Array<{ value: string }> | null) ?? []).map((o) => o.value);
        if (q.type === 'SCALE' || q.type === 'COMPETENCE') {
          expect(Number.isInteger(answer.value)).toBe(true);
          expect(answer.value as number).toBeGreaterThanOrEqual(q.scaleMin!);
          expect(answer.value as number).toBeLessThanOrEqual(q.scaleMax!);
        } else if (q.type === 'SINGLE_CHOICE') {
          expect(options).toContain(answer.value);
        } else if (q.type === 'MULTIPLE_CHOICE') {
          for (const v of answer.value as string[]) expect(options).toContain(v);
        } else {
          expect(typeof answer.value).toBe('string');
        }
      }
      for (const q of r.template.questions.filter((q) => q.required)) {
        expect((r.answers as Array<{ questionId: string }>).some((a) => a.questionId === q.id)).toBe(true);
      }
    }
  });

  it('assigns mentors and keeps learning paths at the volunteers’ organisations', async () => {
    const agreements = await db.prisma.volunteerAgreement.findMany();
    const has = (volunteerId: string, organizationId: string) =>
      agreements.some((a) => a.volunteerId === volunteerId && a.organizationId === organizationId);
    const assignments = await db.prisma.mentorAssignment.findMany();
    expect(assignments.length).toBeGreaterThan(10);
    for (const a of assignments) expect(has(a.volunteerId, a.organizationId)).toBe(true);
    const goals = await db.prisma.learningGoal.findMany();
    expect(new Set(goals.map((g) => g.status))).toEqual(new Set(['PLANNED', 'IN_PROGRESS', 'ACHIEVED', 'DROPPED']));
    for (const g of goals) expect(has(g.volunteerId, g.organizationId)).toBe(true);
  });

  it('has a year of mentoring: repeat periods that never overlap, by staff of the organisation', async () => {
    const assignments = await db.prisma.mentorAssignment.findMany({ orderBy: { startsOn: 'asc' } });
    const staff = await db.prisma.membership.findMany({ where: { role: { in: ['ADMIN', 'COORDINATOR', 'MENTOR'] } } });
    const pairs = new Map<string, typeof assignments>();
    for (const a of assignments) {
      expect(staff.some((m) => m.userId === a.mentorId && m.organizationId === a.organizationId)).toBe(true);
      if (a.endsOn) expect(a.endsOn >= a.startsOn).toBe(true);
      const key = `${a.mentorId}/${a.volunteerId}/${a.organizationId}`;
      pairs.set(key, [...(pairs.get(key) ?? []), a]);
    }
    for (const periods of pairs.values()) {
      for (let i = 1; i < periods.length; i++) expect(periods[i - 1]!.endsOn! < periods[i]!.startsOn).toBe(true);
    }
    expect([...pairs.values()].some((p) => p.length > 1)).toBe(true);
    // Handovers: a volunteer with two mentors in one organisation within the year.
    const year = assignments.filter((a) => isoDay(a.startsOn) >= '2025-12-01');
    expect(year.length).toBeGreaterThan(2);
    const handedOver = year.filter((a) =>
      assignments.some(
        (b) =>
          b.volunteerId === a.volunteerId &&
          b.organizationId === a.organizationId &&
          b.mentorId !== a.mentorId &&
          b.endsOn &&
          isoDay(b.endsOn) < isoDay(a.startsOn),
      ),
    );
    expect(handedOver.length).toBeGreaterThan(0);
    // Every running period of today is open-ended and within an active agreement.
    const agreements = await db.prisma.volunteerAgreement.findMany({ where: { status: 'ACTIVE' } });
    for (const a of assignments.filter((a) => !a.endsOn)) {
      expect(agreements.some((g) => g.volunteerId === a.volunteerId && g.organizationId === a.organizationId)).toBe(
        true,
      );
    }
  });

  it('holds monthly intervision in both partnerships through the last year (August off)', async () => {
    const sessions = await db.prisma.intervisionSession.findMany({
      where: { heldOn: { gte: new Date('2025-12-01'), lte: new Date(TODAY) } },
      include: { organization: true, participants: true },
    });
    const months = (slugs: string[]) =>
      new Set(sessions.filter((s) => slugs.includes(s.organization.slug)).map((s) => isoDay(s.heldOn).slice(0, 7)));
    const expected = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07'];
    expected.push('2026-09', '2026-10', '2026-11');
    expect([...months(['pekarna-magdalenske-mreze'])].sort()).toEqual(expected);
    expect([...months(['drustvo-legebitra', 'drustvo-parada-ponosa'])].sort()).toEqual(expected);
    // Participants are staff of the host or of its partners in a project.
    const partners = await db.prisma.projectPartner.findMany();
    const staff = await db.prisma.membership.findMany({ where: { role: { in: ['ADMIN', 'COORDINATOR', 'MENTOR'] } } });
    for (const s of sessions) {
      const projects = partners.filter((p) => p.organizationId === s.organizationId).map((p) => p.projectId);
      const eligible = new Set([
        s.organizationId,
        ...partners.filter((p) => projects.includes(p.projectId)).map((p) => p.organizationId),
      ]);
      expect(s.participants.length).toBeGreaterThan(2);
      for (const p of [...s.participants.map((x) => x.userId), s.facilitatorId!]) {
        expect(staff.some((m) => m.userId === p && eligible.has(m.organizationId))).toBe(true);
      }
    }
  });

  it('changes learning goals’ status over the year, each change in the audit log', async () => {
    const entries = await db.prisma.auditLog.findMany({
      where: { subjectType: 'LearningGoal' },
      orderBy: { createdAt: 'asc' },
    });
    const goals = await db.prisma.learningGoal.findMany({ where: { id: { in: entries.map((e) => e.subjectId) } } });
    expect(goals.length).toBeGreaterThan(15);
    const statuses = new Set<string>();
    for (const g of goals) {
      const path = entries.filter((e) => e.subjectId === g.id);
      expect(path[0]!.action).toBe('learningGoal.create');
      // Private to the volunteer and their mentors: not in the organisation's audit log.
      for (const e of path) expect(e.organizationId).toBeNull();
      let status = (path[0]!.details as { status: string }).status;
      for (const e of path.slice(1)) {
        const d = e.details as { from: string; to: string };
        expect(d.from).toBe(status);
        status = d.to;
        statuses.add(`${d.from}->${d.to}`);
      }
      expect(status).toBe(g.status);
      expect(g.updatedAt).toEqual(path[path.length - 1]!.createdAt);
    }
    expect(statuses).toEqual(
      new Set(['PLANNED->IN_PROGRESS', 'IN_PROGRESS->ACHIEVED', 'IN_PROGRESS->DROPPED', 'PLANNED->DROPPED']),
    );
  });
});
