import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { InputError, NotFoundError, RuleError } from '../errors.ts';
import { idOf } from '../ids.ts';
import { addMember, changeMemberRole, formerMembership, removeMember } from '../members.ts';
import { RoleEnum } from './enums.ts';
import { OrganizationRef } from './organization.ts';
import { PersonRef } from './person.ts';

export const MemberRef = builder.prismaNode('Membership', {
  variant: 'Member',
  description:
    "A person's role in an organisation, as the organisation's admins manage it. A person may hold several roles in one organisation, one Member each.",
  id: { field: 'id' },
  authScopes: (m) => ({ can: { permission: 'members:manage', organizationId: m.organizationId } }),
  fields: (t) => ({
    role: t.expose('role', { type: RoleEnum }),
    title: t.exposeString('title', { nullable: true, description: 'Job title as shown to volunteers.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the role was given.' }),
    person: t.relation('user', { type: PersonRef, description: 'Who holds the role.' }),
    organization: t.relation('organization'),
  }),
});

builder.prismaObjectField(OrganizationRef, 'members', (t) =>
  t.relatedConnection(
    'memberships',
    {
      type: MemberRef,
      cursor: 'id',
      description: "The organisation's members, one entry per role, oldest first. For its admins.",
      authScopes: (o) => ({ can: { permission: 'members:manage', organizationId: o.id } }),
      args: { role: t.arg({ type: RoleEnum, required: false, description: 'Only members with this role.' }) },
      totalCount: true,
      query: (args) => ({
        where: args.role ? { role: args.role } : {},
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }),
    },
    { name: 'MemberConnection', description: "A page of an organisation's members." },
    { name: 'MemberEdge', description: 'A member in a page.' },
  ),
);

const MemberPayload = builder.objectRef<{ membershipId: string }>('MemberPayload').implement({
  description: 'The member after the change.',
  fields: (t) => ({
    member: t.prismaField({
      type: MemberRef,
      description: 'The membership as it is now.',
      resolve: (query, p, _, ctx) =>
        ctx.prisma.membership.findUniqueOrThrow({ ...query, where: { id: p.membershipId } }),
    }),
  }),
});

/** A membership the caller may manage, or NotFound (whether it does not exist or may not be seen). */
async function managedMembership(ctx: Context, membershipGlobalId: string) {
  const id = idOf(ctx.locale, membershipGlobalId, 'Member', ['input', 'membershipId']);
  const membership = await ctx.prisma.membership.findUnique({ where: { id } });
  if (membership && (await ctx.access.can('members:manage', membership.organizationId))) {
    return { id, membership };
  }
  if (membership) throw new NotFoundError(ctx.locale, ['input', 'membershipId']);
  return { id, membership: null };
}

/** For a repeated call about a membership that is gone: what became of it, if the caller may know. */
async function managedFormerMembership(ctx: Context, id: string) {
  const former = await formerMembership(ctx, id);
  if (!former || !(await ctx.access.can('members:manage', former.organizationId))) {
    throw new NotFoundError(ctx.locale, ['input', 'membershipId']);
  }
  return former;
}

// ─────────────── addMember ───────────────

const AddMemberInput = builder.inputType('AddMemberInput', {
  description: 'A person to give a role in an organisation.',
  fields: (t) => ({
    organizationId: t.id({ description: 'The organisation.' }),
    email: t.string({ description: 'Their e-mail address (their account is found or created by it).' }),
    name: t.string({ description: 'Their full name; used only when a new account is created.' }),
    role: t.field({ type: RoleEnum, description: 'The role to give.' }),
    title: t.string({
      required: false,
      description: 'Job title shown to volunteers, e.g. "mentorica prostovoljcev".',
      validate: z.string().max(500),
    }),
  }),
});

builder.mutationField('addMember', (t) =>
  t.field({
    type: MemberPayload,
    description:
      'Gives a person a role in an organisation, creating their account if needed, and e-mails them how to sign in (with a one-time code). Needs ADMIN of the organisation. Adding a role the person already holds returns it unchanged.',
    authScopes: { signedIn: true },
    errors: { types: [InputError, NotFoundError] },
    args: { input: t.arg({ type: AddMemberInput }) },
    resolve: async (_, { input }, ctx) => {
      const organizationId = idOf(ctx.locale, input.organizationId, 'Organization', ['input', 'organizationId']);
      if (!(await ctx.access.can('members:manage', organizationId))) {
        throw new NotFoundError(ctx.locale, ['input', 'organizationId']);
      }
      const { membership } = await addMember(ctx, {
        organizationId,
        email: input.email,
        name: input.name,
        role: input.role,
        title: input.title,
      });
      return { membershipId: membership.id };
    },
  }),
);

// ─────────────── changeMemberRole ───────────────

const ChangeMemberRoleInput = builder.inputType('ChangeMemberRoleInput', {
  description: 'A new role for a member.',
  fields: (t) => ({
    membershipId: t.id({ description: 'Global id of the Member.' }),
    role: t.field({ type: RoleEnum, description: 'The new role.' }),
  }),
});

builder.mutationField('changeMemberRole', (t) =>
  t.field({
    type: MemberPayload,
    description:
      "Changes a member's role. Needs ADMIN of the organisation; the last admin cannot be demoted. If the person already holds the new role, the two merge and that Member is returned. Repeating the change changes nothing.",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, RuleError] },
    args: { input: t.arg({ type: ChangeMemberRoleInput }) },
    resolve: async (_, { input }, ctx) => {
      const { id, membership } = await managedMembership(ctx, input.membershipId);
      if (!membership) {
        // A repeat of a change that merged this membership into another.
        const former = await managedFormerMembership(ctx, id);
        const merged = former.mergedInto
          ? await ctx.prisma.membership.findUnique({ where: { id: former.mergedInto } })
          : null;
        if (!merged || merged.role !== input.role) throw new NotFoundError(ctx.locale, ['input', 'membershipId']);
        return { membershipId: merged.id };
      }
      const changed = await changeMemberRole(ctx, membership, input.role);
      return { membershipId: changed.id };
    },
  }),
);

// ─────────────── removeMember ───────────────

const RemoveMemberInput = builder.inputType('RemoveMemberInput', {
  description: 'The role to take away.',
  fields: (t) => ({
    membershipId: t.id({ description: 'Global id of the Member.' }),
  }),
});

const RemoveMemberPayload = builder
  .objectRef<{ membershipId: string; organizationId: string }>('RemoveMemberPayload')
  .implement({
    description: 'The membership that ended.',
    fields: (t) => ({
      removedMemberId: t.id({
        description: 'Global id of the Member that no longer exists.',
        resolve: (p) => encodeGlobalID('Member', p.membershipId),
      }),
      organization: t.prismaField({
        type: OrganizationRef,
        description: 'The organisation, e.g. to refetch its members.',
        resolve: (query, p, _, ctx) =>
          ctx.prisma.organization.findUniqueOrThrow({ ...query, where: { id: p.organizationId } }),
      }),
    }),
  });

builder.mutationField('removeMember', (t) =>
  t.field({
    type: RemoveMemberPayload,
    description:
      'Takes a role away from a person (their account and records stay). Needs ADMIN of the organisation; the last admin cannot be removed. Repeating it changes nothing.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, RuleError] },
    args: { input: t.arg({ type: RemoveMemberInput }) },
    resolve: async (_, { input }, ctx) => {
      const { id, membership } = await managedMembership(ctx, input.membershipId);
      if (!membership) {
        const former = await managedFormerMembership(ctx, id);
        if (former.action !== 'member.remove') throw new NotFoundError(ctx.locale, ['input', 'membershipId']);
        return { membershipId: id, organizationId: former.organizationId };
      }
      await removeMember(ctx, membership);
      return { membershipId: id, organizationId: membership.organizationId };
    },
  }),
);
