import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobal, TestApi, toGlobal } from './harness.ts';

let api: TestApi;
/** drustvo-legebitra: one admin, a coordinator; drustvo-parada-ponosa: another organisation's admin. */
let org: { id: string; slug: string; name: string };
let adminToken: string;
let adminMembershipId: string;
let coordinatorToken: string;
let coordinator: { email: string; name: string };
let otherAdminToken: string;

beforeAll(async () => {
  api = await TestApi.start();
  const admin = await api.prisma.membership.findFirstOrThrow({
    where: { role: 'ADMIN', organization: { slug: 'drustvo-legebitra' } },
    include: { user: true, organization: true },
  });
  org = admin.organization;
  adminMembershipId = admin.id;
  adminToken = await api.tokenFor(admin.user.email);
  expect(await api.prisma.membership.count({ where: { organizationId: org.id, role: 'ADMIN' } })).toBe(1);
  const coordinatorRow = await api.prisma.membership.findFirstOrThrow({
    where: { role: 'COORDINATOR', organizationId: org.id },
    include: { user: true },
  });
  coordinator = coordinatorRow.user;
  coordinatorToken = await api.tokenFor(coordinator.email);
  const otherAdmin = await api.prisma.membership.findFirstOrThrow({
    where: { role: 'ADMIN', organization: { slug: 'drustvo-parada-ponosa' } },
    include: { user: true },
  });
  otherAdminToken = await api.tokenFor(otherAdmin.user.email);
});
afterAll(() => api.close());

const MEMBER_FIELDS = /* GraphQL */ `
  id
  role
  title
  createdAt
  person {
    name
    email
  }
  organization {
    slug
  }
`;

const MEMBERS = /* GraphQL */ `
  query Members($slug: String!, $role: Role) {
    organization(slug: $slug) {
      members(first: 100, role: $role) {
        totalCount
        edges {
          node {
            ${MEMBER_FIELDS}
          }
        }
      }
    }
  }
`;

const RESULT = (name: string, payload: string, validation = false) => /* GraphQL */ `
  ${name} {
    __typename
    ... on ${payload}
    ... on Error {
      code
      message
    }
    ... on NotFoundError {
      path
    }
    ${validation ? '... on ValidationError { fieldErrors { path } }' : ''}
  }
`;

const ADD = /* GraphQL */ `
  mutation Add($input: AddMemberInput!) {
    ${RESULT('addMember(input: $input)', `MemberPayload { member { ${MEMBER_FIELDS} } }`, true)}
  }
`;
const CHANGE = /* GraphQL */ `
  mutation Change($input: ChangeMemberRoleInput!) {
    ${RESULT('changeMemberRole(input: $input)', `MemberPayload { member { ${MEMBER_FIELDS} } }`)}
  }
`;
const REMOVE = /* GraphQL */ `
  mutation Remove($input: RemoveMemberInput!) {
    ${RESULT('removeMember(input: $input)', 'RemoveMemberPayload { removedMemberId organization { slug } }')}
  }
`;

const orgId = () => toGlobal('Organization', org.id);

async function add(input: Record<string, unknown>, token = adminToken) {
  return (await api.data(ADD, { input: { organizationId: orgId(), ...input } }, { token })).addMember;
}

async function change(membershipId: string, role: string, token = adminToken) {
  return (await api.data(CHANGE, { input: { membershipId, role } }, { token })).changeMemberRole;
}

async function remove(membershipId: string, token = adminToken) {
  return (await api.data(REMOVE, { input: { membershipId } }, { token })).removeMember;
}

const auditCount = (action: string, subjectId: string) => api.prisma.auditLog.count({ where: { action, subjectId } });

describe('Organization.members', () => {
  it('lists members with role, title and contact details for the admin', async () => {
    const result = await api.data(MEMBERS, { slug: org.slug }, { token: adminToken });
    const members = result.organization.members.edges.map((e: { node: any }) => e.node);
    expect(members.length).toBe(result.organization.members.totalCount);
    expect(members).toContainEqual(
      expect.objectContaining({ role: 'COORDINATOR', person: { name: coordinator.name, email: coordinator.email } }),
    );
    expect(members.every((m: { organization: { slug: string } }) => m.organization.slug === org.slug)).toBe(true);
    const admins = await api.data(MEMBERS, { slug: org.slug, role: 'ADMIN' }, { token: adminToken });
    expect(admins.organization.members.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
      toGlobal('Member', adminMembershipId),
    ]);
  });

  it('is hidden from coordinators, other organisations and the public', async () => {
    for (const token of [coordinatorToken, otherAdminToken]) {
      const result = await api.gql(MEMBERS, { slug: org.slug }, { token });
      expect(result.data?.organization?.members).toBeFalsy();
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await api.gql(MEMBERS, { slug: org.slug });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const node = await api.gql(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: toGlobal('Member', adminMembershipId) },
      {
        token: coordinatorToken,
      },
    );
    expect(node.data?.node).toBeNull();
  });
});

describe('addMember', () => {
  it('creates the account, adds the role, mails an invitation and audits it; a repeat changes nothing', async () => {
    const input = { email: '  Nova.Mentorica@Example.SI ', name: 'Nova Mentorica', role: 'MENTOR', title: 'mentorica' };
    const added = await add(input);
    expect(added.__typename).toBe('MemberPayload');
    expect(added.member).toMatchObject({
      role: 'MENTOR',
      title: 'mentorica',
      person: { name: 'Nova Mentorica', email: 'nova.mentorica@example.si' },
      organization: { slug: org.slug },
    });
    const user = await api.prisma.user.findUniqueOrThrow({ where: { email: 'nova.mentorica@example.si' } });
    expect(user.passwordHash).toBeNull();

    const mail = await api.prisma.outboxMessage.findMany({ where: { to: 'nova.mentorica@example.si' } });
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ kind: 'member-invitation' });
    expect(mail[0]!.subject).toContain(org.name);
    expect(mail[0]!.text).toContain('enkratno kodo');
    expect(mail[0]!.text).toContain('mentor');

    const membershipId = fromGlobal(added.member.id);
    const entry = await api.prisma.auditLog.findFirstOrThrow({
      where: { action: 'member.add', subjectId: membershipId },
    });
    expect(entry).toMatchObject({ organizationId: org.id, subjectType: 'Membership' });
    expect(entry.details).toMatchObject({ userId: user.id, role: 'MENTOR' });

    const again = await add(input);
    expect(again.member.id).toBe(added.member.id);
    expect(await api.prisma.outboxMessage.count({ where: { to: 'nova.mentorica@example.si' } })).toBe(1);
    expect(await auditCount('member.add', membershipId)).toBe(1);
  });

  it('attaches an existing person, in their language, and lets one person hold two roles', async () => {
    const person = await api.prisma.user.create({
      data: { email: 'two.roles@example.si', name: 'Two Roles', locale: 'en' },
    });
    const mentor = await add({ email: person.email, name: 'Ignored Name', role: 'MENTOR' });
    const coordinatorRole = await add({ email: person.email, name: 'Ignored Name', role: 'COORDINATOR' });
    expect(mentor.member.person.name).toBe('Two Roles');
    expect(coordinatorRole.member.id).not.toBe(mentor.member.id);
    expect(await api.prisma.membership.count({ where: { userId: person.id, organizationId: org.id } })).toBe(2);
    expect(await api.prisma.user.count({ where: { email: person.email } })).toBe(1);
    const mail = await api.prisma.outboxMessage.findMany({
      where: { to: person.email },
      orderBy: { createdAt: 'asc' },
    });
    expect(mail).toHaveLength(2);
    expect(mail[0]!.subject).toContain('You have been added');
    expect(mail[1]!.text).toContain('as: coordinator');
  });

  it('refuses invalid input with field errors', async () => {
    const result = await add({ email: 'not-an-address', name: 'X', role: 'MENTOR' });
    expect(result.__typename).toBe('ValidationError');
    expect(result.fieldErrors.map((f: { path: string[] }) => f.path)).toEqual([
      ['input', 'email'],
      ['input', 'name'],
    ]);
  });

  it('is for admins of the organisation only', async () => {
    const input = { email: 'sneaky@example.si', name: 'Sneaky Person', role: 'ADMIN' };
    expect(await add(input, coordinatorToken)).toMatchObject({
      __typename: 'NotFoundError',
      path: ['input', 'organizationId'],
    });
    expect(await add(input, otherAdminToken)).toMatchObject({ __typename: 'NotFoundError' });
    const anonymous = await api.gql(ADD, { input: { organizationId: orgId(), ...input } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await api.prisma.user.count({ where: { email: 'sneaky@example.si' } })).toBe(0);
  });
});

describe('changeMemberRole', () => {
  it('changes a role, audits from and to, and is idempotent', async () => {
    const added = await add({ email: 'promoted@example.si', name: 'Promoted Person', role: 'MENTOR' });
    const changed = await change(added.member.id, 'COORDINATOR');
    expect(changed).toMatchObject({
      __typename: 'MemberPayload',
      member: { id: added.member.id, role: 'COORDINATOR' },
    });
    const again = await change(added.member.id, 'COORDINATOR');
    expect(again.member.role).toBe('COORDINATOR');
    const entries = await api.prisma.auditLog.findMany({
      where: { action: 'member.role', subjectId: fromGlobal(added.member.id) },
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.details).toMatchObject({ from: 'MENTOR', to: 'COORDINATOR' });
  });

  it('merges into the role the person already holds, and answers a repeat the same way', async () => {
    const mentor = await add({ email: 'merged@example.si', name: 'Merged Person', role: 'MENTOR' });
    const coordinatorRole = await add({ email: 'merged@example.si', name: 'Merged Person', role: 'COORDINATOR' });
    const merged = await change(mentor.member.id, 'COORDINATOR');
    expect(merged.member.id).toBe(coordinatorRole.member.id);
    expect(await api.prisma.membership.findUnique({ where: { id: fromGlobal(mentor.member.id) } })).toBeNull();
    const repeat = await change(mentor.member.id, 'COORDINATOR');
    expect(repeat.member.id).toBe(coordinatorRole.member.id);
    expect(await auditCount('member.role', fromGlobal(mentor.member.id))).toBe(1);
  });

  it('refuses to demote the last admin, and allows it once there is another', async () => {
    const adminId = toGlobal('Member', adminMembershipId);
    const refused = await change(adminId, 'COORDINATOR');
    expect(refused).toMatchObject({ __typename: 'RuleViolationError', code: 'LAST_ADMIN' });
    expect((await api.prisma.membership.findUniqueOrThrow({ where: { id: adminMembershipId } })).role).toBe('ADMIN');

    const second = await add({ email: 'second.admin@example.si', name: 'Second Admin', role: 'ADMIN' });
    const secondToken = await api.tokenFor('second.admin@example.si');
    const demoted = await change(adminId, 'COORDINATOR', secondToken);
    expect(demoted.member.role).toBe('COORDINATOR');
    // Now the second admin is the last one.
    expect(await change(second.member.id, 'MENTOR', secondToken)).toMatchObject({ code: 'LAST_ADMIN' });
    expect(await change(adminId, 'ADMIN', secondToken)).toMatchObject({ member: { role: 'ADMIN' } });
  });

  it('is for admins of the organisation only', async () => {
    const target = await add({ email: 'target@example.si', name: 'Target Person', role: 'MENTOR' });
    for (const token of [coordinatorToken, otherAdminToken]) {
      expect(await change(target.member.id, 'ADMIN', token)).toMatchObject({
        __typename: 'NotFoundError',
        path: ['input', 'membershipId'],
      });
    }
    expect((await api.prisma.membership.findUniqueOrThrow({ where: { id: fromGlobal(target.member.id) } })).role).toBe(
      'MENTOR',
    );
  });
});

describe('removeMember', () => {
  it('removes a role, audits it and is idempotent', async () => {
    const added = await add({ email: 'leaving@example.si', name: 'Leaving Person', role: 'MENTOR' });
    const removed = await remove(added.member.id);
    expect(removed).toEqual({
      __typename: 'RemoveMemberPayload',
      removedMemberId: added.member.id,
      organization: { slug: org.slug },
    });
    expect(await api.prisma.membership.findUnique({ where: { id: fromGlobal(added.member.id) } })).toBeNull();
    expect(await api.prisma.user.count({ where: { email: 'leaving@example.si' } })).toBe(1);
    expect(await remove(added.member.id)).toEqual(removed);
    const entries = await api.prisma.auditLog.findMany({
      where: { action: 'member.remove', subjectId: fromGlobal(added.member.id) },
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.details).toMatchObject({ from: 'MENTOR' });
  });

  it('refuses to remove the last admin', async () => {
    // Leave exactly one admin, the one whose session the tests use (earlier tests added another).
    await api.prisma.membership.deleteMany({
      where: { organizationId: org.id, role: 'ADMIN', id: { not: adminMembershipId } },
    });
    const last = await api.prisma.membership.findUniqueOrThrow({ where: { id: adminMembershipId } });
    expect(last.role).toBe('ADMIN');
    const refused = await remove(toGlobal('Member', last.id));
    expect(refused).toMatchObject({ __typename: 'RuleViolationError', code: 'LAST_ADMIN' });
    expect(refused.message).toContain('skrbnik');
    expect(await api.prisma.membership.findUnique({ where: { id: last.id } })).not.toBeNull();
  });

  it('is for admins of the organisation only; unknown ids are not found', async () => {
    const target = await add({ email: 'staying@example.si', name: 'Staying Person', role: 'MENTOR' });
    for (const token of [coordinatorToken, otherAdminToken]) {
      expect(await remove(target.member.id, token)).toMatchObject({ __typename: 'NotFoundError' });
    }
    expect(await api.prisma.membership.findUnique({ where: { id: fromGlobal(target.member.id) } })).not.toBeNull();
    const unknown = await remove(toGlobal('Member', '00000000-0000-7000-8000-000000000000'));
    expect(unknown).toMatchObject({ __typename: 'NotFoundError', path: ['input', 'membershipId'] });
    // A removed membership stays hidden from those who may not manage it.
    await remove(target.member.id);
    expect(await remove(target.member.id, otherAdminToken)).toMatchObject({ __typename: 'NotFoundError' });
  });
});
