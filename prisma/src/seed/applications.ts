// Sign-ups: the projects' own (2018–2020) and today's, with their status
// history and consent records. Minors' sign-ups carry their guardian's consent.
import type { Prisma } from '../../generated/client/client.ts';
import type { ApplicationStatus, ConsentKind } from '../../generated/client/enums.ts';
import { ageOn, at, opportunityId, orgId, shiftId, signupQuestionId, stableId } from './ids.ts';
import { NO, opportunity, YES } from './opportunities.ts';
import type { OrgSlug } from './organizations.ts';
import { staffId } from './staff.ts';
import { volunteer, volunteerEmail, volunteerId } from './volunteers.ts';

/** A change after the sign-up itself: [new status, local time, note]. */
type Change = [ApplicationStatus, string, string?];

export interface ApplicationDef {
  volunteer: string;
  org: OrgSlug;
  opportunity: string;
  shift?: string;
  at: string;
  motivation: string;
  /** Answers by question position. */
  answers?: Record<number, string>;
  then?: Change[];
  photos?: boolean;
  newsletter?: boolean;
}

/** Who decides sign-ups at each organisation. */
const DECIDER: Record<OrgSlug, string> = {
  'pekarna-magdalenske-mreze': 'maja.vidmar',
  'drustvo-toti-dca-maribor': 'luka.horvat',
  'ektc-maribor': 'tina.kranjc',
  'drustvo-hisa': 'rok.zupan',
  'zavod-mars-maribor': 'petra.golob',
  'drustvo-parada-ponosa': 'nika.potocnik',
  'drustvo-legebitra': 'ana.kos',
  'slovenska-filantropija': 'urska.kolar',
  'mestna-obcina-maribor': 'maja.vidmar',
  'ministrstvo-za-javno-upravo': 'maja.vidmar',
};

const accepted = (when: string, note?: string): Change[] => [['ACCEPTED', when, note]];

const PARADA = 'drustvo-parada-ponosa';
const LEGEBITRA = 'drustvo-legebitra';

export const APPLICATIONS: ApplicationDef[] = [
  // ── LGBTIQ+ prostovoljstvo, 2018–2019 ──
  { volunteer: 'zala.novak', org: LEGEBITRA, opportunity: 'mladinske-delavnice-ljubljana-2019', at: '2018-10-29T17:30', motivation: 'Rada bi pomagala pri delavnicah za mlade in se naučila, kako jih voditi.', then: accepted('2018-10-31T10:00'), photos: false },
  { volunteer: 'sam.hocevar', org: LEGEBITRA, opportunity: 'mladinske-delavnice-ljubljana-2019', at: '2018-10-30T19:10', motivation: 'Želim prispevati k varnemu prostoru za mlade v Ljubljani.', then: accepted('2018-10-31T10:05') },
  { volunteer: 'nejc.zupancic', org: LEGEBITRA, opportunity: 'terenske-aktivnosti-maribor-2019', at: '2018-11-26T18:00', motivation: 'V Mariboru pogrešam aktivnosti za mlade, zato bi rad pomagal pri njihovem razvoju.', then: accepted('2018-11-28T11:00') },
  { volunteer: 'zan.kralj', org: LEGEBITRA, opportunity: 'mladinski-klub-koper-2019', at: '2019-01-07T20:10', motivation: 'Rad bi pomagal, da klub v Kopru zaživi.', then: accepted('2019-01-09T10:00') },
  { volunteer: 'tilen.kovac', org: LEGEBITRA, opportunity: 'mladinski-klub-koper-2019', at: '2019-01-08T16:30', motivation: 'Prijatelj me je povabil, da skupaj pomagava pri klubu.', then: accepted('2019-01-09T10:10') },
  { volunteer: 'lana.krajnc', org: LEGEBITRA, opportunity: 'terenske-aktivnosti-brezice-2019', at: '2019-01-28T18:45', motivation: 'Želim, da bi bilo tudi v Brežicah več aktivnosti za mlade.', then: accepted('2019-01-30T09:30') },
  { volunteer: 'ema.kavcic', org: LEGEBITRA, opportunity: 'terenske-aktivnosti-jesenice-2019', at: '2019-02-20T17:00', motivation: 'Rada bi pomagala pri promociji na naši šoli.', then: accepted('2019-02-22T12:00') },
  { volunteer: 'masa.lesjak', org: LEGEBITRA, opportunity: 'terenske-aktivnosti-jesenice-2019', at: '2019-02-21T19:20', motivation: 'Zanima me delo z mladimi in organizacija delavnic.', then: accepted('2019-02-22T12:05') },
  { volunteer: 'jure.rozman', org: PARADA, opportunity: 'festival-parada-ponosa-2019', shift: 'povorka', at: '2019-04-20T21:05', motivation: 'Lani sem bil na paradi kot obiskovalec, letos bi rad pomagal kot redar.', then: accepted('2019-04-23T10:00'), photos: true },
  { volunteer: 'kaja.oblak', org: PARADA, opportunity: 'festival-parada-ponosa-2019', shift: 'paradno-mesto', at: '2019-04-29T12:10', motivation: 'Pri društvu že pomagam pri pogovornih večerih, rada bi sodelovala tudi na festivalu.', then: accepted('2019-05-02T10:00'), photos: true },
  { volunteer: 'hana.jerman', org: PARADA, opportunity: 'festival-parada-ponosa-2019', shift: 'info-tocka', at: '2019-05-03T17:40', motivation: 'Rada bi obiskovalcem pomagala z informacijami o festivalu.', then: accepted('2019-05-06T10:00'), photos: false },
  { volunteer: 'alex.petek', org: PARADA, opportunity: 'festival-parada-ponosa-2019', shift: 'info-tocka', at: '2019-05-06T18:20', motivation: 'Pri društvu pomagam na družbenih omrežjih, na festivalu bi rad_a delal_a z ljudmi.', then: accepted('2019-05-08T10:00'), photos: true },
  {
    volunteer: 'sam.hocevar',
    org: PARADA,
    opportunity: 'festival-parada-ponosa-2019',
    shift: 'povorka',
    at: '2019-05-10T19:00',
    motivation: 'Rad_a bi pomagal_a pri povorki.',
    then: [['ACCEPTED', '2019-05-13T10:00'], ['WITHDRAWN', '2019-06-03T20:30', 'Na dan parade imam šolsko tekmovanje.']],
  },

  // ── Razvoj prostovoljstva v Mariboru, 2019–2020 ──
  { volunteer: 'ines.kolaric', org: 'drustvo-toti-dca-maribor', opportunity: 'ucna-pomoc-2019', at: '2019-09-06T16:00', motivation: 'Študiram razredni pouk in bi rada pridobila izkušnje z učno pomočjo.', then: accepted('2019-09-09T09:00') },
  { volunteer: 'david.kramberger', org: 'drustvo-toti-dca-maribor', opportunity: 'ucna-pomoc-2019', at: '2019-09-05T20:00', motivation: 'Matematika mi gre dobro, rad bi pomagal otrokom, ki jim gre težje.', then: accepted('2019-09-09T09:10') },
  { volunteer: 'katja.lah', org: 'zavod-mars-maribor', opportunity: 'medgeneracijske-delavnice-2020', at: '2019-10-20T18:30', motivation: 'Rada imam delo s starejšimi in bi rada povezovala generacije.', then: accepted('2019-10-23T11:00') },
  { volunteer: 'nina.pavlic', org: 'pekarna-magdalenske-mreze', opportunity: 'dan-prostovoljstva-2019', at: '2019-11-06T17:15', motivation: 'Rada bi drugim predstavila, kaj mi je prostovoljstvo dalo.', then: accepted('2019-11-08T10:00'), photos: true },
  { volunteer: 'olga.vaupotic', org: 'pekarna-magdalenske-mreze', opportunity: 'dan-prostovoljstva-2019', at: '2019-11-13T10:20', motivation: 'Želim pokazati, da prostovoljstvo ni samo za mlade.', then: accepted('2019-11-14T09:00'), photos: false },
  { volunteer: 'spela.fras', org: 'ektc-maribor', opportunity: 'skupna-mednarodna-aktivnost-2020', at: '2020-07-08T14:00', motivation: 'Sodelovala sem pri pripravi prijave, zdaj bi rada pomagala pri izvedbi.', then: accepted('2020-07-13T10:00') },
  { volunteer: 'tomaz.fekonja', org: 'ektc-maribor', opportunity: 'skupna-mednarodna-aktivnost-2020', at: '2020-07-10T09:30', motivation: 'Imam izkušnje z mednarodnimi projekti in bi jih rad delil.', then: accepted('2020-07-13T10:10') },
  {
    volunteer: 'katja.lah',
    org: 'ektc-maribor',
    opportunity: 'skupna-mednarodna-aktivnost-2020',
    at: '2020-07-20T21:00',
    motivation: 'Zanima me sodelovanje s partnerji v tujini.',
    then: [['WAITLISTED', '2020-07-22T10:00', 'Trenutno so mesta zasedena; obvestimo te, če se katero sprosti.']],
  },

  // ── Today: Parada ponosa ──
  { volunteer: 'neza.jereb', org: PARADA, opportunity: 'druzbena-omrezja', at: '2026-02-20T18:00', motivation: 'Rada fotografiram in urejam videe, to bi rada uporabila za dobro stvar.', then: accepted('2026-02-24T10:00'), photos: true, newsletter: true },
  { volunteer: 'filip.vogrin', org: PARADA, opportunity: 'druzbena-omrezja', at: '2026-11-12T19:40', motivation: 'Rad pišem in bi rad pomagal pri objavah.', newsletter: false },
  { volunteer: 'gal.sinkovec', org: PARADA, opportunity: 'pogovorni-veceri', at: '2026-11-08T18:00', motivation: 'Rad bi pomagal pri izbiri gostov in vodenju pogovora.', answers: { 1: 'Zdravje mladih in dostop do zanesljivih informacij.' }, then: accepted('2026-11-11T10:00') },
  {
    volunteer: 'zala.novak',
    org: PARADA,
    opportunity: 'pogovorni-veceri',
    at: '2026-11-10T20:15',
    motivation: 'Želim se preizkusiti v organizaciji dogodkov.',
    answers: { 1: 'Prostovoljstvo mladih izven Ljubljane.' },
    then: [['DECLINED', '2026-11-13T11:00', 'Letos iščemo osebe z izkušnjami moderiranja; predlagamo ti pomoč na informacijski točki na paradni dan.']],
  },
  { volunteer: 'kaja.oblak', org: PARADA, opportunity: 'prostovoljec-na-paradi-ponosa', shift: 'povorka', at: '2026-11-14T10:10', motivation: 'Na povorki pomagam že več let in bi rada vodila skupino redarjev.', answers: { 1: 'redarstvo', 2: YES }, then: accepted('2026-11-17T10:00'), photos: true },
  { volunteer: 'manca.strnad', org: PARADA, opportunity: 'prostovoljec-na-paradi-ponosa', shift: 'povorka', at: '2026-11-14T19:30', motivation: 'Lani sem bila redarka in bi to rada ponovila.', answers: { 1: 'redarstvo', 2: YES }, then: accepted('2026-11-17T10:05'), photos: true, newsletter: true },
  { volunteer: 'teja.hren', org: PARADA, opportunity: 'prostovoljec-na-paradi-ponosa', shift: 'paradno-mesto-dopoldne', at: '2026-11-15T11:05', motivation: 'Rada bi obiskovalcem pomagala na informacijski točki.', answers: { 1: 'info', 2: NO, 3: 'angleščina, španščina' }, then: accepted('2026-11-18T09:30') },
  { volunteer: 'neza.jereb', org: PARADA, opportunity: 'prostovoljec-na-paradi-ponosa', shift: 'paradno-mesto-dopoldne', at: '2026-11-16T20:45', motivation: 'Poleg objav bi rada pomagala tudi na paradni dan.', answers: { 1: 'info', 2: NO }, photos: false },
  { volunteer: 'rebeka.vidic', org: PARADA, opportunity: 'prostovoljec-na-paradi-ponosa', shift: 'pospravljanje', at: '2026-11-18T09:00', motivation: 'Rada pomagam tam, kjer je treba prijeti za delo.', answers: { 1: 'logistika', 2: NO }, then: accepted('2026-11-19T10:00'), newsletter: true },
  { volunteer: 'gal.sinkovec', org: PARADA, opportunity: 'prostovoljec-na-paradi-ponosa', shift: 'pospravljanje', at: '2026-11-18T13:20', motivation: 'Po delavnicah pri Legebitri bi rad pomagal še na paradi.', answers: { 1: 'logistika', 2: YES }, then: accepted('2026-11-19T10:05') },
  {
    volunteer: 'oskar.bregar',
    org: PARADA,
    opportunity: 'prostovoljec-na-paradi-ponosa',
    shift: 'pospravljanje',
    at: '2026-11-19T21:00',
    motivation: 'Rad bi pomagal, kjerkoli bo treba.',
    answers: { 1: 'logistika', 2: NO },
    then: [['WAITLISTED', '2026-11-20T09:00', 'Izmena je polna; obvestimo te, če se mesto sprosti.']],
  },

  // ── Today: Legebitra ──
  { volunteer: 'zan.kralj', org: LEGEBITRA, opportunity: 'mladinski-klub-koper', at: '2025-08-25T19:00', motivation: 'Pri klubu sem pomagal že kot srednješolec, zdaj bi rad pomagal novim prostovoljcem.', answers: { 1: YES, 2: 'Izkušnje iz prvih let kluba in pomoč pri promociji.' }, then: accepted('2025-08-28T10:00') },
  { volunteer: 'filip.vogrin', org: LEGEBITRA, opportunity: 'mladinski-klub-koper', at: '2025-09-22T17:30', motivation: 'Želim pomagati, da se v klubu vsi dobro počutijo.', answers: { 1: YES }, then: accepted('2025-09-25T10:00'), photos: false, newsletter: true },
  { volunteer: 'anze.cerar', org: LEGEBITRA, opportunity: 'mladinski-klub-brezice', at: '2025-09-29T18:10', motivation: 'Rad bi pomagal pri organizaciji srečanj v Brežicah.', then: accepted('2025-10-01T10:00') },
  { volunteer: 'ela.zajc', org: LEGEBITRA, opportunity: 'mladinski-klub-jesenice', at: '2026-11-11T17:45', motivation: 'Veselim se, da bo klub tudi na Jesenicah, in bi rada pomagala od začetka.', then: accepted('2026-11-16T10:00') },
  { volunteer: 'tjasa.medved', org: LEGEBITRA, opportunity: 'ulicna-akcija-maribor', shift: 'dopoldne', at: '2026-11-19T16:00', motivation: 'Pri ulični akciji sem pomagala že lani in bi rada spet.', then: accepted('2026-11-20T10:00'), photos: true },
  { volunteer: 'lara.stumberger', org: LEGEBITRA, opportunity: 'ulicna-akcija-maribor', shift: 'popoldne', at: '2026-11-20T18:30', motivation: 'Želim prispevati k bolj strpnemu Mariboru.' },
  { volunteer: 'gal.sinkovec', org: LEGEBITRA, opportunity: 'preventivne-delavnice-zdravje', shift: 'februar', at: '2026-11-05T18:00', motivation: 'Delavnice že izvajam in bi rad nadaljeval.', answers: { 1: YES }, then: accepted('2026-11-06T10:00') },
  {
    volunteer: 'rebeka.vidic',
    org: LEGEBITRA,
    opportunity: 'preventivne-delavnice-zdravje',
    shift: 'februar',
    at: '2026-11-06T21:00',
    motivation: 'Zanima me zdravstvena preventiva.',
    answers: { 1: NO },
    then: [['WITHDRAWN', '2026-11-09T08:15', 'Najprej bi rada opravila usposabljanje.']],
  },

  // ── Today: the Maribor organisations ──
  { volunteer: 'ines.kolaric', org: 'drustvo-toti-dca-maribor', opportunity: 'ucna-pomoc-osnovnosolcem', at: '2025-09-01T12:00', motivation: 'Učno pomoč nadaljujem in bom pomagala uvajati nove prostovoljce.', answers: { 1: 'slovenscina', 2: 'ponedeljek in četrtek', 3: YES }, then: accepted('2025-09-02T09:00') },
  { volunteer: 'lara.stumberger', org: 'drustvo-toti-dca-maribor', opportunity: 'ucna-pomoc-osnovnosolcem', at: '2025-09-03T19:00', motivation: 'Rada bi pomagala mlajšim pri matematiki.', answers: { 1: 'matematika', 2: 'ponedeljek in sreda popoldne', 3: YES }, then: accepted('2025-09-08T09:00'), photos: false },
  { volunteer: 'patrik.luzar', org: 'drustvo-toti-dca-maribor', opportunity: 'ucna-pomoc-osnovnosolcem', at: '2025-09-04T21:10', motivation: 'Študiram matematiko in bi rad znanje delil z osnovnošolci.', answers: { 1: 'matematika', 2: 'torek in četrtek', 3: NO }, then: accepted('2025-09-08T09:10') },
  {
    volunteer: 'oskar.bregar',
    org: 'drustvo-toti-dca-maribor',
    opportunity: 'ucna-pomoc-osnovnosolcem',
    at: '2026-10-05T17:00',
    motivation: 'Angleščina mi gre dobro in bi rad pomagal.',
    answers: { 1: 'anglescina', 2: 'sobota dopoldne', 3: NO },
    then: [['DECLINED', '2026-10-09T10:00', 'Učna pomoč poteka le med tednom popoldne; vabljen na počitniške delavnice.']],
  },
  { volunteer: 'patrik.luzar', org: 'drustvo-toti-dca-maribor', opportunity: 'pocitniske-delavnice', shift: 'ponedeljek-sreda', at: '2026-11-16T20:00', motivation: 'Med počitnicami imam čas in bi rad pomagal pri športnih delavnicah.', then: accepted('2026-11-18T09:00') },
  { volunteer: 'julija.bezjak', org: 'drustvo-toti-dca-maribor', opportunity: 'pocitniske-delavnice', shift: 'ponedeljek-sreda', at: '2026-11-18T17:20', motivation: 'Rada ustvarjam in bi rada pomagala mlajšim otrokom.', photos: true },
  { volunteer: 'kim.vrecko', org: 'ektc-maribor', opportunity: 'digitalne-delavnice-za-starejse', at: '2026-11-10T16:40', motivation: 'Delavnice vodim že od lani in jih želim nadaljevati.', answers: { 1: 'Android in iPhone, Viber, e-pošta, videoklici.' }, then: accepted('2026-11-12T10:00') },
  { volunteer: 'kim.vrecko', org: 'ektc-maribor', opportunity: 'mednarodni-festival', shift: 'cetrtek', at: '2026-11-17T18:00', motivation: 'Rada bi pomagala pri sprejemu tujih gostov.', answers: { 1: 'anglescina', 2: YES }, then: accepted('2026-11-19T10:00'), photos: true },
  { volunteer: 'rebeka.vidic', org: 'ektc-maribor', opportunity: 'mednarodni-festival', shift: 'petek', at: '2026-11-19T12:30', motivation: 'Govorim nemško in bi rada to uporabila.', answers: { 1: 'nemscina', 2: NO, 3: 'Glasbeni program in srečanja s partnerji iz tujine.' } },
  { volunteer: 'olga.vaupotic', org: 'drustvo-hisa', opportunity: 'sosedska-pomoc', at: '2025-04-15T10:00', motivation: 'Sosede obiskujem že od leta 2019 in bi rada nadaljevala.', answers: { 1: 'tedensko' }, then: accepted('2025-04-17T09:00') },
  { volunteer: 'aljaz.petrovic', org: 'drustvo-hisa', opportunity: 'sosedska-pomoc', at: '2025-04-20T20:00', motivation: 'Živim v soseski in bi rad pomagal starejšim sosedom.', answers: { 1: 'tedensko' }, then: accepted('2025-04-24T09:00') },
  {
    volunteer: 'lucia.fernandez',
    org: 'drustvo-hisa',
    opportunity: 'sosedska-pomoc',
    at: '2025-10-06T19:00',
    motivation: 'I am in Maribor on an exchange and would like to help older neighbours.',
    answers: { 1: 'obcasno' },
    then: [['WITHDRAWN', '2025-10-20T18:00', 'My exchange schedule leaves too little time.']],
  },
  { volunteer: 'marjan.lipovsek', org: 'pekarna-magdalenske-mreze', opportunity: 'urejanje-skupnostnega-vrta', shift: 'pomladna-setev', at: '2026-11-03T09:00', motivation: 'Vrt urejam že drugo leto; pomagam tudi pri setvi.', answers: { 1: YES }, then: accepted('2026-11-05T10:00') },
  { volunteer: 'vid.rupnik', org: 'pekarna-magdalenske-mreze', opportunity: 'urejanje-skupnostnega-vrta', shift: 'pomladna-setev', at: '2026-11-04T17:00', motivation: 'Rad delam na vrtu in bi se rad naučil več.', answers: { 1: NO }, then: accepted('2026-11-05T10:05'), photos: true },
  { volunteer: 'julija.bezjak', org: 'pekarna-magdalenske-mreze', opportunity: 'urejanje-skupnostnega-vrta', shift: 'vrtni-dan', at: '2026-11-09T18:00', motivation: 'Na vrtni dan bi prišla s prijateljico iz filmskega krožka.', then: accepted('2026-11-12T10:00') },
  { volunteer: 'nina.pavlic', org: 'pekarna-magdalenske-mreze', opportunity: 'pomoc-pri-koncertih', shift: 'februar', at: '2026-11-10T20:00', motivation: 'Na koncertih pomagam že več let.', answers: { 1: 'info', 2: YES }, then: accepted('2026-11-12T10:00') },
  {
    volunteer: 'teja.hren',
    org: 'pekarna-magdalenske-mreze',
    opportunity: 'pomoc-pri-koncertih',
    shift: 'februar',
    at: '2026-11-14T15:00',
    motivation: 'Rada bi videla, kako poteka koncert v zaodrju.',
    answers: { 1: 'oder', 2: NO },
    then: [['DECLINED', '2026-11-16T10:00', 'Pri odru potrebujemo izkušene prostovoljce; prijavi se raje na informacije ali vhod.']],
  },
  { volunteer: 'julija.bezjak', org: 'zavod-mars-maribor', opportunity: 'filmski-krozek-za-mlade', at: '2026-10-25T16:00', motivation: 'Pri krožku že pomagam in bi rada nadaljevala.', then: accepted('2026-10-28T10:00'), photos: true, newsletter: false },
  {
    volunteer: 'lara.stumberger',
    org: 'zavod-mars-maribor',
    opportunity: 'filmski-krozek-za-mlade',
    at: '2026-10-26T19:30',
    motivation: 'Zanima me montaža filmov.',
    then: [['WITHDRAWN', '2026-11-02T17:00', 'Ob sredah imam učno pomoč, zato ne bom zmogla.']],
  },

  // ── Today: Slovenska filantropija ──
  { volunteer: 'jonas.weber', org: 'slovenska-filantropija', opportunity: 'ucna-pomoc-mladim-migrantom', at: '2025-01-22T18:00', motivation: 'I study in Ljubljana and would like to help young people settle in, as I once did.', then: accepted('2025-01-27T10:00'), newsletter: true },
  { volunteer: 'pia.jug', org: 'slovenska-filantropija', opportunity: 'ucna-pomoc-mladim-migrantom', at: '2026-01-08T17:00', motivation: 'Študiram slovenistiko in bi rada pomagala pri učenju slovenščine.', then: accepted('2026-01-12T10:00') },
];

/** The wording version of each consent, by when it was given. */
function textVersion(kind: ConsentKind, when: string): string {
  const prefix = { DATA_PROCESSING: 'privacy', GUARDIAN: 'guardian', PHOTOS: 'photos', NEWSLETTER: 'newsletter' }[kind];
  const year = Number(when.slice(0, 4));
  return `${prefix}-${year <= 2020 ? '2018-05' : `${year}-01`}`;
}

const applicationId = (d: ApplicationDef) =>
  stableId('application', `${volunteerEmail(volunteer(d.volunteer))}/${d.org}/${d.opportunity}/${d.shift ?? ''}`);

function check(d: ApplicationDef): void {
  const o = opportunity(d.org, d.opportunity);
  const v = volunteer(d.volunteer);
  const where = `${d.volunteer} → ${d.org}/${d.opportunity}`;
  if (o.minAge !== null && ageOn(v.birthDate, o.startsAt.slice(0, 10)) < o.minAge) throw new Error(`${where}: too young`);
  if (Boolean(d.shift) !== Boolean(o.shifts?.length)) throw new Error(`${where}: shift mismatch`);
  if (d.shift && !o.shifts?.some((s) => s.key === d.shift)) throw new Error(`${where}: unknown shift ${d.shift}`);
  const questions = o.questions ?? [];
  questions.forEach((q, index) => {
    const answer = d.answers?.[index + 1];
    if (answer === undefined) {
      if (q.required) throw new Error(`${where}: required question ${index + 1} unanswered`);
      return;
    }
    if (q.type === 'YES_NO' && answer !== YES && answer !== NO) throw new Error(`${where}: yes/no expected`);
    if (q.type === 'SINGLE_CHOICE' && !q.options?.some((opt) => opt.value === answer)) throw new Error(`${where}: bad choice ${answer}`);
  });
  for (const position of Object.keys(d.answers ?? {})) {
    if (Number(position) > questions.length) throw new Error(`${where}: answer to a missing question ${position}`);
  }
}

export const finalStatus = (d: ApplicationDef): ApplicationStatus => d.then?.at(-1)?.[0] ?? 'PENDING';

function rowsFor(d: ApplicationDef) {
  check(d);
  const v = volunteer(d.volunteer);
  const id = applicationId(d);
  const minor = ageOn(v.birthDate, d.at.slice(0, 10)) < 18;
  if (minor && !v.guardian) throw new Error(`${d.volunteer} is a minor and needs a guardian`);
  const guardian = minor ? v.guardian : undefined;
  const changes = d.then ?? [];
  const application: Prisma.ApplicationCreateManyInput = {
    id,
    opportunityId: opportunityId(d.org, d.opportunity),
    shiftId: d.shift ? shiftId(d.org, d.opportunity, d.shift) : null,
    volunteerId: volunteerId(v),
    status: finalStatus(d),
    motivation: d.motivation,
    answers: Object.entries(d.answers ?? {}).map(([position, value]) => ({
      questionId: signupQuestionId(d.org, d.opportunity, Number(position)),
      value,
    })),
    guardianName: guardian?.name ?? null,
    guardianEmail: guardian?.email ?? null,
    createdAt: at(d.at),
    updatedAt: at(changes.at(-1)?.[1] ?? d.at),
  };
  let from: ApplicationStatus = 'PENDING';
  const history: Prisma.ApplicationStatusChangeCreateManyInput[] = [
    { id: stableId('applicationStatusChange', `${id}/0`), applicationId: id, from: null, to: 'PENDING', actorId: null, createdAt: at(d.at) },
    ...changes.map(([to, when, note], index) => {
      const change = {
        id: stableId('applicationStatusChange', `${id}/${index + 1}`),
        applicationId: id,
        from,
        to,
        actorId: to === 'WITHDRAWN' ? volunteerId(v) : staffId(DECIDER[d.org]),
        note: note ?? null,
        createdAt: at(when),
      };
      from = to;
      return change;
    }),
  ];
  const consent = (kind: ConsentKind, granted: boolean, givenBy: string | null = null): Prisma.ConsentRecordCreateManyInput => ({
    id: stableId('consentRecord', `${id}/${kind}`),
    applicationId: id,
    kind,
    granted,
    textVersion: textVersion(kind, d.at),
    givenBy,
    createdAt: at(d.at),
  });
  const consents = [
    consent('DATA_PROCESSING', true),
    ...(guardian ? [consent('GUARDIAN', true, guardian.name)] : []),
    ...(d.photos === undefined ? [] : [consent('PHOTOS', d.photos)]),
    ...(d.newsletter === undefined ? [] : [consent('NEWSLETTER', d.newsletter)]),
  ];
  return { application, history, consents };
}

const built = APPLICATIONS.map(rowsFor);

export const applications = built.map((b) => b.application);
export const applicationStatusChanges = built.flatMap((b) => b.history);
export const consentRecords = built.flatMap((b) => b.consents);

/** Who decided what today: the audit trail of 2025–2026 decisions. */
export const applicationAuditLogs: Prisma.AuditLogCreateManyInput[] = APPLICATIONS.flatMap((d) =>
  (d.then ?? [])
    .filter(([to, when]) => to !== 'WITHDRAWN' && when >= '2025')
    .map(([to, when, note]) => ({
      id: stableId('auditLog', `application.decide/${applicationId(d)}/${to}`),
      actorId: staffId(DECIDER[d.org]),
      organizationId: orgId(d.org),
      action: 'application.decide',
      subjectType: 'Application',
      subjectId: applicationId(d),
      details: { to, ...(note ? { note } : {}) },
      createdAt: at(when),
    })),
);
