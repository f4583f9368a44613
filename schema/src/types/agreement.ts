import { AgreementStatus, type VolunteerAgreementModel as VolunteerAgreement } from '@tandem/db';
import { z } from 'zod';
import { audit } from '../audit.ts';
import { builder } from '../builder.ts';
import { ageOn } from '../calendar.ts';
import type { Context } from '../context.ts';
import { ConflictError, InputError, NotFoundError, RuleError } from '../errors.ts';
import { idOf } from '../ids.ts';
import { HourLogRef } from './hour-log.ts';
import { OrganizationRef } from './organization.ts';
import { MeRef, PersonRef, StaffMemberRef } from './person.ts';

/** ZProst keeps agreements 10 years after they end. */
const RETENTION_YEARS = 10;

export const AgreementStatusEnum = builder.enumType(AgreementStatus, {
  name: 'AgreementStatus',
  description: 'DRAFT: prepared, not in force; ACTIVE: in force; ENDED: ended or replaced by a newer version.',
});

const DAY = 86_400_000;
const today = () => new Date(new Date().toISOString().slice(0, 10));
const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
export function retainUntilOf(endsOn: Date): Date {
  const d = new Date(endsOn);
  d.setUTCFullYear(d.getUTCFullYear() + RETENTION_YEARS);
  return d;
}

export const AgreementRef = builder.prismaNode('VolunteerAgreement', {
  description:
    'A volunteering agreement (dogovor o prostovoljskem delu, ZProst Art. 18–19) between a volunteer and an organisation, one row per version. Changes make a new version; the previous one ends the day before. Kept 10 years after it ends. Visible to the volunteer and to staff who manage agreements (ADMIN, COORDINATOR).',
  id: { field: 'id' },
  authScopes: (a) => ({
    $any: { self: a.volunteerId, can: { permission: 'agreements:manage', organizationId: a.organizationId } },
  }),
  fields: (t) => ({
    volunteer: t.relation('volunteer', { type: PersonRef, description: 'The volunteer.' }),
    organization: t.relation('organization', { description: 'The organisation the volunteer works with.' }),
    version: t.exposeInt('version', { description: 'Version of the agreement between these two, from 1.' }),
    status: t.expose('status', {
      type: AgreementStatusEnum,
      description: 'Whether this version is a draft, in force or ended.',
    }),
    startsOn: t.expose('startsOn', { type: 'Date', description: 'First day this version is in force.' }),
    endsOn: t.expose('endsOn', {
      type: 'Date',
      nullable: true,
      description: 'Last day in force; null while open-ended.',
    }),
    tasks: t.exposeString('tasks', { description: 'What the volunteer will do, as agreed.' }),
    guardianName: t.exposeString('guardianName', {
      nullable: true,
      description: 'Parent or guardian of a minor volunteer.',
    }),
    guardianEmail: t.exposeString('guardianEmail', { nullable: true, description: "The guardian's e-mail address." }),
    guardianConsentAt: t.expose('guardianConsentAt', {
      type: 'DateTime',
      nullable: true,
      description: "When the guardian consented; a minor's agreement cannot be in force without it.",
    }),
    signedAt: t.expose('signedAt', { type: 'DateTime', nullable: true, description: 'When this version was signed.' }),
    retainUntil: t.expose('retainUntil', {
      type: 'Date',
      nullable: true,
      description: 'Kept until this day (10 years after the end); `npm run tandem -- purge-expired` removes it after.',
    }),
    createdBy: t.relation('createdBy', {
      type: StaffMemberRef,
      nullable: true,
      description: 'Who recorded this version.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When this version was recorded.' }),
    versions: t.prismaField({
      type: ['VolunteerAgreement'],
      description: 'Every version of the agreement between this volunteer and organisation, oldest first.',
      select: { volunteerId: true, organizationId: true },
      resolve: (query, a, _, ctx) =>
        ctx.prisma.volunteerAgreement.findMany({
          ...query,
          where: { volunteerId: a.volunteerId, organizationId: a.organizationId },
          orderBy: { version: 'asc' },
        }),
    }),
  }),
});

builder.prismaObjectField(MeRef, 'agreements', (t) =>
  t.relation('agreements', {
    description: "The signed-in volunteer's agreements, every version, newest first.",
    args: {
      status: t.arg({ type: AgreementStatusEnum, required: false, description: 'Only versions in this state.' }),
    },
    query: (args) => ({
      where: args.status ? { status: args.status } : {},
      orderBy: [{ startsOn: 'desc' }, { version: 'desc' }],
    }),
  }),
);

builder.prismaObjectField(HourLogRef, 'agreement', (t) =>
  t.relation('agreement', {
    nullable: true,
    description: 'The agreement version in force on the day of the work, when there was one.',
  }),
);

builder.prismaObjectField(OrganizationRef, 'agreements', (t) =>
  t.relatedConnection(
    'agreements',
    {
      cursor: 'id',
      description:
        "The organisation's volunteering agreements (every version), latest start first. For staff who manage agreements (ADMIN, COORDINATOR).",
      authScopes: (o) => ({ can: { permission: 'agreements:manage', organizationId: o.id } }),
      args: {
        status: t.arg({ type: AgreementStatusEnum, required: false, description: 'Only versions in this state.' }),
      },
      totalCount: true,
      query: (args) => ({
        where: args.status ? { status: args.status } : {},
        orderBy: [{ startsOn: 'desc' }, { version: 'desc' }, { id: 'desc' }],
      }),
    },
    { name: 'OrganizationAgreementConnection', description: "A page of an organisation's agreements." },
    { name: 'OrganizationAgreementEdge', description: 'An agreement version in a page.' },
  ),
);

const AgreementPayload = builder.objectRef<{ agreementId: string }>('AgreementPayload').implement({
  description: 'The agreement version after the change.',
  fields: (t) => ({
    agreement: t.prismaField({
      type: AgreementRef,
      description: 'The version created or changed.',
      resolve: (query, p, _, ctx) =>
        ctx.prisma.volunteerAgreement.findUniqueOrThrow({ ...query, where: { id: p.agreementId } }),
    }),
  }),
});

/** A minor on the first day of the agreement needs a guardian's recorded consent before it is in force. */
async function requireConsentIfMinor(
  ctx: Context,
  volunteerId: string,
  startsOn: Date,
  terms: { guardianName: string | null; guardianConsentAt: Date | null },
) {
  const volunteer = await ctx.prisma.user.findUniqueOrThrow({
    where: { id: volunteerId },
    select: { birthDate: true },
  });
  if (!volunteer.birthDate || ageOn(volunteer.birthDate, startsOn) >= 18) return;
  if (!terms.guardianName) throw InputError.field(ctx.locale, ['input', 'guardianName'], 'REQUIRED');
  if (!terms.guardianConsentAt) throw new RuleError(ctx.locale, 'GUARDIAN_CONSENT_REQUIRED');
}

/** The agreement when the caller manages the organisation's agreements; NotFound otherwise. */
async function managed(ctx: Context, globalId: string): Promise<VolunteerAgreement> {
  const path = ['input', 'agreementId'];
  const id = idOf(ctx.locale, globalId, 'VolunteerAgreement', path);
  const agreement = await ctx.prisma.volunteerAgreement.findUnique({ where: { id } });
  if (!agreement || !(await ctx.access.can('agreements:manage', agreement.organizationId))) {
    throw new NotFoundError(ctx.locale, path);
  }
  return agreement;
}

/** A retry finds the version its key made: the same caller gets it back, anyone else a conflict. */
async function replay(ctx: Context, idempotencyKey: string, matches: (a: VolunteerAgreement) => boolean) {
  const previous = await ctx.prisma.volunteerAgreement.findUnique({ where: { idempotencyKey } });
  if (!previous) return null;
  if (previous.createdById !== (ctx.viewer?.id ?? null) || !matches(previous)) {
    throw new ConflictError(ctx.locale, 'IDEMPOTENCY_CONFLICT');
  }
  return { agreementId: previous.id };
}

/** Two concurrent writers of one pair: the version number or the key is taken; the retry settles it. */
const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === 'P2002';

const CreateAgreementInput = builder.inputType('CreateAgreementInput', {
  description: 'A new volunteering agreement between a volunteer and the organisation.',
  fields: (t) => ({
    organizationId: t.id({ description: 'Global id of the organisation.' }),
    volunteerId: t.id({
      description:
        'Global id of the volunteer (`Person.id`); they must have applied to or be a member of the organisation.',
    }),
    startsOn: t.field({ type: 'Date', description: 'First day in force.' }),
    endsOn: t.field({ type: 'Date', required: false, description: 'Last day in force; omit for open-ended.' }),
    tasks: t.string({ description: 'What the volunteer will do.', validate: z.string().trim().min(2).max(4000) }),
    guardianName: t.string({
      required: false,
      description: 'Parent or guardian; required when the volunteer is under 18 on the first day.',
      validate: z.string().trim().min(2).max(200),
    }),
    guardianEmail: t.string({ required: false, validate: z.email().max(254), description: "The guardian's e-mail." }),
    guardianConsentAt: t.field({
      type: 'DateTime',
      required: false,
      description: 'When the guardian consented; without it a minor’s agreement can only be a draft.',
    }),
    signedAt: t.field({ type: 'DateTime', required: false, description: 'When it was signed.' }),
    draft: t.boolean({ required: false, description: 'Keep it as a DRAFT (not in force); default false.' }),
    idempotencyKey: t.string({
      description: 'Unique per agreement (e.g. a UUID made by the client); a retry with it returns the first result.',
      validate: z.string().min(8).max(100),
    }),
  }),
});

builder.mutationField('createAgreement', (t) =>
  t.field({
    type: AgreementPayload,
    description:
      "Records a volunteering agreement (version 1, or the next version after an ended one). Refused while the volunteer has an agreement in force or a draft with the organisation (make a new version with reviseAgreement). A minor's agreement needs the guardian's name and consent to be ACTIVE (GUARDIAN_CONSENT_REQUIRED). Needs ADMIN or COORDINATOR of the organisation. Audited as agreement.create.",
    authScopes: { signedIn: true },
    errors: { types: [InputError, NotFoundError, RuleError, ConflictError] },
    args: { input: t.arg({ type: CreateAgreementInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const organizationId = idOf(L, input.organizationId, 'Organization', ['input', 'organizationId']);
      if (!(await ctx.access.can('agreements:manage', organizationId))) {
        throw new NotFoundError(L, ['input', 'organizationId']);
      }
      const volunteerId = idOf(L, input.volunteerId, 'Person', ['input', 'volunteerId']);
      const replayed = await replay(
        ctx,
        input.idempotencyKey,
        (a) =>
          a.volunteerId === volunteerId &&
          a.organizationId === organizationId &&
          a.startsOn.getTime() === input.startsOn.getTime(),
      );
      if (replayed) return replayed;

      const link = { volunteerId, organizationId };
      const [application, membership, existing] = await Promise.all([
        ctx.prisma.application.findFirst({ where: link, select: { id: true } }),
        ctx.prisma.membership.findFirst({ where: { userId: volunteerId, organizationId }, select: { id: true } }),
        ctx.prisma.volunteerAgreement.findMany({ where: link, orderBy: { version: 'desc' } }),
      ]);
      // People are found only through their link to the organisation.
      if (!application && !membership && !existing.length) throw new NotFoundError(L, ['input', 'volunteerId']);
      if (existing.some((a) => a.status !== 'ENDED')) throw new RuleError(L, 'AGREEMENT_EXISTS');
      if (input.endsOn && input.endsOn < input.startsOn) {
        throw InputError.field(L, ['input', 'endsOn'], 'END_BEFORE_START');
      }
      const terms = {
        guardianName: input.guardianName?.trim() || null,
        guardianConsentAt: input.guardianConsentAt ?? null,
      };
      const draft = input.draft ?? false;
      if (!draft) await requireConsentIfMinor(ctx, volunteerId, input.startsOn, terms);

      try {
        const created = await ctx.prisma.$transaction(async (tx) => {
          const row = await tx.volunteerAgreement.create({
            data: {
              ...link,
              version: (existing[0]?.version ?? 0) + 1,
              status: draft ? 'DRAFT' : 'ACTIVE',
              startsOn: input.startsOn,
              endsOn: input.endsOn ?? null,
              tasks: input.tasks.trim(),
              ...terms,
              guardianEmail: input.guardianEmail ?? null,
              signedAt: input.signedAt ?? null,
              retainUntil: input.endsOn ? retainUntilOf(input.endsOn) : null,
              createdById: ctx.viewer?.id ?? null,
              idempotencyKey: input.idempotencyKey,
            },
          });
          await audit(
            ctx,
            {
              action: 'agreement.create',
              organizationId,
              subjectType: 'VolunteerAgreement',
              subjectId: row.id,
              details: { version: row.version, status: row.status },
            },
            tx,
          );
          return row;
        });
        return { agreementId: created.id };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const again = await replay(ctx, input.idempotencyKey, (a) => a.volunteerId === volunteerId);
        if (again) return again;
        throw new RuleError(L, 'AGREEMENT_EXISTS');
      }
    },
  }),
);

const ReviseAgreementInput = builder.inputType('ReviseAgreementInput', {
  description:
    'Changes to an agreement, recorded as a new version. Fields left out keep their value; null clears an optional one.',
  fields: (t) => ({
    agreementId: t.id({ description: 'Global id of the latest version.' }),
    startsOn: t.field({
      type: 'Date',
      required: false,
      description: 'First day the new version is in force (default today); the previous version ends the day before.',
    }),
    endsOn: t.field({ type: 'Date', required: false, description: 'Last day in force; null for open-ended.' }),
    tasks: t.string({
      required: false,
      validate: z.string().trim().min(2).max(4000),
      description: 'What the volunteer will do.',
    }),
    guardianName: t.string({
      required: false,
      validate: z.string().trim().min(2).max(200),
      description: 'Parent or guardian.',
    }),
    guardianEmail: t.string({ required: false, validate: z.email().max(254), description: "The guardian's e-mail." }),
    guardianConsentAt: t.field({ type: 'DateTime', required: false, description: 'When the guardian consented.' }),
    signedAt: t.field({ type: 'DateTime', required: false, description: 'When the new version was signed.' }),
    draft: t.boolean({ required: false, description: 'Keep the new version as a DRAFT; default false.' }),
    idempotencyKey: t.string({
      description: 'Unique per change; a retry with it returns the version it made.',
      validate: z.string().min(8).max(100),
    }),
  }),
});

/** A field of a partial update: absent keeps the old value, null clears it. */
function pick<T>(input: Record<string, unknown>, key: string, old: T): T {
  return key in input && input[key] !== undefined ? (input[key] as T) : old;
}

builder.mutationField('reviseAgreement', (t) =>
  t.field({
    type: AgreementPayload,
    description:
      "Changes an agreement by recording a new version (version + 1) from `startsOn`; the previous version becomes ENDED on the day before (it is kept, with its own retention). Only the latest version can be revised, and not an ended one. A minor's new version needs the guardian's consent to be ACTIVE. Needs ADMIN or COORDINATOR of the organisation. Audited as agreement.version.",
    authScopes: { signedIn: true },
    errors: { types: [InputError, NotFoundError, RuleError, ConflictError] },
    args: { input: t.arg({ type: ReviseAgreementInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const old = await managed(ctx, input.agreementId);
      const replayed = await replay(
        ctx,
        input.idempotencyKey,
        (a) => a.volunteerId === old.volunteerId && a.organizationId === old.organizationId && a.version > old.version,
      );
      if (replayed) return replayed;
      if (old.status === 'ENDED') throw new RuleError(L, 'AGREEMENT_ENDED');
      const latest = await ctx.prisma.volunteerAgreement.findFirst({
        where: { volunteerId: old.volunteerId, organizationId: old.organizationId },
        orderBy: { version: 'desc' },
        select: { id: true },
      });
      if (latest?.id !== old.id) throw new RuleError(L, 'AGREEMENT_SUPERSEDED');

      const fields = input as unknown as Record<string, unknown>;
      const startsOn = input.startsOn ?? (old.startsOn > today() ? old.startsOn : today());
      if (startsOn < old.startsOn) throw InputError.field(L, ['input', 'startsOn'], 'END_BEFORE_START');
      const endsOn = pick<Date | null>(fields, 'endsOn', old.endsOn);
      if (endsOn && endsOn < startsOn) throw InputError.field(L, ['input', 'endsOn'], 'END_BEFORE_START');
      const terms = {
        tasks: pick(fields, 'tasks', old.tasks)?.trim() ?? old.tasks,
        guardianName: pick<string | null>(fields, 'guardianName', old.guardianName)?.trim() || null,
        guardianEmail: pick<string | null>(fields, 'guardianEmail', old.guardianEmail),
        guardianConsentAt: pick<Date | null>(fields, 'guardianConsentAt', old.guardianConsentAt),
        signedAt: pick<Date | null>(fields, 'signedAt', null),
      };
      const draft = input.draft ?? false;
      if (!draft) await requireConsentIfMinor(ctx, old.volunteerId, startsOn, terms);
      // The old version ends the day before the new one starts (not before its own first day).
      const oldEnd = new Date(Math.max(old.startsOn.getTime(), addDays(startsOn, -1).getTime()));
      const oldEndsOn = old.endsOn && old.endsOn < oldEnd ? old.endsOn : oldEnd;

      try {
        const created = await ctx.prisma.$transaction(async (tx) => {
          // Only the version still open may be replaced: a concurrent revision loses here.
          const ended = await tx.volunteerAgreement.updateMany({
            where: { id: old.id, status: old.status },
            data: { status: 'ENDED', endsOn: oldEndsOn, retainUntil: retainUntilOf(oldEndsOn) },
          });
          if (ended.count !== 1) throw new RuleError(L, 'AGREEMENT_SUPERSEDED');
          const row = await tx.volunteerAgreement.create({
            data: {
              volunteerId: old.volunteerId,
              organizationId: old.organizationId,
              version: old.version + 1,
              status: draft ? 'DRAFT' : 'ACTIVE',
              startsOn,
              endsOn,
              ...terms,
              retainUntil: endsOn ? retainUntilOf(endsOn) : null,
              createdById: ctx.viewer?.id ?? null,
              idempotencyKey: input.idempotencyKey,
            },
          });
          // Hours dated from the new start now fall under the new version.
          await tx.hourLog.updateMany({
            where: { agreementId: old.id, date: { gte: startsOn } },
            data: { agreementId: row.id },
          });
          await audit(
            ctx,
            {
              action: 'agreement.version',
              organizationId: old.organizationId,
              subjectType: 'VolunteerAgreement',
              subjectId: row.id,
              details: { version: row.version, previous: old.id, status: row.status },
            },
            tx,
          );
          return row;
        });
        return { agreementId: created.id };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const again = await replay(ctx, input.idempotencyKey, (a) => a.volunteerId === old.volunteerId);
        if (again) return again;
        throw new RuleError(L, 'AGREEMENT_SUPERSEDED');
      }
    },
  }),
);

const ActivateAgreementInput = builder.inputType('ActivateAgreementInput', {
  description: 'Puts a draft agreement in force once it is signed.',
  fields: (t) => ({
    agreementId: t.id({ description: 'Global id of the draft.' }),
    signedAt: t.field({ type: 'DateTime', required: false, description: 'When it was signed (default now).' }),
    guardianConsentAt: t.field({
      type: 'DateTime',
      required: false,
      description: "When the guardian consented (a minor's agreement needs it, here or already on the draft).",
    }),
  }),
});

builder.mutationField('activateAgreement', (t) =>
  t.field({
    type: AgreementPayload,
    description:
      "Puts a DRAFT in force (ACTIVE), recording the signature and the guardian's consent on the same version (the terms do not change). A minor's agreement without the guardian's name and consent is refused (GUARDIAN_CONSENT_REQUIRED). Activating an active agreement again returns it. Needs ADMIN or COORDINATOR. Audited as agreement.activate.",
    authScopes: { signedIn: true },
    errors: { types: [InputError, NotFoundError, RuleError] },
    args: { input: t.arg({ type: ActivateAgreementInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const agreement = await managed(ctx, input.agreementId);
      if (agreement.status === 'ACTIVE') return { agreementId: agreement.id };
      if (agreement.status === 'ENDED') throw new RuleError(L, 'AGREEMENT_ENDED');
      const guardianConsentAt = input.guardianConsentAt ?? agreement.guardianConsentAt;
      await requireConsentIfMinor(ctx, agreement.volunteerId, agreement.startsOn, {
        guardianName: agreement.guardianName,
        guardianConsentAt,
      });
      await ctx.prisma.$transaction(async (tx) => {
        const changed = await tx.volunteerAgreement.updateMany({
          where: { id: agreement.id, status: 'DRAFT' },
          data: { status: 'ACTIVE', guardianConsentAt, signedAt: input.signedAt ?? agreement.signedAt ?? new Date() },
        });
        if (!changed.count) return;
        await audit(
          ctx,
          {
            action: 'agreement.activate',
            organizationId: agreement.organizationId,
            subjectType: 'VolunteerAgreement',
            subjectId: agreement.id,
          },
          tx,
        );
      });
      return { agreementId: agreement.id };
    },
  }),
);

const EndAgreementInput = builder.inputType('EndAgreementInput', {
  description: 'Ends an agreement.',
  fields: (t) => ({
    agreementId: t.id({ description: 'Global id of the agreement (its latest version).' }),
    endsOn: t.field({
      type: 'Date',
      required: false,
      description: 'Last day in force (default today; not in the future — schedule an end with reviseAgreement).',
    }),
  }),
});

builder.mutationField('endAgreement', (t) =>
  t.field({
    type: AgreementPayload,
    description:
      'Ends an agreement (or abandons a draft): status ENDED, `endsOn` set, kept until 10 years later (`retainUntil`). Ending an ended agreement again returns it unchanged. Needs ADMIN or COORDINATOR. Audited as agreement.end.',
    authScopes: { signedIn: true },
    errors: { types: [InputError, NotFoundError, RuleError] },
    args: { input: t.arg({ type: EndAgreementInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const agreement = await managed(ctx, input.agreementId);
      if (agreement.status === 'ENDED') return { agreementId: agreement.id };
      if (input.endsOn && input.endsOn > today()) throw InputError.field(L, ['input', 'endsOn'], 'FUTURE_DATE');
      // An agreement that has not started yet ends on its first day.
      const endsOn = input.endsOn ?? (agreement.startsOn > today() ? agreement.startsOn : today());
      if (endsOn < agreement.startsOn) throw InputError.field(L, ['input', 'endsOn'], 'END_BEFORE_START');
      await ctx.prisma.$transaction(async (tx) => {
        const changed = await tx.volunteerAgreement.updateMany({
          where: { id: agreement.id, status: { not: 'ENDED' } },
          data: { status: 'ENDED', endsOn, retainUntil: retainUntilOf(endsOn) },
        });
        if (!changed.count) return;
        await audit(
          ctx,
          {
            action: 'agreement.end',
            organizationId: agreement.organizationId,
            subjectType: 'VolunteerAgreement',
            subjectId: agreement.id,
            details: { endsOn: endsOn.toISOString().slice(0, 10) },
          },
          tx,
        );
      });
      return { agreementId: agreement.id };
    },
  }),
);
