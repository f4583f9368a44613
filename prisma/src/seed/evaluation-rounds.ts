// A year of evaluation rounds (December 2025 – November 2026) in both
// partnerships: the Maribor network's shared model at the start, middle and end
// of the school year (self-evaluation and the mentors' evaluation), placement
// evaluations and the organisations' yearly self-assessment; the LGBTIQ+
// project's shared self-evaluation (and Legebitra's learning-path reflection
// half-way). Each round asks its people (requests); most answered, some late,
// some not at all. Reminders went out by mail as the API sends them (outbox
// rows; 7 days and 1 day before the due date, and on it, at 08:00), and the
// rounds open today hold drafts people saved. Competence answers grow from the
// start of the year to its end, so growth shows.
import type { Prisma } from '../../generated/client/client.ts';
import type { EvaluationRoundPhase, Locale } from '../../generated/client/enums.ts';
import { applications } from './applications.ts';
import { type EvalQuestionDef, TEMPLATES, type TemplateDef } from './evaluation-templates.ts';
import {
  addDays,
  at,
  between,
  day,
  DEMO_TODAY,
  evaluationQuestionId,
  LGBTIQ_PROJECT,
  MARIBOR_PROJECT,
  opportunityId,
  orgId,
  pick,
  projectId,
  rng,
  stableId,
  templateId,
} from './ids.ts';
import { organizations } from './organizations.ts';
import type { OrgSlug } from './organizations.ts';
import { STAFF, staffEmail, staffId } from './staff.ts';
import { VOLUNTEERS, type VolunteerDef, volunteerEmail, volunteerId } from './volunteers.ts';

// ─────────────── the LGBTIQ+ project's shared self-evaluation ───────────────

const AGREEMENT = {
  min: 1,
  max: 5,
  minSl: 'sploh se ne strinjam',
  minEn: 'strongly disagree',
  maxSl: 'popolnoma se strinjam',
  maxEn: 'strongly agree',
};
const LEVEL = {
  min: 1,
  max: 5,
  minSl: 'začetna raven',
  minEn: 'beginner',
  maxSl: 'samostojna raven',
  maxEn: 'independent',
};

const LGBTIQ_SELF: TemplateDef = {
  key: 'lgbtiq-volunteer-self',
  version: 1,
  kind: 'VOLUNTEER_SELF',
  project: LGBTIQ_PROJECT,
  titleSl: 'Samoevalvacija prostovoljke_ca',
  titleEn: 'Volunteer self-evaluation',
  introSl:
    'Skupni vprašalnik projekta LGBTIQ+ prostovoljstvo: na začetku in ob koncu šolskega leta pogledaš, kje si, in se o tem pogovoriš z mentorico_jem.',
  introEn:
    'The LGBTIQ+ volunteering project’s shared questionnaire: at the start and at the end of the school year you look at where you are and talk it over with your mentor.',
  createdAt: '2025-11-03T10:00',
  publishedAt: '2025-11-17T09:00',
  questions: [
    {
      type: 'SCALE',
      promptSl: 'V skupini prostovoljk_cev se počutim varno in sprejeto.',
      promptEn: 'I feel safe and welcome in the volunteer group.',
      required: true,
      scale: AGREEMENT,
    },
    {
      type: 'SCALE',
      promptSl: 'Ko potrebujem podporo, jo dobim pri mentorici_ju.',
      promptEn: 'When I need support, I get it from my mentor.',
      required: true,
      scale: AGREEMENT,
    },
    {
      type: 'COMPETENCE',
      promptSl: 'Zagovorništvo in dejavno sodelovanje v skupnosti',
      promptEn: 'Advocacy and taking an active part in the community',
      required: true,
      scale: LEVEL,
      competence: 'CITIZENSHIP',
    },
    {
      type: 'COMPETENCE',
      promptSl: 'Skrb zase in za druge v skupini',
      promptEn: 'Looking after oneself and others in the group',
      required: true,
      scale: LEVEL,
      competence: 'PERSONAL_SOCIAL_LEARNING',
    },
    {
      type: 'COMPETENCE',
      promptSl: 'Javno nastopanje in pisanje',
      promptEn: 'Public speaking and writing',
      required: true,
      scale: LEVEL,
      competence: 'LITERACY',
    },
    {
      type: 'COMPETENCE',
      promptSl: 'Varna in odgovorna raba družbenih omrežij',
      promptEn: 'Safe and responsible use of social media',
      required: true,
      scale: LEVEL,
      competence: 'DIGITAL',
    },
    {
      type: 'SINGLE_CHOICE',
      promptSl: 'Kako pogosto prostovoljiš?',
      promptEn: 'How often do you volunteer?',
      required: true,
      options: [
        { value: 'tedensko', labelSl: 'Vsak teden', labelEn: 'Every week' },
        { value: 'mesecno', labelSl: 'Nekajkrat na mesec', labelEn: 'A few times a month' },
        { value: 'obcasno', labelSl: 'Občasno', labelEn: 'Now and then' },
      ],
    },
    {
      type: 'MULTIPLE_CHOICE',
      promptSl: 'Kaj ti je bilo pri prostovoljstvu v pomoč?',
      promptEn: 'What helped you in your volunteering?',
      required: false,
      options: [
        { value: 'mentorica', labelSl: 'Pogovori z mentorico_jem', labelEn: 'Talks with my mentor' },
        { value: 'skupina', labelSl: 'Skupina prostovoljk_cev', labelEn: 'The volunteer group' },
        { value: 'usposabljanje', labelSl: 'Usposabljanja', labelEn: 'Training' },
        { value: 'gradiva', labelSl: 'Gradiva in priročniki', labelEn: 'Materials and handbooks' },
      ],
    },
    {
      type: 'TEXT',
      promptSl: 'Kaj bi si želel_a v naslednjem obdobju?',
      promptEn: 'What would you like in the next period?',
      required: false,
      samples: [
        'Več srečanj v živo v naši regiji.',
        'Rad_a bi sam_a vodil_a delavnico na šoli.',
        'Več časa za pogovor po zahtevnih dogodkih.',
        'Usposabljanje o varnosti na spletu.',
      ],
    },
  ],
};

const templateRow = (t: TemplateDef): Prisma.EvaluationTemplateCreateManyInput => ({
  id: templateId(t.key, t.version),
  key: t.key,
  version: t.version,
  kind: t.kind,
  projectId: t.project ? projectId(t.project) : null,
  organizationId: t.org ? orgId(t.org) : null,
  titleSl: t.titleSl,
  titleEn: t.titleEn,
  introSl: t.introSl,
  introEn: t.introEn,
  publishedAt: at(t.publishedAt),
  retiredAt: t.retiredAt ? at(t.retiredAt) : null,
  createdAt: at(t.createdAt),
});

const questionRows = (t: TemplateDef): Prisma.EvaluationQuestionCreateManyInput[] =>
  t.questions.map((q, position) => ({
    id: evaluationQuestionId(t.key, t.version, position),
    templateId: templateId(t.key, t.version),
    position,
    type: q.type,
    promptSl: q.promptSl,
    promptEn: q.promptEn,
    required: q.required,
    scaleMin: q.scale?.min ?? null,
    scaleMax: q.scale?.max ?? null,
    scaleMinLabelSl: q.scale?.minSl ?? null,
    scaleMinLabelEn: q.scale?.minEn ?? null,
    scaleMaxLabelSl: q.scale?.maxSl ?? null,
    scaleMaxLabelEn: q.scale?.maxEn ?? null,
    ...(q.options ? { options: q.options as unknown as Prisma.InputJsonValue } : {}),
    competenceCode: q.competence ?? null,
  }));

function template(key: string, version: number): TemplateDef {
  const found = [...TEMPLATES, LGBTIQ_SELF].find((t) => t.key === key && t.version === version);
  if (!found) throw new Error(`unknown template ${key}@${version}`);
  return found;
}

// ─────────────── rounds ───────────────

type TemplateRef = [key: string, version: number];
const MARIBOR_SELF: TemplateRef = ['maribor-volunteer-self', 2];
const MARIBOR_MENTOR: TemplateRef = ['maribor-mentor-of-volunteer', 1];
const MARIBOR_PLACEMENT: TemplateRef = ['maribor-volunteer-of-placement', 1];
const MARIBOR_ORG_SELF: TemplateRef = ['maribor-organization-self', 1];
const LGBTIQ: TemplateRef = ['lgbtiq-volunteer-self', 1];
const LEARNING_PATH: TemplateRef = ['legebitra-learning-path', 1];

const MARIBOR_ORGS: OrgSlug[] = [
  'pekarna-magdalenske-mreze',
  'drustvo-toti-dca-maribor',
  'ektc-maribor',
  'drustvo-hisa',
  'zavod-mars-maribor',
];
const LGBTIQ_ORGS: OrgSlug[] = ['drustvo-parada-ponosa', 'drustvo-legebitra', 'slovenska-filantropija'];

/** Who runs volunteering at each organisation: answers its self-assessment. */
const ORG_CONTACT: Record<string, string> = {
  'pekarna-magdalenske-mreze': 'maja.vidmar',
  'drustvo-toti-dca-maribor': 'luka.horvat',
  'ektc-maribor': 'tina.kranjc',
  'drustvo-hisa': 'rok.zupan',
  'zavod-mars-maribor': 'petra.golob',
  'drustvo-parada-ponosa': 'nika.potocnik',
  'drustvo-legebitra': 'ana.kos',
  'slovenska-filantropija': 'urska.kolar',
};

interface RoundDef {
  /** Natural key of the round (ids derive from it). */
  key: string;
  org: OrgSlug;
  project: string;
  opportunity?: string;
  template: TemplateRef;
  phase: EvaluationRoundPhase;
  titleSl: string;
  titleEn: string;
  opensOn: string;
  dueOn: string;
  /** Share of the people asked who answered. */
  answering: number;
  /** Where the year stands for competence answers (0 start … 2 end of the school year). */
  stage: number;
}

interface Schedule {
  key: string;
  orgs: OrgSlug[];
  project: string;
  template: TemplateRef;
  phase: EvaluationRoundPhase;
  titleSl: string;
  titleEn: string;
  opensOn: string;
  dueOn: string;
  answering: number;
  stage: number;
}

const SCHEDULE: Schedule[] = [
  {
    key: 'maribor-org-self-2025',
    orgs: MARIBOR_ORGS,
    project: MARIBOR_PROJECT,
    template: MARIBOR_ORG_SELF,
    phase: 'PERIODIC',
    titleSl: 'Letna samoocena kakovosti 2025',
    titleEn: 'Yearly quality self-assessment 2025',
    opensOn: '2025-12-01',
    dueOn: '2025-12-19',
    answering: 1,
    stage: 0,
  },
  {
    key: 'maribor-self-start-2026',
    orgs: MARIBOR_ORGS,
    project: MARIBOR_PROJECT,
    template: MARIBOR_SELF,
    phase: 'START',
    titleSl: 'Samoevalvacija ob začetku 2026',
    titleEn: 'Self-evaluation at the start of 2026',
    opensOn: '2026-01-12',
    dueOn: '2026-01-30',
    answering: 0.95,
    stage: 0,
  },
  {
    key: 'maribor-mentor-start-2026',
    orgs: MARIBOR_ORGS,
    project: MARIBOR_PROJECT,
    template: MARIBOR_MENTOR,
    phase: 'START',
    titleSl: 'Mentorjeva ocena ob začetku 2026',
    titleEn: 'Mentor’s evaluation at the start of 2026',
    opensOn: '2026-01-12',
    dueOn: '2026-01-30',
    answering: 1,
    stage: 0,
  },
  {
    key: 'maribor-self-middle-2026',
    orgs: MARIBOR_ORGS,
    project: MARIBOR_PROJECT,
    template: MARIBOR_SELF,
    phase: 'MIDDLE',
    titleSl: 'Vmesna samoevalvacija 2026',
    titleEn: 'Mid-year self-evaluation 2026',
    opensOn: '2026-03-23',
    dueOn: '2026-04-03',
    answering: 0.85,
    stage: 1,
  },
  {
    key: 'maribor-self-end-2026',
    orgs: MARIBOR_ORGS,
    project: MARIBOR_PROJECT,
    template: MARIBOR_SELF,
    phase: 'END',
    titleSl: 'Zaključna samoevalvacija 2025/26',
    titleEn: 'End-of-year self-evaluation 2025/26',
    opensOn: '2026-06-22',
    dueOn: '2026-07-03',
    answering: 0.95,
    stage: 2,
  },
  {
    key: 'maribor-mentor-end-2026',
    orgs: MARIBOR_ORGS,
    project: MARIBOR_PROJECT,
    template: MARIBOR_MENTOR,
    phase: 'END',
    titleSl: 'Mentorjeva zaključna ocena 2025/26',
    titleEn: 'Mentor’s end-of-year evaluation 2025/26',
    opensOn: '2026-06-22',
    dueOn: '2026-07-03',
    answering: 1,
    stage: 2,
  },
  {
    key: 'maribor-self-start-2027',
    orgs: MARIBOR_ORGS,
    project: MARIBOR_PROJECT,
    template: MARIBOR_SELF,
    phase: 'START',
    titleSl: 'Samoevalvacija ob začetku šolskega leta 2026/27',
    titleEn: 'Self-evaluation at the start of the 2026/27 school year',
    opensOn: '2026-11-09',
    dueOn: '2026-11-30',
    answering: 0.5,
    stage: 2,
  },
  {
    key: 'maribor-org-self-2026',
    orgs: MARIBOR_ORGS,
    project: MARIBOR_PROJECT,
    template: MARIBOR_ORG_SELF,
    phase: 'PERIODIC',
    titleSl: 'Letna samoocena kakovosti 2026',
    titleEn: 'Yearly quality self-assessment 2026',
    opensOn: '2026-11-16',
    dueOn: '2026-12-11',
    answering: 0.4,
    stage: 0,
  },
  {
    key: 'lgbtiq-self-start-2026',
    orgs: LGBTIQ_ORGS,
    project: LGBTIQ_PROJECT,
    template: LGBTIQ,
    phase: 'START',
    titleSl: 'Samoevalvacija ob začetku 2026',
    titleEn: 'Self-evaluation at the start of 2026',
    opensOn: '2026-01-12',
    dueOn: '2026-01-30',
    answering: 0.9,
    stage: 0,
  },
  {
    key: 'legebitra-path-middle-2026',
    orgs: ['drustvo-legebitra'],
    project: LGBTIQ_PROJECT,
    template: LEARNING_PATH,
    phase: 'MIDDLE',
    titleSl: 'Vmesna refleksija učne poti 2026',
    titleEn: 'Mid-year learning path reflection 2026',
    opensOn: '2026-03-16',
    dueOn: '2026-03-31',
    answering: 0.85,
    stage: 1,
  },
  {
    key: 'lgbtiq-self-end-2026',
    orgs: LGBTIQ_ORGS,
    project: LGBTIQ_PROJECT,
    template: LGBTIQ,
    phase: 'END',
    titleSl: 'Zaključna samoevalvacija 2025/26',
    titleEn: 'End-of-year self-evaluation 2025/26',
    opensOn: '2026-06-22',
    dueOn: '2026-07-03',
    answering: 0.95,
    stage: 2,
  },
  {
    key: 'lgbtiq-self-start-2027',
    orgs: LGBTIQ_ORGS,
    project: LGBTIQ_PROJECT,
    template: LGBTIQ,
    phase: 'START',
    titleSl: 'Samoevalvacija ob začetku šolskega leta 2026/27',
    titleEn: 'Self-evaluation at the start of the 2026/27 school year',
    opensOn: '2026-11-02',
    dueOn: '2026-11-20',
    answering: 0.7,
    stage: 2,
  },
];

/** Placements evaluated at the end of the school year (volunteers accepted on them). */
const PLACEMENT_ROUNDS: Array<{ org: OrgSlug; opportunity: string }> = [
  { org: 'drustvo-hisa', opportunity: 'sosedska-pomoc' },
  { org: 'drustvo-toti-dca-maribor', opportunity: 'ucna-pomoc-osnovnosolcem' },
];

const ROUNDS: RoundDef[] = [
  ...SCHEDULE.flatMap((s) =>
    s.orgs.map((org) => ({
      key: `${s.key}/${org}`,
      org,
      project: s.project,
      template: s.template,
      phase: s.phase,
      titleSl: s.titleSl,
      titleEn: s.titleEn,
      opensOn: s.opensOn,
      dueOn: s.dueOn,
      answering: s.answering,
      stage: s.stage,
    })),
  ),
  ...PLACEMENT_ROUNDS.map((p): RoundDef => ({
    key: `maribor-placement-end-2026/${p.org}/${p.opportunity}`,
    org: p.org,
    project: MARIBOR_PROJECT,
    opportunity: p.opportunity,
    template: MARIBOR_PLACEMENT,
    phase: 'END',
    titleSl: 'Ocena prostovoljskega mesta 2025/26',
    titleEn: 'Placement evaluation 2025/26',
    opensOn: '2026-06-22',
    dueOn: '2026-07-03',
    answering: 1,
    stage: 2,
  })),
];

/** Reminders: this many days before the due date, and on it (the API's default). */
const REMINDER_DAYS = [7, 1];
/** The hourly run that first sees a reminder day: 08:00 in Slovenia. */
const REMINDER_TIME = '08:00';
/** The seed's "now", for what has happened by today. */
const NOW = at(`${DEMO_TODAY}T12:00`);

interface Ask {
  /** Handle of who answers. */
  by: string;
  /** Handle of the volunteer evaluated (self: the respondent; mentor: the mentee). */
  about?: string;
}

const activeIn = (v: VolunteerDef, org: OrgSlug, on: string) =>
  v.engagements.find((e) => e.org === org && e.startsOn <= on && on <= e.endsOn);

const acceptedOn = (org: OrgSlug, slug: string) =>
  new Set(
    applications
      .filter((a) => a.status === 'ACCEPTED' && a.opportunityId === opportunityId(org, slug))
      .map((a) => a.volunteerId),
  );

/** Who a round asks, as the API derives it (see derivedRequests in the schema). */
function asks(round: RoundDef): Ask[] {
  const kind = template(...round.template).kind;
  const volunteers = VOLUNTEERS.filter((v) => activeIn(v, round.org, round.opensOn));
  switch (kind) {
    case 'VOLUNTEER_SELF':
      return volunteers.map((v) => ({ by: v.handle, about: v.handle }));
    case 'MENTOR_OF_VOLUNTEER':
      return volunteers.map((v) => ({ by: activeIn(v, round.org, round.opensOn)!.mentor, about: v.handle }));
    case 'VOLUNTEER_OF_PLACEMENT': {
      const accepted = acceptedOn(round.org, round.opportunity!);
      return VOLUNTEERS.filter((v) => accepted.has(volunteerId(v))).map((v) => ({ by: v.handle }));
    }
    case 'ORGANIZATION_SELF':
      return [{ by: ORG_CONTACT[round.org]! }];
  }
}

const isStaff = (handle: string) => STAFF.some((s) => s.handle === handle);
const personId = (handle: string) => (isStaff(handle) ? staffId(handle) : volunteerId(volunteerOf(handle)));
const volunteerOf = (handle: string) => VOLUNTEERS.find((v) => v.handle === handle)!;
const emailOf = (handle: string) => (isStaff(handle) ? staffEmail(handle) : volunteerEmail(volunteerOf(handle)));
const nameOf = (handle: string) =>
  isStaff(handle) ? STAFF.find((s) => s.handle === handle)!.name : volunteerOf(handle).name;
const localeOf = (handle: string): Locale => (isStaff(handle) ? 'sl' : volunteerOf(handle).locale);
const orgName = (slug: string) => organizations.find((o) => o.slug === slug)!.name;

type AnswerValue = number | string | string[];

/**
 * Plausible answers. A competence starts at a level of the volunteer's own (1–3)
 * and rises over the school year (stage 0 → 2); the mentors' view has its own
 * level. Scales sit on the positive side.
 */
function answersFor(
  t: TemplateDef,
  seedKey: string,
  round: RoundDef,
  ask: Ask,
  upTo = t.questions.length,
): Array<{ questionId: string; value: AnswerValue }> {
  const random = rng(seedKey);
  return t.questions.slice(0, upTo).flatMap((q: EvalQuestionDef, position) => {
    const questionId = evaluationQuestionId(t.key, t.version, position);
    if (!q.required && random() < 0.3) return [];
    let value: AnswerValue;
    switch (q.type) {
      case 'COMPETENCE': {
        const level = rng(`competence/${t.kind}/${ask.about ?? ask.by}/${q.competence}`);
        const start = between(level, 1, 3);
        const gain = round.stage === 0 ? 0 : round.stage === 1 ? between(level, 0, 1) : between(level, 1, 2);
        value = Math.min(q.scale!.max, start + gain);
        break;
      }
      case 'SCALE':
        value = between(random, Math.max(q.scale!.min, q.scale!.max - 2), q.scale!.max);
        break;
      case 'SINGLE_CHOICE':
        value = pick(random, q.options!).value;
        break;
      case 'MULTIPLE_CHOICE':
        value = q.options!.filter(() => random() < 0.45).map((o) => o.value);
        if (value.length === 0) value = [q.options![0]!.value];
        break;
      case 'TEXT':
        value = pick(random, q.samples ?? ['—']);
        break;
    }
    return [{ questionId, value }];
  });
}

/** Everything the rounds consist of, built once. */
function build() {
  const rounds: Prisma.EvaluationRoundCreateManyInput[] = [];
  const requests: Prisma.EvaluationRequestCreateManyInput[] = [];
  const responses: Prisma.EvaluationResponseCreateManyInput[] = [];
  const drafts: Prisma.EvaluationDraftCreateManyInput[] = [];
  /** respondent handle → reminder day → lines of the mail. */
  const reminders = new Map<
    string,
    Map<string, Array<{ title: [string, string]; org: string; dueOn: string; about?: string }>>
  >();

  for (const round of ROUNDS) {
    const asked = asks(round);
    // The API refuses a round nobody would have to answer (a partner with no volunteers yet).
    if (!asked.length) continue;
    const t = template(...round.template);
    const roundId = stableId('evaluationRound', round.key);
    const creator = round.project === MARIBOR_PROJECT ? 'maja.vidmar' : ORG_CONTACT[round.org]!;
    rounds.push({
      id: roundId,
      organizationId: orgId(round.org),
      projectId: projectId(round.project),
      opportunityId: round.opportunity ? opportunityId(round.org, round.opportunity) : null,
      templateId: templateId(t.key, t.version),
      phase: round.phase,
      titleSl: round.titleSl,
      titleEn: round.titleEn,
      opensOn: day(round.opensOn),
      dueOn: day(round.dueOn),
      reminderDaysBefore: REMINDER_DAYS,
      createdById: staffId(creator),
      idempotencyKey: `seed-${stableId('evaluationRoundKey', round.key).slice(0, 8)}`,
      createdAt: at(`${addDays(round.opensOn, -7)}T10:00`),
    });
    const reminderDays = [...REMINDER_DAYS, 0]
      .map((d) => addDays(round.dueOn, -d))
      .filter((d) => d >= round.opensOn && d <= DEMO_TODAY);
    const window = Math.round((day(round.dueOn).getTime() - day(round.opensOn).getTime()) / 86_400_000);

    for (const ask of asked) {
      const subjectKey =
        t.kind === 'VOLUNTEER_OF_PLACEMENT'
          ? opportunityId(round.org, round.opportunity!)
          : ask.about
            ? volunteerId(volunteerOf(ask.about))
            : '';
      const natural = `${round.key}/${ask.by}/${ask.about ?? ''}`;
      const random = rng(`request/${natural}`);
      // When they answered: within the round, a few a little late; never after now.
      const answers = random() < round.answering;
      // Most answer in the first days; a few only after a reminder, or a little late.
      const spread = random();
      const answerDay = addDays(round.opensOn, Math.floor((window + 3) * spread * spread));
      const answeredAt = at(
        `${answerDay}T${String(between(random, 8, 21)).padStart(2, '0')}:${pick(random, ['05', '20', '35', '50'])}`,
      );
      const answered = answers && answeredAt < NOW;
      const reminded = reminderDays.filter((d) => !answered || answeredAt > at(`${d}T${REMINDER_TIME}`));
      const requestId = stableId('evaluationRequest', natural);
      let responseId: string | null = null;
      if (answered) {
        responseId = stableId('evaluationResponse', `round/${natural}`);
        responses.push({
          id: responseId,
          templateId: templateId(t.key, t.version),
          organizationId: orgId(round.org),
          respondentId: personId(ask.by),
          subjectUserId: ask.about ? volunteerId(volunteerOf(ask.about)) : null,
          opportunityId: round.opportunity ? opportunityId(round.org, round.opportunity) : null,
          answers: answersFor(t, `answers/${natural}`, round, ask),
          submittedAt: answeredAt,
          idempotencyKey: `seed-${stableId('evaluationResponseKey', natural).slice(0, 8)}`,
          roundId,
        });
      } else if (round.dueOn >= DEMO_TODAY || round.opensOn >= '2026-11-01') {
        // Rounds still running: about half of those who have not answered saved a draft.
        if (random() < 0.6) {
          const savedOn = addDays(round.opensOn, between(random, 0, Math.max(0, Math.min(window, 12))));
          const saved = at(`${[savedOn, DEMO_TODAY].sort()[0]}T${String(between(random, 7, 10)).padStart(2, '0')}:15`);
          drafts.push({
            id: stableId('evaluationDraft', natural),
            templateId: templateId(t.key, t.version),
            organizationId: orgId(round.org),
            respondentId: personId(ask.by),
            subjectUserId: ask.about ? volunteerId(volunteerOf(ask.about)) : null,
            opportunityId: round.opportunity ? opportunityId(round.org, round.opportunity) : null,
            subjectKey,
            roundId,
            answers: answersFor(t, `draft/${natural}`, round, ask, between(random, 2, 4)),
            createdAt: saved,
            updatedAt: saved,
          });
        }
      }
      requests.push({
        id: requestId,
        roundId,
        respondentId: personId(ask.by),
        subjectUserId: ask.about ? volunteerId(volunteerOf(ask.about)) : null,
        subjectKey,
        responseId,
        remindersSent: reminded.length,
        lastRemindedAt: reminded.length ? at(`${reminded.at(-1)}T${REMINDER_TIME}`) : null,
        createdAt: at(`${addDays(round.opensOn, -7)}T10:00`),
      });
      for (const d of reminded) {
        const byDay = reminders.get(ask.by) ?? new Map();
        byDay.set(d, [
          ...(byDay.get(d) ?? []),
          {
            title: [round.titleSl, round.titleEn],
            org: orgName(round.org),
            dueOn: round.dueOn,
            ...(t.kind === 'MENTOR_OF_VOLUNTEER' && ask.about ? { about: nameOf(ask.about) } : {}),
          },
        ]);
        reminders.set(ask.by, byDay);
      }
    }
  }

  // One mail per person per reminder day, worded as the API words it (schema/src/i18n.ts).
  const outbox: Prisma.OutboxMessageCreateManyInput[] = [];
  for (const [handle, byDay] of [...reminders.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    for (const [d, lines] of [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const locale = localeOf(handle);
      const sl = locale === 'sl';
      const firstDue = lines.map((l) => l.dueOn).sort()[0]!;
      const text = [
        sl
          ? `Pozdravljeni, ${nameOf(handle)}!\n\nProsimo vas, da izpolnite naslednje vprašalnike:`
          : `Hello ${nameOf(handle)},\n\nplease fill in the following questionnaires:`,
        '',
        ...lines.map(
          (l) =>
            `- ${sl ? l.title[0] : l.title[1]} (${l.org}), ${sl ? 'rok' : 'due'} ${l.dueOn}` +
            (l.about ? (sl ? ` o osebi ${l.about}` : ` about ${l.about}`) : ''),
        ),
        '',
        sl
          ? 'Najdete jih med svojimi vabili k evalvaciji na spletni strani organizacije. Nedokončane odgovore lahko shranite in nadaljujete pozneje.\n\nHvala!'
          : "You find them among your evaluation requests on the organisation's website. You can save unfinished answers and continue later.\n\nThank you!",
      ].join('\n');
      outbox.push({
        id: stableId('outboxMessage', `evaluation-reminder/${handle}/${d}`),
        to: emailOf(handle),
        subject: sl ? `Opomnik: evalvacija do ${firstDue}` : `Reminder: evaluation due by ${firstDue}`,
        text,
        kind: 'evaluation-reminder',
        createdAt: at(`${d}T${REMINDER_TIME}`),
      });
    }
  }
  return { rounds, requests, responses, drafts, outbox };
}

/** The rows of the evaluation rounds, per model (templates and responses come on top of evaluations.ts). */
export function evaluationRounds() {
  const built = build();
  return {
    evaluationTemplate: [templateRow(LGBTIQ_SELF)],
    evaluationQuestion: questionRows(LGBTIQ_SELF),
    evaluationRound: built.rounds,
    evaluationResponse: built.responses,
    evaluationRequest: built.requests,
    evaluationDraft: built.drafts,
    outboxMessage: built.outbox,
  };
}
