// Reference data: the 12 statistical regions, the areas of volunteering and the
// eight EU key competences.
import type { Prisma } from '../../generated/client/client.ts';

export type RegionCode =
  | 'pomurska'
  | 'podravska'
  | 'koroska'
  | 'savinjska'
  | 'zasavska'
  | 'posavska'
  | 'jugovzhodna-slovenija'
  | 'primorsko-notranjska'
  | 'osrednjeslovenska'
  | 'gorenjska'
  | 'goriska'
  | 'obalno-kraska';

/** The 12 Slovenian statistical regions (NUTS 3), in NUTS order. */
const REGIONS: Array<[RegionCode, string, string, string]> = [
  ['pomurska', 'SI031', 'Pomurska', 'Mura'],
  ['podravska', 'SI032', 'Podravska', 'Drava'],
  ['koroska', 'SI033', 'Koroška', 'Carinthia'],
  ['savinjska', 'SI034', 'Savinjska', 'Savinja'],
  ['zasavska', 'SI035', 'Zasavska', 'Central Sava'],
  ['posavska', 'SI036', 'Posavska', 'Lower Sava'],
  ['jugovzhodna-slovenija', 'SI037', 'Jugovzhodna Slovenija', 'Southeast Slovenia'],
  ['primorsko-notranjska', 'SI038', 'Primorsko-notranjska', 'Littoral–Inner Carniola'],
  ['osrednjeslovenska', 'SI041', 'Osrednjeslovenska', 'Central Slovenia'],
  ['gorenjska', 'SI042', 'Gorenjska', 'Upper Carniola'],
  ['goriska', 'SI043', 'Goriška', 'Gorizia'],
  ['obalno-kraska', 'SI044', 'Obalno-kraška', 'Coastal–Karst'],
];

export const regions: Prisma.RegionCreateManyInput[] = REGIONS.map(([code, nutsCode, nameSl, nameEn], index) => ({
  code,
  nutsCode,
  nameSl,
  nameEn,
  sortOrder: index + 1,
}));

export type AreaCode =
  | 'SOCIAL'
  | 'HEALTH'
  | 'EDUCATION'
  | 'CULTURE'
  | 'SPORT'
  | 'ENVIRONMENT'
  | 'HUMAN_RIGHTS'
  | 'YOUTH'
  | 'HUMANITARIAN'
  | 'PROTECTION_RESCUE'
  | 'TOURISM'
  | 'OTHER';

/** Areas of volunteering, as in the yearly report on volunteering. */
const AREAS: Array<[AreaCode, string, string]> = [
  ['SOCIAL', 'socialno varstvo', 'social welfare'],
  ['HEALTH', 'zdravje', 'health'],
  ['EDUCATION', 'vzgoja in izobraževanje', 'education and training'],
  ['CULTURE', 'kultura in umetnost', 'culture and arts'],
  ['SPORT', 'šport in rekreacija', 'sport and recreation'],
  ['ENVIRONMENT', 'varstvo okolja in narave', 'environment and nature'],
  ['HUMAN_RIGHTS', 'človekove pravice in civilne svoboščine', 'human rights and civil liberties'],
  ['YOUTH', 'mladinsko delo', 'youth work'],
  ['HUMANITARIAN', 'razvojno sodelovanje in humanitarna pomoč', 'development cooperation and humanitarian aid'],
  ['PROTECTION_RESCUE', 'zaščita in reševanje', 'protection and rescue'],
  ['TOURISM', 'turizem', 'tourism'],
  ['OTHER', 'drugo', 'other'],
];

export const areas: Prisma.AreaCreateManyInput[] = AREAS.map(([code, nameSl, nameEn], index) => ({
  code,
  nameSl,
  nameEn,
  sortOrder: index + 1,
}));

export const COMPETENCE_FRAMEWORK = 'EU_KEY_COMPETENCES_2018';

export type CompetenceCode =
  | 'LITERACY'
  | 'MULTILINGUAL'
  | 'STEM'
  | 'DIGITAL'
  | 'PERSONAL_SOCIAL_LEARNING'
  | 'CITIZENSHIP'
  | 'ENTREPRENEURSHIP'
  | 'CULTURAL_AWARENESS';

/** The eight key competences for lifelong learning (Council Recommendation of 22 May 2018). */
const COMPETENCES: Array<[CompetenceCode, string, string, string, string]> = [
  [
    'LITERACY',
    'Kompetenca pismenosti',
    'Literacy competence',
    'Razumevanje, izražanje in ustvarjanje besedil v ustni in pisni obliki.',
    'Understanding, expressing and creating texts orally and in writing.',
  ],
  [
    'MULTILINGUAL',
    'Kompetenca večjezičnosti',
    'Multilingual competence',
    'Ustrezna in učinkovita raba različnih jezikov za sporazumevanje.',
    'Using different languages appropriately and effectively to communicate.',
  ],
  [
    'STEM',
    'Matematična kompetenca ter kompetenca v znanosti, tehnologiji in inženirstvu',
    'Mathematical competence and competence in science, technology and engineering',
    'Uporaba matematičnega mišljenja in znanstvenih metod pri reševanju vsakdanjih problemov.',
    'Applying mathematical thinking and scientific methods to everyday problems.',
  ],
  [
    'DIGITAL',
    'Digitalna kompetenca',
    'Digital competence',
    'Varna, kritična in odgovorna raba digitalnih tehnologij za učenje, delo in sodelovanje.',
    'Confident, critical and responsible use of digital technologies for learning, work and participation.',
  ],
  [
    'PERSONAL_SOCIAL_LEARNING',
    'Osebna in socialna kompetenca ter kompetenca učenje učenja',
    'Personal, social and learning to learn competence',
    'Razmislek o sebi, sodelovanje z drugimi, skrb za dobro počutje in vodenje lastnega učenja.',
    'Reflecting on oneself, working with others, looking after well-being and managing one’s own learning.',
  ],
  [
    'CITIZENSHIP',
    'Državljanska kompetenca',
    'Citizenship competence',
    'Odgovorno delovanje in dejavno sodelovanje v družbenem in državljanskem življenju.',
    'Acting as a responsible citizen and participating fully in civic and social life.',
  ],
  [
    'ENTREPRENEURSHIP',
    'Podjetnostna kompetenca',
    'Entrepreneurship competence',
    'Prepoznavanje priložnosti in uresničevanje zamisli v vrednost za druge.',
    'Acting upon opportunities and ideas and turning them into value for others.',
  ],
  [
    'CULTURAL_AWARENESS',
    'Kompetenca kulturne zavesti in izražanja',
    'Cultural awareness and expression competence',
    'Razumevanje in spoštovanje izražanja idej in pomenov v različnih kulturah in umetnostih.',
    'Understanding and respecting how ideas and meaning are expressed across cultures and the arts.',
  ],
];

export const competences: Prisma.CompetenceCreateManyInput[] = COMPETENCES.map(
  ([code, nameSl, nameEn, descriptionSl, descriptionEn], index) => ({
    code,
    framework: COMPETENCE_FRAMEWORK,
    position: index + 1,
    nameSl,
    nameEn,
    descriptionSl,
    descriptionEn,
  }),
);
