// Fixed ids, dates and "randomness" for the demo seed, so that every run (and
// every machine) produces exactly the same rows.
import { createHash } from 'node:crypto';

/**
 * A UUID derived from a kind and a natural key: the first 16 bytes of
 * SHA-256("kind:key"), marked as an RFC 9562 version 8 (custom) UUID.
 * `stableId('organization', 'pekarna-magdalenske-mreze')` is the same everywhere.
 */
export function stableId(kind: string, key: string): string {
  const bytes = createHash('sha256').update(`${kind}:${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Ids of the things other modules refer to, by their natural keys.
export const orgId = (slug: string) => stableId('organization', slug);
export const projectId = (slug: string) => stableId('project', slug);
export const userId = (email: string) => stableId('user', email);
export const opportunityId = (orgSlug: string, slug: string) => stableId('opportunity', `${orgSlug}/${slug}`);
export const shiftId = (orgSlug: string, slug: string, key: string) => stableId('shift', `${orgSlug}/${slug}/${key}`);
export const signupQuestionId = (orgSlug: string, slug: string, position: number) =>
  stableId('signupQuestion', `${orgSlug}/${slug}/${position}`);
export const templateId = (key: string, version: number) => stableId('evaluationTemplate', `${key}@${version}`);
export const evaluationQuestionId = (key: string, version: number, position: number) =>
  stableId('evaluationQuestion', `${key}@${version}/${position}`);

/** The demo's "today": the seed describes the world as it was on this day. */
export const DEMO_TODAY = '2026-11-23';
/** Hours are logged up to this day. */
export const LAST_LOG_DAY = '2026-11-20';

/** A calendar date (a `@db.Date` column): midnight UTC of `yyyy-mm-dd`. */
export function day(iso: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not a date: ${iso}`);
  return new Date(`${iso}T00:00:00.000Z`);
}

/** A moment: `yyyy-mm-ddThh:mm` in Slovenian local time (CET/CEST), as an instant. */
export function at(local: string): Date {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(local);
  if (!match) throw new Error(`not a local time: ${local}`);
  const date = match[1]!;
  return new Date(`${date}T${match[2]}:00.000${isSummerTime(date) ? '+02:00' : '+01:00'}`);
}

/** Central European Summer Time: last Sunday of March to last Sunday of October. */
function isSummerTime(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(year, month, 0)); // last day of `month` (1-based)
    return last.getUTCDate() - last.getUTCDay();
  };
  const month = Number(iso.slice(5, 7));
  const dom = Number(iso.slice(8, 10));
  if (month > 3 && month < 10) return true;
  if (month === 3) return dom >= lastSunday(3);
  if (month === 10) return dom < lastSunday(10);
  return false;
}

/** `yyyy-mm-dd` plus `days`. */
export function addDays(iso: string, days: number): string {
  const d = day(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** `yyyy-mm-dd` plus `years` (29 February becomes 28 February). */
export function addYears(iso: string, years: number): string {
  const year = Number(iso.slice(0, 4)) + years;
  const rest = iso.slice(4) === '-02-29' ? '-02-28' : iso.slice(4);
  return `${year}${rest}`;
}

/** Whole years between a birth date and a day. */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** A deterministic pseudo-random generator (mulberry32) seeded from a string. */
export function rng(seedKey: string): () => number {
  let state = createHash('sha256').update(seedKey).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks one element with a generator from `rng`. */
export function pick<T>(random: () => number, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(random() * items.length)]!;
}

/** An integer in [min, max] with a generator from `rng`. */
export function between(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Natural keys (slugs) of the two partnership projects. */
export const MARIBOR_PROJECT = 'razvoj-prostovoljstva-v-mariboru';
export const LGBTIQ_PROJECT = 'lgbtiq-prostovoljstvo';
