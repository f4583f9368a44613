import type { MembershipModel as Membership, Prisma, Role } from '@tandem/db';
import { z } from 'zod';
import { audit } from './audit.ts';
import type { Context, Locale } from './context.ts';
import { type FieldError, InputError, NotFoundError, RuleError } from './errors.ts';
import { type MessageKey, t } from './i18n.ts';

/**
 * Adding, re-roling and removing members of an organisation: the one
 * implementation behind the GraphQL mutations and the command-line tool.
 * Callers check `members:manage` first.
 */

export interface AddMemberInput {
  /** Row id of the organisation. */
  organizationId: string;
  email: string;
  name: string;
  role: Role;
  title?: string | null;
}

export interface AddedMember {
  membership: Membership;
  /** False when the person already held this role (nothing changed, no mail sent). */
  created: boolean;
}

const emailSchema = z.email();

function validateMember(locale: Locale, input: AddMemberInput) {
  const errors: FieldError[] = [];
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  const title = input.title?.trim() || null;
  if (!emailSchema.safeParse(email).success || email.length > 254) {
    errors.push({ path: ['input', 'email'], message: t(locale, 'INVALID_EMAIL') });
  }
  if (name.length < 2 || name.length > 200) {
    errors.push({ path: ['input', 'name'], message: t(locale, 'TEXT_LENGTH', { min: 2, max: 200 }) });
  }
  if (title && title.length > 200) {
    errors.push({ path: ['input', 'title'], message: t(locale, 'TEXT_LENGTH', { min: 1, max: 200 }) });
  }
  if (errors.length) throw new InputError(locale, errors);
  return { email, name, title };
}

/** Serialises membership changes of one organisation, so two admins cannot remove each other at once. */
async function lockOrganization(tx: Prisma.TransactionClient, locale: Locale, organizationId: string) {
  const rows = await tx.$queryRaw<{ id: string; name: string }[]>`
    SELECT id, name FROM "Organization" WHERE id = ${organizationId} FOR UPDATE`;
  if (!rows[0]) throw new NotFoundError(locale, ['input', 'organizationId']);
  return rows[0];
}

async function adminCount(tx: Prisma.TransactionClient, organizationId: string): Promise<number> {
  return tx.membership.count({ where: { organizationId, role: 'ADMIN' } });
}

const ROLE_NAMES: Record<Role, MessageKey> = {
  ADMIN: 'ROLE_ADMIN',
  COORDINATOR: 'ROLE_COORDINATOR',
  MENTOR: 'ROLE_MENTOR',
  VOLUNTEER: 'ROLE_VOLUNTEER',
};

/**
 * Gives a person a role in an organisation, creating their account (by
 * lower-cased e-mail) if they have none, and mails them an invitation that
 * explains how to sign in with a one-time code. Holding the role already
 * returns the existing membership and sends nothing.
 */
export async function addMember(ctx: Context, input: AddMemberInput): Promise<AddedMember> {
  const L = ctx.locale;
  const { email, name, title } = validateMember(L, input);

  const attempt = () =>
    ctx.prisma.$transaction(async (tx) => {
      const organization = await lockOrganization(tx, L, input.organizationId);
      const user = await tx.user.upsert({ where: { email }, create: { email, name }, update: {} });
      const existing = await tx.membership.findUnique({
        where: { userId_organizationId_role: { userId: user.id, organizationId: organization.id, role: input.role } },
      });
      if (existing) return { membership: existing, created: false, user, organization };
      const membership = await tx.membership.create({
        data: { userId: user.id, organizationId: organization.id, role: input.role, title },
      });
      await audit(
        ctx,
        {
          action: 'member.add',
          organizationId: organization.id,
          subjectType: 'Membership',
          subjectId: membership.id,
          details: { userId: user.id, role: input.role, ...(title ? { title } : {}) },
        },
        tx,
      );
      return { membership, created: true, user, organization };
    });

  let result: Awaited<ReturnType<typeof attempt>>;
  try {
    result = await attempt();
  } catch (error) {
    // A concurrent call created the same user or membership first; the second attempt finds it.
    if ((error as { code?: string }).code !== 'P2002') throw error;
    result = await attempt();
  }

  if (result.created) {
    const locale = result.user.locale;
    const params = {
      name: result.user.name,
      email: result.user.email,
      organization: result.organization.name,
      role: t(locale, ROLE_NAMES[input.role]),
    };
    await ctx.mailer.send({
      to: result.user.email,
      subject: t(locale, 'MEMBER_INVITATION_SUBJECT', params),
      text: t(locale, 'MEMBER_INVITATION_TEXT', params),
      kind: 'member-invitation',
    });
  }
  return { membership: result.membership, created: result.created };
}

/**
 * Changes the role of one membership. If the person already holds the new
 * role, the changed membership merges into that one (the unique key is
 * person, organisation and role). The last admin cannot be demoted.
 */
export async function changeMemberRole(ctx: Context, membership: Membership, role: Role): Promise<Membership> {
  const L = ctx.locale;
  if (membership.role === role) return membership;
  return ctx.prisma.$transaction(async (tx) => {
    await lockOrganization(tx, L, membership.organizationId);
    const current = await tx.membership.findUnique({ where: { id: membership.id } });
    if (!current) throw new NotFoundError(L, ['input', 'membershipId']);
    if (current.role === role) return current;
    if (current.role === 'ADMIN' && (await adminCount(tx, current.organizationId)) <= 1) {
      throw new RuleError(L, 'LAST_ADMIN');
    }
    const holding = await tx.membership.findUnique({
      where: { userId_organizationId_role: { userId: current.userId, organizationId: current.organizationId, role } },
    });
    let result: Membership;
    if (holding) {
      await tx.membership.delete({ where: { id: current.id } });
      result = holding;
    } else {
      result = await tx.membership.update({ where: { id: current.id }, data: { role } });
    }
    await audit(
      ctx,
      {
        action: 'member.role',
        organizationId: current.organizationId,
        subjectType: 'Membership',
        subjectId: current.id,
        details: {
          userId: current.userId,
          from: current.role,
          to: role,
          ...(holding ? { mergedInto: holding.id } : {}),
        },
      },
      tx,
    );
    return result;
  });
}

/** Ends one membership; the last admin cannot be removed. */
export async function removeMember(ctx: Context, membership: Membership): Promise<void> {
  const L = ctx.locale;
  await ctx.prisma.$transaction(async (tx) => {
    await lockOrganization(tx, L, membership.organizationId);
    const current = await tx.membership.findUnique({ where: { id: membership.id } });
    // Removed meanwhile by someone else: the outcome is the same.
    if (!current) return;
    if (current.role === 'ADMIN' && (await adminCount(tx, current.organizationId)) <= 1) {
      throw new RuleError(L, 'LAST_ADMIN');
    }
    await tx.membership.delete({ where: { id: current.id } });
    await audit(
      ctx,
      {
        action: 'member.remove',
        organizationId: current.organizationId,
        subjectType: 'Membership',
        subjectId: current.id,
        details: { userId: current.userId, from: current.role },
      },
      tx,
    );
  });
}

/**
 * What became of a membership that no longer exists, from the audit log: so
 * that repeating a removal or a merging role change answers as the first call
 * did. Null when it never existed.
 */
export async function formerMembership(
  ctx: Context,
  membershipId: string,
): Promise<{ organizationId: string; action: string; mergedInto: string | null } | null> {
  const entry = await ctx.prisma.auditLog.findFirst({
    where: { subjectType: 'Membership', subjectId: membershipId, action: { in: ['member.remove', 'member.role'] } },
    orderBy: { createdAt: 'desc' },
  });
  if (!entry?.organizationId) return null;
  const details = (entry.details ?? {}) as { mergedInto?: string };
  return { organizationId: entry.organizationId, action: entry.action, mergedInto: details.mergedInto ?? null };
}
