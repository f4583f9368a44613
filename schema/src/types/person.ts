import { encodeGlobalID } from '@pothos/plugin-relay';
import { auditPersonalDataRead } from '../audit.ts';
import { builder } from '../builder.ts';
import { ageOn } from '../calendar.ts';
import { GenderEnum, RoleEnum } from './enums.ts';

/**
 * A volunteer's personal data. Deliberately not a Node and never queried
 * directly: it is reachable only through a record that was already authorised
 * (the person's own application or hour entry, seen by them or their
 * organisation's staff), so no one can look people up by id.
 */
export const PersonRef = builder.prismaObject('User', {
  variant: 'Person',
  description: "A volunteer's contact details, shown to the volunteer and to their organisation's staff.",
  // Each field loads only its own columns: never the password hash.
  select: { id: true },
  fields: (t) => ({
    id: t.id({
      description: "Global id; use it as the subject of a mentor's evaluation. Not resolvable through `node`.",
      resolve: (u) => encodeGlobalID('Person', u.id),
    }),
    // Each read of a minor's contact details by staff is written to the audit log first.
    name: t.string({
      description: 'Full name.',
      select: { birthDate: true, name: true },
      resolve: async (u, _, ctx) => (await auditPersonalDataRead(ctx, u, null), u.name),
    }),
    email: t.string({
      description: 'E-mail address (lower case).',
      select: { birthDate: true, email: true },
      resolve: async (u, _, ctx) => (await auditPersonalDataRead(ctx, u, null), u.email),
    }),
    phone: t.string({
      description: 'Phone number, if given.',
      nullable: true,
      select: { birthDate: true, phone: true },
      resolve: async (u, _, ctx) => (await auditPersonalDataRead(ctx, u, null), u.phone),
    }),
    birthDate: t.field({
      description: 'Decides minority (guardian consent, ZProst Art. 13).',
      type: 'Date',
      nullable: true,
      select: { birthDate: true },
      resolve: async (u, _, ctx) => (await auditPersonalDataRead(ctx, u, null), u.birthDate),
    }),
    isMinor: t.boolean({
      description: 'Under 18 today: needs guardian consent (ZProst Art. 13).',
      select: { birthDate: true },
      resolve: (u) => !!u.birthDate && ageOn(u.birthDate, new Date()) < 18,
    }),
  }),
});

/** How a mentor or reviewer appears to others: by name only. */
export const StaffMemberRef = builder.prismaObject('User', {
  variant: 'StaffMember',
  description: 'A mentor, coordinator or reviewer, as others see them: by name.',
  // Only the name is read: never the password hash or contact details of staff.
  select: { id: true },
  fields: (t) => ({
    name: t.exposeString('name'),
  }),
});

const MembershipRef = builder.prismaObject('Membership', {
  description: "The signed-in person's role in an organisation.",
  fields: (t) => ({
    role: t.expose('role', { type: RoleEnum }),
    title: t.exposeString('title', { nullable: true }),
    organization: t.relation('organization'),
  }),
});

export const MeRef = builder.prismaNode('User', {
  variant: 'Me',
  description: 'The signed-in person, with their own data.',
  id: { field: 'id' },
  authScopes: (user) => ({ self: user.id }),
  fields: (t) => ({
    name: t.exposeString('name'),
    email: t.exposeString('email'),
    phone: t.exposeString('phone', { nullable: true }),
    birthDate: t.expose('birthDate', { type: 'Date', nullable: true }),
    gender: t.expose('gender', { type: GenderEnum, nullable: true }),
    locale: t.string({ description: 'Preferred language: sl or en.', resolve: (u) => u.locale }),
    memberships: t.relation('memberships', {
      description: 'Roles in organisations.',
      type: MembershipRef,
      query: { orderBy: { createdAt: 'asc' } },
    }),
  }),
});

builder.queryField('me', (t) =>
  t.prismaField({
    type: MeRef,
    nullable: true,
    description: 'The signed-in person, or null when the request carries no valid session.',
    resolve: (query, _, __, ctx) =>
      ctx.viewer ? ctx.prisma.user.findUnique({ ...query, where: { id: ctx.viewer.id } }) : null,
  }),
);
