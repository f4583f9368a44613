// The Maribor partnership's shared evaluation model (one template per kind,
// owned by the project; the self-evaluation in two versions) and Legebitra's own
// learning-path reflection.
import type { EvaluationKind, EvaluationQuestionType } from '../../generated/client/enums.ts';
import { MARIBOR_PROJECT } from './ids.ts';
import type { ChoiceOption } from './opportunities.ts';
import type { OrgSlug } from './organizations.ts';
import type { CompetenceCode } from './reference.ts';

export interface ScaleDef {
  min: number;
  max: number;
  minSl: string;
  minEn: string;
  maxSl: string;
  maxEn: string;
}

export interface EvalQuestionDef {
  type: EvaluationQuestionType;
  promptSl: string;
  promptEn: string;
  required: boolean;
  scale?: ScaleDef;
  options?: ChoiceOption[];
  competence?: CompetenceCode;
  /** Answers the seed's responses draw from (TEXT questions only). */
  samples?: string[];
}

export interface TemplateDef {
  key: string;
  version: number;
  kind: EvaluationKind;
  project?: string;
  org?: OrgSlug;
  titleSl: string;
  titleEn: string;
  introSl: string;
  introEn: string;
  createdAt: string;
  publishedAt: string;
  retiredAt?: string;
  questions: EvalQuestionDef[];
}

const AGREEMENT: ScaleDef = {
  min: 1,
  max: 5,
  minSl: 'sploh se ne strinjam',
  minEn: 'strongly disagree',
  maxSl: 'popolnoma se strinjam',
  maxEn: 'strongly agree',
};
const SATISFACTION: ScaleDef = {
  min: 1,
  max: 5,
  minSl: 'zelo nezadovoljen_a',
  minEn: 'very dissatisfied',
  maxSl: 'zelo zadovoljen_a',
  maxEn: 'very satisfied',
};
const LEVEL: ScaleDef = {
  min: 1,
  max: 5,
  minSl: 'začetna raven',
  minEn: 'beginner',
  maxSl: 'samostojna raven',
  maxEn: 'independent',
};

const scale = (promptSl: string, promptEn: string, s: ScaleDef = AGREEMENT): EvalQuestionDef => ({
  type: 'SCALE',
  promptSl,
  promptEn,
  required: true,
  scale: s,
});

const competence = (code: CompetenceCode, promptSl: string, promptEn: string): EvalQuestionDef => ({
  type: 'COMPETENCE',
  promptSl,
  promptEn,
  required: true,
  scale: LEVEL,
  competence: code,
});

const text = (promptSl: string, promptEn: string, samples: string[], required = false): EvalQuestionDef => ({
  type: 'TEXT',
  promptSl,
  promptEn,
  required,
  samples,
});

const SELF_V1: EvalQuestionDef[] = [
  scale(
    'Kako zadovoljen_a si s svojim prostovoljskim delom v tem obdobju?',
    'How satisfied are you with your volunteering in this period?',
    SATISFACTION,
  ),
  scale('Naloge so bile jasno dogovorjene.', 'My tasks were clearly agreed.'),
  competence(
    'PERSONAL_SOCIAL_LEARNING',
    'Sodelovanje v skupini in učenje iz izkušenj',
    'Working in a team and learning from experience',
  ),
  competence('CITIZENSHIP', 'Dejavno sodelovanje v lokalni skupnosti', 'Taking an active part in the local community'),
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
    promptSl: 'Kaj ti je pri prostovoljstvu najbolj pomagalo?',
    promptEn: 'What helped you most in your volunteering?',
    required: false,
    options: [
      { value: 'mentor', labelSl: 'Podpora mentorja', labelEn: 'My mentor’s support' },
      { value: 'usposabljanje', labelSl: 'Usposabljanje', labelEn: 'Training' },
      { value: 'skupina', labelSl: 'Skupina prostovoljcev', labelEn: 'The volunteer group' },
      { value: 'gradiva', labelSl: 'Gradiva in navodila', labelEn: 'Materials and instructions' },
    ],
  },
  text('Kaj bi si želel_a v naslednjem obdobju izboljšati?', 'What would you like to improve in the next period?', [
    'Rada bi se naučila bolj samostojno voditi delavnice.',
    'Več časa za pogovor z mentorjem po dogodkih.',
    'Želim si boljšega uvajanja na začetku.',
    'Rad bi prevzel več odgovornosti pri organizaciji.',
  ]),
];

const MENTOR_QUESTIONS: EvalQuestionDef[] = [
  scale(
    'Prostovoljec_ka je zanesljivo opravljal_a dogovorjene naloge.',
    'The volunteer reliably carried out the agreed tasks.',
  ),
  competence(
    'PERSONAL_SOCIAL_LEARNING',
    'Sodelovanje v skupini in učenje iz izkušenj',
    'Working in a team and learning from experience',
  ),
  competence('ENTREPRENEURSHIP', 'Pobuda in uresničevanje lastnih zamisli', 'Initiative and carrying out own ideas'),
  competence('LITERACY', 'Sporazumevanje z uporabniki in sodelavci', 'Communicating with service users and colleagues'),
  {
    type: 'SINGLE_CHOICE',
    promptSl: 'Priporočilo za nadaljevanje',
    promptEn: 'Recommendation for continuing',
    required: true,
    options: [
      { value: 'nadaljuje', labelSl: 'Nadaljuje z enakimi nalogami', labelEn: 'Continues with the same tasks' },
      { value: 'vec-odgovornosti', labelSl: 'Prevzame več odgovornosti', labelEn: 'Takes on more responsibility' },
      { value: 'druge-naloge', labelSl: 'Preide na druge naloge', labelEn: 'Moves to other tasks' },
    ],
  },
  text('Opažanja mentorja', 'Mentor’s observations', [
    'Samostojno vodi skupino in dobro sprejema povratne informacije.',
    'Zelo zanesljiv_a, pri načrtovanju še potrebuje podporo.',
    'Z otroki vzpostavi dober odnos; naslednji korak je priprava lastnih gradiv.',
  ]),
];

const PLACEMENT_QUESTIONS: EvalQuestionDef[] = [
  scale('Uvajanje v delo je bilo dobro pripravljeno.', 'The induction was well prepared.'),
  scale('Mentor_ica mi je bil_a na voljo, ko sem potreboval_a pomoč.', 'My mentor was available when I needed help.'),
  scale(
    'Moje delo je imelo smisel za ljudi, s katerimi sem delal_a.',
    'My work made a difference for the people I worked with.',
  ),
  {
    type: 'SINGLE_CHOICE',
    promptSl: 'Ali bi to prostovoljsko mesto priporočil_a prijateljem?',
    promptEn: 'Would you recommend this placement to friends?',
    required: true,
    options: [
      { value: 'da', labelSl: 'Da', labelEn: 'Yes' },
      { value: 'morda', labelSl: 'Morda', labelEn: 'Maybe' },
      { value: 'ne', labelSl: 'Ne', labelEn: 'No' },
    ],
  },
  {
    type: 'MULTIPLE_CHOICE',
    promptSl: 'Kaj bi organizacija lahko izboljšala?',
    promptEn: 'What could the organisation improve?',
    required: false,
    options: [
      { value: 'obvescanje', labelSl: 'Obveščanje', labelEn: 'Keeping us informed' },
      { value: 'urnik', labelSl: 'Urnik in termine', labelEn: 'Schedule and dates' },
      { value: 'prostori', labelSl: 'Prostore in opremo', labelEn: 'Premises and equipment' },
      { value: 'priznanje', labelSl: 'Priznanje za opravljeno delo', labelEn: 'Recognition of the work done' },
    ],
  },
  text('Še kaj, kar bi nam želel_a sporočiti?', 'Anything else you would like to tell us?', [
    'Hvala za lepo izkušnjo!',
    'Več skupnih srečanj prostovoljcev bi bilo dobrodošlih.',
  ]),
];

const ORGANIZATION_QUESTIONS: EvalQuestionDef[] = [
  scale(
    'Organizacija ima sprejeto interno strategijo prostovoljstva, ki jo uresničuje.',
    'The organisation has an internal volunteering strategy and follows it.',
  ),
  scale(
    'Evidenca prostovoljskih ur je vodena sproti in popolno.',
    'The record of volunteer hours is kept up to date and complete.',
  ),
  scale('Mentorji se redno izobražujejo in udeležujejo intervizij.', 'Mentors train regularly and attend intervision.'),
  scale(
    'Prostovoljci prejmejo povratno informacijo in priznanje za svoje delo.',
    'Volunteers receive feedback and recognition for their work.',
  ),
  {
    type: 'MULTIPLE_CHOICE',
    promptSl: 'Katere oblike priznanja prostovoljcem uporabljate?',
    promptEn: 'Which forms of recognition do you give volunteers?',
    required: true,
    options: [
      { value: 'potrdilo', labelSl: 'Potrdilo o prostovoljskem delu', labelEn: 'Certificate of volunteering' },
      { value: 'kompetence', labelSl: 'Zapis pridobljenih kompetenc', labelEn: 'Record of competences gained' },
      { value: 'srecanje', labelSl: 'Zahvalno srečanje', labelEn: 'Thank-you gathering' },
      {
        value: 'priporocilo',
        labelSl: 'Priporočilo za zaposlitev ali študij',
        labelEn: 'Reference for jobs or studies',
      },
    ],
  },
  text(
    'Naš glavni cilj za naslednje leto',
    'Our main goal for next year',
    [
      'Vključiti več mladoletnih prostovoljcev in okrepiti podporo njihovim mentorjem.',
      'Uvesti redne zaključne pogovore s prostovoljci.',
      'Povezati se s srednjimi šolami v Mariboru.',
    ],
    true,
  ),
];

export const TEMPLATES: TemplateDef[] = [
  {
    key: 'maribor-volunteer-self',
    version: 1,
    kind: 'VOLUNTEER_SELF',
    project: MARIBOR_PROJECT,
    titleSl: 'Samoevalvacija prostovoljca',
    titleEn: 'Volunteer self-evaluation',
    introSl:
      'Enotni model spremljanja in evalviranja prostovoljskega dela partneric projekta Razvoj prostovoljstva v Mariboru.',
    introEn:
      'The unified model for monitoring and evaluating volunteer work of the Developing volunteering in Maribor partners.',
    createdAt: '2020-02-10T10:00',
    publishedAt: '2020-03-02T09:00',
    retiredAt: '2025-01-13T09:00',
    questions: SELF_V1,
  },
  {
    key: 'maribor-volunteer-self',
    version: 2,
    kind: 'VOLUNTEER_SELF',
    project: MARIBOR_PROJECT,
    titleSl: 'Samoevalvacija prostovoljca',
    titleEn: 'Volunteer self-evaluation',
    introSl:
      'Enotni model spremljanja in evalviranja prostovoljskega dela; druga različica z vprašanjem o digitalnih kompetencah.',
    introEn:
      'The unified model for monitoring and evaluating volunteer work; second version, with a question on digital competence.',
    createdAt: '2024-12-16T10:00',
    publishedAt: '2025-01-13T09:00',
    questions: [
      ...SELF_V1.slice(0, 4),
      competence(
        'DIGITAL',
        'Uporaba digitalnih orodij pri prostovoljskem delu',
        'Using digital tools in volunteer work',
      ),
      ...SELF_V1.slice(4),
    ],
  },
  {
    key: 'maribor-mentor-of-volunteer',
    version: 1,
    kind: 'MENTOR_OF_VOLUNTEER',
    project: MARIBOR_PROJECT,
    titleSl: 'Mentorjeva ocena prostovoljca',
    titleEn: 'Mentor’s evaluation of a volunteer',
    introSl: 'Mentor oceni prostovoljca ob koncu obdobja in skupaj z njim pregleda napredek.',
    introEn: 'The mentor evaluates the volunteer at the end of a period and reviews the progress together with them.',
    createdAt: '2020-02-10T10:00',
    publishedAt: '2020-03-02T09:00',
    questions: MENTOR_QUESTIONS,
  },
  {
    key: 'maribor-volunteer-of-placement',
    version: 1,
    kind: 'VOLUNTEER_OF_PLACEMENT',
    project: MARIBOR_PROJECT,
    titleSl: 'Ocena prostovoljskega mesta',
    titleEn: 'Evaluation of the placement',
    introSl: 'Prostovoljec oceni prostovoljsko mesto, uvajanje in podporo mentorja.',
    introEn: 'The volunteer evaluates the placement, the induction and the mentor’s support.',
    createdAt: '2020-02-10T10:00',
    publishedAt: '2020-03-02T09:00',
    questions: PLACEMENT_QUESTIONS,
  },
  {
    key: 'maribor-organization-self',
    version: 1,
    kind: 'ORGANIZATION_SELF',
    project: MARIBOR_PROJECT,
    titleSl: 'Samoocena kakovosti organizacije',
    titleEn: 'Organisation quality self-assessment',
    introSl: 'Letna samoocena kakovosti organiziranega prostovoljstva v organizaciji.',
    introEn: 'The yearly self-assessment of the quality of organised volunteering in the organisation.',
    createdAt: '2020-02-10T10:00',
    publishedAt: '2020-03-02T09:00',
    questions: ORGANIZATION_QUESTIONS,
  },
  {
    key: 'legebitra-learning-path',
    version: 1,
    kind: 'VOLUNTEER_SELF',
    org: 'drustvo-legebitra',
    titleSl: 'Refleksija osebne učne poti',
    titleEn: 'Personal learning path reflection',
    introSl: 'Ob koncu obdobja skupaj z mentorico_jem pregledaš, kaj si se naučil_a in kam greš naprej.',
    introEn: 'At the end of a period you look back with your mentor on what you learned and where you go next.',
    createdAt: '2019-02-25T10:00',
    publishedAt: '2019-03-04T09:00',
    questions: [
      scale('V skupini prostovoljk_cev sem se počutil_a sprejeto.', 'I felt welcome in the volunteer group.'),
      competence('CITIZENSHIP', 'Dejavno sodelovanje v skupnosti', 'Taking an active part in the community'),
      competence(
        'PERSONAL_SOCIAL_LEARNING',
        'Skrb zase in za druge v skupini',
        'Looking after oneself and others in the group',
      ),
      competence('LITERACY', 'Javno nastopanje in pisanje', 'Public speaking and writing'),
      {
        type: 'MULTIPLE_CHOICE',
        promptSl: 'Katere oblike podpore so ti najbolj pomagale?',
        promptEn: 'Which kinds of support helped you most?',
        required: false,
        options: [
          { value: 'mentorica', labelSl: 'Pogovori z mentorico_jem', labelEn: 'Talks with my mentor' },
          { value: 'skupina', labelSl: 'Skupina prostovoljk_cev', labelEn: 'The volunteer group' },
          { value: 'usposabljanje', labelSl: 'Usposabljanja', labelEn: 'Training' },
        ],
      },
      text('Kaj je bil tvoj največji učni trenutek?', 'What was your biggest learning moment?', [
        'Ko sem prvič sam_a vodil_a del srečanja.',
        'Priprava stojnice pred šolo in pogovori z mimoidočimi.',
        'Ko sem pomagal_a novemu prostovoljcu pri uvajanju.',
      ]),
    ],
  },
];
