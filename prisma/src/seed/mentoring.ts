// Mentoring: who mentors whom, period by period, and the volunteers' personal
// learning paths. Each agreement gives a mentoring period with the agreement's
// mentor; during the last year some volunteers were handed over to a colleague
// and some paused over the summer (a new period with the same mentor), so a pair
// can have several periods. A period that is still running is open-ended.
import type { Prisma } from '../../generated/client/client.ts';
import { addDays, at, day, DEMO_TODAY, orgId, stableId } from './ids.ts';
import { GOALS } from './learning-goals.ts';
import type { OrgSlug } from './organizations.ts';
import { agreementList } from './people.ts';
import { STAFF, staffId } from './staff.ts';
import { volunteer, volunteerEmail, volunteerId } from './volunteers.ts';

/** A volunteer handed over to another mentor from a day on: [volunteer, organisation, new mentor, first day]. */
export const HANDOVERS: Array<[handle: string, org: OrgSlug, mentor: string, from: string]> = [
  // Gal moved on to group-leader training, which Matej runs.
  ['gal.sinkovec', 'drustvo-legebitra', 'matej.vrhovnik', '2026-06-01'],
  // The coordinator took the newcomer in; from autumn the mentor does.
  ['teja.hren', 'drustvo-parada-ponosa', 'jan.mlakar', '2026-09-01'],
];

/**
 * Mentoring paused over the summer break (no hours are logged then either) and
 * resumed with the same mentor: [volunteer, organisation, first and last day of the pause].
 */
export const PAUSES: Array<[handle: string, org: OrgSlug, from: string, to: string]> = [
  ['tjasa.medved', 'drustvo-legebitra', '2026-07-20', '2026-08-20'],
  ['kim.vrecko', 'ektc-maribor', '2026-07-20', '2026-08-20'],
];

interface Period {
  mentor: string;
  startsOn: string;
  endsOn: string;
}

/** The mentoring periods of one agreement, after handovers and pauses. */
function periodsOf(handle: string, org: OrgSlug, mentor: string, startsOn: string, endsOn: string): Period[] {
  let periods: Period[] = [{ mentor, startsOn, endsOn }];
  for (const [h, o, next, from] of HANDOVERS) {
    if (h !== handle || o !== org) continue;
    periods = periods.flatMap((p) =>
      from > p.startsOn && from <= p.endsOn
        ? [
            { ...p, endsOn: addDays(from, -1) },
            { mentor: next, startsOn: from, endsOn: p.endsOn },
          ]
        : [p],
    );
  }
  for (const [h, o, from, to] of PAUSES) {
    if (h !== handle || o !== org) continue;
    periods = periods.flatMap((p) =>
      from > p.startsOn && to < p.endsOn
        ? [
            { ...p, endsOn: addDays(from, -1) },
            { ...p, startsOn: addDays(to, 1) },
          ]
        : [p],
    );
  }
  return periods;
}

/** Who records assignments at an organisation: its first coordinator, else its admin. */
function assigner(org: OrgSlug): string | null {
  const roles = ['COORDINATOR', 'ADMIN'];
  for (const role of roles) {
    const found = STAFF.find((s) => s.roles.some((r) => r.org === org && r.role === role));
    if (found) return found.handle;
  }
  return null;
}

export const mentorAssignments: Prisma.MentorAssignmentCreateManyInput[] = agreementList.flatMap((a) => {
  const e = a.engagement;
  const v = a.volunteer;
  const by = assigner(e.org);
  return periodsOf(v.handle, e.org, e.mentor, e.startsOn, e.endsOn).map((p) => ({
    id: stableId('mentorAssignment', `${p.mentor}/${volunteerEmail(v)}/${e.org}/${p.startsOn}`),
    mentorId: staffId(p.mentor),
    volunteerId: volunteerId(v),
    organizationId: orgId(e.org),
    startsOn: day(p.startsOn),
    // A period still running today stays open-ended, as a coordinator leaves it.
    endsOn: p.endsOn >= DEMO_TODAY ? null : day(p.endsOn),
    createdById: by ? staffId(by) : null,
    createdAt: at(`${p.startsOn}T09:00`),
  }));
});

export const learningGoals: Prisma.LearningGoalCreateManyInput[] = GOALS.map(
  ([handle, org, title, description, competence, status, targetDate, createdOn, mentorNotes]) => {
    const v = volunteer(handle);
    const createdAt = at(`${createdOn}T17:00`);
    const done = status === 'ACHIEVED' || status === 'DROPPED';
    return {
      id: stableId('learningGoal', `${volunteerEmail(v)}/${org}/${title}`),
      volunteerId: volunteerId(v),
      organizationId: orgId(org),
      title,
      description,
      competenceCode: competence,
      status,
      targetDate: day(targetDate),
      mentorNotes: mentorNotes ?? null,
      createdAt,
      updatedAt: done ? at(`${targetDate}T17:00`) : createdAt,
    };
  },
);
