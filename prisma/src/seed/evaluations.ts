// Evaluation templates and questions as rows, and the responses volunteers and
// mentors gave: a few to version 1 of the self-evaluation (2020), others to
// version 2 (2025–2026). Answers are valid for their template.
import type { Prisma } from '../../generated/client/client.ts';
import { TEMPLATES, type TemplateDef } from './evaluation-templates.ts';
import {
  at,
  between,
  evaluationQuestionId,
  opportunityId,
  orgId,
  pick,
  projectId,
  rng,
  stableId,
  templateId,
} from './ids.ts';
import type { OrgSlug } from './organizations.ts';
import { STAFF, staffId } from './staff.ts';
import { volunteer, volunteerId } from './volunteers.ts';

function template(key: string, version: number): TemplateDef {
  const found = TEMPLATES.find((t) => t.key === key && t.version === version);
  if (!found) throw new Error(`unknown template ${key}@${version}`);
  return found;
}

export const evaluationTemplates: Prisma.EvaluationTemplateCreateManyInput[] = TEMPLATES.map((t) => ({
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
}));

export const evaluationQuestions: Prisma.EvaluationQuestionCreateManyInput[] = TEMPLATES.flatMap((t) =>
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
  })),
);

interface ResponseDef {
  template: [key: string, version: number];
  /** A volunteer's or a staff member's handle. */
  by: string;
  /** The volunteer evaluated (self-evaluation: the respondent; mentor's evaluation: the mentee). */
  about?: string;
  /** The placement evaluated. */
  placement?: [OrgSlug, string];
  at: string;
}

const SELF_V1: ResponseDef['template'] = ['maribor-volunteer-self', 1];
const SELF_V2: ResponseDef['template'] = ['maribor-volunteer-self', 2];
const MENTOR: ResponseDef['template'] = ['maribor-mentor-of-volunteer', 1];
const PLACEMENT: ResponseDef['template'] = ['maribor-volunteer-of-placement', 1];
const ORG_SELF: ResponseDef['template'] = ['maribor-organization-self', 1];
const LEARNING_PATH: ResponseDef['template'] = ['legebitra-learning-path', 1];

const self = (t: ResponseDef['template'], handle: string, when: string): ResponseDef => ({
  template: t,
  by: handle,
  about: handle,
  at: when,
});

const RESPONSES: ResponseDef[] = [
  // End of the Maribor project: the shared model's first round (version 1).
  self(SELF_V1, 'katja.lah', '2020-09-28T18:00'),
  self(SELF_V1, 'nina.pavlic', '2020-11-10T19:00'),
  self(SELF_V1, 'spela.fras', '2020-11-12T17:30'),
  self(SELF_V1, 'blaz.korosec', '2020-11-16T20:00'),
  self(SELF_V1, 'ines.kolaric', '2020-11-18T18:15'),
  { template: MENTOR, by: 'luka.horvat', about: 'david.kramberger', at: '2020-06-26T12:00' },
  { template: MENTOR, by: 'maja.vidmar', about: 'nina.pavlic', at: '2020-11-20T11:00' },
  { template: MENTOR, by: 'tina.kranjc', about: 'spela.fras', at: '2020-11-25T10:00' },
  {
    template: PLACEMENT,
    by: 'david.kramberger',
    placement: ['drustvo-toti-dca-maribor', 'ucna-pomoc-2019'],
    at: '2020-06-25T19:00',
  },
  {
    template: PLACEMENT,
    by: 'katja.lah',
    placement: ['zavod-mars-maribor', 'medgeneracijske-delavnice-2020'],
    at: '2020-09-29T18:00',
  },
  { template: ORG_SELF, by: 'maja.vidmar', at: '2020-11-24T13:00' },
  { template: ORG_SELF, by: 'luka.horvat', at: '2020-11-26T13:00' },
  // Today: version 2 of the self-evaluation; the other templates are still at version 1.
  self(SELF_V2, 'marjan.lipovsek', '2025-12-05T10:00'),
  self(SELF_V2, 'aljaz.petrovic', '2025-12-10T20:00'),
  self(SELF_V2, 'lara.stumberger', '2026-06-12T18:00'),
  self(SELF_V2, 'ines.kolaric', '2026-06-15T19:00'),
  self(SELF_V2, 'nina.pavlic', '2026-06-20T21:00'),
  self(SELF_V2, 'kim.vrecko', '2026-06-22T17:00'),
  { template: MENTOR, by: 'rok.zupan', about: 'aljaz.petrovic', at: '2025-12-15T11:00' },
  { template: MENTOR, by: 'luka.horvat', about: 'lara.stumberger', at: '2026-06-19T12:00' },
  { template: MENTOR, by: 'tina.kranjc', about: 'kim.vrecko', at: '2026-06-24T10:00' },
  { template: PLACEMENT, by: 'olga.vaupotic', placement: ['drustvo-hisa', 'sosedska-pomoc'], at: '2025-12-12T10:00' },
  {
    template: PLACEMENT,
    by: 'patrik.luzar',
    placement: ['drustvo-toti-dca-maribor', 'ucna-pomoc-osnovnosolcem'],
    at: '2026-06-18T20:00',
  },
  { template: ORG_SELF, by: 'andrej.kovacic', at: '2025-12-18T13:00' },
  // Legebitra's own learning-path reflection: the project year and today.
  self(LEARNING_PATH, 'tilen.kovac', '2019-12-10T18:00'),
  self(LEARNING_PATH, 'ema.kavcic', '2019-12-11T17:00'),
  self(LEARNING_PATH, 'zala.novak', '2019-12-12T19:00'),
  self(LEARNING_PATH, 'gal.sinkovec', '2026-06-17T18:00'),
  self(LEARNING_PATH, 'filip.vogrin', '2026-06-18T17:30'),
  self(LEARNING_PATH, 'tjasa.medved', '2026-06-19T18:30'),
];

/** A user id for a handle: a staff member's or a volunteer's. */
function personId(handle: string): string {
  return STAFF.some((s) => s.handle === handle) ? staffId(handle) : volunteerId(volunteer(handle));
}

/**
 * The organisation in whose volunteering the evaluation was made: the placement's,
 * the template owner's, the subject volunteer's at the time, or the respondent's own.
 */
function responseOrg(r: ResponseDef, t: TemplateDef): OrgSlug {
  if (r.placement) return r.placement[0];
  if (t.org) return t.org;
  const onDay = r.at.slice(0, 10);
  if (r.about && !STAFF.some((s) => s.handle === r.by)) {
    const e = volunteer(r.about).engagements.find((e) => e.startsOn <= onDay && onDay <= e.endsOn);
    if (e) return e.org;
  } else if (r.about) {
    const e = volunteer(r.about).engagements.find((e) => e.mentor === r.by && e.startsOn <= onDay && onDay <= e.endsOn);
    if (e) return e.org;
  } else {
    const role = STAFF.find((s) => s.handle === r.by)?.roles[0];
    if (role) return role.org;
  }
  throw new Error(`no organisation for ${r.by}'s evaluation on ${onDay}`);
}

type AnswerValue = number | string | string[];

/** Plausible answers, mostly on the positive side, drawn deterministically. */
function answersFor(t: TemplateDef, seedKey: string): Array<{ questionId: string; value: AnswerValue }> {
  const random = rng(seedKey);
  return t.questions.flatMap((q, position) => {
    const questionId = evaluationQuestionId(t.key, t.version, position);
    if (!q.required && random() < 0.25) return [];
    let value: AnswerValue;
    switch (q.type) {
      case 'SCALE':
      case 'COMPETENCE':
        value = between(random, Math.max(q.scale!.min, q.scale!.max - 2), q.scale!.max);
        break;
      case 'SINGLE_CHOICE':
        value = pick(random, q.options!).value;
        break;
      case 'MULTIPLE_CHOICE':
        value = q.options!.filter(() => random() < 0.5).map((o) => o.value);
        if (value.length === 0) value = [q.options![0]!.value];
        break;
      case 'TEXT':
        value = pick(random, q.samples ?? ['—']);
        break;
    }
    return [{ questionId, value }];
  });
}

export const evaluationResponses: Prisma.EvaluationResponseCreateManyInput[] = RESPONSES.map((r) => {
  const t = template(...r.template);
  const submittedAt = at(r.at);
  if (submittedAt < at(t.publishedAt) || (t.retiredAt && submittedAt >= at(t.retiredAt))) {
    throw new Error(`${r.by} answered ${t.key}@${t.version} outside its publication`);
  }
  const key = `${t.key}@${t.version}/${r.by}/${r.about ?? r.placement?.join('/') ?? 'organization'}/${r.at}`;
  return {
    id: stableId('evaluationResponse', key),
    templateId: templateId(t.key, t.version),
    organizationId: orgId(responseOrg(r, t)),
    respondentId: personId(r.by),
    subjectUserId: r.about ? volunteerId(volunteer(r.about)) : null,
    opportunityId: r.placement ? opportunityId(...r.placement) : null,
    answers: answersFor(t, key),
    submittedAt,
    idempotencyKey: `seed-${stableId('evaluationResponseKey', key).slice(0, 8)}`,
  };
});
