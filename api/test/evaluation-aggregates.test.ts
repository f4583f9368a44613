// Aggregates over evaluation responses and competence growth, checked against
// hand-computed figures over fixture rows written here.
import { hashSecret } from '@tandem/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, toGlobal } from './harness.ts';

let api: TestApi;
const org = {} as Record<'pekarna' | 'toti' | 'hisa', string>;
let project: string;
let opportunity: string;
let startRound: string;
let endRound: string;
const Q = {} as Record<'satisfied' | 'oftenV1' | 'oftenV2' | 'helped' | 'digital' | 'textV1' | 'textV2', string[]>;

const AGGREGATE = `query($scope: EvaluationAggregateScope!, $id: ID!, $round: ID, $phase: EvaluationRoundPhase, $from: Date, $to: Date) {
  evaluationAggregate(templateKey: "agg-fixture", scope: $scope, scopeId: $id, roundId: $round, phase: $phase, from: $from, to: $to) {
    templateKey kind versions suppressed respondents responses
    questions { versions suppressed respondents answers mean question { id type prompt }
      distribution { value count } choices { value label count } }
    byOrganization { organization { slug } suppressed respondents responses questions { mean } }
  } }`;

const SCALE = { scaleMin: 1, scaleMax: 5 };
const choices = (...values: string[]) => values.map((v) => ({ value: v, labelSl: v.toUpperCase(), labelEn: v }));

beforeAll(async () => {
  api = await TestApi.start();
  const prisma = api.prisma;
  for (const [key, slug] of [
    ['pekarna', 'pekarna-magdalenske-mreze'],
    ['toti', 'drustvo-toti-dca-maribor'],
    ['hisa', 'drustvo-hisa'],
  ] as const) {
    org[key] = (await prisma.organization.findUniqueOrThrow({ where: { slug } })).id;
  }
  project = (await prisma.project.findUniqueOrThrow({ where: { slug: 'razvoj-prostovoljstva-v-mariboru' } })).id;

  // Version 2 changed the wording of the frequency question; the rest is the same.
  const questions = (often: string) => [
    { position: 0, type: 'SCALE' as const, promptSl: 'Zadovoljstvo', promptEn: 'Satisfaction', ...SCALE },
    { position: 1, type: 'SINGLE_CHOICE' as const, promptSl: often, promptEn: often, options: choices('da', 'ne') },
    {
      position: 2,
      type: 'MULTIPLE_CHOICE' as const,
      promptSl: 'Kaj je pomagalo?',
      promptEn: 'What helped?',
      required: false,
      options: choices('a', 'b', 'c'),
    },
    {
      position: 3,
      type: 'COMPETENCE' as const,
      promptSl: 'Digitalno',
      promptEn: 'Digital',
      competenceCode: 'DIGITAL',
      ...SCALE,
    },
    { position: 4, type: 'TEXT' as const, promptSl: 'Opombe', promptEn: 'Notes', required: false },
  ];
  const v1 = await prisma.evaluationTemplate.create({
    data: {
      key: 'agg-fixture',
      version: 1,
      kind: 'VOLUNTEER_SELF',
      projectId: project,
      titleSl: 'Agregat',
      titleEn: 'Aggregate',
      publishedAt: new Date('2025-01-01'),
      retiredAt: new Date('2026-05-01'),
      questions: { create: questions('Ali prostovoljiš tedensko?') },
    },
    include: { questions: { orderBy: { position: 'asc' } } },
  });
  const v2 = await prisma.evaluationTemplate.create({
    data: {
      key: 'agg-fixture',
      version: 2,
      kind: 'VOLUNTEER_SELF',
      projectId: project,
      titleSl: 'Agregat',
      titleEn: 'Aggregate',
      publishedAt: new Date('2026-05-01'),
      questions: { create: questions('Ali prostovoljiš vsak teden?') },
    },
    include: { questions: { orderBy: { position: 'asc' } } },
  });
  const [a1, b1, c1, d1, e1] = v1.questions.map((q) => q.id) as [string, string, string, string, string];
  const [a2, b2, c2, d2, e2] = v2.questions.map((q) => q.id) as [string, string, string, string, string];
  Object.assign(Q, {
    satisfied: [a1, a2],
    oftenV1: [b1],
    oftenV2: [b2],
    helped: [c1, c2],
    digital: [d1, d2],
    textV1: [e1],
    textV2: [e2],
  });

  const opp = await prisma.opportunity.create({
    data: {
      organizationId: org.pekarna,
      slug: 'agg-koncerti',
      titleSl: 'Koncerti',
      descriptionSl: 'Pomoč na koncertih.',
      areaCode: 'CULTURE',
      regionCode: 'podravska',
      status: 'PUBLISHED',
      startsAt: new Date('2026-01-01T10:00:00Z'),
    },
  });
  opportunity = opp.id;
  const mkRound = (phase: 'START' | 'END', opportunityId: string | null) =>
    prisma.evaluationRound.create({
      data: {
        organizationId: org.pekarna,
        projectId: project,
        opportunityId,
        templateId: phase === 'START' ? v1.id : v2.id,
        phase,
        titleSl: phase,
        titleEn: phase,
        opensOn: new Date(phase === 'START' ? '2026-01-10' : '2026-06-20'),
        dueOn: new Date(phase === 'START' ? '2026-03-31' : '2026-07-10'),
      },
    });
  startRound = (await mkRound('START', null)).id;
  endRound = (await mkRound('END', opportunity)).id;
  const totiRound = await prisma.evaluationRound.create({
    data: {
      organizationId: org.toti,
      templateId: v2.id,
      phase: 'END',
      titleSl: 'Toti',
      titleEn: 'Toti',
      opensOn: new Date('2026-06-20'),
      dueOn: new Date('2026-07-10'),
    },
  });

  const users: Record<string, string> = {};
  for (const u of ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8']) {
    users[u] = (await prisma.user.create({ data: { email: `agg-${u}@example.net`, name: `Agg ${u}` } })).id;
  }
  // The fixture: [who, organisation, version, round, submitted at (UTC), satisfaction, often, helped, digital].
  type Row = [string, keyof typeof org, 1 | 2, string | null, string, number, string, string[] | null, number];
  const rows: Row[] = [
    ['u1', 'pekarna', 1, startRound, '2026-01-15T10:00:00Z', 5, 'da', ['a', 'b'], 2],
    ['u2', 'pekarna', 1, endRound, '2026-03-10T10:00:00Z', 4, 'ne', ['a'], 3],
    ['u3', 'pekarna', 2, endRound, '2026-06-25T10:00:00Z', 3, 'da', ['c'], 4],
    // 23:30 UTC on 30 June is 01:30 on 1 July in Slovenia.
    ['u4', 'pekarna', 2, endRound, '2026-06-30T23:30:00Z', 4, 'da', null, 5],
    ['u5', 'toti', 2, totiRound.id, '2026-06-26T10:00:00Z', 2, 'ne', ['b'], 1],
    ['u6', 'toti', 2, totiRound.id, '2026-06-27T10:00:00Z', 1, 'da', ['b', 'c'], 2],
    // u7 answered twice: three responses, two people.
    ['u7', 'hisa', 2, null, '2026-06-28T10:00:00Z', 5, 'ne', ['a'], 3],
    ['u7', 'hisa', 2, null, '2026-09-28T10:00:00Z', 4, 'ne', ['a'], 4],
    ['u8', 'hisa', 2, null, '2026-06-29T10:00:00Z', 2, 'da', null, 2],
  ];
  for (const [i, [who, o, version, roundId, at, satisfied, often, helped, digital]] of rows.entries()) {
    const v = version - 1;
    await prisma.evaluationResponse.create({
      data: {
        templateId: version === 1 ? v1.id : v2.id,
        organizationId: org[o],
        respondentId: users[who]!,
        subjectUserId: users[who]!,
        roundId,
        submittedAt: new Date(at),
        idempotencyKey: `agg-${i}`,
        answers: [
          { questionId: Q.satisfied[v]!, value: satisfied },
          { questionId: (version === 1 ? Q.oftenV1 : Q.oftenV2)[0]!, value: often },
          ...(helped ? [{ questionId: Q.helped[v]!, value: helped }] : []),
          { questionId: Q.digital[v]!, value: digital },
          { questionId: (version === 1 ? Q.textV1 : Q.textV2)[0]!, value: `Osebna opomba ${i}` },
        ],
      },
    });
  }
});
afterAll(() => api.close());

const maja = () => api.tokenFor('maja.vidmar@example.org');
const scale = (...counts: number[]) => counts.map((count, i) => ({ value: i + 1, count }));
const choice = (counts: Record<string, number>) =>
  Object.entries(counts).map(([value, count]) => ({ value, label: value.toUpperCase(), count }));

async function aggregate(variables: Record<string, unknown>, token?: string) {
  return (await api.data(AGGREGATE, variables, { token })).evaluationAggregate;
}

describe('evaluationAggregate', () => {
  it('counts one organisation: same questions across versions together, changed ones per version, small groups hidden', async () => {
    const result = await aggregate({ scope: 'ORGANIZATION', id: toGlobal('Organization', org.pekarna) }, await maja());
    // Pekarna: u1–u4, four people, four responses, versions 1 and 2.
    expect(result).toMatchObject({
      templateKey: 'agg-fixture',
      kind: 'VOLUNTEER_SELF',
      versions: [1, 2],
      suppressed: false,
      respondents: 4,
      responses: 4,
    });
    // The order of version 2, then what only version 1 asked; no free text.
    expect(result.questions.map((q: any) => [q.question.type, q.versions])).toEqual([
      ['SCALE', [1, 2]],
      ['SINGLE_CHOICE', [2]],
      ['MULTIPLE_CHOICE', [1, 2]],
      ['COMPETENCE', [1, 2]],
      ['SINGLE_CHOICE', [1]],
    ]);
    const [satisfied, oftenV2, helped, digital, oftenV1] = result.questions;
    // Satisfaction 5, 4, 3, 4: mean 16 / 4 = 4.
    expect(satisfied).toMatchObject({
      suppressed: false,
      respondents: 4,
      answers: 4,
      mean: 4,
      distribution: scale(0, 0, 1, 2, 1),
      choices: [],
    });
    // The frequency question: two answers to each wording, so each is hidden.
    for (const q of [oftenV2, oftenV1]) {
      expect(q).toMatchObject({ suppressed: true, respondents: null, answers: null, mean: null, choices: [] });
    }
    // Helped: [a, b], [a], [c] (u4 left it out): three people; a 2, b 1, c 1.
    expect(helped).toMatchObject({ respondents: 3, answers: 3, choices: choice({ a: 2, b: 1, c: 1 }), mean: null });
    // Digital 2, 3, 4, 5: mean 3.5.
    expect(digital).toMatchObject({ respondents: 4, mean: 3.5, distribution: scale(0, 1, 1, 1, 1) });
    expect(JSON.stringify(result)).not.toContain('Osebna opomba');
  });

  it('hides a group of fewer than three people, even with three responses', async () => {
    const toti = await aggregate(
      { scope: 'ORGANIZATION', id: toGlobal('Organization', org.toti) },
      await api.tokenFor('luka.horvat@example.org'),
    );
    // luka is a mentor at Toti, not a coordinator: no evaluations:read over the organisation.
    expect(toti).toBeNull();
    const admin = await api.prisma.user.create({
      data: {
        email: 'agg-toti-admin@example.net',
        name: 'Toti admin',
        memberships: {
          create: [
            { organizationId: org.toti, role: 'ADMIN' },
            { organizationId: org.hisa, role: 'ADMIN' },
          ],
        },
      },
    });
    const token = await api.tokenFor(admin.email);
    const small = await aggregate({ scope: 'ORGANIZATION', id: toGlobal('Organization', org.toti) }, token);
    expect(small).toMatchObject({ suppressed: true, respondents: null, responses: null, questions: [], versions: [] });
    // Hiša: three responses but only two people (u7 twice, u8).
    const twoPeople = await aggregate({ scope: 'ORGANIZATION', id: toGlobal('Organization', org.hisa) }, token);
    expect(twoPeople).toMatchObject({ suppressed: true, respondents: null, questions: [] });
  });

  it('compares the partners across the partnership', async () => {
    const result = await aggregate({ scope: 'PARTNERSHIP', id: toGlobal('Project', project) }, await maja());
    // All nine responses of eight people in partner organisations.
    expect(result).toMatchObject({ suppressed: false, respondents: 8, responses: 9, versions: [1, 2] });
    const [satisfied, oftenV2, helped, digital, oftenV1] = result.questions;
    // 5+4+3+4+2+1+5+4+2 = 30 over 9 answers: 3.33.
    expect(satisfied).toMatchObject({ respondents: 8, answers: 9, mean: 3.33, distribution: scale(1, 2, 1, 3, 2) });
    // Version 2's wording: u3 da, u4 da, u5 ne, u6 da, u7 ne, ne, u8 da — six people, seven answers.
    expect(oftenV2).toMatchObject({ respondents: 6, answers: 7, choices: choice({ da: 4, ne: 3 }) });
    // a: u1, u2, u7 ×2 = 4; b: u1, u5, u6 = 3; c: u3, u6 = 2; six people, seven answers.
    expect(helped).toMatchObject({ respondents: 6, answers: 7, choices: choice({ a: 4, b: 3, c: 2 }) });
    // 2+3+4+5+1+2+3+4+2 = 26 / 9 = 2.89.
    expect(digital).toMatchObject({ answers: 9, mean: 2.89, distribution: scale(1, 3, 2, 2, 1) });
    // Version 1's wording: u1 and u2 only.
    expect(oftenV1).toMatchObject({ suppressed: true });

    const bySlug = Object.fromEntries(result.byOrganization.map((o: any) => [o.organization.slug, o]));
    expect(Object.keys(bySlug).sort()).toEqual([
      'drustvo-hisa',
      'drustvo-toti-dca-maribor',
      'ektc-maribor',
      'pekarna-magdalenske-mreze',
      'zavod-mars-maribor',
    ]);
    expect(bySlug['pekarna-magdalenske-mreze']).toMatchObject({ suppressed: false, respondents: 4, responses: 4 });
    expect(bySlug['pekarna-magdalenske-mreze'].questions.map((q: any) => q.mean)).toEqual([4, null, null, 3.5, null]);
    for (const slug of ['drustvo-toti-dca-maribor', 'drustvo-hisa', 'ektc-maribor']) {
      expect(bySlug[slug]).toMatchObject({ suppressed: true, respondents: null, questions: [] });
    }
  });

  it('narrows by project, opportunity, round, phase and days', async () => {
    const token = await maja();
    // Project: only responses in the project's rounds (Pekarna's); Toti's round and Hiša's loose ones are outside.
    const inProject = await aggregate({ scope: 'PROJECT', id: toGlobal('Project', project) }, token);
    expect(inProject).toMatchObject({ respondents: 4, responses: 4 });
    // The END round (of the opportunity): u2, u3, u4 — satisfaction 4, 3, 4: 11 / 3 = 3.67; digital 3, 4, 5: 4.
    const expected = { respondents: 3, responses: 3 };
    for (const variables of [
      { scope: 'OPPORTUNITY', id: toGlobal('Opportunity', opportunity) },
      {
        scope: 'ORGANIZATION',
        id: toGlobal('Organization', org.pekarna),
        round: toGlobal('EvaluationRound', endRound),
      },
      { scope: 'ORGANIZATION', id: toGlobal('Organization', org.pekarna), phase: 'END' },
    ]) {
      const result = await aggregate(variables, token);
      expect(result, JSON.stringify(variables)).toMatchObject(expected);
      expect(result.questions[0]).toMatchObject({ mean: 3.67, distribution: scale(0, 0, 1, 2, 0) });
      expect(result.questions[3]).toMatchObject({ mean: 4 });
    }
    // Days are Slovenian calendar days: u4's answer (01:30 on 1 July) is not in June.
    const june = await aggregate(
      { scope: 'ORGANIZATION', id: toGlobal('Organization', org.pekarna), from: '2026-01-01', to: '2026-06-30' },
      token,
    );
    expect(june).toMatchObject({ respondents: 3 });
    expect(june.questions[0]).toMatchObject({ mean: 4, distribution: scale(0, 0, 1, 1, 1) });
    const july = await aggregate(
      { scope: 'ORGANIZATION', id: toGlobal('Organization', org.pekarna), from: '2026-07-01', to: '2026-07-01' },
      token,
    );
    expect(july).toMatchObject({ suppressed: true });
  });

  it('is for the organisation’s evaluations:read holders, and partnership figures for the partners’ staff', async () => {
    const pekarna = { scope: 'ORGANIZATION', id: toGlobal('Organization', org.pekarna) };
    const partnership = { scope: 'PARTNERSHIP', id: toGlobal('Project', project) };
    expect(await aggregate(pekarna)).toBeNull();
    expect(await aggregate(pekarna, await api.tokenFor('nina.pavlic@example.org'))).toBeNull();
    expect(await aggregate(pekarna, await api.tokenFor('ana.kos@example.org'))).toBeNull();
    // A partner's mentor sees the partnership's figures, not Pekarna's.
    const luka = await api.tokenFor('luka.horvat@example.org');
    expect(await aggregate(pekarna, luka)).toBeNull();
    expect((await aggregate(partnership, luka)).respondents).toBe(8);
    // Staff of an organisation outside the partnership see nothing.
    expect(await aggregate(partnership, await api.tokenFor('ana.kos@example.org'))).toBeNull();
    // A secret key of Pekarna with evaluations:read.
    await api.prisma.apiKey.create({
      data: {
        organizationId: org.pekarna,
        kind: 'SECRET',
        label: 'Poročila',
        prefix: 'sk_test_aggr',
        keyHash: hashSecret('sk_test_aggregates_key'),
        allowedOrigins: [],
        scopes: ['evaluations:read'],
      },
    });
    const byKey = await api.data(AGGREGATE, pekarna, { headers: { 'x-tandem-key': 'sk_test_aggregates_key' } });
    expect(byKey.evaluationAggregate.respondents).toBe(4);
  });
});

describe('competenceGrowth', () => {
  const GROWTH = `query($o: ID!, $v: ID) { competenceGrowth(organizationId: $o, volunteerId: $v) {
    competence { code } source change points { phase value responses title } } }`;
  let volunteer: { id: string; email: string };
  let mentorWithAssignment: string;

  beforeAll(async () => {
    const prisma = api.prisma;
    volunteer = await prisma.user.create({ data: { email: 'rast@example.net', name: 'Rast' } });
    const self = await prisma.evaluationTemplate.findFirstOrThrow({
      where: { key: 'maribor-volunteer-self', retiredAt: null },
      include: { questions: true },
    });
    const mentorTemplate = await prisma.evaluationTemplate.findFirstOrThrow({
      where: { key: 'maribor-mentor-of-volunteer', retiredAt: null },
      include: { questions: true },
    });
    const competence = (t: typeof self, code: string) => t.questions.find((q) => q.competenceCode === code)!.id;
    const round = (phase: 'START' | 'MIDDLE' | 'END', opensOn: string, templateId: string) =>
      prisma.evaluationRound.create({
        data: {
          organizationId: org.pekarna,
          templateId,
          phase,
          titleSl: `Rast ${phase}`,
          titleEn: `Growth ${phase}`,
          opensOn: new Date(opensOn),
          dueOn: new Date(opensOn),
        },
      });
    const staffIds = await prisma.user.findMany({
      where: { email: { in: ['maja.vidmar@example.org', 'andrej.kovacic@example.org'] } },
      orderBy: { email: 'asc' },
    });
    const [andrej, maja] = staffIds as unknown as [{ id: string }, { id: string }];
    const respond = (
      templateId: string,
      roundId: string | null,
      respondentId: string,
      answers: [string, number][],
      organizationId = org.pekarna,
    ) =>
      prisma.evaluationResponse.create({
        data: {
          templateId,
          organizationId,
          roundId,
          respondentId,
          subjectUserId: volunteer.id,
          answers: answers.map(([questionId, value]) => ({ questionId, value })),
        },
      });
    const psl = competence(self, 'PERSONAL_SOCIAL_LEARNING');
    const cit = competence(self, 'CITIZENSHIP');
    const dig = competence(self, 'DIGITAL');
    // Self-evaluations: START PSL 2, CIT 1, DIG 3; MIDDLE 3, 2, 3; END 4, 3, 2.
    const start = await round('START', '2026-01-10', self.id);
    const middle = await round('MIDDLE', '2026-03-10', self.id);
    const end = await round('END', '2026-06-20', self.id);
    await respond(self.id, start.id, volunteer.id, [
      [psl, 2],
      [cit, 1],
      [dig, 3],
    ]);
    await respond(self.id, middle.id, volunteer.id, [
      [psl, 3],
      [cit, 2],
      [dig, 3],
    ]);
    await respond(self.id, end.id, volunteer.id, [
      [psl, 4],
      [cit, 3],
      [dig, 2],
    ]);
    // Not counted: an answer outside any round, and one in another organisation.
    await respond(self.id, null, volunteer.id, [[psl, 1]]);
    await respond(self.id, null, volunteer.id, [[psl, 5]], org.toti);
    // The mentors' view of PERSONAL_SOCIAL_LEARNING: START Maja 2; END Maja 4 and Andrej 5 (mean 4.5).
    const mentorPsl = competence(mentorTemplate, 'PERSONAL_SOCIAL_LEARNING');
    const mStart = await round('START', '2026-01-11', mentorTemplate.id);
    const mEnd = await round('END', '2026-06-21', mentorTemplate.id);
    await respond(mentorTemplate.id, mStart.id, maja.id, [[mentorPsl, 2]]);
    await respond(mentorTemplate.id, mEnd.id, maja.id, [[mentorPsl, 4]]);
    await respond(mentorTemplate.id, mEnd.id, andrej.id, [[mentorPsl, 5]]);

    const mentor = await prisma.user.create({
      data: {
        email: 'rast-mentor@example.net',
        name: 'Mentorica',
        memberships: { create: { organizationId: org.pekarna, role: 'MENTOR' } },
      },
    });
    await prisma.mentorAssignment.create({
      data: {
        mentorId: mentor.id,
        volunteerId: volunteer.id,
        organizationId: org.pekarna,
        startsOn: new Date('2026-01-01'),
      },
    });
    mentorWithAssignment = await api.tokenFor(mentor.email);
    await prisma.membership.create({ data: { userId: volunteer.id, organizationId: org.pekarna, role: 'VOLUNTEER' } });
  });

  it('shows each competence per round and the change, for the volunteer themselves', async () => {
    const token = await api.tokenFor(volunteer.email);
    const growth = (await api.data(GROWTH, { o: toGlobal('Organization', org.pekarna) }, { token })).competenceGrowth;
    const byKey = Object.fromEntries(
      growth.map((g: any) => [
        `${g.source} ${g.competence.code}`,
        { change: g.change, points: g.points.map((p: any) => [p.phase, p.value, p.responses]) },
      ]),
    );
    expect(byKey).toEqual({
      'VOLUNTEER_SELF CITIZENSHIP': {
        change: 2,
        points: [
          ['START', 1, 1],
          ['MIDDLE', 2, 1],
          ['END', 3, 1],
        ],
      },
      'VOLUNTEER_SELF PERSONAL_SOCIAL_LEARNING': {
        change: 2,
        points: [
          ['START', 2, 1],
          ['MIDDLE', 3, 1],
          ['END', 4, 1],
        ],
      },
      'VOLUNTEER_SELF DIGITAL': {
        change: -1,
        points: [
          ['START', 3, 1],
          ['MIDDLE', 3, 1],
          ['END', 2, 1],
        ],
      },
      // 4.5 − 2 = 2.5.
      'MENTOR_OF_VOLUNTEER PERSONAL_SOCIAL_LEARNING': {
        change: 2.5,
        points: [
          ['START', 2, 1],
          ['END', 4.5, 2],
        ],
      },
    });
    expect(growth[0].points[0].title).toMatch(/^Rast /);
  });

  it('is visible to their mentor and the coordinators, not to other staff or volunteers', async () => {
    const variables = { o: toGlobal('Organization', org.pekarna), v: toGlobal('Person', volunteer.id) };
    for (const token of [mentorWithAssignment, await api.tokenFor('maja.vidmar@example.org')]) {
      expect((await api.data(GROWTH, variables, { token })).competenceGrowth).toHaveLength(4);
    }
    const otherMentor = await api.prisma.user.create({
      data: {
        email: 'rast-drug-mentor@example.net',
        name: 'Drug mentor',
        memberships: { create: { organizationId: org.pekarna, role: 'MENTOR' } },
      },
    });
    for (const token of [
      await api.tokenFor(otherMentor.email),
      await api.tokenFor('luka.horvat@example.org'),
      await api.tokenFor('nina.pavlic@example.org'),
      undefined,
    ]) {
      expect((await api.data(GROWTH, variables, { token })).competenceGrowth).toBeNull();
    }
  });
});
