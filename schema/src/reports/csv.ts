import type { Gender, WorkType } from '@tandem/db';
import type { Locale } from '../context.ts';
import type { AgeGroup, AnnualReport, Bucket } from './annual.ts';

type Pair = Record<Locale, string>;

const WORK_TYPE: Record<WorkType, Pair> = {
  ORGANISATIONAL: { sl: 'Organizacijsko delo', en: 'Organisational work' },
  CONTENT: { sl: 'Vsebinsko delo', en: 'Content work' },
  OTHER: { sl: 'Drugo delo', en: 'Other work' },
};

const AGE_GROUP: Record<AgeGroup, Pair> = {
  UNDER_18: { sl: 'do 18 let', en: 'under 18' },
  FROM_18_TO_29: { sl: '18–29 let', en: '18–29' },
  FROM_30_TO_59: { sl: '30–59 let', en: '30–59' },
  FROM_60: { sl: '60 let in več', en: '60 and over' },
  UNKNOWN: { sl: 'starost ni znana', en: 'age unknown' },
};

const GENDER: Record<Gender | 'NONE', Pair> = {
  FEMALE: { sl: 'ženski', en: 'female' },
  MALE: { sl: 'moški', en: 'male' },
  OTHER: { sl: 'drugo', en: 'other' },
  NONE: { sl: 'ni navedeno', en: 'not given' },
};

const TEXT = {
  section: { sl: 'Razdelek', en: 'Section' },
  item: { sl: 'Postavka', en: 'Item' },
  volunteers: { sl: 'Prostovoljci', en: 'Volunteers' },
  hours: { sl: 'Ure', en: 'Hours' },
  rate: { sl: 'Vrednost ure (EUR)', en: 'Value per hour (EUR)' },
  value: { sl: 'Vrednost (EUR)', en: 'Value (EUR)' },
  organization: { sl: 'Organizacija', en: 'Organisation' },
  registration: { sl: 'Matična številka', en: 'Registration number' },
  year: { sl: 'Leto', en: 'Year' },
  rateYear: { sl: 'Vrednosti ur za leto', en: 'Hour values of the year' },
  agreements: { sl: 'Dogovori o prostovoljskem delu', en: 'Volunteering agreements' },
  agreementsItem: {
    sl: 'prostovoljci z dogovorom, veljavnim v letu',
    en: 'volunteers with an agreement in force in the year',
  },
  total: { sl: 'Skupaj', en: 'Total' },
  totalItem: { sl: 'potrjene ure', en: 'approved hours' },
  workType: { sl: 'Vrsta dela', en: 'Type of work' },
  area: { sl: 'Področje', en: 'Area' },
  ageGroup: { sl: 'Starost', en: 'Age' },
  gender: { sl: 'Spol', en: 'Gender' },
  genderAge: { sl: 'Spol in starost', en: 'Gender and age' },
  place: { sl: 'Kraj', en: 'Place' },
  noPlace: { sl: 'kraj ni naveden', en: 'place not given' },
} satisfies Record<string, Pair>;

/**
 * One field: quoted when it holds the separator, a quote or a line break;
 * text a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
 * apostrophe, since places are typed by volunteers.
 */
function field(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The AJPES figures as a CSV document for a spreadsheet: UTF-8 with a byte
 * order mark and `;` between fields (what Slovenian Excel opens as columns),
 * one table whose columns are section, item, volunteers, hours, value per hour
 * and value. Decimals use a comma in Slovenian and a point in English; hours
 * have two decimals, euros cents.
 */
export function annualReportCsv(
  report: AnnualReport,
  organization: { name: string; registrationNumber: string | null },
  areaNames: Map<string, Pair>,
  locale: Locale,
): string {
  const L = (pair: Pair) => pair[locale];
  const decimal = (n: number) => (locale === 'sl' ? n.toFixed(2).replace('.', ',') : n.toFixed(2));
  const hours = (minutes: number) => decimal(minutes / 60);
  const euros = (cents: number) => decimal(cents / 100);
  const rows: (string | number | null)[][] = [
    [L(TEXT.section), L(TEXT.item), L(TEXT.volunteers), L(TEXT.hours), L(TEXT.rate), L(TEXT.value)],
    [L(TEXT.organization), organization.name, null, null, null, null],
    [L(TEXT.registration), organization.registrationNumber, null, null, null, null],
    [L(TEXT.year), report.year, null, null, null, null],
    [L(TEXT.rateYear), report.rateYear, null, null, null, null],
    [L(TEXT.agreements), L(TEXT.agreementsItem), report.agreements, null, null, null],
    [
      L(TEXT.total),
      L(TEXT.totalItem),
      report.volunteers,
      hours(report.totalMinutes),
      null,
      euros(report.inKindValueCents),
    ],
    ...report.workTypes.map((w) => [
      L(TEXT.workType),
      L(WORK_TYPE[w.key]),
      w.volunteers,
      hours(w.minutes),
      euros(w.centsPerHour),
      euros(w.valueCents),
    ]),
  ];
  const section = <K>(name: Pair, buckets: Bucket<K>[], label: (key: K) => string) => {
    for (const b of buckets) rows.push([L(name), label(b.key), b.volunteers, hours(b.minutes), null, null]);
  };
  section(TEXT.area, report.byArea, (code) => (areaNames.has(code) ? L(areaNames.get(code)!) : code));
  section(TEXT.ageGroup, report.byAgeGroup, (g) => L(AGE_GROUP[g]));
  section(TEXT.gender, report.byGender, (g) => L(GENDER[g ?? 'NONE']));
  for (const b of report.byGenderAndAgeGroup) {
    rows.push([
      L(TEXT.genderAge),
      `${L(GENDER[b.gender ?? 'NONE'])}, ${L(AGE_GROUP[b.ageGroup])}`,
      b.volunteers,
      hours(b.minutes),
      null,
      null,
    ]);
  }
  section(TEXT.place, report.byPlace, (p) => p || L(TEXT.noPlace));
  return `\uFEFF${rows.map((r) => r.map(field).join(';')).join('\r\n')}\r\n`;
}

/** The file name a download gets, e.g. porocilo-prostovoljstvo-drustvo-hisa-2025.csv. */
export function annualReportFileName(slug: string, year: number, locale: Locale): string {
  return `${locale === 'sl' ? 'porocilo-prostovoljstvo' : 'volunteering-report'}-${slug}-${year}.csv`;
}
