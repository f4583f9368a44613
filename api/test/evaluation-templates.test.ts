// Evaluation templates: drafts, publishing, versions; who may manage them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobal, TestApi, toGlobal } from './harness.ts';

let api: TestApi;
let maja: string; // coordinator of Pekarna, the lead of the Maribor project
let andrej: string; // admin of Pekarna
let luka: string; // mentor at Društvo TOTI DCA, a partner
let nina: string; // volunteer at Pekarna
let projectId: string;
let pekarnaId: string;

const RESULT = `__typename ... on Error { code } ... on ValidationError { fieldErrors { path } }`;
const PLAIN_RESULT = `__typename ... on Error { code }`;
const TEMPLATE_FIELDS = `id key version kind publishedAt retired
  questions { id position type prompt required scaleMin scaleMax choices { value label } competence { code } }`;

const CREATE = `mutation($input: CreateEvaluationTemplateInput!) {
  createEvaluationTemplate(input: $input) { ${RESULT} ... on EvaluationTemplatePayload { template { ${TEMPLATE_FIELDS} } } } }`;
const UPDATE = `mutation($input: UpdateEvaluationTemplateInput!) {
  updateEvaluationTemplate(input: $input) { ${RESULT} ... on EvaluationTemplatePayload { template { ${TEMPLATE_FIELDS} } } } }`;
const PUBLISH = `mutation($input: EvaluationTemplateIdInput!) {
  publishEvaluationTemplate(input: $input) { ${PLAIN_RESULT} ... on EvaluationTemplatePayload { template { ${TEMPLATE_FIELDS} } } } }`;
const NEW_VERSION = `mutation($input: CreateEvaluationTemplateVersionInput!) {
  createEvaluationTemplateVersion(input: $input) { ${PLAIN_RESULT} ... on EvaluationTemplatePayload { template { ${TEMPLATE_FIELDS} } } } }`;
const SUBMIT = `mutation($input: SubmitEvaluationInput!) {
  submitEvaluation(input: $input) { ${RESULT} ... on EvaluationPayload { response { id template { id version } } } } }`;
const TEMPLATE = `query($id: ID!) { evaluationTemplate(id: $id) { ${TEMPLATE_FIELDS} versions { version retired } } }`;

/** One question of every type. */
const QUESTIONS = [
  { type: 'SCALE', promptSl: 'Delo je bilo dobro organizirano.', promptEn: 'The work was well organised.' },
  {
    type: 'SINGLE_CHOICE',
    promptSl: 'Kako pogosto?',
    promptEn: 'How often?',
    choices: [
      { value: 'tedensko', labelSl: 'Tedensko', labelEn: 'Weekly' },
      { value: 'mesecno', labelSl: 'Mesečno', labelEn: 'Monthly' },
    ],
  },
  {
    type: 'MULTIPLE_CHOICE',
    promptSl: 'Kaj je pomagalo?',
    promptEn: 'What helped?',
    required: false,
    choices: [
      { value: 'mentor', labelSl: 'Mentor' },
      { value: 'skupina', labelSl: 'Skupina', labelEn: 'The group' },
      { value: 'gradiva', labelSl: 'Gradiva', labelEn: 'Materials' },
    ],
  },
  { type: 'TEXT', promptSl: 'Kaj bi spremenili?', promptEn: 'What would you change?', required: false },
  {
    type: 'COMPETENCE',
    promptSl: 'Digitalna orodja',
    promptEn: 'Digital tools',
    competenceCode: 'DIGITAL',
    scaleMin: 1,
    scaleMax: 4,
  },
];

const answersFor = (questions: { id: string; type: string }[]) =>
  questions.flatMap((q): { questionId: string; value: unknown }[] =>
    q.type === 'SCALE'
      ? [{ questionId: q.id, value: 4 }]
      : q.type === 'COMPETENCE'
        ? [{ questionId: q.id, value: 3 }]
        : q.type === 'SINGLE_CHOICE'
          ? [{ questionId: q.id, value: 'tedensko' }]
          : [],
  );

beforeAll(async () => {
  api = await TestApi.start();
  maja = await api.tokenFor('maja.vidmar@example.org');
  andrej = await api.tokenFor('andrej.kovacic@example.org');
  luka = await api.tokenFor('luka.horvat@example.org');
  nina = await api.tokenFor('nina.pavlic@example.org');
  const project = await api.prisma.project.findUniqueOrThrow({ where: { slug: 'razvoj-prostovoljstva-v-mariboru' } });
  const pekarna = await api.prisma.organization.findUniqueOrThrow({ where: { slug: 'pekarna-magdalenske-mreze' } });
  projectId = toGlobal('Project', project.id);
  pekarnaId = toGlobal('Organization', pekarna.id);
});
afterAll(() => api.close());

const shared = (key: string) => ({
  key,
  kind: 'VOLUNTEER_SELF',
  projectId,
  titleSl: 'Kratka samoevalvacija',
  titleEn: 'Short self-evaluation',
  introSl: 'Nekaj vprašanj.',
  questions: QUESTIONS,
});

describe('evaluation templates', () => {
  it('lets the project lead’s coordinator create a shared draft with every question type, visible only to the lead’s staff', async () => {
    const created = (await api.data(CREATE, { input: shared('maribor-short-self') }, { token: maja }))
      .createEvaluationTemplate;
    expect(created.__typename).toBe('EvaluationTemplatePayload');
    const template = created.template;
    expect(template).toMatchObject({ key: 'maribor-short-self', version: 1, publishedAt: null, retired: false });
    expect(template.questions.map((q: any) => [q.position, q.type, q.required])).toEqual([
      [0, 'SCALE', true],
      [1, 'SINGLE_CHOICE', true],
      [2, 'MULTIPLE_CHOICE', false],
      [3, 'TEXT', false],
      [4, 'COMPETENCE', true],
    ]);
    // Defaults and what each type keeps: scales 1–5 unless given, the English label falls back to Slovenian.
    expect(template.questions[0]).toMatchObject({ scaleMin: 1, scaleMax: 5, choices: [] });
    expect(template.questions[2].choices[0]).toEqual({ value: 'mentor', label: 'Mentor' });
    expect(template.questions[3]).toMatchObject({ scaleMin: null, scaleMax: null });
    expect(template.questions[4]).toMatchObject({ scaleMin: 1, scaleMax: 4, competence: { code: 'DIGITAL' } });

    // An unpublished version: the lead's staff see it; a partner's mentor, a volunteer and the public do not.
    expect((await api.data(TEMPLATE, { id: template.id }, { token: andrej })).evaluationTemplate.key).toBe(
      'maribor-short-self',
    );
    for (const token of [luka, nina, undefined]) {
      expect((await api.data(TEMPLATE, { id: template.id }, { token })).evaluationTemplate).toBeNull();
    }
    // Nobody can answer it yet.
    const early = await api.data(
      SUBMIT,
      {
        input: {
          templateId: template.id,
          organizationId: pekarnaId,
          answers: answersFor(template.questions),
          idempotencyKey: 'short-self-early',
        },
      },
      { token: nina },
    );
    expect(early.submitEvaluation.__typename).toBe('NotFoundError');
  });

  it('refuses managers of no lead, and bad questions', async () => {
    const byPartner = await api.data(CREATE, { input: shared('maribor-partner-try') }, { token: luka });
    expect(byPartner.createEvaluationTemplate).toMatchObject({ __typename: 'NotFoundError' });
    const byVolunteer = await api.data(
      CREATE,
      { input: { ...shared('pekarna-own-try'), projectId: undefined, organizationId: pekarnaId } },
      { token: nina },
    );
    expect(byVolunteer.createEvaluationTemplate).toMatchObject({ __typename: 'NotFoundError' });
    const anonymous = await api.gql(CREATE, { input: shared('maribor-anon-try') });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const bad = await api.data(
      CREATE,
      {
        input: {
          ...shared('maribor-bad'),
          questions: [
            { type: 'COMPETENCE', promptSl: 'Brez kompetence', promptEn: 'No competence' },
            {
              type: 'SINGLE_CHOICE',
              promptSl: 'Ena izbira',
              promptEn: 'One choice',
              choices: [{ value: 'a', labelSl: 'A' }],
            },
            { type: 'SCALE', promptSl: 'Obrnjena lestvica', promptEn: 'Upside down', scaleMin: 5, scaleMax: 2 },
            {
              type: 'MULTIPLE_CHOICE',
              promptSl: 'Podvojeni izbiri',
              promptEn: 'Twice the same',
              choices: [
                { value: 'a', labelSl: 'A' },
                { value: 'a', labelSl: 'A spet' },
              ],
            },
          ],
        },
      },
      { token: maja },
    );
    expect(bad.createEvaluationTemplate.__typename).toBe('ValidationError');
    expect(bad.createEvaluationTemplate.fieldErrors.map((e: any) => e.path.join('.'))).toEqual([
      'input.questions.0.competenceCode',
      'input.questions.1.choices',
      'input.questions.2.scaleMax',
      'input.questions.3.choices',
    ]);
    expect(await api.prisma.evaluationTemplate.count({ where: { key: 'maribor-bad' } })).toBe(0);
  });

  it('returns the draft on a retry and refuses the key to anyone else', async () => {
    const first = (await api.data(CREATE, { input: shared('maribor-retry') }, { token: maja }))
      .createEvaluationTemplate;
    const again = (await api.data(CREATE, { input: shared('maribor-retry') }, { token: maja }))
      .createEvaluationTemplate;
    expect(again.template.id).toBe(first.template.id);
    const other = (await api.data(CREATE, { input: shared('maribor-retry') }, { token: andrej }))
      .createEvaluationTemplate;
    expect(other).toMatchObject({ __typename: 'ConflictError', code: 'TEMPLATE_KEY_TAKEN' });
    expect(await api.prisma.evaluationTemplate.count({ where: { key: 'maribor-retry' } })).toBe(1);
  });

  it('versions: edit the draft, publish, start a new version, publish it; old answers keep their version and the old one is closed', async () => {
    const created = (await api.data(CREATE, { input: shared('maribor-versioned') }, { token: maja }))
      .createEvaluationTemplate.template;
    // Editing a draft replaces its questions.
    const edited = (
      await api.data(
        UPDATE,
        { input: { id: created.id, titleEn: 'Versioned self-evaluation', questions: QUESTIONS.slice(0, 2) } },
        { token: maja },
      )
    ).updateEvaluationTemplate.template;
    expect(edited.questions.map((q: any) => q.type)).toEqual(['SCALE', 'SINGLE_CHOICE']);

    // A partner's mentor cannot publish it.
    expect(
      (await api.data(PUBLISH, { input: { id: created.id } }, { token: luka })).publishEvaluationTemplate,
    ).toMatchObject({
      __typename: 'NotFoundError',
    });
    const v1 = (await api.data(PUBLISH, { input: { id: created.id } }, { token: maja })).publishEvaluationTemplate
      .template;
    expect(v1.publishedAt).not.toBeNull();
    // Publishing twice changes nothing.
    const republished = (await api.data(PUBLISH, { input: { id: created.id } }, { token: andrej }))
      .publishEvaluationTemplate.template;
    expect(republished.publishedAt).toBe(v1.publishedAt);
    // A published version is frozen.
    expect(
      (await api.data(UPDATE, { input: { id: v1.id, titleSl: 'Drugače' } }, { token: maja })).updateEvaluationTemplate,
    ).toMatchObject({
      code: 'TEMPLATE_PUBLISHED',
    });

    // Nina (Pekarna, a partner) answers version 1.
    const answered = (
      await api.data(
        SUBMIT,
        {
          input: {
            templateId: v1.id,
            organizationId: pekarnaId,
            answers: answersFor(v1.questions),
            idempotencyKey: 'versioned-v1-nina',
          },
        },
        { token: nina },
      )
    ).submitEvaluation;
    expect(answered.response.template.version).toBe(1);

    // A round on version 1 that is still open moves to version 2 when it is published.
    const round = await api.prisma.evaluationRound.create({
      data: {
        organizationId: fromGlobal(pekarnaId),
        templateId: fromGlobal(v1.id),
        phase: 'END',
        titleSl: 'Krog',
        titleEn: 'Round',
        opensOn: new Date('2026-01-01'),
        dueOn: new Date('2099-01-01'),
      },
    });
    const pastRound = await api.prisma.evaluationRound.create({
      data: {
        organizationId: fromGlobal(pekarnaId),
        templateId: fromGlobal(v1.id),
        phase: 'START',
        titleSl: 'Pretekli krog',
        titleEn: 'Past round',
        opensOn: new Date('2025-01-01'),
        dueOn: new Date('2025-02-01'),
      },
    });

    const next = (await api.data(NEW_VERSION, { input: { templateId: v1.id } }, { token: maja }))
      .createEvaluationTemplateVersion.template;
    expect(next).toMatchObject({ key: 'maribor-versioned', version: 2, publishedAt: null });
    // The questions are copied (new ids, same content).
    expect(next.questions.map((q: any) => [q.type, q.prompt])).toEqual(
      v1.questions.map((q: any) => [q.type, q.prompt]),
    );
    expect(next.questions.map((q: any) => q.id)).not.toEqual(v1.questions.map((q: any) => q.id));
    // Asking again returns the same draft.
    const nextAgain = (await api.data(NEW_VERSION, { input: { templateId: v1.id } }, { token: andrej }))
      .createEvaluationTemplateVersion.template;
    expect(nextAgain.id).toBe(next.id);

    await api.data(
      UPDATE,
      { input: { id: next.id, questions: [...QUESTIONS.slice(0, 2), QUESTIONS[4]] } },
      { token: maja },
    );
    const v2 = (await api.data(PUBLISH, { input: { id: next.id } }, { token: maja })).publishEvaluationTemplate
      .template;
    expect(v2.questions.map((q: any) => q.type)).toEqual(['SCALE', 'SINGLE_CHOICE', 'COMPETENCE']);

    const versions = (await api.data(TEMPLATE, { id: v1.id })).evaluationTemplate;
    expect(versions.retired).toBe(true);
    expect(versions.versions).toEqual([
      { version: 1, retired: true },
      { version: 2, retired: false },
    ]);
    // The old response still points at version 1.
    const stored = await api.prisma.evaluationResponse.findUniqueOrThrow({
      where: { id: fromGlobal(answered.response.id) },
      include: { template: true },
    });
    expect(stored.template.version).toBe(1);
    // Version 1 can no longer be answered, nor versioned again.
    const late = (
      await api.data(
        SUBMIT,
        {
          input: {
            templateId: v1.id,
            organizationId: pekarnaId,
            answers: answersFor(v1.questions),
            idempotencyKey: 'versioned-v1-late',
          },
        },
        { token: nina },
      )
    ).submitEvaluation;
    expect(late).toMatchObject({ __typename: 'RuleViolationError', code: 'TEMPLATE_NOT_OPEN' });
    expect(
      (await api.data(NEW_VERSION, { input: { templateId: v1.id } }, { token: maja })).createEvaluationTemplateVersion,
    ).toMatchObject({
      code: 'TEMPLATE_NOT_LATEST',
    });
    // The open round now asks version 2; the past one keeps version 1.
    expect((await api.prisma.evaluationRound.findUniqueOrThrow({ where: { id: round.id } })).templateId).toBe(
      fromGlobal(v2.id),
    );
    expect((await api.prisma.evaluationRound.findUniqueOrThrow({ where: { id: pastRound.id } })).templateId).toBe(
      fromGlobal(v1.id),
    );
    // The current list shows version 2 only.
    const current = await api.data(
      `{ evaluationTemplates(project: "razvoj-prostovoljstva-v-mariboru") { key version } }`,
    );
    expect(current.evaluationTemplates.filter((t: any) => t.key === 'maribor-versioned')).toEqual([
      { key: 'maribor-versioned', version: 2 },
    ]);
    // Publishing is in the audit log.
    expect(
      await api.prisma.auditLog.count({
        where: { action: 'evaluationTemplate.publish', subjectId: { in: [fromGlobal(v1.id), fromGlobal(v2.id)] } },
      }),
    ).toBe(2);
  });

  it('lets an organisation’s coordinator own a template, not its mentors', async () => {
    const legebitra = await api.prisma.organization.findUniqueOrThrow({ where: { slug: 'drustvo-legebitra' } });
    const input = {
      key: 'legebitra-own-short',
      kind: 'ORGANIZATION_SELF',
      organizationId: toGlobal('Organization', legebitra.id),
      titleSl: 'Kratka samoocena',
      titleEn: 'Short self-assessment',
      questions: QUESTIONS.slice(0, 1),
    };
    const mentor = await api.tokenFor('matej.vrhovnik@example.org');
    expect((await api.data(CREATE, { input }, { token: mentor })).createEvaluationTemplate.__typename).toBe(
      'NotFoundError',
    );
    // A coordinator of another organisation (the Maribor lead) neither.
    expect((await api.data(CREATE, { input }, { token: maja })).createEvaluationTemplate.__typename).toBe(
      'NotFoundError',
    );
    const coordinator = await api.tokenFor('ana.kos@example.org');
    const created = (await api.data(CREATE, { input }, { token: coordinator })).createEvaluationTemplate;
    expect(created.template).toMatchObject({ kind: 'ORGANIZATION_SELF', version: 1 });
    // Its mentors see the draft (staff), other organisations' staff do not.
    expect(
      (await api.data(TEMPLATE, { id: created.template.id }, { token: mentor })).evaluationTemplate,
    ).not.toBeNull();
    expect((await api.data(TEMPLATE, { id: created.template.id }, { token: maja })).evaluationTemplate).toBeNull();
  });
});
