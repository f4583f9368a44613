import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Prisma } from '@tandem/db';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { yearRange } from '../calendar.ts';
import { ConflictError, InputError, NotFoundError, RuleError } from '../errors.ts';
import { idOf } from '../ids.ts';
import { canReadIntervision, isPersonStaffOf, isProjectStaff, projectPartnerIds } from '../mentoring/access.ts';
import { recordSession, updateSession } from '../mentoring/intervision.ts';
import { RoleEnum } from './enums.ts';
import { OrganizationRef } from './organization.ts';
import { MeRef, StaffMemberRef } from './person.ts';
import { ProjectRef } from './project.ts';

/** A staff member as colleagues see them: by name, with the id to name them as mentor or participant. */
const ColleagueRef = builder.prismaObject('Membership', {
  variant: 'Colleague',
  description:
    'A mentor, coordinator or admin of an organisation, as their colleagues see them: name, role and the id to name them as a mentor or an intervision participant. No contact details.',
  fields: (t) => ({
    personId: t.id({
      description: 'Global id of the person (`Person.id`): use it as `mentorId`, `participantIds` or `facilitatorId`.',
      resolve: (m) => encodeGlobalID('Person', m.userId),
    }),
    name: t.string({
      description: 'Full name.',
      select: { user: { select: { name: true } } },
      resolve: (m) => m.user.name,
    }),
    role: t.expose('role', { type: RoleEnum }),
    title: t.exposeString('title', { nullable: true, description: 'Job title, e.g. "mentorica prostovoljcev".' }),
    organization: t.relation('organization'),
  }),
});

const STAFF_WHERE = { role: { in: ['ADMIN', 'COORDINATOR', 'MENTOR'] } } satisfies Prisma.MembershipWhereInput;
const STAFF_ORDER = [{ user: { name: 'asc' as const } }, { id: 'asc' as const }];

builder.prismaObjectField(OrganizationRef, 'staff', (t) =>
  t.relation('memberships', {
    type: ColleagueRef,
    description:
      "The organisation's mentors, coordinators and admins (one entry per role), by name. For its staff: to choose a mentor or intervision participants.",
    authScopes: (o, _, ctx) => isPersonStaffOf(ctx, o.id),
    query: { where: STAFF_WHERE, orderBy: STAFF_ORDER },
  }),
);

builder.prismaObjectField(ProjectRef, 'staff', (t) =>
  t.prismaField({
    type: [ColleagueRef],
    description:
      "Mentors, coordinators and admins of every organisation of the partnership, by name. For the partners' staff: to choose participants of a project's intervision.",
    authScopes: (p, _, ctx) => isProjectStaff(ctx, p.id),
    resolve: async (query, p, _, ctx) =>
      ctx.prisma.membership.findMany({
        ...query,
        where: { ...STAFF_WHERE, organizationId: { in: await projectPartnerIds(ctx, p.id) } },
        orderBy: STAFF_ORDER,
      }),
  }),
);

export const IntervisionSessionRef = builder.prismaNode('IntervisionSession', {
  description:
    "Peer supervision of mentors (intervizija): when, who facilitated, who took part, topics and outcomes. Visible to staff of the organisation that held it, to staff of the project's partner organisations for a project session, and to its facilitator and participants.",
  id: { field: 'id' },
  authScopes: async (s, ctx) => canReadIntervision(ctx, s),
  fields: (t) => ({
    organization: t.relation('organization', { description: 'The organisation that held it.' }),
    project: t.relation('project', {
      nullable: true,
      description: "The project it was held for (it counts toward the project's intervision indicator).",
    }),
    heldOn: t.expose('heldOn', { type: 'Date', description: 'The day it took place.' }),
    facilitator: t.relation('facilitator', { type: StaffMemberRef, nullable: true, description: 'Who led it.' }),
    participants: t.field({
      type: [StaffMemberRef],
      description: 'The mentors (and other staff) who took part, by name.',
      select: { participants: { select: { user: true }, orderBy: { user: { name: 'asc' } } } },
      resolve: (s) => s.participants.map((p) => p.user),
    }),
    topics: t.exposeStringList('topics', { description: 'What was discussed.' }),
    outcomes: t.exposeString('outcomes', { nullable: true, description: 'What came out of it.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was recorded.' }),
  }),
});

const ORDER = [{ heldOn: 'desc' as const }, { id: 'desc' as const }];
const YEAR_ARG = 'Only sessions held in this year.';
const yearWhere = (year: number | null | undefined) => (year ? { heldOn: yearRange(year) } : {});
const yearValidation = z.number().int().min(2000).max(2100);

builder.prismaObjectField(OrganizationRef, 'intervisionSessions', (t) =>
  t.relatedConnection(
    'intervisionSessions',
    {
      type: IntervisionSessionRef,
      cursor: 'id',
      description:
        'Intervision sessions the organisation held, newest first. For its mentors, coordinators and admins.',
      authScopes: (o, _, ctx) => isPersonStaffOf(ctx, o.id),
      args: { year: t.arg.int({ required: false, description: YEAR_ARG, validate: yearValidation }) },
      totalCount: true,
      query: (args) => ({ where: yearWhere(args.year), orderBy: ORDER }),
    },
    { name: 'IntervisionSessionConnection', description: 'A page of intervision sessions.' },
    { name: 'IntervisionSessionEdge', description: 'An intervision session in a page.' },
  ),
);

builder.prismaObjectField(ProjectRef, 'intervisionSessions', (t) =>
  t.relatedConnection(
    'intervisionSessions',
    {
      type: IntervisionSessionRef,
      cursor: 'id',
      description:
        "Intervision sessions held for the project by any of its organisations, newest first. For staff (mentors, coordinators, admins) of the partnership's organisations; the public sees only their number in the project's indicators.",
      authScopes: (p, _, ctx) => isProjectStaff(ctx, p.id),
      args: { year: t.arg.int({ required: false, description: YEAR_ARG, validate: yearValidation }) },
      totalCount: true,
      query: (args) => ({ where: yearWhere(args.year), orderBy: ORDER }),
    },
    { name: 'ProjectIntervisionSessionConnection', description: "A page of a project's intervision sessions." },
    { name: 'ProjectIntervisionSessionEdge', description: 'An intervision session in a page.' },
  ),
);

builder.prismaObjectField(MeRef, 'intervisionSessions', (t) =>
  t.prismaConnection(
    {
      type: IntervisionSessionRef,
      cursor: 'id',
      description: 'Intervision sessions the signed-in person facilitated or took part in, newest first.',
      args: { year: t.arg.int({ required: false, description: YEAR_ARG, validate: yearValidation }) },
      totalCount: (me, args, ctx) =>
        ctx.prisma.intervisionSession.count({
          where: {
            ...yearWhere(args.year),
            OR: [{ facilitatorId: me.id }, { participants: { some: { userId: me.id } } }],
          },
        }),
      resolve: (query, me, args, ctx) =>
        ctx.prisma.intervisionSession.findMany({
          ...query,
          where: {
            ...yearWhere(args.year),
            OR: [{ facilitatorId: me.id }, { participants: { some: { userId: me.id } } }],
          },
          orderBy: ORDER,
        }),
    },
    { name: 'MyIntervisionSessionConnection', description: "A page of the signed-in person's intervision sessions." },
    { name: 'MyIntervisionSessionEdge', description: 'An intervision session in a page.' },
  ),
);

/** The same limits when recording a session and when correcting it. */
const participantList = z.array(z.string()).min(1).max(60);
const topicList = z.array(z.string().trim().min(2).max(300)).min(1).max(20);
const outcomesText = z.string().max(8000);

const RecordIntervisionSessionInput = builder.inputType('RecordIntervisionSessionInput', {
  description: 'An intervision session that took place.',
  fields: (t) => ({
    organizationId: t.id({ description: 'The organisation that held it.' }),
    projectId: t.id({
      required: false,
      description: 'The project it was held for; it must fall within the project period.',
    }),
    heldOn: t.field({ type: 'Date', description: 'The day it took place (not in the future).' }),
    facilitatorId: t.id({
      required: false,
      description:
        "`Colleague.personId` of who led it: staff of the organisation or of its project partners (for a project session, of that project's organisations).",
    }),
    participantIds: t.idList({
      description:
        "`Colleague.personId` of each participant (1 to 60): staff of the organisation or of its project partners (for a project session, of that project's organisations).",
      validate: participantList,
    }),
    topics: t.stringList({
      description: 'What was discussed, 1 to 20 topics of up to 300 characters.',
      validate: topicList,
    }),
    outcomes: t.string({ required: false, description: 'What came out of it.', validate: outcomesText }),
    idempotencyKey: t.string({
      description: 'Unique per session (e.g. a UUID made by the client); a retry with it returns the first record.',
      validate: z.string().min(8).max(100),
    }),
  }),
});

const IntervisionSessionPayload = builder.objectRef<{ sessionId: string }>('IntervisionSessionPayload').implement({
  description: 'The recorded intervision session.',
  fields: (t) => ({
    session: t.prismaField({
      type: IntervisionSessionRef,
      description: 'The session as recorded.',
      resolve: (query, p, _, ctx) =>
        ctx.prisma.intervisionSession.findUniqueOrThrow({ ...query, where: { id: p.sessionId } }),
    }),
  }),
});

builder.mutationField('recordIntervisionSession', (t) =>
  t.field({
    type: IntervisionSessionPayload,
    description:
      "Records an intervision session for mentors. Needs a MENTOR, COORDINATOR or ADMIN role in the organisation; with `projectId` the organisation must take part in the project, the day must fall within the project period (OUTSIDE_PROJECT_PERIOD) and the session counts toward the project's INTERVISION_SESSIONS indicator. Safe to retry with the same idempotencyKey; the key reused by someone else or for another session gives IDEMPOTENCY_CONFLICT. Audited as `intervision.record`.",
    authScopes: { signedIn: true },
    errors: { types: [InputError, NotFoundError, RuleError, ConflictError] },
    args: { input: t.arg({ type: RecordIntervisionSessionInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const session = await recordSession(ctx, {
        organizationId: idOf(L, input.organizationId, 'Organization', ['input', 'organizationId']),
        projectId: input.projectId ? idOf(L, input.projectId, 'Project', ['input', 'projectId']) : null,
        heldOn: input.heldOn,
        facilitatorId: input.facilitatorId ? idOf(L, input.facilitatorId, 'Person', ['input', 'facilitatorId']) : null,
        participantIds: input.participantIds.map((id, i) =>
          idOf(L, id, 'Person', ['input', 'participantIds', String(i)]),
        ),
        topics: input.topics,
        outcomes: input.outcomes ?? null,
        idempotencyKey: input.idempotencyKey,
      });
      return { sessionId: session.id };
    },
  }),
);

const UpdateIntervisionSessionInput = builder.inputType('UpdateIntervisionSessionInput', {
  description: 'What to change in a recorded intervision session; a field left out stays as it is.',
  fields: (t) => ({
    id: t.id({ description: 'Global id of the session.' }),
    facilitatorId: t.id({
      required: false,
      description: '`Colleague.personId` of who led it (as for recording); null: nobody.',
    }),
    participantIds: t.idList({
      required: false,
      description: 'Every participant (1 to 60), replacing the list (as for recording).',
      validate: participantList,
    }),
    topics: t.stringList({
      required: false,
      description: 'Every topic (1 to 20 of up to 300 characters), replacing the list.',
      validate: topicList,
    }),
    outcomes: t.string({
      required: false,
      description: 'What came out of it; null clears it.',
      validate: outcomesText,
    }),
  }),
});

builder.mutationField('updateIntervisionSession', (t) =>
  t.field({
    type: IntervisionSessionPayload,
    description:
      "Corrects a recorded intervision session: facilitator, participants, topics, outcomes (its day and project stay, as they place it in the project's indicators). Needs a MENTOR, COORDINATOR or ADMIN role in the organisation that held it. The same change again changes nothing more. Audited as `intervision.update`.",
    authScopes: { signedIn: true },
    errors: { types: [InputError, NotFoundError] },
    args: { input: t.arg({ type: UpdateIntervisionSessionInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const person = (id: string, path: string[]) => idOf(L, id, 'Person', path);
      const session = await updateSession(ctx, {
        sessionId: idOf(L, input.id, 'IntervisionSession', ['input', 'id']),
        ...(input.facilitatorId !== undefined
          ? { facilitatorId: input.facilitatorId ? person(input.facilitatorId, ['input', 'facilitatorId']) : null }
          : {}),
        ...(input.participantIds
          ? { participantIds: input.participantIds.map((id, i) => person(id, ['input', 'participantIds', String(i)])) }
          : {}),
        ...(input.topics ? { topics: input.topics } : {}),
        ...(input.outcomes !== undefined ? { outcomes: input.outcomes } : {}),
      });
      return { sessionId: session.id };
    },
  }),
);
