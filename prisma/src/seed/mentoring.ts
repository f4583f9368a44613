// Mentoring: who mentors whom (one assignment per mentor, volunteer and
// organisation, from the agreements) and the volunteers' personal learning paths.
import type { Prisma } from '../../generated/client/client.ts';
import { at, day, orgId, stableId } from './ids.ts';
import { GOALS } from './learning-goals.ts';
import { agreementList } from './people.ts';
import { staffId } from './staff.ts';
import { volunteer, volunteerEmail, volunteerId } from './volunteers.ts';

/** One assignment per (mentor, volunteer, organisation): from the first agreement, open while one is active. */
export const mentorAssignments: Prisma.MentorAssignmentCreateManyInput[] = (() => {
  const byKey = new Map<string, Prisma.MentorAssignmentCreateManyInput & { active: boolean }>();
  for (const a of agreementList) {
    const e = a.engagement;
    const key = `${e.mentor}/${volunteerEmail(a.volunteer)}/${e.org}`;
    const found = byKey.get(key);
    const active = a.status === 'ACTIVE';
    if (!found) {
      byKey.set(key, {
        id: stableId('mentorAssignment', key),
        mentorId: staffId(e.mentor),
        volunteerId: volunteerId(a.volunteer),
        organizationId: orgId(e.org),
        startsOn: day(e.startsOn),
        endsOn: active ? null : day(e.endsOn),
        createdAt: at(`${e.startsOn}T09:00`),
        active,
      });
    } else {
      found.active ||= active;
      found.endsOn = found.active ? null : day(e.endsOn);
    }
  }
  return [...byKey.values()].map(({ active: _active, ...row }) => row);
})();

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
