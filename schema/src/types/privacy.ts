import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { audit } from '../audit.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { InputError, NotFoundError, RuleError } from '../errors.ts';
import { idOf } from '../ids.ts';
import { erasePersonalData } from '../privacy/erase.ts';
import { gatherPersonalData } from '../privacy/export.ts';

builder.queryField('exportMyData', (t) =>
  t.field({
    type: 'JSON',
    description:
      'Everything Tandem holds about the signed-in person, as one JSON document (GDPR Art. 15 and 20): `version`, `generatedAt`, profile, memberships, agreements, applications with answers, consents and status history, hour entries, evaluations given and about them, mentoring, learning goals, sessions (metadata), API keys they created (metadata) and audit entries about them. Other people appear by name only. Each export is written to the audit log.',
    authScopes: { signedIn: true },
    resolve: async (_, __, ctx) => {
      const userId = ctx.viewer?.id ?? '';
      const data = await gatherPersonalData(ctx.prisma, userId);
      await audit(ctx, { action: 'person.export', subjectType: 'Person', subjectId: userId });
      return data;
    },
  }),
);

interface Erased {
  userId: string;
  erasedAt: Date;
}

const PersonErasedPayload = builder.objectRef<Erased>('PersonErasedPayload').implement({
  description: "The person's personal data is erased; anonymous statistics and legally kept records remain.",
  fields: (t) => ({
    personId: t.id({
      description: 'Global id of the erased person (as `Person.id`).',
      resolve: (e) => encodeGlobalID('Person', e.userId),
    }),
    erasedAt: t.field({
      type: 'DateTime',
      description: 'When the data was erased (the first time, on a repeat).',
      resolve: (e) => e.erasedAt,
    }),
  }),
});

async function erase(ctx: Context, userId: string, organizationId: string | null, by: 'self' | 'admin') {
  const { erasedAt } = await erasePersonalData(ctx.prisma, userId, {
    locale: ctx.locale,
    record: (tx) =>
      audit(
        ctx,
        { action: 'person.erase', organizationId, subjectType: 'Person', subjectId: userId, details: { by } },
        tx,
      ),
  });
  return { userId, erasedAt };
}

const EraseMeInput = builder.inputType('EraseMeInput', {
  description: 'Confirms that the signed-in person wants their account erased.',
  fields: (t) => ({
    confirmEmail: t.string({
      description: "The account's e-mail address, typed again as confirmation.",
      validate: z.string().trim().min(1).max(254),
    }),
  }),
});

builder.mutationField('eraseMe', (t) =>
  t.field({
    type: PersonErasedPayload,
    description:
      "Erases the signed-in person's personal data and ends all their sessions (GDPR Art. 17). Hours, agreements and numeric evaluation answers stay, anonymised, for the legal record and statistics. Refused with LAST_ADMIN while they are the only admin of an organisation. Because the erasure ends the session it was made with, a retry fails with UNAUTHENTICATED: that means the first call succeeded.",
    authScopes: { signedIn: true },
    errors: { types: [InputError, RuleError] },
    args: { input: t.arg({ type: EraseMeInput }) },
    resolve: async (_, { input }, ctx) => {
      const userId = ctx.viewer?.id ?? '';
      const user = await ctx.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
      if (input.confirmEmail.trim().toLowerCase() !== user.email.toLowerCase()) {
        throw InputError.field(ctx.locale, ['input', 'confirmEmail'], 'CONFIRM_EMAIL_MISMATCH');
      }
      return erase(ctx, userId, null, 'self');
    },
  }),
);

const ErasePersonInput = builder.inputType('ErasePersonInput', {
  description: "A volunteer whose personal data an organisation's admin erases on their request.",
  fields: (t) => ({
    organizationId: t.id({ description: 'Global id of the organisation the admin acts for.' }),
    personId: t.id({ description: 'Global id of the person (`Person.id` on their application or hour entry).' }),
  }),
});

builder.mutationField('erasePerson', (t) =>
  t.field({
    type: PersonErasedPayload,
    description:
      "Erases a person's personal data on their request, as eraseMe does, and ends their sessions. Needs ADMIN of an organisation the person has an application, hour entry, agreement or membership with. Refused with LAST_ADMIN while the person is the only admin of an organisation. Repeating it returns the first result.",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, RuleError] },
    args: { input: t.arg({ type: ErasePersonInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const organizationId = idOf(L, input.organizationId, 'Organization', ['input', 'organizationId']);
      if (!(await ctx.access.can('people:erase', organizationId))) {
        throw new NotFoundError(L, ['input', 'organizationId']);
      }
      const personPath = ['input', 'personId'];
      const userId = idOf(L, input.personId, 'Person', personPath);
      const link = { volunteerId: userId, organizationId };
      const [application, hourLog, agreement, membership, erasedHere] = await Promise.all([
        ctx.prisma.application.findFirst({ where: link, select: { id: true } }),
        ctx.prisma.hourLog.findFirst({ where: link, select: { id: true } }),
        ctx.prisma.volunteerAgreement.findFirst({ where: link, select: { id: true } }),
        ctx.prisma.membership.findFirst({ where: { userId, organizationId }, select: { id: true } }),
        // Erasure deletes memberships; a repeat must still find the person it erased.
        ctx.prisma.auditLog.findFirst({
          where: { action: 'person.erase', organizationId, subjectType: 'Person', subjectId: userId },
          select: { id: true },
        }),
      ]);
      if (!application && !hourLog && !agreement && !membership && !erasedHere) throw new NotFoundError(L, personPath);
      return erase(ctx, userId, organizationId, 'admin');
    },
  }),
);
