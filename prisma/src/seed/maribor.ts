// Seed 000: Razvoj prostovoljstva v Mariboru (June 2019 – November 2020).
// A lead NGO, four partners, four employed mentors and one coordinator; five
// indicators as the project set them; regular intervision for the new mentors.
import { MARIBOR_PROJECT } from './ids.ts';
import { projectRows, type IntervisionDef, type ProjectDef } from './projects.ts';

const MENTORS = ['luka.horvat', 'tina.kranjc', 'rok.zupan', 'petra.golob'];

/** Intervision for the newly employed mentors, facilitated by the coordinator at the lead. */
const session = (heldOn: string, topics: string[], outcomes: string, absent?: string): IntervisionDef => ({
  heldOn,
  org: 'pekarna-magdalenske-mreze',
  inProject: heldOn <= '2020-11-30',
  facilitator: 'maja.vidmar',
  participants: MENTORS.filter((m) => m !== absent),
  topics,
  outcomes,
});

const INTERVISIONS: IntervisionDef[] = [
  session(
    '2019-09-24',
    ['uvajanje novih prostovoljcev', 'dogovor o prostovoljskem delu'],
    'Pripravili smo skupni seznam korakov za uvajanje in vzorec dogovora o prostovoljskem delu.',
  ),
  session(
    '2019-11-19',
    ['motivacija prostovoljcev', 'priprava na dan prostovoljstva'],
    'Dogovorili smo se o skupni stojnici ob mednarodnem dnevu prostovoljstva.',
  ),
  session(
    '2020-01-21',
    ['evidenca prostovoljskih ur', 'enotni model spremljanja in evalvacije'],
    'Preizkusili smo osnutke vprašalnikov enotnega modela in poenotili vodenje evidence ur.',
  ),
  session(
    '2020-03-10',
    ['mladoletni prostovoljci in soglasje staršev', 'meje odgovornosti mentorja'],
    'Pripravili smo kontrolni seznam za vključevanje mladoletnih prostovoljcev.',
    'petra.golob',
  ),
  session(
    '2020-05-19',
    ['prostovoljstvo na daljavo med epidemijo', 'skrb za dobro počutje mentorjev'],
    'Srečanje je potekalo na spletu; zbrali smo primere dejavnosti, ki jih prostovoljci lahko opravljajo od doma.',
  ),
  session(
    '2020-07-07',
    ['zaključevanje sodelovanja s prostovoljci', 'priznavanje pridobljenih kompetenc'],
    'Dogovorili smo se za skupno obliko potrdila o prostovoljskem delu s seznamom kompetenc.',
    'rok.zupan',
  ),
  session(
    '2020-09-22',
    ['interne strategije prostovoljstva', 'mednarodno sodelovanje'],
    'Pregledali smo osnutke internih strategij; partnerice so si izmenjale povratne informacije.',
  ),
  session(
    '2020-11-17',
    ['evalvacija projekta', 'trajnost po koncu projekta'],
    'Intervizije bodo partnerice nadaljevale tudi po koncu projekta, dvakrat letno.',
  ),
  // After the project: the practice continues, twice a year.
  session(
    '2026-03-17',
    ['uvajanje mladoletnih prostovoljcev', 'nova različica samoevalvacije'],
    'Dopolnili smo navodila za mentorje mladoletnih prostovoljcev.',
  ),
  session(
    '2026-10-13',
    ['spremljanje učnih ciljev prostovoljcev', 'izgorelost mentorjev'],
    'Vsak mentor si je zastavil en cilj za lastno razbremenitev.',
  ),
];

export const MARIBOR: ProjectDef = {
  slug: MARIBOR_PROJECT,
  nameSl: 'Razvoj prostovoljstva v Mariboru',
  nameEn: 'Developing volunteering in Maribor',
  summarySl:
    'Projekt nagovarja potrebo po bolj kakovostno organiziranih procesih prostovoljskega dela v lokalnih prostovoljskih organizacijah, zlasti na področjih vzgoje in izobraževanja, socialne dejavnosti ter kulture in umetnosti, in po večji strukturni podpori prostovoljskemu delu v lokalnem okolju. To dosega z dvigom strokovnosti mentorjev, s trajnostnim sodelovanjem prostovoljskih organizacij doma in v tujini ter z Mestno občino Maribor in javnimi zavodi. V projektu so zaposleni štirje mentorji prostovoljstva in en koordinator prostovoljstva.',
  summaryEn:
    'The project addresses the need for better-organised volunteering processes in local volunteer organisations, especially in education and training, social welfare, and culture and the arts, and for more structural support for volunteering locally. It does so by raising the professional standard of mentors, through lasting cooperation between volunteer organisations at home and abroad, and with the City Municipality of Maribor and public institutions. The project employs four volunteer mentors and one volunteer coordinator.',
  funder: 'ministrstvo-za-javno-upravo',
  funderName: 'Ministrstvo za javno upravo',
  startsOn: '2019-06-01',
  endsOn: '2020-11-30',
  createdAt: '2019-05-20',
  partners: [
    ['pekarna-magdalenske-mreze', 'LEAD'],
    ['drustvo-toti-dca-maribor', 'PARTNER'],
    ['ektc-maribor', 'PARTNER'],
    ['drustvo-hisa', 'PARTNER'],
    ['zavod-mars-maribor', 'PARTNER'],
  ],
  regions: ['podravska'],
  indicators: [
    {
      titleSl: 'Priprava strategije razvoja prostovoljstva v Mestni občini Maribor.',
      titleEn: 'Preparation of a strategy for the development of volunteering in the City Municipality of Maribor.',
      kind: 'MILESTONE',
      target: 1,
      unitSl: 'strategija',
      unitEn: 'strategy',
      progress: [['2020-11-20', 1, 'Strategija razvoja prostovoljstva predana Mestni občini Maribor.']],
    },
    {
      titleSl:
        'Razvoj socialne inovacije v obliki uvedbe enotnega modela spremljanja/evalviranja prostovoljskega dela v prostovoljskih organizacijah v lokalnem okolju.',
      titleEn:
        'Development of a social innovation in the form of introducing a unified model for monitoring/evaluating volunteer work in volunteer organisations in the local community.',
      // Introduced means used: every organisation of the partnership answers the shared questionnaires.
      kind: 'COUNT',
      target: 5,
      unitSl: 'organizacij, ki uporabljajo enotni model (vse partnerice)',
      unitEn: 'organisations using the unified model (all partners)',
      metric: 'ORGANIZATIONS_USING_SHARED_MODEL',
      progress: [],
    },
    {
      titleSl:
        'Izdelane interne strategije prostovoljstva v prostovoljskih organizacijah partnericah v projektu z namenom kakovostnih procesov organiziranega prostovoljstva.',
      titleEn:
        'Internal volunteering strategies drawn up in the partner volunteer organisations in the project, with the aim of quality processes of organised volunteering.',
      kind: 'COUNT',
      target: 5,
      unitSl: 'internih strategij (ena na partnerico)',
      unitEn: 'internal strategies (one per partner)',
      progress: [
        ['2020-01-31', 2, 'Sprejeti interni strategiji Pekarne Magdalenske mreže in Društva Hiša!.'],
        ['2020-06-30', 2, 'Sprejeti interni strategiji Društva TOTI DCA Maribor in Zavoda MARS Maribor.'],
        ['2020-10-15', 1, 'Sprejeta interna strategija Evropskega kulturnega in tehnološkega centra Maribor.'],
      ],
    },
    {
      titleSl:
        'Izvedba rednih intervizij za novo zaposlene mentorje prostovoljcev v organizacijah projektnih partnericah.',
      titleEn:
        'Carrying out regular intervision sessions for newly employed mentors of volunteers in the project partner organisations.',
      kind: 'COUNT',
      target: 8,
      unitSl: 'intervizijskih srečanj (cilj: 8 v obdobju projekta)',
      unitEn: 'intervision sessions (target: 8 over the project)',
      // Counted from the sessions recorded for the project.
      metric: 'INTERVISION_SESSIONS',
      progress: [],
    },
    {
      titleSl:
        'Vzpostavitev skupne aktivnosti prostovoljskih organizacij partneric v projektu kot rezultat prijave na mednarodni razpis.',
      titleEn:
        'Establishing a joint activity of the partner volunteer organisations in the project as a result of an application to an international call.',
      kind: 'MILESTONE',
      target: 1,
      unitSl: 'skupna aktivnost',
      unitEn: 'joint activity',
      progress: [
        [
          '2020-09-01',
          1,
          'Skupna mednarodna aktivnost partneric se je začela po odobritvi prijave na mednarodni razpis.',
        ],
      ],
    },
  ],
  progressRecorder: 'maja.vidmar',
  intervisions: INTERVISIONS,
};

export const maribor = projectRows(MARIBOR);
