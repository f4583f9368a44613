// What volunteers write in their hour logs, by kind of placement.
import type { WorkType } from '../../generated/client/enums.ts';
import type { AreaCode } from './reference.ts';

export interface ActivityDef {
  text: string;
  workType: WorkType;
  area: AreaCode;
  /** Shortest and longest entry, in minutes (multiples of 15). */
  minutes: [number, number];
  /** Months (1–12) the activity happens in; all year when absent. */
  months?: number[];
}

const a = (
  text: string,
  workType: WorkType,
  area: AreaCode,
  minutes: [number, number],
  months?: number[],
): ActivityDef => ({
  text,
  workType,
  area,
  minutes,
  ...(months ? { months } : {}),
});

const FESTIVAL = [5, 6];
const GROWING_SEASON = [3, 4, 5, 6, 7, 8, 9, 10];
const OUTDOOR = [4, 5, 6, 9, 10];

export const ACTIVITIES = {
  'legebitra-club': [
    a('Pomoč pri izvedbi srečanja mladinskega kluba', 'CONTENT', 'YOUTH', [90, 180]),
    a('Priprava delavnice o sprejemanju drugačnosti', 'CONTENT', 'YOUTH', [60, 150]),
    a(
      'Promocija mladinskega kluba na stojnici pred srednjo šolo',
      'CONTENT',
      'HUMAN_RIGHTS',
      [60, 120],
      [3, 4, 5, 9, 10, 11],
    ),
    a('Načrtovanje programa srečanj z mentorjem', 'ORGANISATIONAL', 'YOUTH', [45, 90]),
    a('Priprava prostora in pospravljanje po srečanju', 'OTHER', 'YOUTH', [30, 60]),
  ],
  'legebitra-ljubljana': [
    a('Sodelovanje na mladinski delavnici v Ljubljani', 'CONTENT', 'YOUTH', [90, 180]),
    a('Priprava gradiv o spolnem zdravju', 'CONTENT', 'HEALTH', [60, 180]),
    a('Deljenje preventivnega gradiva na dogodku', 'CONTENT', 'HEALTH', [120, 240]),
    a('Urejanje evidenc in vnos podatkov', 'OTHER', 'SOCIAL', [30, 90]),
    a('Usklajevanje skupine prostovoljk_cev za dogodek', 'ORGANISATIONAL', 'YOUTH', [60, 120]),
  ],
  parada: [
    a('Pomoč na informacijski točki festivala', 'CONTENT', 'HUMAN_RIGHTS', [120, 240], FESTIVAL),
    a('Redarstvo na paradni povorki', 'CONTENT', 'HUMAN_RIGHTS', [240, 420], [6]),
    a('Priprava objav za družbena omrežja', 'CONTENT', 'CULTURE', [60, 150]),
    a('Pomoč pri organizaciji pogovornega večera', 'ORGANISATIONAL', 'CULTURE', [90, 180]),
    a('Postavljanje in pospravljanje prizorišča', 'OTHER', 'CULTURE', [120, 300], FESTIVAL),
    a('Prevajanje besedil za spletno stran', 'CONTENT', 'HUMAN_RIGHTS', [60, 120]),
  ],
  'pekarna-events': [
    a('Pomoč pri izvedbi koncerta (vhod in informacije)', 'CONTENT', 'CULTURE', [180, 360]),
    a('Promocija prostovoljstva na stojnici', 'CONTENT', 'SOCIAL', [90, 180]),
    a('Postavljanje odra in pospravljanje po dogodku', 'OTHER', 'CULTURE', [120, 240]),
    a('Soorganizacija dogodka s koordinatorko', 'ORGANISATIONAL', 'CULTURE', [60, 150]),
  ],
  'pekarna-garden': [
    a('Urejanje gredic v skupnostnem vrtu', 'CONTENT', 'ENVIRONMENT', [90, 240], GROWING_SEASON),
    a('Zalivanje in skrb za sadike', 'OTHER', 'ENVIRONMENT', [30, 90], GROWING_SEASON),
    a('Vodenje vrtnarske delavnice za sosede', 'CONTENT', 'ENVIRONMENT', [90, 180], GROWING_SEASON),
    a('Kompostiranje in popravilo vrtnega orodja', 'OTHER', 'ENVIRONMENT', [60, 150]),
  ],
  'toti-tutoring': [
    a('Učna pomoč pri matematiki', 'CONTENT', 'EDUCATION', [60, 120]),
    a('Učna pomoč pri slovenščini in branju', 'CONTENT', 'EDUCATION', [60, 120]),
    a('Pomoč pri domačih nalogah v dnevnem centru', 'CONTENT', 'EDUCATION', [90, 150]),
    a('Priprava učnih listov', 'CONTENT', 'EDUCATION', [30, 90]),
    a('Družabne igre in prosti čas z otroki', 'CONTENT', 'SOCIAL', [60, 120]),
  ],
  'ektc-culture': [
    a('Pomoč pri izvedbi kulturnega dogodka', 'CONTENT', 'CULTURE', [150, 300]),
    a('Vodenje digitalne delavnice za starejše', 'CONTENT', 'EDUCATION', [90, 150]),
    a('Priprava srečanja z mednarodnimi partnerji', 'ORGANISATIONAL', 'CULTURE', [60, 180]),
    a('Prevajanje in dopisovanje s tujimi partnerji', 'CONTENT', 'CULTURE', [60, 120]),
    a('Fotografiranje in arhiviranje dogodka', 'OTHER', 'CULTURE', [60, 150]),
  ],
  'hisa-neighbours': [
    a('Obisk in druženje s starejšo sosedo', 'CONTENT', 'SOCIAL', [60, 120]),
    a('Spremstvo pri nakupih in opravkih', 'OTHER', 'SOCIAL', [60, 120]),
    a('Sosedska akcija urejanja dvorišča', 'CONTENT', 'SOCIAL', [120, 240], OUTDOOR),
    a('Pomoč pri uličnem dogodku v soseski', 'CONTENT', 'CULTURE', [150, 300], OUTDOOR),
    a('Usklajevanje sosedske skupine prostovoljcev', 'ORGANISATIONAL', 'SOCIAL', [45, 90]),
  ],
  'mars-youth': [
    a('Pomoč pri filmskem krožku za mlade', 'CONTENT', 'CULTURE', [90, 150]),
    a('Izvedba medgeneracijske delavnice', 'CONTENT', 'EDUCATION', [90, 180]),
    a('Priprava projekcije in tehnike', 'OTHER', 'CULTURE', [45, 90]),
    a('Načrtovanje programa krožka z mentorico', 'ORGANISATIONAL', 'CULTURE', [45, 90]),
  ],
  'filantropija-learning': [
    a('Učna pomoč mladim migrantom', 'CONTENT', 'HUMANITARIAN', [60, 120]),
    a('Pogovorne ure slovenščine', 'CONTENT', 'EDUCATION', [60, 120]),
    a('Spremstvo na upravni enoti', 'OTHER', 'HUMANITARIAN', [60, 180]),
    a('Priprava učnega gradiva', 'CONTENT', 'EDUCATION', [45, 90]),
  ],
} satisfies Record<string, ActivityDef[]>;

export type ActivityPool = keyof typeof ACTIVITIES;
