import type { Prisma } from '@tandem/db';
import { slovenianDay } from '../calendar.ts';

/** Today in Slovenia as a calendar date (midnight UTC), the way `@db.Date` columns are compared. */
export function today(): Date {
  return slovenianDay();
}

/** Assignments whose period covers `day`: begun on or before it and not ended before it (endsOn is the last day). */
export function coveringDay(day: Date): Prisma.MentorAssignmentWhereInput {
  return { startsOn: { lte: day }, OR: [{ endsOn: null }, { endsOn: { gte: day } }] };
}

/** Assignments whose period does not cover `day`: not begun yet, or already ended. */
export function notCoveringDay(day: Date): Prisma.MentorAssignmentWhereInput {
  return { OR: [{ startsOn: { gt: day } }, { endsOn: { lt: day } }] };
}

/** Whether two periods share at least one day; a missing end means open-ended. */
export function periodsOverlap(
  a: { startsOn: Date; endsOn: Date | null },
  b: { startsOn: Date; endsOn: Date | null },
): boolean {
  const aEnd = a.endsOn?.getTime() ?? Infinity;
  const bEnd = b.endsOn?.getTime() ?? Infinity;
  return a.startsOn.getTime() <= bEnd && b.startsOn.getTime() <= aEnd;
}

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Ljubljana', timeZoneName: 'shortOffset' });

/** Minutes Slovenian time is ahead of UTC at an instant (60 in winter, 120 in summer). */
function ljubljanaOffsetMinutes(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+1';
  const match = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * The instant a calendar day begins in Slovenia. Project periods are calendar
 * days; responses are instants, so a response at 00:30 on 1 December (CET) is
 * in December even though it is still 30 November in UTC.
 */
export function startOfSlovenianDay(day: Date): Date {
  // Clocks change at 01:00 UTC, so the offset at 22:00 UTC the evening before
  // is the one in force at local midnight.
  const midnightUtc = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  const offset = ljubljanaOffsetMinutes(new Date(midnightUtc - 2 * 3_600_000));
  return new Date(midnightUtc - offset * 60_000);
}

/** The calendar day after `day`. */
export function nextDay(day: Date): Date {
  return new Date(day.getTime() + 86_400_000);
}
