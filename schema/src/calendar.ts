/** Whole years between the birth date and `on` (both UTC calendar dates). */
export function ageOn(birthDate: Date, on: Date): number {
  let age = on.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday =
    on.getUTCMonth() < birthDate.getUTCMonth() ||
    (on.getUTCMonth() === birthDate.getUTCMonth() && on.getUTCDate() < birthDate.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

/** The calendar year as a Prisma date filter: from 1 January up to, not including, the next. */
export function yearRange(year: number): { gte: Date; lt: Date } {
  return { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) };
}

// Calendar days are Slovenian days: at 00:30 in Ljubljana it is still yesterday in UTC.
const slovenianDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Ljubljana',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Slovenia at an instant, as `@db.Date` columns hold it (midnight UTC). */
export function slovenianDay(instant: Date = new Date()): Date {
  return new Date(`${slovenianDayFormat.format(instant)}T00:00:00.000Z`);
}
