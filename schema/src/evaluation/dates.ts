// Rounds open and fall due on calendar days in Slovenia: a reminder run at
// 23:30 UTC in winter already belongs to the next day there.
import { slovenianDay } from '../calendar.ts';

export { slovenianDay };

/** Today's calendar day in Slovenia (midnight UTC). */
export function startOfToday(now: Date = new Date()): Date {
  return slovenianDay(now);
}

/** A calendar day plus (or minus) whole days. */
export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * 86_400_000);
}

/** `yyyy-mm-dd` of a calendar day. */
export function isoDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Ljubljana',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** The instant a calendar day (midnight UTC) begins in Slovenia. */
export function startOfSlovenianDay(day: Date): Date {
  // The offset in force two hours before UTC midnight is the one at local
  // midnight (clocks change at 01:00 UTC).
  const probe = new Date(day.getTime() - 2 * 3_600_000);
  const parts = Object.fromEntries(wallClock.formatToParts(probe).map((p) => [p.type, p.value]));
  const local = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!);
  return new Date(day.getTime() - (local - probe.getTime()));
}
