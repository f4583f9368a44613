// The legal record of hours: entries generated (deterministically) for every
// agreement, only inside the agreement's period and only at its organisation.
// LGBTIQ+ project hours fall in 2019, the Maribor project's in 2019–2020, and
// today's volunteers log through 2025 and 2026 up to 20 November 2026.
import type { Prisma } from '../../generated/client/client.ts';
import type { HourLogStatus } from '../../generated/client/enums.ts';
import { ACTIVITIES, type ActivityDef } from './activities.ts';
import { addDays, at, between, day, LAST_LOG_DAY, opportunityId, orgId, pick, rng, stableId } from './ids.ts';
import { opportunity } from './opportunities.ts';
import { agreementList, type Agreement } from './people.ts';
import { staffId } from './staff.ts';
import { volunteerEmail, volunteerId } from './volunteers.ts';

/** Entries from this day on are still waiting for review. */
const REVIEW_BACKLOG_FROM = '2026-11-02';

const REJECTION_NOTES = [
  'Vnos podvaja že potrjene ure za isti dan; prosim, preveri svojo evidenco.',
  'Udeležba na izobraževanju za lastne potrebe se ne šteje kot prostovoljsko delo po dogovoru.',
  'Število ur ni skladno z evidenco dogodka; prosim, popravi vnos in ga oddaj znova.',
];

/** No volunteering in the spring 2020 lockdown, in the summer break or over the holidays. */
function paused(iso: string): boolean {
  const md = iso.slice(5);
  if (iso >= '2020-03-16' && iso <= '2020-05-17') return true;
  if (md >= '07-20' && md <= '08-20') return true;
  return md >= '12-24' || md <= '01-06';
}

/** The opportunity an entry belongs to, when one of the agreement's opportunities runs on that day. */
function opportunityOn(a: Agreement, iso: string): string | null {
  for (const slug of a.engagement.opportunities ?? []) {
    const o = opportunity(a.engagement.org, slug);
    if (iso >= o.startsAt.slice(0, 10) && iso <= o.endsAt.slice(0, 10)) return opportunityId(o.org, o.slug);
  }
  return null;
}

function logsFor(a: Agreement, counter: { n: number }): Prisma.HourLogCreateManyInput[] {
  const e = a.engagement;
  const email = volunteerEmail(a.volunteer);
  const random = rng(`hours/${email}/${e.org}/${a.version}`);
  const [minGap, maxGap] = e.every ?? [18, 32];
  const from = [e.startsOn, e.logFrom ?? e.startsOn].sort()[1]!;
  const to = [e.endsOn, LAST_LOG_DAY].sort()[0]!;
  const rows: Prisma.HourLogCreateManyInput[] = [];
  for (let d = addDays(from, between(random, 2, 9)); d <= to; d = addDays(d, between(random, minGap, maxGap))) {
    if (paused(d)) continue;
    const month = Number(d.slice(5, 7));
    const activity = pick(
      random,
      ACTIVITIES[e.pool].filter((act: ActivityDef) => !act.months || act.months.includes(month)),
    );
    const minutes = between(random, activity.minutes[0] / 15, activity.minutes[1] / 15) * 15;
    const roll = random();
    const status: HourLogStatus = d >= REVIEW_BACKLOG_FROM ? 'SUBMITTED' : roll < 0.025 ? 'REJECTED' : 'APPROVED';
    const reviewedDay = [addDays(d, between(random, 1, 6)), '2026-11-20'].sort()[0]!;
    const reviewed = status !== 'SUBMITTED';
    const key = `seed-${++counter.n}`;
    const createdAt = at(`${d}T20:15`);
    const reviewedAt = reviewed ? at(`${reviewedDay}T10:30`) : null;
    rows.push({
      id: stableId('hourLog', `${email}/${key}`),
      volunteerId: volunteerId(a.volunteer),
      organizationId: orgId(e.org),
      opportunityId: opportunityOn(a, d),
      date: day(d),
      minutes,
      activity: activity.text,
      workType: activity.workType,
      areaCode: activity.area,
      place: e.place,
      // Every entry is made inside its agreement's period, so it belongs to that version.
      agreementId: a.id,
      status,
      reviewerId: reviewed ? staffId(e.mentor) : null,
      reviewedAt,
      reviewNote: status === 'REJECTED' ? pick(random, REJECTION_NOTES) : null,
      idempotencyKey: key,
      createdAt,
      updatedAt: reviewedAt ?? createdAt,
    });
  }
  return rows;
}

/** One counter per volunteer, so idempotency keys run seed-1, seed-2, … for each of them. */
export const hourLogs: Prisma.HourLogCreateManyInput[] = (() => {
  const counters = new Map<string, { n: number }>();
  return agreementList.flatMap((a) => {
    const email = volunteerEmail(a.volunteer);
    if (!counters.has(email)) counters.set(email, { n: 0 });
    return logsFor(a, counters.get(email)!);
  });
})();

/** The audit trail of rejected entries (approvals are routine and not audited here). */
export const hourLogAuditLogs: Prisma.AuditLogCreateManyInput[] = hourLogs
  .filter((h) => h.status === 'REJECTED')
  .map((h) => ({
    id: stableId('auditLog', `hourLog.review/${h.id}`),
    actorId: h.reviewerId,
    organizationId: h.organizationId,
    action: 'hourLog.review',
    subjectType: 'HourLog',
    subjectId: h.id!,
    details: { decision: 'REJECTED', note: h.reviewNote },
    createdAt: h.reviewedAt!,
  }));
