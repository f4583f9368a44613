// Mentor assignments, the private learning path and intervision, through HTTP
// against the seeded database: who may do what, and what each answer says.
import type { Role } from '@tandem/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobal, TestApi, toGlobal } from './harness.ts';

let api: TestApi;

interface Person {
  id: string;
  email: string;
  token: string;
  /** Global id as `Person.id`. */
  person: string;
}

/** Legebitra (partner in the LGBTIQ+ project led by Parada ponosa) and Pekarna (another partnership). */
let legebitra: { id: string; global: string };
let parada: { id: string; global: string };
let pekarna: { id: string; global: string };
let lgbtiqProject: { id: string; global: string };
let coordinator: Person;
let admin: Person;
let mentor: Person;
let otherMentor: Person;
let paradaMentor: Person;
let paradaCoordinator: Person;
let volunteer: Person;
let outsider: Person;
let otherCoordinator: Person;

let n = 0;
async function person(name: string, memberships: { organizationId: string; role: Role }[]): Promise<Person> {
  n += 1;
  const email = `mentoring-${n}@example.net`;
  const user = await api.prisma.user.create({
    data: { email, name, birthDate: new Date('1995-05-05'), memberships: { create: memberships } },
  });
  return { id: user.id, email, token: await api.tokenFor(email), person: toGlobal('Person', user.id) };
}

const org = async (slug: string) => {
  const o = await api.prisma.organization.findUniqueOrThrow({ where: { slug } });
  return { id: o.id, global: toGlobal('Organization', o.id) };
};

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const daysFromToday = (days: number) => isoDay(new Date(Date.now() + days * 86_400_000));

beforeAll(async () => {
  api = await TestApi.start();
  legebitra = await org('drustvo-legebitra');
  parada = await org('drustvo-parada-ponosa');
  pekarna = await org('pekarna-magdalenske-mreze');
  const project = await api.prisma.project.findUniqueOrThrow({ where: { slug: 'lgbtiq-prostovoljstvo' } });
  lgbtiqProject = { id: project.id, global: toGlobal('Project', project.id) };
  coordinator = await person('Koordinatorka Legebitra', [{ organizationId: legebitra.id, role: 'COORDINATOR' }]);
  admin = await person('Skrbnik Legebitra', [{ organizationId: legebitra.id, role: 'ADMIN' }]);
  mentor = await person('Mentorica Prva', [{ organizationId: legebitra.id, role: 'MENTOR' }]);
  otherMentor = await person('Mentor Drugi', [{ organizationId: legebitra.id, role: 'MENTOR' }]);
  paradaMentor = await person('Mentor Parada', [{ organizationId: parada.id, role: 'MENTOR' }]);
  paradaCoordinator = await person('Koordinator Parada', [{ organizationId: parada.id, role: 'COORDINATOR' }]);
  volunteer = await person('Prostovoljka Test', [{ organizationId: legebitra.id, role: 'VOLUNTEER' }]);
  outsider = await person('Nekdo Drug', []);
  otherCoordinator = await person('Koordinatorka Pekarna', [{ organizationId: pekarna.id, role: 'COORDINATOR' }]);
}, 120_000);
afterAll(() => api.close());

const RESULT = `__typename ... on Error { code message } ... on NotFoundError { path } ... on ValidationError { fieldErrors { path } }`;

const ASSIGN = /* GraphQL */ `
  mutation Assign($input: AssignMentorInput!) {
    assignMentor(input: $input) {
      ${RESULT}
      ... on MentorAssignmentPayload {
        assignment { id startsOn endsOn current mentor { name } volunteer { name email } volunteerName createdBy { name } }
      }
    }
  }
`;

const END = /* GraphQL */ `
  mutation End($input: EndMentorAssignmentInput!) {
    endMentorAssignment(input: $input) {
      ${RESULT}
      ... on MentorAssignmentPayload { assignment { id startsOn endsOn current } }
    }
  }
`;

const assign = (token: string, input: Record<string, unknown>) =>
  api.gql(
    ASSIGN,
    {
      input: {
        organizationId: legebitra.global,
        mentorId: mentor.person,
        volunteerId: volunteer.person,
        startsOn: daysFromToday(-30),
        ...input,
      },
    },
    { token },
  );

describe('mentor assignments', () => {
  let current: string;

  it('a coordinator assigns a mentor for a period, once however often it is retried, and it is audited', async () => {
    const startsOn = daysFromToday(-30);
    const first = await assign(coordinator.token, { startsOn });
    expect(first.errors).toBeUndefined();
    expect(first.data!.assignMentor).toMatchObject({
      __typename: 'MentorAssignmentPayload',
      assignment: {
        startsOn,
        endsOn: null,
        current: true,
        mentor: { name: 'Mentorica Prva' },
        volunteer: { name: 'Prostovoljka Test', email: volunteer.email },
        createdBy: { name: 'Koordinatorka Legebitra' },
      },
    });
    current = first.data!.assignMentor.assignment.id;
    const again = await assign(admin.token, { startsOn });
    expect(again.data!.assignMentor.assignment.id).toBe(current);
    const entries = await api.prisma.auditLog.findMany({ where: { subjectId: fromGlobal(current) } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'mentorAssignment.create',
      organizationId: legebitra.id,
      actorId: coordinator.id,
      details: { mentorId: mentor.id, volunteerId: volunteer.id, startsOn, endsOn: null },
    });
  });

  it('refuses overlapping periods of the same pair but allows a later one, and checks who is who', async () => {
    const overlapping = await assign(coordinator.token, { startsOn: daysFromToday(-10) });
    expect(overlapping.data!.assignMentor).toMatchObject({ code: 'ASSIGNMENT_OVERLAPS' });
    // An earlier, closed period of the same pair: a repeat assignment.
    const earlier = await assign(coordinator.token, { startsOn: '2024-01-01', endsOn: '2024-06-30' });
    expect(earlier.data!.assignMentor.assignment).toMatchObject({ current: false, endsOn: '2024-06-30' });
    const clash = await assign(coordinator.token, { startsOn: '2024-06-30', endsOn: '2024-07-31' });
    expect(clash.data!.assignMentor).toMatchObject({ code: 'ASSIGNMENT_OVERLAPS' });

    const volunteerAsMentor = await assign(coordinator.token, {
      mentorId: volunteer.person,
      volunteerId: mentor.person,
    });
    expect(volunteerAsMentor.data!.assignMentor).toMatchObject({ code: 'NOT_A_MENTOR' });
    const oneself = await assign(coordinator.token, { volunteerId: mentor.person });
    expect(oneself.data!.assignMentor).toMatchObject({ code: 'SELF_MENTORING' });
    const notVolunteering = await assign(coordinator.token, { volunteerId: outsider.person });
    expect(notVolunteering.data!.assignMentor).toMatchObject({ code: 'NOT_A_VOLUNTEER' });
    const otherOrgMentor = await assign(coordinator.token, { mentorId: paradaMentor.person });
    expect(otherOrgMentor.data!.assignMentor).toMatchObject({ code: 'NOT_A_MENTOR' });
    const backwards = await assign(coordinator.token, { startsOn: '2023-05-01', endsOn: '2023-04-01' });
    expect(backwards.data!.assignMentor).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'endsOn'] }],
    });
  });

  it('is only for the organisation’s coordinators and admins', async () => {
    for (const caller of [mentor, volunteer, otherCoordinator, paradaCoordinator]) {
      const result = await assign(caller.token, { startsOn: '2022-01-01', endsOn: '2022-01-31' });
      expect(result.data!.assignMentor, caller.email).toMatchObject({
        __typename: 'NotFoundError',
        path: ['input', 'organizationId'],
      });
    }
    const anonymous = await api.gql(ASSIGN, {
      input: {
        organizationId: legebitra.global,
        mentorId: mentor.person,
        volunteerId: volunteer.person,
        startsOn: '2022-01-01',
      },
    });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await api.prisma.mentorAssignment.count({ where: { volunteerId: volunteer.id } })).toBe(2);
  });

  it("gives the mentor's rights only while the period covers today", async () => {
    const log = await api.prisma.hourLog.create({
      data: {
        volunteerId: volunteer.id,
        organizationId: legebitra.id,
        date: new Date('2026-02-02'),
        minutes: 60,
        activity: 'Delavnica v klubu',
        workType: 'CONTENT',
        areaCode: 'HUMAN_RIGHTS',
        idempotencyKey: 'mentoring-rights',
      },
    });
    const read = async (who: Person) =>
      (
        await api.gql(
          'query($id: ID!) { node(id: $id) { id } }',
          { id: toGlobal('HourLog', log.id) },
          { token: who.token },
        )
      ).data?.node;
    expect(await read(mentor)).not.toBeNull();
    expect(await read(otherMentor)).toBeNull();

    // A period that has not begun gives nothing yet.
    const future = await assign(coordinator.token, { mentorId: otherMentor.person, startsOn: daysFromToday(5) });
    expect(future.data!.assignMentor.assignment.current).toBe(false);
    expect(await read(otherMentor)).toBeNull();
  });

  it('lists assignments to managers, mentors (their mentees) and volunteers (their mentors)', async () => {
    const organizationList = /* GraphQL */ `
      query ($slug: String!, $current: Boolean) {
        organization(slug: $slug) {
          mentorAssignments(current: $current, first: 50) {
            totalCount
            edges {
              node {
                id
                volunteerName
                mentor {
                  name
                }
              }
            }
          }
        }
      }
    `;
    const all = await api.data(organizationList, { slug: 'drustvo-legebitra' }, { token: coordinator.token });
    const ours = all.organization.mentorAssignments.edges.filter(
      (e: { node: { volunteerName: string } }) => e.node.volunteerName === 'Prostovoljka Test',
    );
    expect(ours).toHaveLength(3);
    const onlyCurrent = await api.data(
      organizationList,
      { slug: 'drustvo-legebitra', current: true },
      { token: admin.token },
    );
    expect(
      onlyCurrent.organization.mentorAssignments.edges
        .filter((e: { node: { volunteerName: string } }) => e.node.volunteerName === 'Prostovoljka Test')
        .map((e: { node: { id: string } }) => e.node.id),
    ).toEqual([current]);
    for (const caller of [mentor, volunteer, otherCoordinator]) {
      const denied = await api.gql(organizationList, { slug: 'drustvo-legebitra' }, { token: caller.token });
      // The connection is not nullable, so the organisation resolves to null with the error.
      expect(denied.data?.organization, caller.email).toBeNull();
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }

    const mentees = await api.data(
      '{ me { mentees(current: true) { totalCount edges { node { id volunteer { email } } } } } }',
      {},
      { token: mentor.token },
    );
    expect(mentees.me.mentees).toEqual({
      totalCount: 1,
      edges: [{ node: { id: current, volunteer: { email: volunteer.email } } }],
    });
    const mentors = await api.data(
      '{ me { mentors { totalCount edges { node { mentor { name } current startsOn } } } } }',
      {},
      { token: volunteer.token },
    );
    expect(mentors.me.mentors.totalCount).toBe(3);
    expect(
      mentors.me.mentors.edges.map((e: { node: { mentor: { name: string } } }) => e.node.mentor.name).sort(),
    ).toEqual(['Mentor Drugi', 'Mentorica Prva', 'Mentorica Prva']);
    // The volunteer's assignment is not for other people to read by id.
    const byId = await api.gql(
      'query($id: ID!) { node(id: $id) { id } }',
      { id: current },
      { token: otherMentor.token },
    );
    expect(byId.data?.node).toBeNull();
  });

  it('ends an assignment: the mentor loses the rights, keeps the name only, and a retry changes nothing', async () => {
    const yesterday = daysFromToday(-1);
    const before = await api.gql(END, { input: { assignmentId: current, endsOn: yesterday } }, { token: mentor.token });
    expect(before.data!.endMentorAssignment).toMatchObject({ __typename: 'NotFoundError' });

    const ended = await api.data(
      END,
      { input: { assignmentId: current, endsOn: yesterday } },
      { token: coordinator.token },
    );
    expect(ended.endMentorAssignment.assignment).toMatchObject({ endsOn: yesterday, current: false });
    // Without a date, an ended assignment stays as it is.
    const retry = await api.data(END, { input: { assignmentId: current } }, { token: admin.token });
    expect(retry.endMentorAssignment.assignment.endsOn).toBe(yesterday);
    const entries = await api.prisma.auditLog.findMany({
      where: { subjectId: fromGlobal(current), action: 'mentorAssignment.end' },
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.details).toMatchObject({ from: null, to: yesterday });

    const tooEarly = await api.data(
      END,
      { input: { assignmentId: current, endsOn: '2000-01-01' } },
      { token: coordinator.token },
    );
    expect(tooEarly.endMentorAssignment).toMatchObject({ fieldErrors: [{ path: ['input', 'endsOn'] }] });

    const seen = await api.data(
      '{ me { mentees { edges { node { id current volunteer { email } volunteerName } } } } }',
      {},
      { token: mentor.token },
    );
    const node = seen.me.mentees.edges.find((e: { node: { id: string } }) => e.node.id === current).node;
    expect(node).toEqual({ id: current, current: false, volunteer: null, volunteerName: 'Prostovoljka Test' });
  });
});

// ─────────────── learning goals ───────────────

const CREATE_GOAL = /* GraphQL */ `
  mutation Create($input: CreateLearningGoalInput!) {
    createLearningGoal(input: $input) {
      ${RESULT}
      ... on LearningGoalPayload { learningGoal { id title status mentorNotes competence { code } targetDate volunteer { name } } }
    }
  }
`;

const UPDATE_GOAL = /* GraphQL */ `
  mutation Update($input: UpdateLearningGoalInput!) {
    updateLearningGoal(input: $input) {
      ${RESULT}
      ... on LearningGoalPayload { learningGoal { id title status mentorNotes description statusHistory { status by } } }
    }
  }
`;

describe('learning goals', () => {
  let mentee: Person;
  let goalMentor: Person;
  let ownGoal: string;
  let mentorGoal: string;
  let elsewhereGoal: string;

  beforeAll(async () => {
    mentee = await person('Mentoriranec Učni', [
      { organizationId: legebitra.id, role: 'VOLUNTEER' },
      { organizationId: parada.id, role: 'VOLUNTEER' },
    ]);
    goalMentor = await person('Mentor Učne Poti', [{ organizationId: legebitra.id, role: 'MENTOR' }]);
    const result = await assign(coordinator.token, {
      mentorId: goalMentor.person,
      volunteerId: mentee.person,
      startsOn: daysFromToday(-100),
    });
    expect(result.data!.assignMentor.__typename).toBe('MentorAssignmentPayload');
  });

  const goal = (token: string, input: Record<string, unknown>) =>
    api.gql(
      CREATE_GOAL,
      {
        input: {
          organizationId: legebitra.global,
          title: 'Voditi delavnico',
          idempotencyKey: `goal-${Math.random()}`,
          ...input,
        },
      },
      { token },
    );

  it('the volunteer sets their own goals, without mentor notes; a retry returns the same goal', async () => {
    const input = {
      title: 'Samostojno voditi srečanje kluba',
      competenceCode: 'PERSONAL_SOCIAL_LEARNING',
      targetDate: '2027-03-31',
      idempotencyKey: 'own-goal-0001',
    };
    const first = await goal(mentee.token, input);
    expect(first.data!.createLearningGoal).toMatchObject({
      __typename: 'LearningGoalPayload',
      learningGoal: {
        title: 'Samostojno voditi srečanje kluba',
        status: 'PLANNED',
        mentorNotes: null,
        competence: { code: 'PERSONAL_SOCIAL_LEARNING' },
        targetDate: '2027-03-31',
      },
    });
    ownGoal = first.data!.createLearningGoal.learningGoal.id;
    const retry = await goal(mentee.token, input);
    expect(retry.data!.createLearningGoal.learningGoal.id).toBe(ownGoal);
    // The same key by someone else is not handed back.
    const stolen = await goal(goalMentor.token, { ...input, volunteerId: mentee.person });
    expect(stolen.data!.createLearningGoal).toMatchObject({
      __typename: 'ConflictError',
      code: 'IDEMPOTENCY_CONFLICT',
    });

    const notes = await goal(mentee.token, { mentorNotes: 'Sama sebi.' });
    expect(notes.data!.createLearningGoal).toMatchObject({ code: 'MENTOR_NOTES_MENTORS_ONLY' });
    const elsewhere = await goal(mentee.token, { organizationId: pekarna.global });
    expect(elsewhere.data!.createLearningGoal).toMatchObject({ code: 'NOT_A_VOLUNTEER' });
    const badCompetence = await goal(mentee.token, { competenceCode: 'JUGGLING' });
    expect(badCompetence.data!.createLearningGoal).toMatchObject({
      __typename: 'NotFoundError',
      path: ['input', 'competenceCode'],
    });

    const inParada = await goal(mentee.token, { organizationId: parada.global, title: 'Cilj pri Paradi' });
    elsewhereGoal = inParada.data!.createLearningGoal.learningGoal.id;
  });

  it('a current mentor sets goals with notes for their mentee; nobody else does', async () => {
    const created = await goal(goalMentor.token, {
      volunteerId: mentee.person,
      title: 'Pripraviti plakat',
      mentorNotes: 'Začniva z osnutkom.',
    });
    expect(created.data!.createLearningGoal.learningGoal).toMatchObject({
      title: 'Pripraviti plakat',
      mentorNotes: 'Začniva z osnutkom.',
      volunteer: { name: 'Mentoriranec Učni' },
    });
    mentorGoal = created.data!.createLearningGoal.learningGoal.id;
    for (const caller of [coordinator, admin, otherMentor, paradaCoordinator, otherCoordinator]) {
      const denied = await goal(caller.token, { volunteerId: mentee.person });
      expect(denied.data!.createLearningGoal, caller.email).toMatchObject({
        __typename: 'NotFoundError',
        path: ['input', 'volunteerId'],
      });
    }
  });

  it('the volunteer moves the goal along; only mentors change the notes; each status is kept', async () => {
    const started = await api.data(
      UPDATE_GOAL,
      { input: { goalId: mentorGoal, status: 'IN_PROGRESS' } },
      { token: mentee.token },
    );
    expect(started.updateLearningGoal.learningGoal.status).toBe('IN_PROGRESS');
    const unchangedNotes = await api.data(
      UPDATE_GOAL,
      { input: { goalId: mentorGoal, mentorNotes: 'Začniva z osnutkom.', description: 'Plakat za klub.' } },
      { token: mentee.token },
    );
    expect(unchangedNotes.updateLearningGoal.learningGoal).toMatchObject({ description: 'Plakat za klub.' });
    const rewritten = await api.data(
      UPDATE_GOAL,
      { input: { goalId: mentorGoal, mentorNotes: 'Moje.' } },
      { token: mentee.token },
    );
    expect(rewritten.updateLearningGoal).toMatchObject({ code: 'MENTOR_NOTES_MENTORS_ONLY' });

    const done = await api.data(
      UPDATE_GOAL,
      { input: { goalId: mentorGoal, status: 'ACHIEVED', mentorNotes: 'Odlično opravljeno.' } },
      { token: goalMentor.token },
    );
    expect(done.updateLearningGoal.learningGoal).toMatchObject({
      status: 'ACHIEVED',
      mentorNotes: 'Odlično opravljeno.',
      statusHistory: [
        { status: 'PLANNED', by: 'Mentor Učne Poti' },
        { status: 'IN_PROGRESS', by: 'Mentoriranec Učni' },
        { status: 'ACHIEVED', by: 'Mentor Učne Poti' },
      ],
    });
    // A retry of the same change writes nothing.
    const before = await api.prisma.auditLog.count({ where: { subjectId: fromGlobal(mentorGoal) } });
    await api.data(UPDATE_GOAL, { input: { goalId: mentorGoal, status: 'ACHIEVED' } }, { token: goalMentor.token });
    expect(await api.prisma.auditLog.count({ where: { subjectId: fromGlobal(mentorGoal) } })).toBe(before);
    // Goal changes stay out of the organisation's audit log, which admins read.
    expect(
      await api.prisma.auditLog.count({ where: { subjectId: fromGlobal(mentorGoal), organizationId: { not: null } } }),
    ).toBe(0);

    const cleared = await api.data(
      UPDATE_GOAL,
      { input: { goalId: mentorGoal, description: null } },
      { token: goalMentor.token },
    );
    expect(cleared.updateLearningGoal.learningGoal.description).toBeNull();
    for (const caller of [coordinator, otherMentor, paradaCoordinator]) {
      const denied = await api.data(
        UPDATE_GOAL,
        { input: { goalId: mentorGoal, status: 'DROPPED' } },
        { token: caller.token },
      );
      expect(denied.updateLearningGoal, caller.email).toMatchObject({ __typename: 'NotFoundError' });
    }
  });

  it('shows goals and notes only to the volunteer and their mentors', async () => {
    const mine = await api.data(
      '{ me { learningGoals(first: 20) { totalCount edges { node { id mentorNotes organization { slug } } } } } }',
      {},
      { token: mentee.token },
    );
    expect(mine.me.learningGoals.totalCount).toBe(3);
    expect(
      mine.me.learningGoals.edges.find((e: { node: { id: string } }) => e.node.id === mentorGoal).node.mentorNotes,
    ).toBe('Odlično opravljeno.');
    const achieved = await api.data(
      '{ me { learningGoals(filter: { status: ACHIEVED }) { totalCount } } }',
      {},
      { token: mentee.token },
    );
    expect(achieved.me.learningGoals.totalCount).toBe(1);

    // The mentor sees the mentee's goals in the organisation they mentor in, not elsewhere.
    const asMentor = await api.data(
      '{ me { mentees(current: true) { edges { node { volunteer { learningGoals { id mentorNotes } } } } } } }',
      {},
      { token: goalMentor.token },
    );
    const ids = asMentor.me.mentees.edges[0].node.volunteer.learningGoals.map((g: { id: string }) => g.id).sort();
    expect(ids).toEqual([mentorGoal, ownGoal].sort());
    expect(ids).not.toContain(elsewhereGoal);

    // Coordinators read the assignment (and the volunteer's contact details) but not the learning path.
    const asCoordinator = await api.data(
      `{ organization(slug: "drustvo-legebitra") { mentorAssignments(current: true, first: 100) {
          edges { node { volunteer { email learningGoals { id } } } } } } }`,
      {},
      { token: coordinator.token },
    );
    const seen = asCoordinator.organization.mentorAssignments.edges.find(
      (e: { node: { volunteer: { email: string } } }) => e.node.volunteer.email === mentee.email,
    );
    expect(seen.node.volunteer.learningGoals).toEqual([]);

    const read = (token: string, id: string) =>
      api.gql('query($id: ID!) { node(id: $id) { ... on LearningGoal { title mentorNotes } } }', { id }, { token });
    expect((await read(mentee.token, elsewhereGoal)).data?.node).toMatchObject({ title: 'Cilj pri Paradi' });
    expect((await read(goalMentor.token, mentorGoal)).data?.node).toMatchObject({ mentorNotes: 'Odlično opravljeno.' });
    expect((await read(goalMentor.token, elsewhereGoal)).data?.node).toBeNull();
    for (const caller of [coordinator, admin, otherMentor, paradaCoordinator, otherCoordinator, volunteer]) {
      const denied = await read(caller.token, mentorGoal);
      expect(denied.data?.node, caller.email).toBeNull();
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await api.gql('query($id: ID!) { node(id: $id) { id } }', { id: mentorGoal })).data?.node).toBeNull();
  });

  it('closes the learning path to a mentor whose assignment has ended', async () => {
    const assignment = await api.prisma.mentorAssignment.findFirstOrThrow({
      where: { mentorId: goalMentor.id, volunteerId: mentee.id },
    });
    await api.data(
      END,
      { input: { assignmentId: toGlobal('MentorAssignment', assignment.id), endsOn: daysFromToday(-1) } },
      {
        token: coordinator.token,
      },
    );
    const read = await api.gql(
      'query($id: ID!) { node(id: $id) { id } }',
      { id: mentorGoal },
      { token: goalMentor.token },
    );
    expect(read.data?.node).toBeNull();
    const update = await api.data(
      UPDATE_GOAL,
      { input: { goalId: mentorGoal, mentorNotes: 'Še to.' } },
      { token: goalMentor.token },
    );
    expect(update.updateLearningGoal).toMatchObject({ __typename: 'NotFoundError' });
    // The volunteer keeps the notes.
    const own = await api.gql(
      'query($id: ID!) { node(id: $id) { ... on LearningGoal { mentorNotes } } }',
      { id: mentorGoal },
      { token: mentee.token },
    );
    expect(own.data?.node).toEqual({ mentorNotes: 'Odlično opravljeno.' });
  });
});

// ─────────────── intervision ───────────────

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordIntervisionSessionInput!) {
    recordIntervisionSession(input: $input) {
      ${RESULT}
      ... on IntervisionSessionPayload {
        session { id heldOn topics outcomes facilitator { name } participants { name } project { slug } organization { slug } }
      }
    }
  }
`;

describe('intervision', () => {
  let projectSession: string;
  let ownSession: string;

  const record = (token: string, input: Record<string, unknown>) =>
    api.gql(
      RECORD,
      {
        input: {
          organizationId: legebitra.global,
          heldOn: '2026-10-20',
          participantIds: [mentor.person, otherMentor.person],
          topics: ['meje mentorske vloge'],
          idempotencyKey: `session-${Math.random()}`,
          ...input,
        },
      },
      { token },
    );

  it('staff record sessions with mentors of the organisation and its partners; a retry returns the first', async () => {
    const input = {
      facilitatorId: coordinator.person,
      participantIds: [mentor.person, paradaMentor.person],
      topics: ['podpora mladoletnim prostovoljkam_cem', 'skrb zase'],
      outcomes: 'Dogovorili smo se za skupni protokol.',
      idempotencyKey: 'intervision-own-0001',
    };
    const first = await record(mentor.token, input);
    expect(first.data!.recordIntervisionSession).toMatchObject({
      __typename: 'IntervisionSessionPayload',
      session: {
        heldOn: '2026-10-20',
        topics: ['podpora mladoletnim prostovoljkam_cem', 'skrb zase'],
        facilitator: { name: 'Koordinatorka Legebitra' },
        project: null,
        organization: { slug: 'drustvo-legebitra' },
      },
    });
    ownSession = first.data!.recordIntervisionSession.session.id;
    expect(
      first.data!.recordIntervisionSession.session.participants.map((p: { name: string }) => p.name).sort(),
    ).toEqual(['Mentor Parada', 'Mentorica Prva']);
    expect((await record(mentor.token, input)).data!.recordIntervisionSession.session.id).toBe(ownSession);
    expect((await record(coordinator.token, input)).data!.recordIntervisionSession).toMatchObject({
      code: 'IDEMPOTENCY_CONFLICT',
    });
    expect(
      await api.prisma.auditLog.count({ where: { action: 'intervision.record', subjectId: fromGlobal(ownSession) } }),
    ).toBe(1);
  });

  it('records project sessions within the project period only, with staff of the partnership', async () => {
    const inProject = await record(coordinator.token, {
      projectId: lgbtiqProject.global,
      heldOn: '2019-06-18',
      participantIds: [mentor.person, paradaMentor.person],
      facilitatorId: paradaCoordinator.person,
    });
    expect(inProject.data!.recordIntervisionSession.session.project).toEqual({ slug: 'lgbtiq-prostovoljstvo' });
    projectSession = inProject.data!.recordIntervisionSession.session.id;

    const after = await record(coordinator.token, { projectId: lgbtiqProject.global, heldOn: '2020-01-15' });
    expect(after.data!.recordIntervisionSession).toMatchObject({ code: 'OUTSIDE_PROJECT_PERIOD' });
    expect(after.data!.recordIntervisionSession.message).toContain('2018-10-01');
    const maribor = await api.prisma.project.findUniqueOrThrow({ where: { slug: 'razvoj-prostovoljstva-v-mariboru' } });
    const notPartner = await record(coordinator.token, {
      projectId: toGlobal('Project', maribor.id),
      heldOn: '2020-01-15',
    });
    expect(notPartner.data!.recordIntervisionSession).toMatchObject({ code: 'NOT_A_PROJECT_PARTNER' });
    const stranger = await record(coordinator.token, { participantIds: [mentor.person, otherCoordinator.person] });
    expect(stranger.data!.recordIntervisionSession).toMatchObject({
      __typename: 'NotFoundError',
      path: ['input', 'participantIds', '1'],
    });
    const aVolunteer = await record(coordinator.token, { participantIds: [volunteer.person] });
    expect(aVolunteer.data!.recordIntervisionSession).toMatchObject({ path: ['input', 'participantIds', '0'] });
    const future = await record(coordinator.token, { heldOn: daysFromToday(3) });
    expect(future.data!.recordIntervisionSession).toMatchObject({ fieldErrors: [{ path: ['input', 'heldOn'] }] });
    const noTopics = await record(coordinator.token, { topics: [] });
    expect(noTopics.data!.recordIntervisionSession.__typename).toBe('ValidationError');
    for (const caller of [volunteer, otherCoordinator, paradaCoordinator]) {
      const denied = await record(caller.token, {});
      expect(denied.data!.recordIntervisionSession, caller.email).toMatchObject({
        __typename: 'NotFoundError',
        path: ['input', 'organizationId'],
      });
    }
  });

  it('staff of the organisation correct a session; its day and project stay', async () => {
    const UPDATE = /* GraphQL */ `
      mutation Update($input: UpdateIntervisionSessionInput!) {
        updateIntervisionSession(input: $input) {
          ${RESULT}
          ... on IntervisionSessionPayload {
            session { id heldOn topics outcomes facilitator { name } participants { name } project { slug } }
          }
        }
      }
    `;
    const update = (token: string, input: Record<string, unknown>) =>
      api.gql(UPDATE, { input: { id: projectSession, ...input } }, { token });
    const change = { topics: ['  supervizija  ', 'izgorelost'], outcomes: 'Nov protokol.', facilitatorId: null };
    const first = await update(otherMentor.token, change);
    expect(first.data!.updateIntervisionSession).toMatchObject({
      __typename: 'IntervisionSessionPayload',
      session: {
        id: projectSession,
        heldOn: '2019-06-18',
        topics: ['supervizija', 'izgorelost'],
        outcomes: 'Nov protokol.',
        facilitator: null,
        project: { slug: 'lgbtiq-prostovoljstvo' },
      },
    });
    // Left out: the participants stay.
    expect(
      first.data!.updateIntervisionSession.session.participants.map((p: { name: string }) => p.name).sort(),
    ).toEqual(['Mentor Parada', 'Mentorica Prva']);
    // The same change again, also written slightly differently: the same session, and no second audit entry.
    expect((await update(otherMentor.token, change)).data!.updateIntervisionSession.session).toEqual(
      first.data!.updateIntervisionSession.session,
    );
    expect(
      (await update(coordinator.token, { topics: ['supervizija', 'izgorelost '] })).data!.updateIntervisionSession
        .session,
    ).toEqual(first.data!.updateIntervisionSession.session);
    const people = await update(coordinator.token, {
      participantIds: [mentor.person, mentor.person, paradaCoordinator.person],
      facilitatorId: paradaMentor.person,
      outcomes: null,
    });
    expect(people.data!.updateIntervisionSession.session).toMatchObject({
      facilitator: { name: 'Mentor Parada' },
      outcomes: null,
      topics: ['supervizija', 'izgorelost'],
    });
    expect(people.data!.updateIntervisionSession.session.participants).toHaveLength(2);

    // The same rules for people as when recording, and only the holding organisation's staff may change it.
    const stranger = await update(coordinator.token, { participantIds: [otherCoordinator.person] });
    expect(stranger.data!.updateIntervisionSession).toMatchObject({ path: ['input', 'participantIds', '0'] });
    for (const caller of [volunteer, paradaCoordinator, otherCoordinator]) {
      const denied = await update(caller.token, { outcomes: 'Ne.' });
      expect(denied.data!.updateIntervisionSession, caller.email).toMatchObject({
        __typename: 'NotFoundError',
        path: ['input', 'id'],
      });
    }
    const trail = await api.prisma.auditLog.findMany({
      where: { action: 'intervision.update', subjectId: fromGlobal(projectSession) },
      orderBy: { createdAt: 'asc' },
    });
    // What each change changed: the retries above changed nothing and are not in the log.
    expect(trail.map((entry) => (entry.details as { changed: string[] }).changed)).toEqual([
      ['facilitatorId', 'topics', 'outcomes'],
      ['facilitatorId', 'participantIds', 'outcomes'],
    ]);
  });

  it('shows sessions to staff of the organisation, of the project partners and to participants', async () => {
    const organizationList = `{ organization(slug: "drustvo-legebitra") { intervisionSessions(year: 2026, first: 50) { totalCount edges { node { id } } } } }`;
    const staffView = await api.data(organizationList, {}, { token: otherMentor.token });
    expect(staffView.organization.intervisionSessions.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(
      ownSession,
    );
    for (const caller of [volunteer, paradaMentor, otherCoordinator]) {
      const denied = await api.gql(organizationList, {}, { token: caller.token });
      expect(denied.errors?.[0]?.extensions?.code, caller.email).toBe('FORBIDDEN');
    }

    const projectList = `{ project(slug: "lgbtiq-prostovoljstvo") { intervisionSessions(first: 50) { totalCount edges { node { id heldOn } } } } }`;
    const partnerView = await api.data(projectList, {}, { token: paradaCoordinator.token });
    // The seed's two sessions of the project and the one recorded above.
    expect(partnerView.project.intervisionSessions.totalCount).toBe(3);
    expect(partnerView.project.intervisionSessions.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(
      projectSession,
    );
    for (const caller of [volunteer, otherCoordinator]) {
      const denied = await api.gql(projectList, {}, { token: caller.token });
      expect(denied.errors?.[0]?.extensions?.code, caller.email).toBe('FORBIDDEN');
    }
    expect((await api.gql(projectList)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // A participant from the partner organisation sees the non-project session they attended.
    const mine = await api.data(
      '{ me { intervisionSessions { totalCount edges { node { id } } } } }',
      {},
      { token: paradaMentor.token },
    );
    expect(mine.me.intervisionSessions.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(
      [ownSession, projectSession].sort(),
    );
    const node = (token: string, id: string) => api.gql('query($id: ID!) { node(id: $id) { id } }', { id }, { token });
    expect((await node(paradaMentor.token, ownSession)).data?.node).toEqual({ id: ownSession });
    // Parada's coordinator neither took part nor is staff of Legebitra: the non-project session is not theirs.
    expect((await node(paradaCoordinator.token, ownSession)).data?.node).toBeNull();
    expect((await node(paradaCoordinator.token, projectSession)).data?.node).toEqual({ id: projectSession });
    expect((await node(volunteer.token, ownSession)).data?.node).toBeNull();
  });

  it('lets staff find colleagues to name as mentors and participants, without contact details', async () => {
    const colleagues = await api.data(
      '{ organization(slug: "drustvo-legebitra") { staff { personId name role } } }',
      {},
      { token: mentor.token },
    );
    expect(colleagues.organization.staff).toContainEqual({
      personId: mentor.person,
      name: 'Mentorica Prva',
      role: 'MENTOR',
    });
    expect(colleagues.organization.staff.some((c: { personId: string }) => c.personId === volunteer.person)).toBe(
      false,
    );
    const partnership = await api.data(
      '{ project(slug: "lgbtiq-prostovoljstvo") { staff { personId organization { slug } } } }',
      {},
      { token: mentor.token },
    );
    expect(partnership.project.staff).toContainEqual({
      personId: paradaMentor.person,
      organization: { slug: 'drustvo-parada-ponosa' },
    });
    const denied = await api.gql(
      '{ organization(slug: "drustvo-legebitra") { staff { name } } }',
      {},
      { token: volunteer.token },
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await api.gql(
      '{ project(slug: "lgbtiq-prostovoljstvo") { staff { name } } }',
      {},
      { token: otherCoordinator.token },
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

// ─────────────── personal data ───────────────

describe('export and erasure of mentoring data', () => {
  const MENTORED = /* GraphQL */ `
    {
      project(slug: "lgbtiq-prostovoljstvo") {
        indicators {
          metric
          current
        }
      }
    }
  `;
  const mentored = async () =>
    (await api.data(MENTORED)).project.indicators.find((i: { metric: string }) => i.metric === 'MENTORED_VOLUNTEERS')
      .current as number;

  it('exports the learning path with the mentor notes, and the mentoring periods', async () => {
    const zan = await api.prisma.user.findFirstOrThrow({ where: { email: { startsWith: 'zan.kralj@' } } });
    const { exportMyData } = await api.data('{ exportMyData }', {}, { token: await api.tokenFor(zan.email) });
    const goal = exportMyData.learningGoals.find((g: { title: string }) => g.title === 'Voditi srečanje kluba v Kopru');
    expect(goal).toMatchObject({
      status: 'ACHIEVED',
      mentorNotes: 'Srečanje je vodil samostojno; udeleženci so pohvalili uvodno igro.',
    });
    expect(exportMyData.mentoring.mentors.length).toBeGreaterThan(1);
    expect(exportMyData.mentoring.mentors[0]).toMatchObject({
      mentor: 'Matej Vrhovnik',
      organization: { slug: 'drustvo-legebitra' },
    });
    // The goal's status path is among the audit entries about the person's records.
    const steps = exportMyData.auditEntries.filter(
      (e: { subjectType: string; subjectId: string }) => e.subjectType === 'LearningGoal' && e.subjectId === goal.id,
    );
    expect(steps.map((e: { action: string }) => e.action)).toEqual([
      'learningGoal.create',
      'learningGoal.update',
      'learningGoal.update',
    ]);
  });

  it('erases goals and notes, ends the mentoring, and leaves the project figures as they were', async () => {
    // Sam volunteered in the LGBTIQ+ project in 2019 and is counted among its mentored volunteers.
    const sam = await api.prisma.user.findFirstOrThrow({ where: { email: { startsWith: 'sam.hocevar@' } } });
    await api.prisma.learningGoal.create({
      data: {
        volunteerId: sam.id,
        organizationId: legebitra.id,
        title: 'Osebni cilj',
        mentorNotes: 'Zapisek mentorice.',
      },
    });
    const figure = await mentored();
    expect(figure).toBeGreaterThan(0);
    const { eraseMe } = await api.data(
      'mutation($input: EraseMeInput!) { eraseMe(input: $input) { __typename } }',
      { input: { confirmEmail: sam.email } },
      { token: await api.tokenFor(sam.email) },
    );
    expect(eraseMe.__typename).toBe('PersonErasedPayload');
    expect(await api.prisma.learningGoal.count({ where: { volunteerId: sam.id } })).toBe(0);
    const periods = await api.prisma.mentorAssignment.findMany({ where: { volunteerId: sam.id } });
    expect(periods.length).toBeGreaterThan(0);
    expect(periods.every((p) => p.endsOn !== null && isoDay(p.endsOn) < isoDay(new Date()))).toBe(true);
    expect(await mentored()).toBe(figure);
  });

  it('erasing a mentor ends their mentoring; the mentees keep their goals and notes', async () => {
    const leaving = await person('Mentorica Odhaja', [{ organizationId: legebitra.id, role: 'MENTOR' }]);
    const pupil = await person('Prostovoljec Ostaja', [{ organizationId: legebitra.id, role: 'VOLUNTEER' }]);
    await assign(coordinator.token, {
      mentorId: leaving.person,
      volunteerId: pupil.person,
      startsOn: daysFromToday(-20),
    });
    await goal(leaving.token, pupil);
    const erased = await api.data(
      'mutation($input: EraseMeInput!) { eraseMe(input: $input) { __typename } }',
      { input: { confirmEmail: leaving.email } },
      { token: leaving.token },
    );
    expect(erased.eraseMe.__typename).toBe('PersonErasedPayload');
    const mentors = await api.data(
      '{ me { mentors(current: true) { totalCount } learningGoals { totalCount edges { node { mentorNotes } } } } }',
      {},
      {
        token: pupil.token,
      },
    );
    expect(mentors.me.mentors.totalCount).toBe(0);
    expect(mentors.me.learningGoals).toEqual({ totalCount: 1, edges: [{ node: { mentorNotes: 'Dobrodošel.' } }] });
  });

  async function goal(token: string, pupil: Person) {
    const result = await api.data(
      CREATE_GOAL,
      {
        input: {
          organizationId: legebitra.global,
          volunteerId: pupil.person,
          title: 'Spoznati klub',
          mentorNotes: 'Dobrodošel.',
          idempotencyKey: 'leaving-mentor-goal',
        },
      },
      { token },
    );
    expect(result.createLearningGoal.__typename).toBe('LearningGoalPayload');
  }
});
