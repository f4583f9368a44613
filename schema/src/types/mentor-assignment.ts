import type { Prisma } from '@tandem/db';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { InputError, NotFoundError, RuleError } from '../errors.ts';
import { idOf } from '../ids.ts';
import { assignMentor, endMentorAssignment } from '../mentoring/assignments.ts';
import { coveringDay, notCoveringDay, today } from '../mentoring/dates.ts';
import { OrganizationRef } from './organization.ts';
import { MeRef, PersonRef, StaffMemberRef } from './person.ts';

const isCurrent = (a: { startsOn: Date; endsOn: Date | null }) => {
  const now = today();
  return a.startsOn <= now && (!a.endsOn || a.endsOn >= now);
};

/** Managers of the organisation see every assignment; the mentor and the volunteer see their own. */
async function mayManage(ctx: Context, organizationId: string) {
  return ctx.access.can('mentoring:manage', organizationId);
}

export const MentorAssignmentRef = builder.prismaNode('MentorAssignment', {
  description:
    "A mentor assigned to a volunteer in one organisation for a period. Visible to the volunteer, the mentor, and the organisation's coordinators and admins. While it covers today it gives the mentor the mentor's rights over the volunteer (their applications, hours, evaluations and learning path in that organisation).",
  id: { field: 'id' },
  authScopes: (a, ctx) =>
    ctx.viewer?.id === a.volunteerId || ctx.viewer?.id === a.mentorId
      ? true
      : { can: { permission: 'mentoring:manage', organizationId: a.organizationId } },
  fields: (t) => ({
    organization: t.relation('organization', {
      description: 'The organisation in whose volunteering the mentoring happens.',
    }),
    mentor: t.relation('mentor', { type: StaffMemberRef, description: 'The mentor, by name.' }),
    volunteer: t.field({
      type: PersonRef,
      nullable: true,
      description:
        "The volunteer's contact details: for the volunteer, the organisation's coordinators and admins, and the mentor while the assignment covers today; null for the mentor once it has ended (see `volunteerName`).",
      select: { volunteer: true },
      resolve: async (a, _, ctx) =>
        ctx.viewer?.id === a.volunteerId || isCurrent(a) || (await mayManage(ctx, a.organizationId))
          ? a.volunteer
          : null,
    }),
    volunteerName: t.string({
      description: "The volunteer's name, also after the assignment has ended.",
      select: { volunteer: { select: { name: true } } },
      resolve: (a) => a.volunteer.name,
    }),
    startsOn: t.expose('startsOn', { type: 'Date', description: 'First day of the mentoring.' }),
    endsOn: t.expose('endsOn', {
      type: 'Date',
      nullable: true,
      description: 'Last day of the mentoring; null while open-ended.',
    }),
    current: t.boolean({
      description: 'The period covers today (it has begun and not ended).',
      resolve: (a) => isCurrent(a),
    }),
    createdBy: t.relation('createdBy', {
      type: StaffMemberRef,
      nullable: true,
      description: 'Who made the assignment; null when unknown.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the assignment was made.' }),
  }),
});

const CURRENT_ARG = 'true: only assignments covering today; false: only past and future ones; leave out for all.';

function currentWhere(current: boolean | null | undefined): Prisma.MentorAssignmentWhereInput {
  if (current == null) return {};
  return current ? coveringDay(today()) : notCoveringDay(today());
}

const ORDER = [{ startsOn: 'desc' as const }, { id: 'desc' as const }];

builder.prismaObjectField(OrganizationRef, 'mentorAssignments', (t) =>
  t.relatedConnection(
    'mentorAssignments',
    {
      type: MentorAssignmentRef,
      cursor: 'id',
      description:
        'Who mentors whom in this organisation, latest start first. For its coordinators and admins (mentors see theirs in `Me.mentees`, volunteers in `Me.mentors`).',
      authScopes: (o) => ({ can: { permission: 'mentoring:manage', organizationId: o.id } }),
      args: { current: t.arg.boolean({ required: false, description: CURRENT_ARG }) },
      totalCount: true,
      query: (args) => ({ where: currentWhere(args.current), orderBy: ORDER }),
    },
    { name: 'MentorAssignmentConnection', description: "A page of an organisation's mentor assignments." },
    { name: 'MentorAssignmentEdge', description: 'A mentor assignment in a page.' },
  ),
);

builder.prismaObjectField(MeRef, 'mentors', (t) =>
  t.relatedConnection(
    'menteeAssignments',
    {
      type: MentorAssignmentRef,
      cursor: 'id',
      description: "The signed-in volunteer's mentors, in every organisation, latest start first.",
      args: { current: t.arg.boolean({ required: false, description: CURRENT_ARG }) },
      totalCount: true,
      query: (args) => ({ where: currentWhere(args.current), orderBy: ORDER }),
    },
    { name: 'MyMentorConnection', description: "A page of the signed-in volunteer's mentor assignments." },
    { name: 'MyMentorEdge', description: 'A mentor assignment in a page.' },
  ),
);

builder.prismaObjectField(MeRef, 'mentees', (t) =>
  t.relatedConnection(
    'mentorAssignments',
    {
      type: MentorAssignmentRef,
      cursor: 'id',
      description:
        "The volunteers the signed-in person mentors, in every organisation, latest start first. Use `current: true` for today's mentees; their `volunteer.learningGoals` is their learning path.",
      args: { current: t.arg.boolean({ required: false, description: CURRENT_ARG }) },
      totalCount: true,
      query: (args) => ({ where: currentWhere(args.current), orderBy: ORDER }),
    },
    { name: 'MyMenteeConnection', description: 'A page of the signed-in mentor’s assignments.' },
    { name: 'MyMenteeEdge', description: 'A mentor assignment in a page.' },
  ),
);

const MentorAssignmentPayload = builder.objectRef<{ assignmentId: string }>('MentorAssignmentPayload').implement({
  description: 'The mentor assignment after the change.',
  fields: (t) => ({
    assignment: t.prismaField({
      type: MentorAssignmentRef,
      description: 'The assignment as it is now.',
      resolve: (query, p, _, ctx) =>
        ctx.prisma.mentorAssignment.findUniqueOrThrow({ ...query, where: { id: p.assignmentId } }),
    }),
  }),
});

const AssignMentorInput = builder.inputType('AssignMentorInput', {
  description: 'A mentor for a volunteer, in one organisation, for a period.',
  fields: (t) => ({
    organizationId: t.id({ description: 'The organisation.' }),
    mentorId: t.id({
      description: 'The mentor: `Person.id` (or `Colleague.personId`) of a MENTOR, COORDINATOR or ADMIN there.',
    }),
    volunteerId: t.id({ description: '`Person.id` of someone who volunteers with the organisation.' }),
    startsOn: t.field({ type: 'Date', description: 'First day of the mentoring.' }),
    endsOn: t.field({ type: 'Date', required: false, description: 'Last day; leave out for open-ended.' }),
  }),
});

builder.mutationField('assignMentor', (t) =>
  t.field({
    type: MentorAssignmentPayload,
    description:
      'Assigns a mentor to a volunteer for a period. Needs COORDINATOR or ADMIN of the organisation (mentoring:manage). The mentor must hold a MENTOR, COORDINATOR or ADMIN role there and the volunteer must volunteer there (an active agreement, an accepted sign-up or a membership). The same pair may be assigned again for another period but not for an overlapping one (ASSIGNMENT_OVERLAPS). Repeating the same assignment returns it unchanged. Audited as `mentorAssignment.create`.',
    authScopes: { signedIn: true },
    errors: { types: [InputError, NotFoundError, RuleError] },
    args: { input: t.arg({ type: AssignMentorInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const assignment = await assignMentor(ctx, {
        organizationId: idOf(L, input.organizationId, 'Organization', ['input', 'organizationId']),
        mentorId: idOf(L, input.mentorId, 'Person', ['input', 'mentorId']),
        volunteerId: idOf(L, input.volunteerId, 'Person', ['input', 'volunteerId']),
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
      });
      return { assignmentId: assignment.id };
    },
  }),
);

const EndMentorAssignmentInput = builder.inputType('EndMentorAssignmentInput', {
  description: 'The assignment to end, and its last day.',
  fields: (t) => ({
    assignmentId: t.id({ description: 'Global id of the MentorAssignment.' }),
    endsOn: t.field({
      type: 'Date',
      required: false,
      description: 'The last day of the mentoring (not before its first); defaults to today.',
    }),
  }),
});

builder.mutationField('endMentorAssignment', (t) =>
  t.field({
    type: MentorAssignmentPayload,
    description:
      "Ends a mentor assignment: its last day becomes `endsOn` (today when left out) and from the day after, the mentor no longer has a mentor's rights over the volunteer. Needs COORDINATOR or ADMIN of the organisation. Safe to retry: without `endsOn` an assignment that has already ended is left as it is; with it, the end is set to that day. Audited as `mentorAssignment.end`.",
    authScopes: { signedIn: true },
    errors: { types: [InputError, NotFoundError, RuleError] },
    args: { input: t.arg({ type: EndMentorAssignmentInput }) },
    resolve: async (_, { input }, ctx) => {
      const id = idOf(ctx.locale, input.assignmentId, 'MentorAssignment', ['input', 'assignmentId']);
      const assignment = await endMentorAssignment(ctx, id, input.endsOn ?? null);
      return { assignmentId: assignment.id };
    },
  }),
);
