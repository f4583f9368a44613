// Evaluation rounds: who must answer, Me.evaluationRequests, answering a round,
// reminders through the mail outbox (with a fixed "now"), and the CLI command.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deployMigrations, isPostgresUrl, openDatabase } from '@tandem/db';
import { sendDueEvaluationReminders } from '@tandem/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxMailer } from '../src/mail.ts';
import { fromGlobal, TestApi, toGlobal } from './harness.ts';

let api: TestApi;
let maja: string; // coordinator of Pekarna
let andrej: string; // admin of Pekarna
let luka: string; // mentor at another organisation
const ids = {} as Record<'pekarna' | 'opportunity' | 'self' | 'mentor' | 'placement' | 'orgSelf' | 'retired', string>;
const people = {} as Record<'a' | 'b' | 'c' | 'd', { id: string; email: string; token: string }>;

const RESULT = `__typename ... on Error { code } ... on ValidationError { fieldErrors { path } }`;
const CREATE_ROUND = `mutation($input: CreateEvaluationRoundInput!) { createEvaluationRound(input: $input) { ${RESULT}
  ... on EvaluationRoundPayload { round { id phase title requestCount answeredCount opensOn dueOn reminderDaysBefore
    template { id } opportunity { id } project { slug }
    requests { respondent { email } subject { email } subjectId answered } } } } }`;
const MY_REQUESTS = `query($all: Boolean) { me { evaluationRequests(includeAnswered: $all) {
  id dueOn answered subjectId template { id key } organization { slug } round { id phase title }
  opportunity { id } response { id } draft { id } } } }`;
const SUBMIT = `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) { ${RESULT}
  ... on EvaluationPayload { response { id round { id } } } } }`;
const REMIND = `mutation($input: SendEvaluationRemindersInput!) { sendEvaluationReminders(input: $input) {
  __typename ... on Error { code } ... on SendEvaluationRemindersPayload { remindedRequests messagesSent } } }`;

const round = (input: Record<string, unknown>, key: string) => ({
  input: {
    organizationId: ids.pekarna,
    phase: 'START',
    titleSl: 'Začetek',
    titleEn: 'Start',
    opensOn: '2026-01-01',
    dueOn: '2030-06-30',
    idempotencyKey: key,
    ...input,
  },
});

async function templateId(key: string, version?: number) {
  const t = await api.prisma.evaluationTemplate.findFirstOrThrow({
    where: { key, ...(version ? { version } : { retiredAt: null, publishedAt: { not: null } }) },
  });
  return toGlobal('EvaluationTemplate', t.id);
}

async function selfAnswers(template: string) {
  const questions = await api.prisma.evaluationQuestion.findMany({
    where: { templateId: fromGlobal(template) },
    orderBy: { position: 'asc' },
  });
  return questions.flatMap((q): { questionId: string; value: unknown }[] => {
    const options = (q.options as { value: string }[] | null) ?? [];
    if (q.type === 'SCALE' || q.type === 'COMPETENCE') return [{ questionId: q.id, value: 3 }];
    if (q.type === 'SINGLE_CHOICE') return [{ questionId: q.id, value: options[0]!.value }];
    if (q.type === 'MULTIPLE_CHOICE') return [{ questionId: q.id, value: [options[0]!.value] }];
    return [{ questionId: q.id, value: 'V redu.' }];
  });
}

beforeAll(async () => {
  api = await TestApi.start();
  maja = await api.tokenFor('maja.vidmar@example.org');
  andrej = await api.tokenFor('andrej.kovacic@example.org');
  luka = await api.tokenFor('luka.horvat@example.org');
  const pekarna = await api.prisma.organization.findUniqueOrThrow({ where: { slug: 'pekarna-magdalenske-mreze' } });
  const project = await api.prisma.project.findUniqueOrThrow({ where: { slug: 'razvoj-prostovoljstva-v-mariboru' } });
  const majaRow = await api.prisma.user.findUniqueOrThrow({ where: { email: 'maja.vidmar@example.org' } });
  const andrejRow = await api.prisma.user.findUniqueOrThrow({ where: { email: 'andrej.kovacic@example.org' } });
  ids.pekarna = toGlobal('Organization', pekarna.id);
  const opportunity = await api.prisma.opportunity.create({
    data: {
      organizationId: pekarna.id,
      projectId: project.id,
      slug: 'krog-koncerti',
      titleSl: 'Pomoč na koncertih',
      titleEn: 'Helping at concerts',
      descriptionSl: 'Pomoč pri izvedbi koncertov.',
      areaCode: 'CULTURE',
      regionCode: 'podravska',
      status: 'PUBLISHED',
      mentorId: majaRow.id,
      startsAt: new Date('2026-02-01T10:00:00Z'),
      publishedAt: new Date('2026-01-10T10:00:00Z'),
    },
  });
  ids.opportunity = toGlobal('Opportunity', opportunity.id);
  // A, B and C are accepted (C reads English); D only signed up.
  for (const [key, locale, status] of [
    ['a', 'sl', 'ACCEPTED'],
    ['b', 'sl', 'ACCEPTED'],
    ['c', 'en', 'ACCEPTED'],
    ['d', 'sl', 'PENDING'],
  ] as const) {
    const user = await api.prisma.user.create({
      data: { email: `krog-${key}@example.net`, name: `Prostovoljec ${key.toUpperCase()}`, locale },
    });
    await api.prisma.application.create({
      data: { opportunityId: opportunity.id, organizationId: pekarna.id, volunteerId: user.id, status, answers: [] },
    });
    people[key] = { id: user.id, email: user.email, token: await api.tokenFor(user.email) };
  }
  // Andrej is also A's assigned mentor.
  await api.prisma.mentorAssignment.create({
    data: {
      mentorId: andrejRow.id,
      volunteerId: people.a.id,
      organizationId: pekarna.id,
      startsOn: new Date('2026-01-01'),
    },
  });
  ids.self = await templateId('maribor-volunteer-self');
  ids.retired = await templateId('maribor-volunteer-self', 1);
  ids.mentor = await templateId('maribor-mentor-of-volunteer');
  ids.placement = await templateId('maribor-volunteer-of-placement');
  ids.orgSelf = await templateId('maribor-organization-self');
});
afterAll(() => api.close());

const emails = (requests: { respondent: { email: string }; subject: { email: string } | null }[]) =>
  requests.map((r) => `${r.respondent.email} → ${r.subject?.email ?? '-'}`).sort();

describe('creating a round', () => {
  let selfRound: any;

  it('asks the volunteers accepted on the opportunity to evaluate themselves, once per idempotency key', async () => {
    const created = await api.data(
      CREATE_ROUND,
      round({ templateId: ids.self, opportunityId: ids.opportunity, dueOn: '2031-01-20' }, 'round-self-0001'),
      { token: maja },
    );
    selfRound = created.createEvaluationRound.round;
    expect(selfRound).toMatchObject({
      phase: 'START',
      title: 'Začetek',
      requestCount: 3,
      answeredCount: 0,
      dueOn: '2031-01-20',
      reminderDaysBefore: [7, 1],
      template: { id: ids.self },
      opportunity: { id: ids.opportunity },
      // Taken from the opportunity.
      project: { slug: 'razvoj-prostovoljstva-v-mariboru' },
    });
    expect(emails(selfRound.requests)).toEqual([
      'krog-a@example.net → krog-a@example.net',
      'krog-b@example.net → krog-b@example.net',
      'krog-c@example.net → krog-c@example.net',
    ]);
    const again = await api.data(
      CREATE_ROUND,
      round({ templateId: ids.self, opportunityId: ids.opportunity, dueOn: '2031-01-20' }, 'round-self-0001'),
      { token: maja },
    );
    expect(again.createEvaluationRound.round.id).toBe(selfRound.id);
    // The creation is on the audit trail once, the retry adds nothing.
    const trail = await api.prisma.auditLog.findMany({
      where: { action: 'evaluationRound.create', subjectId: fromGlobal(selfRound.id) },
    });
    expect(trail).toHaveLength(1);
    expect(trail[0]!.details).toMatchObject({ phase: 'START', requests: 3 });
    // The same key from someone else is a conflict, not their round.
    const stolen = await api.data(
      CREATE_ROUND,
      round({ templateId: ids.self, opportunityId: ids.opportunity }, 'round-self-0001'),
      { token: andrej },
    );
    expect(stolen.createEvaluationRound).toMatchObject({ __typename: 'ConflictError', code: 'IDEMPOTENCY_CONFLICT' });
  });

  it('asks the mentors about each mentee, the volunteers about the placement, the coordinators about the organisation', async () => {
    const mentor = (
      await api.data(
        CREATE_ROUND,
        round({ templateId: ids.mentor, opportunityId: ids.opportunity }, 'round-mentor-1'),
        {
          token: maja,
        },
      )
    ).createEvaluationRound.round;
    // The opportunity's mentor (Maja) about all three; Andrej, A's assigned mentor, about A.
    expect(emails(mentor.requests)).toEqual([
      'andrej.kovacic@example.org → krog-a@example.net',
      'maja.vidmar@example.org → krog-a@example.net',
      'maja.vidmar@example.org → krog-b@example.net',
      'maja.vidmar@example.org → krog-c@example.net',
    ]);
    expect(mentor.requests.map((r: any) => fromGlobal(r.subjectId)).sort()).toEqual(
      [people.a.id, people.a.id, people.b.id, people.c.id].sort(),
    );

    const placement = (
      await api.data(
        CREATE_ROUND,
        round({ templateId: ids.placement, opportunityId: ids.opportunity, phase: 'END' }, 'round-placement-1'),
        { token: andrej },
      )
    ).createEvaluationRound.round;
    expect(emails(placement.requests)).toEqual([
      'krog-a@example.net → -',
      'krog-b@example.net → -',
      'krog-c@example.net → -',
    ]);
    expect(new Set(placement.requests.map((r: any) => r.subjectId))).toEqual(new Set([ids.opportunity]));

    const orgSelf = (
      await api.data(CREATE_ROUND, round({ templateId: ids.orgSelf, phase: 'PERIODIC' }, 'round-org-1'), {
        token: maja,
      })
    ).createEvaluationRound.round;
    expect(emails(orgSelf.requests)).toEqual(['maja.vidmar@example.org → -']);
  });

  it('takes an explicit list of who must answer, and checks each of them', async () => {
    const listed = (
      await api.data(
        CREATE_ROUND,
        round({ templateId: ids.self, respondents: [{ personId: toGlobal('Person', people.b.id) }] }, 'round-list-1'),
        { token: maja },
      )
    ).createEvaluationRound.round;
    expect(emails(listed.requests)).toEqual(['krog-b@example.net → krog-b@example.net']);

    const stranger = await api.prisma.user.create({ data: { email: 'krog-tujec@example.net', name: 'Tujec' } });
    const refused = await api.data(
      CREATE_ROUND,
      round(
        {
          templateId: ids.self,
          respondents: [{ personId: toGlobal('Person', people.b.id) }, { personId: toGlobal('Person', stranger.id) }],
        },
        'round-list-2',
      ),
      { token: maja },
    );
    expect(refused.createEvaluationRound.__typename).toBe('NotFoundError');
    expect(await api.prisma.evaluationRound.count({ where: { idempotencyKey: 'round-list-2' } })).toBe(0);
  });

  it('refuses bad rounds and callers without evaluations:manage in the organisation', async () => {
    const early = await api.data(
      CREATE_ROUND,
      round({ templateId: ids.self, opensOn: '2030-02-01', dueOn: '2030-01-01' }, 'round-bad-1'),
      { token: maja },
    );
    expect(early.createEvaluationRound.fieldErrors).toEqual([{ path: ['input', 'dueOn'] }]);
    const noPlacement = await api.data(CREATE_ROUND, round({ templateId: ids.placement }, 'round-bad-2'), {
      token: maja,
    });
    expect(noPlacement.createEvaluationRound.fieldErrors).toEqual([{ path: ['input', 'opportunityId'] }]);
    const retired = await api.data(CREATE_ROUND, round({ templateId: ids.retired }, 'round-bad-3'), { token: maja });
    expect(retired.createEvaluationRound).toMatchObject({ code: 'TEMPLATE_NOT_OPEN' });
    // A mentor of another organisation, a volunteer, nobody.
    for (const token of [luka, people.a.token]) {
      const denied = await api.data(CREATE_ROUND, round({ templateId: ids.self }, `round-denied-${token.slice(-6)}`), {
        token,
      });
      expect(denied.createEvaluationRound.__typename).toBe('NotFoundError');
    }
    const anonymous = await api.gql(CREATE_ROUND, round({ templateId: ids.self }, 'round-denied-anon'));
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The list of rounds: the organisation's coordinators see it, a mentor elsewhere sees nothing.
    const list = `query($o: ID!) { evaluationRounds(organizationId: $o, opportunityId: "${ids.opportunity}") { id } }`;
    expect(
      (await api.data(list, { o: ids.pekarna }, { token: maja })).evaluationRounds.map((r: any) => r.id),
    ).toContain(selfRound.id);
    expect((await api.data(list, { o: ids.pekarna }, { token: luka })).evaluationRounds).toEqual([]);
  });

  it('lists open requests in Me.evaluationRequests and fulfils them on submit with roundId', async () => {
    // A round that opens later is not listed yet.
    await api.data(
      CREATE_ROUND,
      round(
        {
          templateId: ids.self,
          opensOn: '2031-01-01',
          dueOn: '2031-02-01',
          respondents: [{ personId: toGlobal('Person', people.a.id) }],
        },
        'round-later-1',
      ),
      { token: maja },
    );
    const mine = (await api.data(MY_REQUESTS, {}, { token: people.a.token })).me.evaluationRequests;
    const self = mine.find((r: any) => r.round.id === selfRound.id);
    expect(self).toMatchObject({
      dueOn: '2031-01-20',
      answered: false,
      subjectId: null,
      template: { id: ids.self, key: 'maribor-volunteer-self' },
      organization: { slug: 'pekarna-magdalenske-mreze' },
      response: null,
    });
    const placement = mine.find((r: any) => r.template.key === 'maribor-volunteer-of-placement');
    expect(placement).toMatchObject({ subjectId: ids.opportunity, opportunity: { id: ids.opportunity } });
    expect(mine.some((r: any) => r.dueOn === '2031-02-01')).toBe(false);
    // Sorted by due date.
    expect(mine.map((r: any) => r.dueOn)).toEqual([...mine.map((r: any) => r.dueOn)].sort());

    const input = {
      templateId: ids.self,
      organizationId: ids.pekarna,
      roundId: selfRound.id,
      answers: await selfAnswers(ids.self),
      idempotencyKey: 'round-answer-a-1',
    };
    const answered = (await api.data(SUBMIT, { input }, { token: people.a.token })).submitEvaluation;
    expect(answered.response.round.id).toBe(selfRound.id);
    // A retry returns the same response; another submission for the request is refused.
    expect((await api.data(SUBMIT, { input }, { token: people.a.token })).submitEvaluation.response.id).toBe(
      answered.response.id,
    );
    const twice = await api.data(
      SUBMIT,
      { input: { ...input, idempotencyKey: 'round-answer-a-2' } },
      {
        token: people.a.token,
      },
    );
    expect(twice.submitEvaluation).toMatchObject({ code: 'REQUEST_ALREADY_ANSWERED' });

    const open = (await api.data(MY_REQUESTS, {}, { token: people.a.token })).me.evaluationRequests;
    expect(open.some((r: any) => r.round.id === selfRound.id)).toBe(false);
    const all = (await api.data(MY_REQUESTS, { all: true }, { token: people.a.token })).me.evaluationRequests;
    expect(all.find((r: any) => r.round.id === selfRound.id)).toMatchObject({
      answered: true,
      response: { id: answered.response.id },
    });

    // A round that asks Maja nothing about B with this template is not hers to answer.
    const notAsked = await api.data(
      SUBMIT,
      {
        input: {
          ...input,
          idempotencyKey: 'round-answer-b-wrong',
          templateId: ids.mentor,
          subjectId: toGlobal('Person', people.b.id),
        },
      },
      { token: maja },
    );
    expect(notAsked.submitEvaluation.__typename).toBe('NotFoundError');

    // Maja answers her request about B in the mentor round.
    const mentorRound = await api.prisma.evaluationRound.findUniqueOrThrow({
      where: { idempotencyKey: 'round-mentor-1' },
    });
    const aboutB = await api.data(
      SUBMIT,
      {
        input: {
          templateId: ids.mentor,
          organizationId: ids.pekarna,
          subjectId: toGlobal('Person', people.b.id),
          roundId: toGlobal('EvaluationRound', mentorRound.id),
          answers: await selfAnswers(ids.mentor),
          idempotencyKey: 'round-mentor-b-1',
        },
      },
      { token: maja },
    );
    expect(aboutB.submitEvaluation.response.round.id).toBe(toGlobal('EvaluationRound', mentorRound.id));
    const request = await api.prisma.evaluationRequest.findFirstOrThrow({
      where: { roundId: mentorRound.id, subjectUserId: people.b.id },
    });
    expect(request.responseId).toBe(fromGlobal(aboutB.submitEvaluation.response.id));
  });
});

describe('reminders', () => {
  const outboxOf = (to: string) =>
    api.prisma.outboxMessage.findMany({ where: { to, kind: 'evaluation-reminder' }, orderBy: { createdAt: 'asc' } });
  const run = (iso: string) => sendDueEvaluationReminders(api.prisma, new OutboxMailer(api.prisma), new Date(iso));

  it('go out on the reminder days to those who have not answered, in their language, never twice a day', async () => {
    // The self-evaluation round is due 2031-01-20 with reminders 7 and 1 day before (and on the day);
    // A answered, B and C did not. Every other round is due by then.
    expect(await run('2031-01-12T22:30:00Z')).toEqual({ requests: 0, messages: 0 }); // 23:30 on the 12th in Ljubljana
    expect(await run('2031-01-12T23:30:00Z')).toEqual({ requests: 2, messages: 2 }); // 00:30 on the 13th
    expect(await run('2031-01-13T20:00:00Z')).toEqual({ requests: 0, messages: 0 }); // later the same day
    expect(await run('2031-01-16T09:00:00Z')).toEqual({ requests: 0, messages: 0 });
    expect(await run('2031-01-19T07:00:00Z')).toEqual({ requests: 2, messages: 2 }); // the day before
    expect(await run('2031-01-19T08:00:00Z')).toEqual({ requests: 0, messages: 0 });
    expect(await run('2031-01-20T10:00:00Z')).toEqual({ requests: 2, messages: 2 }); // the due day
    expect(await run('2031-01-21T10:00:00Z')).toEqual({ requests: 0, messages: 0 }); // past due

    expect(await outboxOf(people.a.email)).toEqual([]);
    const toB = await outboxOf(people.b.email);
    expect(toB).toHaveLength(3);
    expect(toB[0]).toMatchObject({ subject: 'Opomnik: evalvacija do 2031-01-20' });
    expect(toB[0]!.text).toContain('- Začetek (Pekarna Magdalenske mreže), rok 2031-01-20');
    const toC = await outboxOf(people.c.email);
    expect(toC).toHaveLength(3);
    expect(toC[0]).toMatchObject({ subject: 'Reminder: evaluation due by 2031-01-20' });
    expect(toC[0]!.text).toContain('- Start (Pekarna Magdalenske mreže), due 2031-01-20');
    const selfRound = await api.prisma.evaluationRound.findUniqueOrThrow({
      where: { idempotencyKey: 'round-self-0001' },
    });
    const requests = await api.prisma.evaluationRequest.findMany({ where: { roundId: selfRound.id } });
    expect(requests.map((r) => r.remindersSent).sort()).toEqual([0, 3, 3]);
  });

  it('a coordinator sends them now; a second call the same day sends nothing', async () => {
    const listed = await api.prisma.evaluationRound.findUniqueOrThrow({ where: { idempotencyKey: 'round-list-1' } });
    const input = { roundId: toGlobal('EvaluationRound', listed.id) };
    for (const token of [luka, people.b.token]) {
      expect((await api.data(REMIND, { input }, { token })).sendEvaluationReminders.__typename).toBe('NotFoundError');
    }
    const before = (await outboxOf(people.b.email)).length;
    expect((await api.data(REMIND, { input }, { token: maja })).sendEvaluationReminders).toMatchObject({
      remindedRequests: 1,
      messagesSent: 1,
    });
    expect((await api.data(REMIND, { input }, { token: andrej })).sendEvaluationReminders).toMatchObject({
      remindedRequests: 0,
      messagesSent: 0,
    });
    expect(await outboxOf(people.b.email)).toHaveLength(before + 1);

    const later = await api.prisma.evaluationRound.findUniqueOrThrow({ where: { idempotencyKey: 'round-later-1' } });
    const notOpen = await api.data(
      REMIND,
      { input: { roundId: toGlobal('EvaluationRound', later.id) } },
      { token: maja },
    );
    expect(notOpen.sendEvaluationReminders).toMatchObject({ code: 'ROUND_NOT_OPEN' });
  });
});

describe('npm run tandem -- send-reminders', () => {
  // The CLI runs in a child process against a throw-away database of its own (as cli.test.ts does).
  const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..');
  const serverUrl = isPostgresUrl(process.env.DATABASE_URL) ? process.env.DATABASE_URL : undefined;
  let dataDir: string | undefined;
  let scratch: { name: string; url: string } | undefined;
  const open = () => openDatabase(scratch ? { url: scratch.url, poolSize: 1 } : { dataDir });

  const cli = (...args: string[]) =>
    new Promise<{ code: number; stdout: string }>((resolve) => {
      const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
      delete env.DATABASE_URL;
      delete env.TANDEM_DATA_DIR;
      delete env.SMTP_URL;
      if (scratch) env.DATABASE_URL = scratch.url;
      else env.TANDEM_DATA_DIR = dataDir;
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/cli.ts', ...args],
        { cwd: apiDir, env, timeout: 120_000 },
        (error, stdout) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout }),
      );
    });

  beforeAll(async () => {
    if (serverUrl) {
      const name = `tandem_reminders_${Date.now().toString(36)}`;
      const server = await openDatabase({ url: serverUrl, poolSize: 1 });
      await server.sql.exec(`CREATE DATABASE "${name}"`).finally(() => server.close());
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      scratch = { name, url: url.toString() };
    } else {
      dataDir = join(mkdtempSync(join(tmpdir(), 'tandem-reminders-')), 'db');
    }
    const db = await open();
    try {
      await deployMigrations(db.sql);
      await db.prisma.region.create({
        data: { code: 'podravska', nutsCode: 'SI032', nameSl: 'Podravska', nameEn: 'Podravska', sortOrder: 3 },
      });
      const organization = await db.prisma.organization.create({
        data: { slug: 'cli-krog', name: 'Društvo Krog', kind: 'NGO', regionCode: 'podravska', city: 'Maribor' },
      });
      const volunteer = await db.prisma.user.create({ data: { email: 'cli-krog@example.net', name: 'Vida' } });
      const template = await db.prisma.evaluationTemplate.create({
        data: {
          key: 'cli-self',
          version: 1,
          kind: 'VOLUNTEER_SELF',
          organizationId: organization.id,
          titleSl: 'Samoevalvacija',
          titleEn: 'Self-evaluation',
          publishedAt: new Date('2030-01-01'),
        },
      });
      await db.prisma.evaluationRound.create({
        data: {
          organizationId: organization.id,
          templateId: template.id,
          phase: 'END',
          titleSl: 'Konec leta',
          titleEn: 'End of year',
          opensOn: new Date('2030-06-01'),
          dueOn: new Date('2030-06-20'),
          requests: { create: { respondentId: volunteer.id, subjectUserId: volunteer.id, subjectKey: volunteer.id } },
        },
      });
    } finally {
      await db.close();
    }
  }, 120_000);

  afterAll(async () => {
    if (scratch) {
      const server = await openDatabase({ url: serverUrl!, poolSize: 1 });
      await server.sql.exec(`DROP DATABASE IF EXISTS "${scratch.name}" WITH (FORCE)`).finally(() => server.close());
    } else if (dataDir) {
      rmSync(dirname(dataDir), { recursive: true, force: true });
    }
  });

  it('sends the reminders due at --now, once', async () => {
    const first = await cli('send-reminders', '--now', '2030-06-13T09:00Z');
    expect(first).toEqual({ code: 0, stdout: 'Sent 1 evaluation reminder e-mail(s) about 1 request(s).\n' });
    const second = await cli('send-reminders', '--now', '2030-06-13T15:00Z');
    expect(second.stdout).toBe('Sent 0 evaluation reminder e-mail(s) about 0 request(s).\n');
    expect((await cli('send-reminders', '--now', 'yesterday')).code).toBe(2);
    const db = await open();
    try {
      const mail = await db.prisma.outboxMessage.findMany({ where: { to: 'cli-krog@example.net' } });
      expect(mail.map((m) => [m.kind, m.subject])).toEqual([
        ['evaluation-reminder', 'Opomnik: evalvacija do 2030-06-20'],
      ]);
    } finally {
      await db.close();
    }
  }, 240_000);
});
