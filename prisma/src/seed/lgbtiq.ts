// Seed 004: LGBTIQ+ prostovoljstvo (1 October 2018 – 31 December 2019).
// Lead Društvo Parada ponosa, partner Društvo Legebitra, associate Slovenska
// filantropija (expert support); five regions; indicators from the three general goals,
// two of them computed from the data (mentored volunteers, approved hours).
import { LGBTIQ_PROJECT } from './ids.ts';
import { projectRows, type IntervisionDef, type ProjectDef } from './projects.ts';

const PROJECT_MENTORS = ['ana.kos', 'matej.vrhovnik', 'sara.hribar', 'nika.potocnik', 'jan.mlakar'];

/** Mentor training and intervision with the associate partner's expert support. */
const INTERVISIONS: IntervisionDef[] = [
  {
    heldOn: '2019-04-16',
    org: 'drustvo-legebitra',
    inProject: true,
    facilitator: 'urska.kolar',
    participants: PROJECT_MENTORS,
    topics: ['mentorska podpora mladoletnim prostovoljkam_cem', 'varstvo osebnih podatkov prostovoljk_cev'],
    outcomes: 'Partnerici sta poenotili postopek pridobivanja soglasij staršev in hrambe podatkov o prostovoljkah_cih.',
  },
  {
    heldOn: '2019-10-15',
    org: 'drustvo-legebitra',
    inProject: true,
    facilitator: 'urska.kolar',
    participants: PROJECT_MENTORS,
    topics: ['osebna učna pot prostovoljke_ca', 'priznavanje kompetenc (Youthpass)'],
    outcomes: 'Pripravljena je skupna predloga za načrt osebne učne poti in zaključni pogovor s prostovoljko_cem.',
  },
];

export const LGBTIQ: ProjectDef = {
  slug: LGBTIQ_PROJECT,
  nameSl: 'LGBTIQ+ prostovoljstvo',
  nameEn: 'LGBTIQ+ volunteering',
  summarySl:
    'Namen projekta je razvoj prostovoljstva med LGBTIQ+ mladimi ter mladimi zaveznicami_ki LGBTIQ+ mladih po Sloveniji z namenom opolnomočenja, aktivne participacije v družbi in socialnega vključevanja. Projekt se je izvajal v petih regijah – v Ljubljani, Kopru, Brežicah, Mariboru in na Jesenicah – s poudarkom na mlajši (srednješolski) populaciji; pridružena partnerica Slovenska filantropija je nudila strokovno podporo.',
  summaryEn:
    'The project develops volunteering among LGBTIQ+ young people and young allies of LGBTIQ+ youth across Slovenia, for empowerment, active participation in society and social inclusion. It ran in five regions – Ljubljana, Koper, Brežice, Maribor and Jesenice – with a focus on younger (secondary-school) people; the associate partner Slovenska filantropija gave expert support.',
  funder: 'ministrstvo-za-javno-upravo',
  funderName: 'Ministrstvo za javno upravo',
  startsOn: '2018-10-01',
  endsOn: '2019-12-31',
  createdAt: '2018-09-17',
  partners: [
    ['drustvo-parada-ponosa', 'LEAD'],
    ['drustvo-legebitra', 'PARTNER'],
    ['slovenska-filantropija', 'ASSOCIATE'],
  ],
  regions: ['osrednjeslovenska', 'obalno-kraska', 'posavska', 'podravska', 'gorenjska'],
  indicators: [
    {
      titleSl: 'Prostovoljsko delovanje za (mlade) LGBTIQ+ osebe in mlade zaveznice_ke LGBTIQ+ mladih iz vsaj 5 regij.',
      titleEn:
        'Volunteering made possible for (young) LGBTIQ+ people and young allies of LGBTIQ+ youth from at least 5 regions.',
      kind: 'COUNT',
      target: 5,
      unitSl: 'regij',
      unitEn: 'regions',
      progress: [
        ['2018-11-30', 1, 'Osrednjeslovenska regija (Ljubljana).'],
        ['2018-12-14', 1, 'Podravska regija (Maribor).'],
        ['2019-01-31', 1, 'Obalno-kraška regija (Koper).'],
        ['2019-02-28', 1, 'Posavska regija (Brežice).'],
        ['2019-03-29', 1, 'Gorenjska regija (Jesenice).'],
      ],
    },
    {
      titleSl:
        'Razviti notranji mehanizmi za promocijo, beleženje in standardizacijo prostovoljske izkušnje za posamezno_ega prostovoljko_ca v organizacijah partnericah.',
      titleEn:
        'Internal mechanisms for promoting, recording and standardising each volunteer’s experience developed in the partner organisations.',
      kind: 'MILESTONE',
      target: 1,
      unitSl: 'sistem notranjih mehanizmov',
      unitEn: 'set of internal mechanisms',
      progress: [
        [
          '2019-12-16',
          1,
          'Skupni postopki za promocijo, evidenco ur in potrdilo o prostovoljski izkušnji sprejeti v obeh organizacijah.',
        ],
      ],
    },
    {
      titleSl:
        'Profesionalizacija mentorstva: mentorice_ji, usposobljeni za podporo poglobljeni in posameznici_ku prilagojeni učni izkušnji prostovoljk_cev.',
      titleEn:
        'Professionalised mentoring: mentors trained to support an in-depth learning experience tailored to each volunteer.',
      kind: 'COUNT',
      target: 5,
      unitSl: 'usposobljenih mentoric_jev',
      unitEn: 'trained mentors',
      progress: [
        ['2019-04-16', 3, 'Prvi del usposabljanja za mentorje s strokovno podporo Slovenske filantropije.'],
        ['2019-10-15', 2, 'Drugi del usposabljanja: osebna učna pot in priznavanje kompetenc.'],
      ],
    },
    {
      titleSl: 'Prostovoljke_ci z mentorsko podporo in osebno učno potjo v organizacijah partnericah.',
      titleEn: 'Volunteers with mentoring support and a personal learning path in the partner organisations.',
      kind: 'COUNT',
      target: 12,
      unitSl: 'prostovoljk_cev z mentorico_jem',
      unitEn: 'volunteers with a mentor',
      metric: 'MENTORED_VOLUNTEERS',
      progress: [],
    },
    {
      titleSl: 'Opravljene prostovoljske ure v aktivnostih projekta.',
      titleEn: 'Volunteer hours done in the project’s activities.',
      kind: 'COUNT',
      target: 150,
      unitSl: 'potrjenih ur',
      unitEn: 'approved hours',
      metric: 'APPROVED_HOURS',
      progress: [],
    },
  ],
  progressRecorder: 'nika.potocnik',
  intervisions: INTERVISIONS,
};

export const lgbtiq = projectRows(LGBTIQ);
