import { encodeGlobalID } from '@pothos/plugin-relay';
import { type CertificateModel as Certificate, CertificateStatus, Locale as LocaleEnum, type Prisma } from '@tandem/db';
import { z } from 'zod';
import { ROLE_PERMISSIONS } from '../access.ts';
import { audit } from '../audit.ts';
import { builder } from '../builder.ts';
import {
  newVerificationCode,
  nextRegisterNumber,
  normalizeVerificationCode,
  slovenianYear,
} from '../certificates/codes.ts';
import { buildSnapshot, type CertificateSnapshot, hoursOf } from '../certificates/snapshot.ts';
import type { Context } from '../context.ts';
import { ConflictError, InputError, NotFoundError, RuleError } from '../errors.ts';
import { localized, t as text } from '../i18n.ts';
import { idOf } from '../ids.ts';
import { OrganizationRef } from './organization.ts';
import { MeRef, PersonRef, StaffMemberRef } from './person.ts';

export const CertificateStatusEnum = builder.enumType(CertificateStatus, {
  name: 'CertificateStatus',
  description: 'Where a certificate stands: requested, issued (verifiable), declined or revoked.',
});

const CertificateLocaleEnum = builder.enumType(LocaleEnum, {
  name: 'CertificateLocale',
  description: 'The language a certificate is written in.',
});

const snapshotOf = (c: Pick<Certificate, 'snapshot'>) => c.snapshot as unknown as CertificateSnapshot | null;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** Where the API serves the printable certificate (GET with the same Authorization as GraphQL). */
export const certificatePath = (id: string, format: 'html' | 'pdf') =>
  `/certificates/${encodeURIComponent(encodeGlobalID('Certificate', id))}.${format}`;

interface AreaLine {
  code: string;
  nameSl: string;
  nameEn: string;
  minutes: number;
}

const CertificateAreaRef = builder.objectRef<AreaLine>('CertificateArea').implement({
  description: 'Approved hours in one area of volunteering, as the certificate states them.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Area code, e.g. SOCIAL.' }),
    name: t.string({
      description: 'Name in the language of the request.',
      resolve: (a, _, ctx) => localized(ctx.locale, a.nameSl, a.nameEn),
    }),
    minutes: t.exposeInt('minutes', { description: 'Approved minutes in the area in the period.' }),
  }),
});

const CertificateCompetenceRef = builder
  .objectRef<NonNullable<CertificateSnapshot['competences']>[number]>('CertificateCompetence')
  .implement({
    description: 'A competence the certificate lists, with the latest rating from the evaluations in the period.',
    fields: (t) => ({
      code: t.exposeString('code', { description: 'Competence code.' }),
      name: t.string({
        description: 'Name in the language of the request.',
        resolve: (c, _, ctx) => localized(ctx.locale, c.nameSl, c.nameEn),
      }),
      level: t.exposeInt('level', { description: 'The rating.' }),
      scaleMax: t.exposeInt('scaleMax', { description: 'The highest rating on the scale.' }),
      ratedBy: t.exposeString('ratedBy', { description: "MENTOR (a mentor's rating) or SELF (self-assessment)." }),
    }),
  });

export const CertificateRef = builder.prismaNode('Certificate', {
  description:
    'A certificate of volunteer work (potrdilo, ZProst Art. 25): requested by the volunteer, issued by the organisation. Visible to the volunteer and to staff who issue certificates (ADMIN, COORDINATOR).',
  id: { field: 'id' },
  authScopes: (c) => ({
    $any: {
      self: c.volunteerId ?? '',
      can: { permission: 'certificates:issue', organizationId: c.organizationId },
    },
  }),
  fields: (t) => ({
    status: t.expose('status', { type: CertificateStatusEnum, description: 'Requested, issued, declined or revoked.' }),
    organization: t.relation('organization', { description: 'The organisation that issues it.' }),
    volunteer: t.relation('volunteer', { type: PersonRef, nullable: true, description: 'The volunteer it is for.' }),
    periodFrom: t.expose('periodFrom', { type: 'Date', description: 'First day covered.' }),
    periodTo: t.expose('periodTo', { type: 'Date', description: 'Last day covered.' }),
    includeCompetences: t.exposeBoolean('includeCompetences', {
      description: 'The volunteer asked for the competences from evaluations to be listed.',
    }),
    locale: t.expose('locale', { type: CertificateLocaleEnum }),
    requestNote: t.exposeString('requestNote', {
      nullable: true,
      description: "The volunteer's note with the request.",
    }),
    description: t.exposeString('description', {
      nullable: true,
      description: 'What the work was, as the organisation certifies it (set when issued).',
    }),
    minutes: t.int({
      description:
        'Approved minutes with the organisation in the period: as frozen on the certificate once issued; for a request, as they are now.',
      select: { minutes: true, volunteerId: true, organizationId: true, periodFrom: true, periodTo: true },
      resolve: async (c, _, ctx) =>
        c.minutes ??
        (c.volunteerId
          ? (await hoursOf(ctx.prisma, c.volunteerId, c.organizationId, c.periodFrom, c.periodTo)).minutes
          : 0),
    }),
    areas: t.field({
      type: [CertificateAreaRef],
      description: 'Approved hours by area, as frozen on the certificate (empty before it is issued).',
      select: { snapshot: true },
      resolve: (c) => snapshotOf(c)?.areas ?? [],
    }),
    competences: t.field({
      type: [CertificateCompetenceRef],
      nullable: true,
      description: 'Competences listed on the certificate; null when not asked for or not yet issued.',
      select: { snapshot: true },
      resolve: (c) => snapshotOf(c)?.competences ?? null,
    }),
    registerNumber: t.exposeString('registerNumber', {
      nullable: true,
      description:
        "Number in the organisation's register, e.g. 2026/7 (the year it was issued, then a running number).",
    }),
    verificationCode: t.exposeString('verificationCode', {
      nullable: true,
      description: 'Printed on the certificate; anyone can check it with `verifyCertificate`.',
    }),
    issuedAt: t.expose('issuedAt', { type: 'DateTime', nullable: true, description: 'When it was issued.' }),
    issuedBy: t.relation('issuedBy', { type: StaffMemberRef, nullable: true, description: 'Who issued it.' }),
    decidedNote: t.exposeString('decidedNote', {
      nullable: true,
      description: 'Why it was declined or revoked.',
    }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'When it was revoked.' }),
    requestedAt: t.expose('requestedAt', { type: 'DateTime', description: 'When the volunteer asked for it.' }),
    htmlPath: t.string({
      nullable: true,
      description:
        'Path of the printable HTML page on the API server (GET with the same Authorization header); null before it is issued.',
      select: { status: true },
      resolve: (c) => (c.status === 'ISSUED' || c.status === 'REVOKED' ? certificatePath(c.id, 'html') : null),
    }),
    pdfPath: t.string({
      nullable: true,
      description:
        'Path of the PDF on the API server (GET with the same Authorization header); null before it is issued.',
      select: { status: true },
      resolve: (c) => (c.status === 'ISSUED' || c.status === 'REVOKED' ? certificatePath(c.id, 'pdf') : null),
    }),
  }),
});

builder.prismaObjectField(MeRef, 'certificates', (t) =>
  t.relation('certificates', {
    description: 'Certificates the signed-in volunteer asked for, newest first.',
    query: { orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }] },
  }),
);

builder.prismaObjectField(OrganizationRef, 'certificates', (t) =>
  t.relatedConnection(
    'certificates',
    {
      cursor: 'id',
      description:
        "The organisation's certificates: the register of issued (and revoked) ones in the order of their numbers, then requests, oldest first. For staff who issue certificates (ADMIN, COORDINATOR).",
      authScopes: (o) => ({ can: { permission: 'certificates:issue', organizationId: o.id } }),
      args: {
        status: t.arg({
          type: CertificateStatusEnum,
          required: false,
          description: 'Only certificates in this state.',
        }),
        year: t.arg.int({
          required: false,
          description: 'Only certificates issued in this year (their register numbers start with it).',
          validate: z.number().int().min(2000).max(2100),
        }),
      },
      totalCount: true,
      query: (args) => ({
        where: {
          ...(args.status ? { status: args.status } : {}),
          ...(args.year ? { registerNumber: { startsWith: `${args.year}/` } } : {}),
        },
        orderBy: [{ issuedAt: { sort: 'asc', nulls: 'last' } }, { requestedAt: 'asc' }, { id: 'asc' }],
      }),
    },
    { name: 'OrganizationCertificateConnection', description: "A page of an organisation's certificates." },
    { name: 'OrganizationCertificateEdge', description: 'A certificate in a page.' },
  ),
);

const CertificatePayload = builder.objectRef<{ certificateId: string }>('CertificatePayload').implement({
  description: 'The certificate after the change.',
  fields: (t) => ({
    certificate: t.prismaField({
      type: CertificateRef,
      description: 'The certificate as it is now.',
      resolve: (query, p, _, ctx) =>
        ctx.prisma.certificate.findUniqueOrThrow({ ...query, where: { id: p.certificateId } }),
    }),
  }),
});

// ─────────────── requestCertificate ───────────────

const RequestCertificateInput = builder.inputType('RequestCertificateInput', {
  description: 'A volunteer asks an organisation for a certificate of their volunteer work.',
  fields: (t) => ({
    organizationId: t.id({ description: 'Global id of the organisation the work was done with.' }),
    periodFrom: t.field({ type: 'Date', description: 'First day to cover.' }),
    periodTo: t.field({ type: 'Date', description: 'Last day to cover (not in the future).' }),
    includeCompetences: t.boolean({
      required: false,
      description: 'List the competences rated in evaluations during the period (default false).',
    }),
    locale: t.field({
      type: CertificateLocaleEnum,
      required: false,
      description: 'Language of the certificate; defaults to the language of the request.',
    }),
    note: t.string({
      required: false,
      description: 'What the certificate is for, or anything the organisation should know.',
      validate: z.string().trim().max(2000),
    }),
    idempotencyKey: t.string({
      description: 'Unique per request (e.g. a UUID made by the client); a retry with it returns the first request.',
      validate: z.string().min(8).max(100),
    }),
  }),
});

builder.mutationField('requestCertificate', (t) =>
  t.field({
    type: CertificatePayload,
    description:
      'The signed-in volunteer asks an organisation they volunteer (or volunteered) with for a certificate of their work in a period. Safe to retry with the same idempotencyKey.',
    authScopes: { signedIn: true },
    errors: { types: [InputError, NotFoundError, RuleError, ConflictError] },
    args: { input: t.arg({ type: RequestCertificateInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const volunteerId = ctx.viewer?.id ?? '';
      const organizationId = idOf(L, input.organizationId, 'Organization', ['input', 'organizationId']);
      const wanted = {
        organizationId,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        includeCompetences: input.includeCompetences ?? false,
        locale: input.locale ?? L,
        requestNote: input.note?.trim() || null,
      };
      const same = (c: Certificate) =>
        c.volunteerId === volunteerId &&
        c.organizationId === wanted.organizationId &&
        day(c.periodFrom) === day(wanted.periodFrom) &&
        day(c.periodTo) === day(wanted.periodTo) &&
        c.includeCompetences === wanted.includeCompetences &&
        c.locale === wanted.locale;
      const previous = await ctx.prisma.certificate.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
      if (previous) {
        // Someone else's request is never handed back, whatever it holds.
        if (!same(previous)) throw new ConflictError(L, 'IDEMPOTENCY_CONFLICT');
        return { certificateId: previous.id };
      }
      if (input.periodTo < input.periodFrom) throw InputError.field(L, ['input', 'periodTo'], 'END_BEFORE_START');
      if (input.periodTo.getTime() > Date.now()) throw InputError.field(L, ['input', 'periodTo'], 'FUTURE_DATE');
      const organization = await ctx.prisma.organization.findUnique({ where: { id: organizationId } });
      if (!organization) throw new NotFoundError(L, ['input', 'organizationId']);
      const link = { volunteerId, organizationId };
      const [agreement, hourLog, membership] = await Promise.all([
        ctx.prisma.volunteerAgreement.findFirst({ where: { ...link, status: { not: 'DRAFT' } }, select: { id: true } }),
        ctx.prisma.hourLog.findFirst({ where: link, select: { id: true } }),
        ctx.prisma.membership.findFirst({ where: { userId: volunteerId, organizationId }, select: { id: true } }),
      ]);
      if (!agreement && !hourLog && !membership) throw new RuleError(L, 'NOT_A_VOLUNTEER');
      try {
        const created = await ctx.prisma.$transaction(async (tx) => {
          const row = await tx.certificate.create({
            data: { ...wanted, volunteerId, idempotencyKey: input.idempotencyKey },
          });
          await audit(
            ctx,
            { action: 'certificate.request', organizationId, subjectType: 'Certificate', subjectId: row.id },
            tx,
          );
          return row;
        });
        await mailIssuers(ctx, created);
        return { certificateId: created.id };
      } catch (error) {
        if ((error as { code?: string }).code !== 'P2002') throw error;
        // A retry raced this one: answer as the retry would have.
        const winner = await ctx.prisma.certificate.findUniqueOrThrow({
          where: { idempotencyKey: input.idempotencyKey },
        });
        if (!same(winner)) throw new ConflictError(L, 'IDEMPOTENCY_CONFLICT');
        return { certificateId: winner.id };
      }
    },
  }),
);

// ─────────────── issue, decline, revoke ───────────────

/** The certificate when the caller may issue the organisation's certificates; NotFound otherwise. */
async function manageable(ctx: Context, globalId: string): Promise<Certificate> {
  const path = ['input', 'certificateId'];
  const id = idOf(ctx.locale, globalId, 'Certificate', path);
  const certificate = await ctx.prisma.certificate.findUnique({ where: { id } });
  if (!certificate || !(await ctx.access.can('certificates:issue', certificate.organizationId))) {
    throw new NotFoundError(ctx.locale, path);
  }
  return certificate;
}

/** Locks the row for the transaction and reads its status again, so two decisions cannot both pass. */
async function lockedStatus(tx: Prisma.TransactionClient, id: string): Promise<CertificateStatus> {
  const [row] = await tx.$queryRaw<{ status: CertificateStatus }[]>`
    SELECT status FROM "Certificate" WHERE id = ${id} FOR UPDATE`;
  return row!.status;
}

async function mailVolunteer(
  ctx: Context,
  certificate: Certificate,
  kind: 'certificate-issued' | 'certificate-declined',
  params: Record<string, string>,
) {
  if (!certificate.volunteerId) return;
  const [volunteer, organization] = await Promise.all([
    ctx.prisma.user.findUnique({ where: { id: certificate.volunteerId } }),
    ctx.prisma.organization.findUniqueOrThrow({ where: { id: certificate.organizationId } }),
  ]);
  if (!volunteer || volunteer.erasedAt) return;
  const L = volunteer.locale;
  const all = {
    name: volunteer.name,
    organization: organization.name,
    from: day(certificate.periodFrom),
    to: day(certificate.periodTo),
    ...params,
  };
  const [subject, body] =
    kind === 'certificate-issued'
      ? (['CERTIFICATE_ISSUED_SUBJECT', 'CERTIFICATE_ISSUED_TEXT'] as const)
      : (['CERTIFICATE_DECLINED_SUBJECT', 'CERTIFICATE_DECLINED_TEXT'] as const);
  await ctx.mailer.send({ to: volunteer.email, subject: text(L, subject, all), text: text(L, body, all), kind });
}

/** Tells the organisation's staff who may issue certificates that one was requested, each in their language. */
async function mailIssuers(ctx: Context, certificate: Certificate) {
  const roles = (Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[]).filter((role) =>
    ROLE_PERMISSIONS[role].organization.includes('certificates:issue'),
  );
  const [staff, volunteer, organization] = await Promise.all([
    ctx.prisma.user.findMany({
      where: {
        erasedAt: null,
        memberships: { some: { organizationId: certificate.organizationId, role: { in: roles } } },
      },
      select: { email: true, name: true, locale: true },
    }),
    ctx.prisma.user.findUniqueOrThrow({ where: { id: certificate.volunteerId! }, select: { name: true } }),
    ctx.prisma.organization.findUniqueOrThrow({ where: { id: certificate.organizationId }, select: { name: true } }),
  ]);
  for (const person of staff) {
    const params = {
      name: person.name,
      volunteer: volunteer.name,
      organization: organization.name,
      from: day(certificate.periodFrom),
      to: day(certificate.periodTo),
      note: certificate.requestNote ?? '—',
    };
    await ctx.mailer.send({
      to: person.email,
      subject: text(person.locale, 'CERTIFICATE_REQUESTED_SUBJECT', params),
      text: text(person.locale, 'CERTIFICATE_REQUESTED_TEXT', params),
      kind: 'certificate-requested',
    });
  }
}

const IssueCertificateInput = builder.inputType('IssueCertificateInput', {
  description: 'Issues a requested certificate.',
  fields: (t) => ({
    certificateId: t.id({ description: 'Global id of the requested certificate.' }),
    description: t.string({
      description: 'What the work was, as the organisation certifies it (printed on the certificate).',
      validate: z.string().trim().min(2).max(4000),
    }),
  }),
});

builder.mutationField('issueCertificate', (t) =>
  t.field({
    type: CertificatePayload,
    description:
      "Issues a requested certificate: freezes the volunteer's name, the period, the approved hours by area and type of work and (if asked for) the competences from evaluations, gives it the next number in the organisation's register for the year (e.g. 2026/7) and a verification code, and e-mails the volunteer. Needs ADMIN or COORDINATOR of the organisation; not for one's own certificate. Issuing an issued certificate again returns it unchanged.",
    authScopes: { signedIn: true },
    errors: { types: [InputError, NotFoundError, RuleError] },
    args: { input: t.arg({ type: IssueCertificateInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const certificate = await manageable(ctx, input.certificateId);
      if (certificate.status === 'ISSUED') return { certificateId: certificate.id };
      if (certificate.status !== 'REQUESTED') {
        throw new RuleError(L, 'CERTIFICATE_NOT_REQUESTED', { status: certificate.status });
      }
      const volunteerId = certificate.volunteerId;
      if (!volunteerId) throw new NotFoundError(L, ['input', 'certificateId']);
      if (volunteerId === ctx.viewer?.id) throw new RuleError(L, 'OWN_HOURS');
      const issuer = await ctx.prisma.user.findUniqueOrThrow({
        where: { id: ctx.viewer?.id ?? '' },
        select: { name: true, memberships: { where: { organizationId: certificate.organizationId } } },
      });
      const title = issuer.memberships.find((m) => m.title)?.title ?? null;
      const issued = await ctx.prisma.$transaction(async (tx) => {
        const status = await lockedStatus(tx, certificate.id);
        if (status === 'ISSUED') return null;
        if (status !== 'REQUESTED') throw new RuleError(L, 'CERTIFICATE_NOT_REQUESTED', { status });
        const registerNumber = await nextRegisterNumber(tx, certificate.organizationId, slovenianYear(new Date()));
        // Taken under the register's lock, so issue times run in the order of the numbers.
        const issuedAt = new Date();
        const verificationCode = newVerificationCode();
        const snapshot = await buildSnapshot(
          tx,
          { ...certificate, volunteerId },
          {
            description: input.description.trim(),
            issuer: { name: issuer.name, title },
            registerNumber,
            verificationCode,
            issuedAt,
          },
        );
        if (snapshot.minutes === 0) throw new RuleError(L, 'NO_APPROVED_HOURS');
        const row = await tx.certificate.update({
          where: { id: certificate.id },
          data: {
            status: 'ISSUED',
            description: snapshot.description,
            minutes: snapshot.minutes,
            snapshot: snapshot as unknown as Prisma.InputJsonValue,
            registerNumber,
            verificationCode,
            issuedAt,
            issuedById: ctx.viewer?.id ?? null,
          },
        });
        await audit(
          ctx,
          {
            action: 'certificate.issue',
            organizationId: certificate.organizationId,
            subjectType: 'Certificate',
            subjectId: certificate.id,
            details: { registerNumber, minutes: snapshot.minutes },
          },
          tx,
        );
        return row;
      });
      if (issued) {
        await mailVolunteer(ctx, issued, 'certificate-issued', {
          number: issued.registerNumber!,
          code: issued.verificationCode!,
        });
      }
      return { certificateId: certificate.id };
    },
  }),
);

const DecideCertificateInput = builder.inputType('DecideCertificateInput', {
  description: 'Declines a request for a certificate, or revokes an issued one, with the reason.',
  fields: (t) => ({
    certificateId: t.id({ description: 'Global id of the certificate.' }),
    note: t.string({
      description: 'Why (the volunteer reads it).',
      validate: z.string().trim().min(2).max(2000),
    }),
  }),
});

builder.mutationField('declineCertificate', (t) =>
  t.field({
    type: CertificatePayload,
    description:
      'Declines a request for a certificate and e-mails the volunteer the reason. Needs ADMIN or COORDINATOR of the organisation. Declining a declined request again returns it unchanged.',
    authScopes: { signedIn: true },
    errors: { types: [InputError, NotFoundError, RuleError] },
    args: { input: t.arg({ type: DecideCertificateInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const certificate = await manageable(ctx, input.certificateId);
      if (certificate.status === 'DECLINED') return { certificateId: certificate.id };
      if (certificate.status !== 'REQUESTED') {
        throw new RuleError(L, 'CERTIFICATE_NOT_REQUESTED', { status: certificate.status });
      }
      const declined = await ctx.prisma.$transaction(async (tx) => {
        const status = await lockedStatus(tx, certificate.id);
        if (status === 'DECLINED') return null;
        if (status !== 'REQUESTED') throw new RuleError(L, 'CERTIFICATE_NOT_REQUESTED', { status });
        const row = await tx.certificate.update({
          where: { id: certificate.id },
          data: { status: 'DECLINED', decidedNote: input.note.trim() },
        });
        await audit(
          ctx,
          {
            action: 'certificate.decline',
            organizationId: certificate.organizationId,
            subjectType: 'Certificate',
            subjectId: certificate.id,
          },
          tx,
        );
        return row;
      });
      if (declined) await mailVolunteer(ctx, declined, 'certificate-declined', { note: input.note.trim() });
      return { certificateId: certificate.id };
    },
  }),
);

builder.mutationField('revokeCertificate', (t) =>
  t.field({
    type: CertificatePayload,
    description:
      'Revokes an issued certificate (e.g. issued by mistake): it keeps its register number, and `verifyCertificate` and the printed versions say it is revoked. Needs ADMIN or COORDINATOR of the organisation. Revoking again returns it unchanged.',
    authScopes: { signedIn: true },
    errors: { types: [InputError, NotFoundError, RuleError] },
    args: { input: t.arg({ type: DecideCertificateInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const certificate = await manageable(ctx, input.certificateId);
      if (certificate.status === 'REVOKED') return { certificateId: certificate.id };
      if (certificate.status !== 'ISSUED') throw new RuleError(L, 'CERTIFICATE_NOT_ISSUED');
      await ctx.prisma.$transaction(async (tx) => {
        const status = await lockedStatus(tx, certificate.id);
        if (status === 'REVOKED') return;
        if (status !== 'ISSUED') throw new RuleError(L, 'CERTIFICATE_NOT_ISSUED');
        await tx.certificate.update({
          where: { id: certificate.id },
          data: { status: 'REVOKED', revokedAt: new Date(), decidedNote: input.note.trim() },
        });
        await audit(
          ctx,
          {
            action: 'certificate.revoke',
            organizationId: certificate.organizationId,
            subjectType: 'Certificate',
            subjectId: certificate.id,
            details: { registerNumber: certificate.registerNumber },
          },
          tx,
        );
      });
      return { certificateId: certificate.id };
    },
  }),
);

// ─────────────── verifyCertificate ───────────────

interface Verification {
  status: CertificateStatus;
  snapshot: CertificateSnapshot;
  revokedAt: Date | null;
}

const CertificateVerificationRef = builder.objectRef<Verification>('CertificateVerification').implement({
  description:
    'What an issued certificate states, for anyone who holds its verification code: only what is printed on it (no birth date, no description), and whether it still stands.',
  fields: (t) => ({
    status: t.field({
      type: CertificateStatusEnum,
      description: 'ISSUED (valid) or REVOKED (no longer valid).',
      resolve: (v) => v.status,
    }),
    registerNumber: t.string({ description: 'Number in the register.', resolve: (v) => v.snapshot.registerNumber }),
    organizationName: t.string({
      description: 'The organisation that issued it.',
      resolve: (v) => v.snapshot.organization.name,
    }),
    volunteerName: t.string({
      description: 'The volunteer, as named on it.',
      resolve: (v) => v.snapshot.volunteer.name,
    }),
    periodFrom: t.field({
      type: 'Date',
      description: 'First day covered.',
      resolve: (v) => new Date(v.snapshot.period.from),
    }),
    periodTo: t.field({
      type: 'Date',
      description: 'Last day covered.',
      resolve: (v) => new Date(v.snapshot.period.to),
    }),
    minutes: t.int({ description: 'Approved minutes it states.', resolve: (v) => v.snapshot.minutes }),
    areas: t.field({ type: [CertificateAreaRef], description: 'Hours by area.', resolve: (v) => v.snapshot.areas }),
    issuedAt: t.field({
      type: 'DateTime',
      description: 'When it was issued.',
      resolve: (v) => new Date(v.snapshot.issuedAt),
    }),
    revokedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was revoked.',
      resolve: (v) => v.revokedAt,
    }),
  }),
});

builder.queryField('verifyCertificate', (t) =>
  t.field({
    type: CertificateVerificationRef,
    nullable: true,
    description:
      'Checks a certificate by the verification code printed on it (case, spaces and dashes do not matter). Public. Null when no issued certificate has the code.',
    args: { code: t.arg.string({ validate: z.string().max(40) }) },
    resolve: async (_, { code }, ctx) => {
      const normalized = normalizeVerificationCode(code);
      if (!normalized) return null;
      const certificate = await ctx.prisma.certificate.findUnique({
        where: { verificationCode: normalized },
        select: { status: true, snapshot: true, revokedAt: true },
      });
      const snapshot = certificate && snapshotOf(certificate);
      if (!certificate || !snapshot || (certificate.status !== 'ISSUED' && certificate.status !== 'REVOKED')) {
        return null;
      }
      return { status: certificate.status, snapshot, revokedAt: certificate.revokedAt };
    },
  }),
);
