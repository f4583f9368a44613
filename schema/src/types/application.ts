import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Prisma } from '@tandem/db';
import { z } from 'zod';
import { type Answer, checkAnswers, normalizeAnswers } from '../answers.ts';
import { builder } from '../builder.ts';
import { ageOn } from '../calendar.ts';
import { audit } from '../audit.ts';
import type { Context } from '../context.ts';
import { InputError, NotFoundError, RuleError } from '../errors.ts';
import { idOf } from '../ids.ts';
import { ApplicationStatusEnum } from './enums.ts';
import { choicesOf, OpportunityRef, ShiftRef } from './opportunity.ts';
import { MeRef, PersonRef, StaffMemberRef } from './person.ts';

const ApplicationStatusChangeRef = builder.prismaObject('ApplicationStatusChange', {
  description: 'One step in the history of an application.',
  fields: (t) => ({
    from: t.expose('from', { type: ApplicationStatusEnum, nullable: true }),
    to: t.expose('to', { type: ApplicationStatusEnum }),
    actor: t.relation('actor', {
      type: StaffMemberRef,
      nullable: true,
      description: 'Null when the volunteer or the system made the change.',
    }),
    note: t.exposeString('note', { nullable: true }),
    at: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const ApplicationRef = builder.prismaNode('Application', {
  description: "A volunteer's sign-up for an opportunity. Visible to the volunteer and the organisation's staff.",
  id: { field: 'id' },
  authScopes: (a) => ({
    $any: {
      self: a.volunteerId,
      can: { permission: 'applications:read', organizationId: a.organizationId, volunteerId: a.volunteerId },
    },
  }),
  fields: (t) => ({
    status: t.expose('status', { type: ApplicationStatusEnum }),
    opportunity: t.relation('opportunity'),
    shift: t.relation('shift', { nullable: true }),
    volunteer: t.relation('volunteer', { type: PersonRef }),
    motivation: t.exposeString('motivation', { nullable: true }),
    answers: t.expose('answers', { type: 'JSON', description: '[{ questionId, value }]' }),
    guardianName: t.exposeString('guardianName', { nullable: true }),
    guardianEmail: t.exposeString('guardianEmail', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    history: t.relation('history', { type: ApplicationStatusChangeRef, query: { orderBy: { createdAt: 'asc' } } }),
  }),
});

builder.prismaObjectField(OpportunityRef, 'applications', (t) =>
  t.relatedConnection(
    'applications',
    {
      cursor: 'id',
      description:
        "Sign-ups for this opportunity, oldest first. For the organisation's coordinators and the opportunity's mentor.",
      authScopes: (o, _, ctx) =>
        o.mentorId !== null && o.mentorId === ctx.viewer?.id
          ? true
          : { can: { permission: 'applications:read', organizationId: o.organizationId } },
      args: { status: t.arg({ type: ApplicationStatusEnum, required: false }) },
      totalCount: true,
      query: (args) => ({
        where: args.status ? { status: args.status } : {},
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }),
    },
    { name: 'ApplicationConnection', description: 'A page of applications.' },
    { name: 'ApplicationEdge', description: 'An application in a page.' },
  ),
);

builder.prismaObjectField(MeRef, 'applications', (t) =>
  t.relatedConnection(
    'applications',
    {
      cursor: 'id',
      description:
        "The person's own sign-ups, newest first: e.g. the ACCEPTED ones are the placements they can log hours for.",
      args: {
        status: t.arg({ type: ApplicationStatusEnum, required: false, description: 'Only sign-ups with this status.' }),
        organization: t.arg.string({ required: false, description: 'Only this organisation (slug).' }),
      },
      totalCount: true,
      query: (args) => ({
        where: {
          ...(args.status ? { status: args.status } : {}),
          ...(args.organization ? { organization: { slug: args.organization } } : {}),
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
    },
    { name: 'MyApplicationConnection', description: "A page of the signed-in person's sign-ups." },
    { name: 'MyApplicationEdge', description: 'A sign-up in a page.' },
  ),
);

// ─────────────── signUp ───────────────

const AnswerInput = builder.inputType('AnswerInput', {
  description: 'An answer to a question; `value` is a string, a boolean, a number or a list of choice values.',
  fields: (t) => ({
    questionId: t.id({ description: 'The `id` of the question.' }),
    value: t.field({
      description: 'The answer; leave it out to skip an optional question.',
      type: 'JSON',
      required: false,
    }),
  }),
});

const ConsentInput = builder.inputType('ConsentInput', {
  description: 'What the volunteer agreed to, in the wording of `textVersion`.',
  fields: (t) => ({
    dataProcessing: t.boolean({ description: 'Processing of personal data for this application; required.' }),
    photos: t.boolean({ description: 'Agrees to photos at events (optional).', required: false }),
    newsletter: t.boolean({ description: 'Agrees to news about other opportunities (optional).', required: false }),
    textVersion: t.string({
      required: false,
      description: 'Version of the consent text shown, e.g. "privacy-2026-01".',
      validate: z.string().max(50),
    }),
  }),
});

const GuardianInput = builder.inputType('GuardianInput', {
  description: 'Parent or guardian of a volunteer under 18.',
  fields: (t) => ({
    name: t.string({ description: 'Guardian’s full name.', validate: z.string().trim().min(2).max(200) }),
    email: t.string({ description: 'Guardian’s e-mail address.', validate: z.email().max(254) }),
    consent: t.boolean({ description: 'The guardian agrees to the volunteering.' }),
  }),
});

const SignUpInput = builder.inputType('SignUpInput', {
  description: 'A volunteer signing up through a widget or an integration.',
  fields: (t) => ({
    opportunityId: t.id({ description: 'Global id of a published opportunity.' }),
    shiftId: t.id({ required: false, description: 'Required when the opportunity has shifts.' }),
    name: t.string({ description: 'Volunteer’s full name.', validate: z.string().trim().min(2).max(200) }),
    email: t.string({ description: 'Volunteer’s e-mail address.', validate: z.email().max(254) }),
    birthDate: t.field({ description: 'Decides age rules and guardian consent.', type: 'Date' }),
    motivation: t.string({
      description: 'Why they want to take part.',
      required: false,
      validate: z.string().max(5000),
    }),
    answers: t.field({ description: 'Answers to the opportunity’s questions.', type: [AnswerInput], required: false }),
    consent: t.field({ description: 'What the volunteer agreed to.', type: ConsentInput }),
    guardian: t.field({ description: 'Required for volunteers under 18.', type: GuardianInput, required: false }),
    idempotencyKey: t.string({
      required: false,
      description: 'Any string unique to this sign-up attempt; a retry with it returns the first result.',
      validate: z.string().min(1).max(100),
    }),
  }),
});

interface SignUpResult {
  applicationId: string;
  status: Prisma.ApplicationGetPayload<object>['status'];
  opportunityId: string;
  shiftId: string | null;
}

const SignUpPayload = builder.objectRef<SignUpResult>('SignUpPayload').implement({
  description:
    'The sign-up was received. The same answer is given whether or not the e-mail address already had an account.',
  fields: (t) => ({
    applicationId: t.id({
      description:
        'Global id of the application (the same on a retry). Reading the application itself needs the volunteer’s session.',
      resolve: (r) => encodeGlobalID('Application', r.applicationId),
    }),
    status: t.field({
      type: ApplicationStatusEnum,
      description: 'PENDING (the organisation decides) or WAITLISTED (all places taken).',
      resolve: (r) => r.status,
    }),
    opportunity: t.prismaField({
      description: 'What the volunteer signed up for.',
      type: OpportunityRef,
      resolve: (query, r, _, ctx) =>
        ctx.prisma.opportunity.findUniqueOrThrow({ ...query, where: { id: r.opportunityId } }),
    }),
    shift: t.prismaField({
      description: 'The chosen shift, if any.',
      type: ShiftRef,
      nullable: true,
      resolve: (query, r, _, ctx) =>
        r.shiftId ? ctx.prisma.shift.findUnique({ ...query, where: { id: r.shiftId } }) : null,
    }),
  }),
});

const ACTIVE_STATUSES = ['PENDING', 'ACCEPTED', 'WAITLISTED'] as const;

/**
 * Whether an accepted volunteer still fits: locks the row that holds the places
 * (the shift, or the opportunity without shifts) until the transaction ends, so
 * concurrent sign-ups and decisions count one after another.
 */
async function placeLeft(
  tx: Prisma.TransactionClient,
  shift: { id: string; capacity: number } | null,
  opportunity: { id: string; capacity: number | null },
): Promise<boolean> {
  if (shift) await tx.$queryRaw`SELECT id FROM "Shift" WHERE id = ${shift.id} FOR UPDATE`;
  else await tx.$queryRaw`SELECT id FROM "Opportunity" WHERE id = ${opportunity.id} FOR UPDATE`;
  const capacity = shift ? shift.capacity : opportunity.capacity;
  if (capacity === null) return true;
  const accepted = await tx.application.count({
    where: { ...(shift ? { shiftId: shift.id } : { opportunityId: opportunity.id }), status: 'ACCEPTED' },
  });
  return accepted < capacity;
}

builder.mutationField('signUp', (t) =>
  t.field({
    type: SignUpPayload,
    description:
      'Signs a volunteer up for a published opportunity (and shift). Creates their account, or attaches to the existing one by e-mail. Safe to retry: a second sign-up of the same person for the same opportunity and shift returns the first.',
    errors: { types: [InputError, NotFoundError, RuleError] },
    args: { input: t.arg({ type: SignUpInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const opportunityId = idOf(L, input.opportunityId, 'Opportunity', ['input', 'opportunityId']);
      const opportunity = await ctx.prisma.opportunity.findUnique({
        where: { id: opportunityId },
        include: { shifts: true, questions: { orderBy: { position: 'asc' } } },
      });
      if (!opportunity || opportunity.status === 'DRAFT') throw new NotFoundError(L, ['input', 'opportunityId']);
      const now = new Date();
      if (opportunity.status !== 'PUBLISHED' || (opportunity.applyBy && opportunity.applyBy < now)) {
        throw new RuleError(L, 'OPPORTUNITY_NOT_OPEN');
      }

      let shift = null;
      if (input.shiftId) {
        const shiftId = idOf(L, input.shiftId, 'Shift', ['input', 'shiftId']);
        shift = opportunity.shifts.find((s) => s.id === shiftId) ?? null;
        if (!shift) throw new NotFoundError(L, ['input', 'shiftId']);
        if (shift.startsAt < now) throw new RuleError(L, 'SHIFT_IN_PAST');
      } else if (opportunity.shifts.length > 0) {
        throw InputError.field(L, ['input', 'shiftId'], 'SHIFT_REQUIRED');
      }

      if (!input.consent.dataProcessing) {
        throw InputError.field(L, ['input', 'consent', 'dataProcessing'], 'CONSENT_REQUIRED');
      }
      if (input.birthDate > now) throw InputError.field(L, ['input', 'birthDate'], 'FUTURE_DATE');
      const age = ageOn(input.birthDate, shift?.startsAt ?? opportunity.startsAt ?? now);
      if (opportunity.minAge !== null && age < opportunity.minAge) {
        throw new RuleError(L, 'TOO_YOUNG', { minAge: opportunity.minAge });
      }
      if (age < 15 && !opportunity.suitableUnder15) throw new RuleError(L, 'UNDER_15_NOT_SUITABLE');
      const minor = age < 18;
      if (minor && !input.guardian?.consent) throw new RuleError(L, 'GUARDIAN_CONSENT_REQUIRED');

      const answers: Answer[] = (input.answers ?? []).map((a) => ({ questionId: a.questionId, value: a.value }));
      const questions = opportunity.questions.map((q) => ({ ...q, choices: choicesOf(q.options) }));
      const answerErrors = checkAnswers(L, questions, answers, ['input', 'answers']);
      if (answerErrors.length) throw new InputError(L, answerErrors);

      const email = input.email.trim().toLowerCase();
      const result = await ctx.prisma.$transaction(async (tx) => {
        const volunteer = await tx.user.upsert({
          where: { email },
          // An existing account is never changed by an anonymous sign-up.
          update: {},
          create: { email, name: input.name.trim(), birthDate: input.birthDate, locale: ctx.locale },
        });
        // Erasure frees the real address; the placeholder it leaves is nobody's and takes no sign-ups.
        if (volunteer.erasedAt) throw InputError.field(L, ['input', 'email'], 'INVALID_EMAIL');
        const previous = await tx.application.findFirst({
          where: {
            volunteerId: volunteer.id,
            OR: [
              ...(input.idempotencyKey ? [{ idempotencyKey: input.idempotencyKey }] : []),
              { opportunityId, shiftId: shift?.id ?? null, status: { in: [...ACTIVE_STATUSES] } },
            ],
          },
        });
        if (previous) return previous;

        const status = (await placeLeft(tx, shift, opportunity)) ? 'PENDING' : 'WAITLISTED';
        const textVersion = input.consent.textVersion ?? 'privacy-2026-01';
        return tx.application.create({
          data: {
            opportunityId,
            organizationId: opportunity.organizationId,
            shiftId: shift?.id ?? null,
            volunteerId: volunteer.id,
            status,
            motivation: input.motivation ?? null,
            answers: normalizeAnswers(answers) as unknown as Prisma.InputJsonValue,
            guardianName: minor ? (input.guardian?.name ?? null) : null,
            guardianEmail: minor ? (input.guardian?.email.toLowerCase() ?? null) : null,
            apiKeyId: ctx.apiKey?.id ?? null,
            origin: ctx.origin,
            idempotencyKey: input.idempotencyKey ?? null,
            history: { create: { from: null, to: status } },
            consents: {
              create: [
                { kind: 'DATA_PROCESSING', granted: true, textVersion, givenBy: input.name },
                ...(minor
                  ? [{ kind: 'GUARDIAN' as const, granted: true, textVersion, givenBy: input.guardian?.name ?? null }]
                  : []),
                ...(typeof input.consent.photos === 'boolean'
                  ? [{ kind: 'PHOTOS' as const, granted: input.consent.photos, textVersion, givenBy: input.name }]
                  : []),
                ...(typeof input.consent.newsletter === 'boolean'
                  ? [
                      {
                        kind: 'NEWSLETTER' as const,
                        granted: input.consent.newsletter,
                        textVersion,
                        givenBy: input.name,
                      },
                    ]
                  : []),
              ],
            },
          },
        });
      });
      return {
        applicationId: result.id,
        status: result.status,
        opportunityId: result.opportunityId,
        shiftId: result.shiftId,
      };
    },
  }),
);

// ─────────────── decisions ───────────────

const ApplicationDecisionEnum = builder.enumType('ApplicationDecision', {
  description: "A coordinator's decision on an application.",
  values: {
    ACCEPT: { value: 'ACCEPTED' as const },
    WAITLIST: { value: 'WAITLISTED' as const },
    DECLINE: { value: 'DECLINED' as const },
  },
});

const DecideApplicationInput = builder.inputType('DecideApplicationInput', {
  description: 'A decision on an application.',
  fields: (t) => ({
    applicationId: t.id({ description: 'Global id of the application.' }),
    decision: t.field({ description: 'Accept, waitlist or decline.', type: ApplicationDecisionEnum }),
    note: t.string({ description: 'Why, for the record.', required: false, validate: z.string().max(2000) }),
  }),
});

const ApplicationPayload = builder.objectRef<{ applicationId: string }>('ApplicationPayload').implement({
  description: 'The application after the change.',
  fields: (t) => ({
    application: t.prismaField({
      description: 'The application as it is now.',
      type: ApplicationRef,
      resolve: (query, p, _, ctx) =>
        ctx.prisma.application.findUniqueOrThrow({ ...query, where: { id: p.applicationId } }),
    }),
  }),
});

async function loadApplication(ctx: Context, globalId: string) {
  const id = idOf(ctx.locale, globalId, 'Application', ['input', 'applicationId']);
  const application = await ctx.prisma.application.findUnique({
    where: { id },
    include: { opportunity: true, shift: true, consents: true, volunteer: { select: { birthDate: true } } },
  });
  if (!application) throw new NotFoundError(ctx.locale, ['input', 'applicationId']);
  return application;
}

builder.mutationField('decideApplication', (t) =>
  t.field({
    type: ApplicationPayload,
    description:
      'Accepts, waitlists or declines an application. Needs ADMIN or COORDINATOR of the organisation. Repeating a decision changes nothing.',
    authScopes: { $any: { signedIn: true, secretKey: true } },
    errors: { types: [InputError, NotFoundError, RuleError] },
    args: { input: t.arg({ type: DecideApplicationInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const application = await loadApplication(ctx, input.applicationId);
      if (!(await ctx.access.can('applications:decide', application.organizationId))) {
        throw new NotFoundError(L, ['input', 'applicationId']);
      }
      const to = input.decision;
      if (application.status === to) return { applicationId: application.id };
      if (application.status === 'WITHDRAWN') {
        throw new RuleError(L, 'TRANSITION_NOT_ALLOWED', { from: application.status, to });
      }
      if (to === 'ACCEPTED') {
        // The sign-up's age rules hold at acceptance too: the opportunity may have
        // changed since, and applications may come from elsewhere than signUp.
        const { birthDate } = application.volunteer;
        const age = birthDate
          ? ageOn(birthDate, application.shift?.startsAt ?? application.opportunity.startsAt ?? new Date())
          : null;
        if (age !== null && age < 15 && !application.opportunity.suitableUnder15) {
          throw new RuleError(L, 'UNDER_15_NOT_SUITABLE');
        }
        // The latest guardian record counts: a guardian may withdraw consent after the sign-up.
        const guardian = application.consents
          .filter((c) => c.kind === 'GUARDIAN')
          .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
          .at(-1);
        const minor = age !== null ? age < 18 : !!application.guardianName;
        if (minor && !guardian?.granted) throw new RuleError(L, 'GUARDIAN_CONSENT_REQUIRED');
      }
      await ctx.prisma.$transaction(async (tx) => {
        if (to === 'ACCEPTED' && !(await placeLeft(tx, application.shift, application.opportunity))) {
          throw new RuleError(L, 'CAPACITY_FULL');
        }
        await tx.application.update({
          where: { id: application.id },
          data: {
            status: to,
            history: {
              create: { from: application.status, to, actorId: ctx.viewer?.id ?? null, note: input.note ?? null },
            },
          },
        });
        await audit(
          ctx,
          {
            action: 'application.decide',
            organizationId: application.organizationId,
            subjectType: 'Application',
            subjectId: application.id,
            details: { from: application.status, to },
          },
          tx,
        );
      });
      return { applicationId: application.id };
    },
  }),
);

const WithdrawApplicationInput = builder.inputType('WithdrawApplicationInput', {
  description: 'Names an application to withdraw.',
  fields: (t) => ({ applicationId: t.id({ description: 'Global id of your application.' }) }),
});

builder.mutationField('withdrawApplication', (t) =>
  t.field({
    type: ApplicationPayload,
    description: 'The volunteer withdraws their own application. Withdrawing twice changes nothing.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: WithdrawApplicationInput }) },
    resolve: async (_, { input }, ctx) => {
      const application = await loadApplication(ctx, input.applicationId);
      if (application.volunteerId !== ctx.viewer?.id) throw new NotFoundError(ctx.locale, ['input', 'applicationId']);
      if (application.status !== 'WITHDRAWN') {
        await ctx.prisma.application.update({
          where: { id: application.id },
          data: {
            status: 'WITHDRAWN',
            history: { create: { from: application.status, to: 'WITHDRAWN', actorId: ctx.viewer.id } },
          },
        });
      }
      return { applicationId: application.id };
    },
  }),
);
