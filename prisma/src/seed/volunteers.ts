// Volunteers, with their agreements ("engagements") at the organisations.
// All names are fictional and all addresses are at example.org / example.net.
// Nothing here says anything about anyone's sexual orientation or other
// special-category data: at the LGBTIQ+ organisations, allies and LGBTIQ+
// youth alike are simply volunteers.
import type { Gender, Locale } from '../../generated/client/enums.ts';
import type { ActivityPool } from './activities.ts';
import { userId } from './ids.ts';
import type { OrgSlug } from './organizations.ts';

export interface EngagementDef {
  org: OrgSlug;
  startsOn: string;
  endsOn: string;
  /** What the volunteer will do, as the agreement says. */
  tasks: string;
  place: string;
  /** Staff handle of the mentor, who also reviews the hours. */
  mentor: string;
  pool: ActivityPool;
  /** Slugs of the organisation's opportunities the hours belong to (when dated inside them). */
  opportunities?: string[];
  /** Days between two hour-log entries, shortest and longest. */
  every?: [number, number];
  /** First day hours are logged, when later than the start of the agreement. */
  logFrom?: string;
}

export interface VolunteerDef {
  handle: string;
  name: string;
  domain: 'example.org' | 'example.net';
  birthDate: string;
  gender: Gender | null;
  locale: Locale;
  /** Parent or guardian, for volunteers who were minors when they started. */
  guardian?: { name: string; email: string };
  engagements: EngagementDef[];
}

const LGBTIQ_2019 = { endsOn: '2019-12-31', logFrom: '2019-01-07' } as const;
const SCHOOL_YEAR_END = '2027-06-30';

const legebitraClub = (place: string, mentor: string, opportunity?: string) => ({
  org: 'drustvo-legebitra' as const,
  tasks: `Pomoč pri izvajanju mladinskega kluba in terenskih aktivnosti (${place}).`,
  place,
  mentor,
  pool: 'legebitra-club' as const,
  opportunities: opportunity ? [opportunity] : [],
});

export const VOLUNTEERS: VolunteerDef[] = [
  // ── LGBTIQ+ prostovoljstvo, 2018–2019: mostly high-school volunteers then ──
  {
    handle: 'zala.novak',
    name: 'Zala Novak',
    domain: 'example.net',
    birthDate: '2002-04-12',
    gender: 'FEMALE',
    locale: 'sl',
    guardian: { name: 'Barbara Novak', email: 'barbara.novak@example.net' },
    engagements: [
      {
        org: 'drustvo-legebitra',
        startsOn: '2018-11-05',
        ...LGBTIQ_2019,
        tasks: 'Sodelovanje na mladinskih delavnicah in pri pripravi gradiv v Ljubljani.',
        place: 'Ljubljana',
        mentor: 'ana.kos',
        pool: 'legebitra-ljubljana',
        opportunities: ['mladinske-delavnice-ljubljana-2019'],
      },
      {
        org: 'drustvo-legebitra',
        startsOn: '2025-01-13',
        endsOn: SCHOOL_YEAR_END,
        tasks: 'Priprava preventivnih gradiv in pomoč na dogodkih v Ljubljani.',
        place: 'Ljubljana',
        mentor: 'ana.kos',
        pool: 'legebitra-ljubljana',
      },
    ],
  },
  {
    handle: 'tilen.kovac',
    name: 'Tilen Kovač',
    domain: 'example.org',
    birthDate: '2001-09-03',
    gender: 'MALE',
    locale: 'sl',
    guardian: { name: 'Darja Kovač', email: 'darja.kovac@example.org' },
    engagements: [{ ...legebitraClub('Koper', 'matej.vrhovnik', 'mladinski-klub-koper-2019'), startsOn: '2019-01-10', ...LGBTIQ_2019 }],
  },
  {
    handle: 'lana.krajnc',
    name: 'Lana Krajnc',
    domain: 'example.net',
    birthDate: '2002-02-21',
    gender: 'FEMALE',
    locale: 'sl',
    guardian: { name: 'Irena Krajnc', email: 'irena.krajnc@example.net' },
    engagements: [
      { ...legebitraClub('Brežice', 'matej.vrhovnik', 'terenske-aktivnosti-brezice-2019'), startsOn: '2019-02-01', ...LGBTIQ_2019 },
    ],
  },
  {
    handle: 'nejc.zupancic',
    name: 'Nejc Zupančič',
    domain: 'example.org',
    birthDate: '2000-07-19',
    gender: 'MALE',
    locale: 'sl',
    engagements: [
      { ...legebitraClub('Maribor', 'sara.hribar', 'terenske-aktivnosti-maribor-2019'), startsOn: '2018-12-03', ...LGBTIQ_2019 },
    ],
  },
  {
    handle: 'ema.kavcic',
    name: 'Ema Kavčič',
    domain: 'example.net',
    birthDate: '2001-05-30',
    gender: 'FEMALE',
    locale: 'sl',
    guardian: { name: 'Tomaž Kavčič', email: 'tomaz.kavcic@example.net' },
    engagements: [
      { ...legebitraClub('Jesenice', 'sara.hribar', 'terenske-aktivnosti-jesenice-2019'), startsOn: '2019-03-01', ...LGBTIQ_2019 },
    ],
  },
  {
    handle: 'alex.petek',
    name: 'Alex Petek',
    domain: 'example.org',
    birthDate: '2000-11-11',
    gender: null,
    locale: 'sl',
    guardian: { name: 'Mojca Petek', email: 'mojca.petek@example.org' },
    engagements: [
      {
        org: 'drustvo-parada-ponosa',
        startsOn: '2018-10-15',
        ...LGBTIQ_2019,
        tasks: 'Pomoč pri pripravi in izvedbi Festivala Parada ponosa ter pri komunikaciji na družbenih omrežjih.',
        place: 'Ljubljana',
        mentor: 'jan.mlakar',
        pool: 'parada',
        opportunities: ['festival-parada-ponosa-2019'],
      },
    ],
  },
  {
    handle: 'jure.rozman',
    name: 'Jure Rozman',
    domain: 'example.net',
    birthDate: '1999-03-08',
    gender: 'MALE',
    locale: 'sl',
    engagements: [
      {
        org: 'drustvo-parada-ponosa',
        startsOn: '2019-04-01',
        endsOn: '2019-07-31',
        tasks: 'Redarstvo in logistika na Festivalu Parada ponosa 2019.',
        place: 'Ljubljana',
        mentor: 'jan.mlakar',
        pool: 'parada',
        opportunities: ['festival-parada-ponosa-2019'],
        every: [10, 18],
      },
    ],
  },
  {
    handle: 'hana.jerman',
    name: 'Hana Jerman',
    domain: 'example.org',
    birthDate: '2002-08-27',
    gender: 'FEMALE',
    locale: 'sl',
    guardian: { name: 'Petra Jerman', email: 'petra.jerman@example.org' },
    engagements: [
      {
        org: 'drustvo-parada-ponosa',
        startsOn: '2019-05-02',
        endsOn: '2019-06-30',
        tasks: 'Pomoč na informacijski točki Festivala Parada ponosa 2019.',
        place: 'Ljubljana',
        mentor: 'nika.potocnik',
        pool: 'parada',
        opportunities: ['festival-parada-ponosa-2019'],
        every: [7, 12],
      },
    ],
  },
  {
    handle: 'zan.kralj',
    name: 'Žan Kralj',
    domain: 'example.net',
    birthDate: '2001-01-16',
    gender: 'MALE',
    locale: 'sl',
    guardian: { name: 'Bojan Kralj', email: 'bojan.kralj@example.net' },
    engagements: [
      { ...legebitraClub('Koper', 'matej.vrhovnik', 'mladinski-klub-koper-2019'), startsOn: '2019-01-10', ...LGBTIQ_2019 },
      { ...legebitraClub('Koper', 'matej.vrhovnik', 'mladinski-klub-koper'), startsOn: '2025-09-01', endsOn: SCHOOL_YEAR_END },
    ],
  },
  {
    handle: 'kaja.oblak',
    name: 'Kaja Oblak',
    domain: 'example.org',
    birthDate: '2000-03-04',
    gender: 'FEMALE',
    locale: 'sl',
    engagements: [
      {
        org: 'drustvo-parada-ponosa',
        startsOn: '2018-10-15',
        ...LGBTIQ_2019,
        tasks: 'Soorganizacija pogovornih večerov in pomoč na Festivalu Parada ponosa.',
        place: 'Ljubljana',
        mentor: 'nika.potocnik',
        pool: 'parada',
        opportunities: ['festival-parada-ponosa-2019'],
      },
      {
        org: 'drustvo-parada-ponosa',
        startsOn: '2025-03-03',
        endsOn: SCHOOL_YEAR_END,
        tasks: 'Soorganizacija pogovornih večerov in vodenje skupine prostovoljk_cev na festivalu.',
        place: 'Ljubljana',
        mentor: 'nika.potocnik',
        pool: 'parada',
      },
    ],
  },
  {
    handle: 'sam.hocevar',
    name: 'Sam Hočevar',
    domain: 'example.net',
    birthDate: '2001-12-02',
    gender: null,
    locale: 'sl',
    guardian: { name: 'Nataša Hočevar', email: 'natasa.hocevar@example.net' },
    engagements: [
      {
        org: 'drustvo-legebitra',
        startsOn: '2018-11-05',
        ...LGBTIQ_2019,
        tasks: 'Sodelovanje na mladinskih delavnicah in urejanje evidenc v Ljubljani.',
        place: 'Ljubljana',
        mentor: 'ana.kos',
        pool: 'legebitra-ljubljana',
        opportunities: ['mladinske-delavnice-ljubljana-2019'],
      },
    ],
  },
  {
    handle: 'masa.lesjak',
    name: 'Maša Lesjak',
    domain: 'example.org',
    birthDate: '2002-06-14',
    gender: 'FEMALE',
    locale: 'sl',
    guardian: { name: 'Simona Lesjak', email: 'simona.lesjak@example.org' },
    engagements: [
      { ...legebitraClub('Jesenice', 'sara.hribar', 'terenske-aktivnosti-jesenice-2019'), startsOn: '2019-03-01', ...LGBTIQ_2019 },
    ],
  },

  // ── Razvoj prostovoljstva v Mariboru, 2019–2020 ──
  {
    handle: 'nina.pavlic',
    name: 'Nina Pavlič',
    domain: 'example.org',
    birthDate: '1997-10-09',
    gender: 'FEMALE',
    locale: 'sl',
    engagements: [
      {
        org: 'pekarna-magdalenske-mreze',
        startsOn: '2019-07-01',
        endsOn: '2020-11-30',
        tasks: 'Pomoč pri izvedbi dogodkov in skupni promociji prostovoljstva.',
        place: 'Maribor',
        mentor: 'maja.vidmar',
        pool: 'pekarna-events',
        opportunities: ['dan-prostovoljstva-2019'],
      },
      {
        org: 'pekarna-magdalenske-mreze',
        startsOn: '2025-02-03',
        endsOn: SCHOOL_YEAR_END,
        tasks: 'Pomoč pri izvedbi koncertov in dogodkov.',
        place: 'Maribor',
        mentor: 'maja.vidmar',
        pool: 'pekarna-events',
      },
    ],
  },
  {
    handle: 'david.kramberger',
    name: 'David Kramberger',
    domain: 'example.net',
    birthDate: '1996-05-22',
    gender: 'MALE',
    locale: 'sl',
    engagements: [
      {
        org: 'drustvo-toti-dca-maribor',
        startsOn: '2019-09-16',
        endsOn: '2020-06-30',
        tasks: 'Učna pomoč osnovnošolcem v dnevnem centru.',
        place: 'Maribor',
        mentor: 'luka.horvat',
        pool: 'toti-tutoring',
        opportunities: ['ucna-pomoc-2019'],
        every: [10, 21],
      },
    ],
  },
  {
    handle: 'spela.fras',
    name: 'Špela Fras',
    domain: 'example.org',
    birthDate: '1998-01-30',
    gender: 'FEMALE',
    locale: 'sl',
    engagements: [
      {
        org: 'ektc-maribor',
        startsOn: '2019-10-01',
        endsOn: '2020-11-30',
        tasks: 'Pomoč pri kulturnih dogodkih in pri mednarodnem sodelovanju.',
        place: 'Maribor',
        mentor: 'tina.kranjc',
        pool: 'ektc-culture',
        opportunities: ['skupna-mednarodna-aktivnost-2020'],
      },
    ],
  },
  {
    handle: 'blaz.korosec',
    name: 'Blaž Korošec',
    domain: 'example.net',
    birthDate: '1995-08-08',
    gender: 'MALE',
    locale: 'sl',
    engagements: [
      {
        org: 'drustvo-hisa',
        startsOn: '2019-06-17',
        endsOn: '2020-11-30',
        tasks: 'Sosedska pomoč in sodelovanje pri sosedskih akcijah.',
        place: 'Maribor',
        mentor: 'rok.zupan',
        pool: 'hisa-neighbours',
      },
      {
        org: 'drustvo-hisa',
        startsOn: '2025-04-01',
        endsOn: SCHOOL_YEAR_END,
        tasks: 'Usklajevanje sosedske skupine prostovoljcev.',
        place: 'Maribor',
        mentor: 'rok.zupan',
        pool: 'hisa-neighbours',
        opportunities: ['sosedska-pomoc'],
      },
    ],
  },
  {
    handle: 'katja.lah',
    name: 'Katja Lah',
    domain: 'example.org',
    birthDate: '1999-12-12',
    gender: 'FEMALE',
    locale: 'sl',
    engagements: [
      {
        org: 'zavod-mars-maribor',
        startsOn: '2019-11-04',
        endsOn: '2020-09-30',
        tasks: 'Izvedba medgeneracijskih delavnic.',
        place: 'Maribor',
        mentor: 'petra.golob',
        pool: 'mars-youth',
        opportunities: ['medgeneracijske-delavnice-2020'],
      },
    ],
  },
  {
    handle: 'miha.senekovic',
    name: 'Miha Senekovič',
    domain: 'example.net',
    birthDate: '1994-04-17',
    gender: 'MALE',
    locale: 'sl',
    engagements: [
      {
        org: 'pekarna-magdalenske-mreze',
        startsOn: '2019-06-17',
        endsOn: '2020-10-31',
        tasks: 'Tehnična pomoč pri koncertih in dogodkih.',
        place: 'Maribor',
        mentor: 'maja.vidmar',
        pool: 'pekarna-events',
        opportunities: ['dan-prostovoljstva-2019'],
      },
    ],
  },
  {
    handle: 'ines.kolaric',
    name: 'Ines Kolarič',
    domain: 'example.org',
    birthDate: '1998-06-06',
    gender: 'FEMALE',
    locale: 'sl',
    engagements: [
      {
        org: 'drustvo-toti-dca-maribor',
        startsOn: '2019-09-16',
        endsOn: '2020-11-30',
        tasks: 'Učna pomoč osnovnošolcem v dnevnem centru.',
        place: 'Maribor',
        mentor: 'luka.horvat',
        pool: 'toti-tutoring',
        opportunities: ['ucna-pomoc-2019'],
      },
      {
        org: 'drustvo-toti-dca-maribor',
        startsOn: '2025-01-13',
        endsOn: SCHOOL_YEAR_END,
        tasks: 'Učna pomoč osnovnošolcem in uvajanje novih prostovoljcev.',
        place: 'Maribor',
        mentor: 'luka.horvat',
        pool: 'toti-tutoring',
        opportunities: ['ucna-pomoc-osnovnosolcem'],
      },
    ],
  },
  {
    handle: 'olga.vaupotic',
    name: 'Olga Vaupotič',
    domain: 'example.net',
    birthDate: '1961-02-14',
    gender: 'FEMALE',
    locale: 'sl',
    engagements: [
      {
        org: 'drustvo-hisa',
        startsOn: '2019-09-02',
        endsOn: '2020-11-30',
        tasks: 'Obiski in druženje s starejšimi sosedi.',
        place: 'Maribor',
        mentor: 'rok.zupan',
        pool: 'hisa-neighbours',
      },
      {
        org: 'drustvo-hisa',
        startsOn: '2025-01-08',
        endsOn: SCHOOL_YEAR_END,
        tasks: 'Obiski in druženje s starejšimi sosedi ter spremstvo pri opravkih.',
        place: 'Maribor',
        mentor: 'rok.zupan',
        pool: 'hisa-neighbours',
        opportunities: ['sosedska-pomoc'],
      },
    ],
  },
  {
    handle: 'tomaz.fekonja',
    name: 'Tomaž Fekonja',
    domain: 'example.org',
    birthDate: '1978-09-25',
    gender: 'MALE',
    locale: 'sl',
    engagements: [
      {
        org: 'ektc-maribor',
        startsOn: '2020-02-03',
        endsOn: '2020-11-30',
        tasks: 'Priprava skupne mednarodne aktivnosti partneric.',
        place: 'Maribor',
        mentor: 'tina.kranjc',
        pool: 'ektc-culture',
        opportunities: ['skupna-mednarodna-aktivnost-2020'],
      },
    ],
  },

  // ── Today: minors (15–17 on 2026-11-23) ──
  {
    handle: 'lara.stumberger',
    name: 'Lara Štumberger',
    domain: 'example.net',
    birthDate: '2009-03-14',
    gender: 'FEMALE',
    locale: 'sl',
    guardian: { name: 'Mojca Štumberger', email: 'mojca.stumberger@example.net' },
    engagements: [
      {
        org: 'drustvo-toti-dca-maribor',
        startsOn: '2025-09-15',
        endsOn: SCHOOL_YEAR_END,
        tasks: 'Učna pomoč osnovnošolcem pod vodstvom mentorja.',
        place: 'Maribor',
        mentor: 'luka.horvat',
        pool: 'toti-tutoring',
        opportunities: ['ucna-pomoc-osnovnosolcem'],
      },
    ],
  },
  {
    handle: 'filip.vogrin',
    name: 'Filip Vogrin',
    domain: 'example.org',
    birthDate: '2010-05-02',
    gender: 'MALE',
    locale: 'sl',
    guardian: { name: 'Andreja Vogrin', email: 'andreja.vogrin@example.org' },
    engagements: [
      { ...legebitraClub('Koper', 'matej.vrhovnik', 'mladinski-klub-koper'), startsOn: '2025-10-01', endsOn: SCHOOL_YEAR_END },
    ],
  },
  {
    handle: 'julija.bezjak',
    name: 'Julija Bezjak',
    domain: 'example.net',
    birthDate: '2011-02-20',
    gender: 'FEMALE',
    locale: 'sl',
    guardian: { name: 'Marko Bezjak', email: 'marko.bezjak@example.net' },
    engagements: [
      {
        org: 'zavod-mars-maribor',
        startsOn: '2026-03-02',
        endsOn: SCHOOL_YEAR_END,
        tasks: 'Pomoč pri filmskem krožku za mlade.',
        place: 'Maribor',
        mentor: 'petra.golob',
        pool: 'mars-youth',
        every: [14, 28],
      },
    ],
  },
  {
    handle: 'anze.cerar',
    name: 'Anže Cerar',
    domain: 'example.org',
    birthDate: '2010-09-30',
    gender: 'MALE',
    locale: 'sl',
    guardian: { name: 'Katarina Cerar', email: 'katarina.cerar@example.org' },
    engagements: [
      { ...legebitraClub('Brežice', 'matej.vrhovnik', 'mladinski-klub-brezice'), startsOn: '2025-10-06', endsOn: SCHOOL_YEAR_END },
    ],
  },
  {
    handle: 'neza.jereb',
    name: 'Neža Jereb',
    domain: 'example.net',
    birthDate: '2009-12-05',
    gender: 'FEMALE',
    locale: 'sl',
    guardian: { name: 'Alenka Jereb', email: 'alenka.jereb@example.net' },
    engagements: [
      {
        org: 'drustvo-parada-ponosa',
        startsOn: '2026-04-01',
        endsOn: SCHOOL_YEAR_END,
        tasks: 'Priprava objav za družbena omrežja in pomoč na informacijski točki.',
        place: 'Ljubljana',
        mentor: 'jan.mlakar',
        pool: 'parada',
        opportunities: ['druzbena-omrezja'],
      },
    ],
  },
  {
    handle: 'ela.zajc',
    name: 'Ela Zajc',
    domain: 'example.org',
    birthDate: '2011-06-11',
    gender: null,
    locale: 'sl',
    guardian: { name: 'Robert Zajc', email: 'robert.zajc@example.org' },
    engagements: [{ ...legebitraClub('Jesenice', 'sara.hribar'), startsOn: '2026-06-15', endsOn: SCHOOL_YEAR_END, every: [14, 24] }],
  },
  {
    handle: 'vid.rupnik',
    name: 'Vid Rupnik',
    domain: 'example.net',
    birthDate: '2009-07-21',
    gender: 'MALE',
    locale: 'sl',
    guardian: { name: 'Helena Rupnik', email: 'helena.rupnik@example.net' },
    engagements: [
      {
        org: 'pekarna-magdalenske-mreze',
        startsOn: '2026-04-10',
        endsOn: SCHOOL_YEAR_END,
        tasks: 'Pomoč pri urejanju skupnostnega vrta.',
        place: 'Maribor',
        mentor: 'maja.vidmar',
        pool: 'pekarna-garden',
        every: [10, 21],
      },
    ],
  },

  // ── Today: adults ──
  {
    handle: 'manca.strnad',
    name: 'Manca Strnad',
    domain: 'example.org',
    birthDate: '2004-10-10',
    gender: 'FEMALE',
    locale: 'sl',
    engagements: [
      {
        org: 'drustvo-parada-ponosa',
        startsOn: '2025-02-03',
        endsOn: SCHOOL_YEAR_END,
        tasks: 'Redarstvo in logistika na festivalu ter pomoč pri pogovornih večerih.',
        place: 'Ljubljana',
        mentor: 'jan.mlakar',
        pool: 'parada',
      },
    ],
  },
  {
    handle: 'gal.sinkovec',
    name: 'Gal Šinkovec',
    domain: 'example.net',
    birthDate: '2003-04-25',
    gender: 'MALE',
    locale: 'sl',
    engagements: [
      {
        org: 'drustvo-legebitra',
        startsOn: '2025-01-20',
        endsOn: SCHOOL_YEAR_END,
        tasks: 'Izvajanje preventivnih delavnic o zdravju in deljenje gradiv na dogodkih.',
        place: 'Ljubljana',
        mentor: 'ana.kos',
        pool: 'legebitra-ljubljana',
      },
    ],
  },
  {
    handle: 'kim.vrecko',
    name: 'Kim Vrečko',
    domain: 'example.org',
    birthDate: '2005-08-18',
    gender: 'OTHER',
    locale: 'sl',
    engagements: [
      {
        org: 'ektc-maribor',
        startsOn: '2025-03-03',
        endsOn: SCHOOL_YEAR_END,
        tasks: 'Vodenje digitalnih delavnic za starejše in pomoč na kulturnih dogodkih.',
        place: 'Maribor',
        mentor: 'tina.kranjc',
        pool: 'ektc-culture',
      },
    ],
  },
  {
    handle: 'patrik.luzar',
    name: 'Patrik Lužar',
    domain: 'example.net',
    birthDate: '2006-01-09',
    gender: 'MALE',
    locale: 'sl',
    engagements: [
      {
        org: 'drustvo-toti-dca-maribor',
        startsOn: '2025-09-15',
        endsOn: SCHOOL_YEAR_END,
        tasks: 'Učna pomoč pri matematiki in družabne igre z otroki.',
        place: 'Maribor',
        mentor: 'luka.horvat',
        pool: 'toti-tutoring',
        opportunities: ['ucna-pomoc-osnovnosolcem'],
      },
    ],
  },
  {
    handle: 'tjasa.medved',
    name: 'Tjaša Medved',
    domain: 'example.org',
    birthDate: '2007-03-03',
    gender: 'FEMALE',
    locale: 'sl',
    engagements: [{ ...legebitraClub('Maribor', 'sara.hribar'), startsOn: '2025-09-01', endsOn: SCHOOL_YEAR_END }],
  },
  {
    handle: 'lucia.fernandez',
    name: 'Lucía Fernández',
    domain: 'example.net',
    birthDate: '2002-11-30',
    gender: 'FEMALE',
    locale: 'en',
    engagements: [
      {
        org: 'ektc-maribor',
        startsOn: '2025-10-01',
        endsOn: '2026-06-30',
        tasks: 'Help with international cultural events and correspondence with foreign partners.',
        place: 'Maribor',
        mentor: 'tina.kranjc',
        pool: 'ektc-culture',
      },
    ],
  },
  {
    handle: 'jonas.weber',
    name: 'Jonas Weber',
    domain: 'example.org',
    birthDate: '2001-05-05',
    gender: 'MALE',
    locale: 'en',
    engagements: [
      {
        org: 'slovenska-filantropija',
        startsOn: '2025-02-03',
        endsOn: SCHOOL_YEAR_END,
        tasks: 'Learning support for young migrants.',
        place: 'Ljubljana',
        mentor: 'urska.kolar',
        pool: 'filantropija-learning',
        opportunities: ['ucna-pomoc-mladim-migrantom'],
      },
    ],
  },
  {
    handle: 'teja.hren',
    name: 'Teja Hren',
    domain: 'example.net',
    birthDate: '2008-01-15',
    gender: 'FEMALE',
    locale: 'sl',
    engagements: [
      {
        org: 'drustvo-parada-ponosa',
        startsOn: '2026-02-02',
        endsOn: SCHOOL_YEAR_END,
        tasks: 'Pomoč na informacijski točki in pri postavljanju prizorišča.',
        place: 'Ljubljana',
        mentor: 'nika.potocnik',
        pool: 'parada',
      },
    ],
  },
  {
    handle: 'aljaz.petrovic',
    name: 'Aljaž Petrovič',
    domain: 'example.org',
    birthDate: '1997-02-11',
    gender: 'MALE',
    locale: 'sl',
    engagements: [
      {
        org: 'drustvo-hisa',
        startsOn: '2025-05-05',
        endsOn: SCHOOL_YEAR_END,
        tasks: 'Sosedska pomoč starejšim in pomoč pri uličnih dogodkih.',
        place: 'Maribor',
        mentor: 'rok.zupan',
        pool: 'hisa-neighbours',
        opportunities: ['sosedska-pomoc'],
      },
    ],
  },
  {
    handle: 'pia.jug',
    name: 'Pia Jug',
    domain: 'example.net',
    birthDate: '2004-07-07',
    gender: 'FEMALE',
    locale: 'sl',
    engagements: [
      {
        org: 'slovenska-filantropija',
        startsOn: '2026-01-19',
        endsOn: SCHOOL_YEAR_END,
        tasks: 'Pogovorne ure slovenščine in učna pomoč mladim migrantom.',
        place: 'Ljubljana',
        mentor: 'urska.kolar',
        pool: 'filantropija-learning',
        opportunities: ['ucna-pomoc-mladim-migrantom'],
      },
    ],
  },
  {
    handle: 'marjan.lipovsek',
    name: 'Marjan Lipovšek',
    domain: 'example.org',
    birthDate: '1958-06-01',
    gender: 'MALE',
    locale: 'sl',
    engagements: [
      {
        org: 'pekarna-magdalenske-mreze',
        startsOn: '2025-04-01',
        endsOn: SCHOOL_YEAR_END,
        tasks: 'Urejanje skupnostnega vrta in vodenje vrtnarskih delavnic.',
        place: 'Maribor',
        mentor: 'maja.vidmar',
        pool: 'pekarna-garden',
      },
    ],
  },

  // ── Applicants without an agreement yet ──
  {
    handle: 'rebeka.vidic',
    name: 'Rebeka Vidic',
    domain: 'example.net',
    birthDate: '2005-02-02',
    gender: 'FEMALE',
    locale: 'sl',
    engagements: [],
  },
  {
    handle: 'oskar.bregar',
    name: 'Oskar Bregar',
    domain: 'example.org',
    birthDate: '2008-08-08',
    gender: null,
    locale: 'sl',
    engagements: [],
  },
];

export const volunteerEmail = (v: VolunteerDef) => `${v.handle}@${v.domain}`;

/** The user id of a volunteer. */
export const volunteerId = (v: VolunteerDef) => userId(volunteerEmail(v));

export function volunteer(handle: string): VolunteerDef {
  const found = VOLUNTEERS.find((v) => v.handle === handle);
  if (!found) throw new Error(`unknown volunteer ${handle}`);
  return found;
}
