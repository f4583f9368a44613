import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { Access } from '../access.ts';
import { builder } from '../builder.ts';
import type { Context, Locale } from '../context.ts';
import { InputError, NotFoundError, RuleError } from '../errors.ts';
import { t as tr } from '../i18n.ts';
import { idOf } from '../ids.ts';
import { hashPassword, needsRehash, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, verifyPassword } from '../passwords.ts';
import { hashSecret, newSecret } from '../secrets.ts';
import { createSession, type SessionMethod } from '../sessions.ts';
import { MeRef } from './person.ts';

export const SIGN_IN_CODE_MINUTES = 15;
/** Wrong codes after which a one-time sign-in (its code and its link) is dead. */
export const SIGN_IN_CODE_ATTEMPTS = 5;
/** Codes issued to one person per SIGN_IN_CODE_MINUTES; more requests send nothing, so nobody can flood an inbox. */
const SIGN_IN_CODES_PER_WINDOW = 5;
/** Where the widget on the returnUrl page finds the link token: `returnUrl#tandem-sign-in=<token>`. */
export const LINK_FRAGMENT = 'tandem-sign-in';
/** Matches no user: lets unknown e-mail addresses run the same statements as known ones. */
const NO_USER = '00000000-0000-0000-0000-000000000000';

// ─────────────── sessions ───────────────

const SessionMethodEnum = builder.enumType('SessionMethod', {
  description: 'How a session was opened.',
  values: {
    PASSWORD: { description: 'E-mail address and password (`signIn`).' },
    CODE: { description: 'A one-time code sent by e-mail (`signInWithCode`).' },
    LINK: { description: 'A one-time link sent by e-mail (`signInWithLink`).' },
  } as const,
});

export const SessionRef = builder.prismaNode('Session', {
  description: 'A sign-in session of the signed-in person. Visible only to its owner.',
  id: { field: 'id' },
  authScopes: (s) => ({ self: s.userId }),
  fields: (t) => ({
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the person signed in.' }),
    lastUsedAt: t.expose('lastUsedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When a request last came with it (updated at most every 5 minutes); null if never used.',
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When it ends unless signed out earlier.' }),
    method: t.field({
      type: SessionMethodEnum,
      description: 'How it was opened.',
      resolve: (s) => s.method as SessionMethod,
    }),
    userAgent: t.exposeString('userAgent', {
      nullable: true,
      description: 'The browser or client that opened it (its User-Agent header).',
    }),
    current: t.boolean({
      description: 'This is the session the request came with.',
      resolve: (s, _, ctx) => s.id === ctx.viewer?.sessionId,
    }),
  }),
});

builder.prismaObjectField(MeRef, 'sessions', (t) =>
  t.relation('sessions', {
    description: 'Sessions that are still open (not signed out, not expired), newest first.',
    query: () => ({
      where: { revokedAt: null, expiresAt: { gt: new Date() } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    }),
  }),
);

interface SignedIn {
  token: string;
  expiresAt: Date;
  userId: string;
}

const SignInPayload = builder.objectRef<SignedIn>('SignInPayload').implement({
  description: 'A new session.',
  fields: (t) => ({
    token: t.exposeString('token', {
      description:
        'Send it with every request as `Authorization: Bearer <token>`. It is shown only here: Tandem keeps only its hash.',
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When the session ends unless signed out.' }),
    me: t.prismaField({
      type: MeRef,
      description: 'The person now signed in.',
      resolve: (query, p, _, ctx) => ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: p.userId } }),
    }),
  }),
});

/** Opens a session; the rest of this response (the payload's `me`) is answered as the new session. */
async function openSession(ctx: Context, userId: string, method: SessionMethod): Promise<SignedIn> {
  const token = await createSession(ctx.prisma, userId, { method, userAgent: ctx.userAgent });
  const session = await ctx.prisma.session.findUniqueOrThrow({
    where: { tokenHash: hashSecret(token) },
    select: {
      id: true,
      expiresAt: true,
      user: { select: { name: true, memberships: { select: { organizationId: true, role: true } } } },
    },
  });
  ctx.viewer = { id: userId, name: session.user.name, sessionId: session.id, memberships: session.user.memberships };
  ctx.access = new Access(ctx.prisma, ctx.viewer, ctx.apiKey);
  return { token, expiresAt: session.expiresAt, userId };
}

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// ─────────────── signIn ───────────────

const SignInInput = builder.inputType('SignInInput', {
  description: 'E-mail address and password.',
  fields: (t) => ({
    email: t.string({ description: 'The e-mail address of the account.', validate: z.string().max(254) }),
    password: t.string({ description: 'The password.', validate: z.string().max(PASSWORD_MAX_LENGTH) }),
  }),
});

builder.mutationField('signIn', (t) =>
  t.field({
    type: SignInPayload,
    description:
      'Signs in with e-mail address and password and returns a session token. A wrong password, an unknown address and an account without a password all give the same INVALID_CREDENTIALS. Anyone may call it; each success opens a new session, so a retry leaves an extra session the person can end (`signOut`, `Me.sessions`).',
    errors: { types: [InputError, RuleError] },
    args: { input: t.arg({ type: SignInInput }) },
    resolve: async (_, { input }, ctx) => {
      const user = await ctx.prisma.user.findUnique({
        where: { email: normalizeEmail(input.email) },
        select: { id: true, passwordHash: true, erasedAt: true },
      });
      // Always a full scrypt, so the time taken does not tell whether the account exists.
      const matches = await verifyPassword(input.password, user?.passwordHash);
      if (!user || user.erasedAt || !user.passwordHash || !matches) {
        throw new RuleError(ctx.locale, 'INVALID_CREDENTIALS');
      }
      if (needsRehash(user.passwordHash)) {
        await ctx.prisma.user.update({
          where: { id: user.id },
          data: { passwordHash: await hashPassword(input.password) },
        });
      }
      return openSession(ctx, user.id, 'PASSWORD');
    },
  }),
);

// ─────────────── one-time codes and links ───────────────

function codeHash(userId: string, code: string): string {
  // Bound to the user so that a stored hash cannot be matched across users.
  return hashSecret(`sign-in-code:${userId}:${code}`);
}

/**
 * The return URL for the sign-in link, if it may be used: https (http only on
 * localhost), and its origin allowed by the publishable key the request came
 * with — so a link in the mail only ever leads to a partner's own site.
 */
async function allowedReturnUrl(ctx: Context, returnUrl: string | null | undefined): Promise<URL | null> {
  if (!returnUrl || ctx.apiKey?.kind !== 'PUBLISHABLE') return null;
  let url: URL;
  try {
    url = new URL(returnUrl);
  } catch {
    return null;
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (!(url.protocol === 'https:' || (url.protocol === 'http:' && local))) return null;
  if (url.username || url.password) return null;
  const key = await ctx.prisma.apiKey.findUnique({
    where: { id: ctx.apiKey.id },
    select: { allowedOrigins: true, revokedAt: true },
  });
  if (!key || key.revokedAt || !key.allowedOrigins.includes(url.origin)) return null;
  return url;
}

const RequestSignInCodeInput = builder.inputType('RequestSignInCodeInput', {
  description: 'Where to send a one-time sign-in code.',
  fields: (t) => ({
    email: t.string({ description: 'The e-mail address of the account.', validate: z.email().max(254) }),
    returnUrl: t.string({
      required: false,
      description:
        'The page to return to. When it is https (http only on localhost) and its origin is among the allowed origins of the publishable key (`X-Tandem-Key`) the request comes with, the e-mail also holds a link `returnUrl#tandem-sign-in=<token>` for `signInWithLink`; otherwise it holds only the code.',
      validate: z.string().max(2000),
    }),
  }),
});

const RequestSignInCodePayload = builder
  .objectRef<{ returnUrlAccepted: boolean }>('RequestSignInCodePayload')
  .implement({
    description: 'The same answer whether or not an account has that address: if one does, a code is on its way to it.',
    fields: (t) => ({
      sent: t.boolean({
        description: 'Always true: the request was accepted. It does not say whether the account exists.',
        resolve: () => true,
      }),
      expiresInMinutes: t.int({
        description: 'How long a code stays valid.',
        resolve: () => SIGN_IN_CODE_MINUTES,
      }),
      returnUrlAccepted: t.exposeBoolean('returnUrlAccepted', {
        description:
          'Whether the e-mail holds a sign-in link to `returnUrl` (depends only on `returnUrl` and the key, never on the account).',
      }),
    }),
  });

function signInCodeMail(locale: Locale, name: string, code: string, link: string | null) {
  const linkText = link ? tr(locale, 'SIGN_IN_CODE_LINK', { url: link }) : '';
  return {
    subject: tr(locale, 'SIGN_IN_CODE_SUBJECT', { code }),
    text: tr(locale, 'SIGN_IN_CODE_TEXT', { name, code, minutes: SIGN_IN_CODE_MINUTES, link: linkText }),
  };
}

builder.mutationField('requestSignInCode', (t) =>
  t.field({
    type: RequestSignInCodePayload,
    description: `Sends a one-time sign-in code (and, with an allowed \`returnUrl\`, a sign-in link) to the e-mail address, in the account's language. The answer is the same whether or not an account has that address. The code is valid for ${SIGN_IN_CODE_MINUTES} minutes and once; each request makes the earlier codes and links invalid, so a retry sends a new code and only the newest message works. Anyone may call it.`,
    errors: { types: [InputError] },
    args: { input: t.arg({ type: RequestSignInCodeInput }) },
    resolve: async (_, { input }, ctx) => {
      const returnUrl = await allowedReturnUrl(ctx, input.returnUrl);
      const user = await ctx.prisma.user.findUnique({
        where: { email: normalizeEmail(input.email) },
        select: { id: true, email: true, name: true, locale: true, erasedAt: true },
      });
      if (!user || user.erasedAt) return { returnUrlAccepted: !!returnUrl };

      const now = new Date();
      const recent = await ctx.prisma.signInCode.count({
        where: { userId: user.id, createdAt: { gt: new Date(now.getTime() - SIGN_IN_CODE_MINUTES * 60_000) } },
      });
      if (recent >= SIGN_IN_CODES_PER_WINDOW) return { returnUrlAccepted: !!returnUrl };

      const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
      const linkToken = newSecret('tl');
      await ctx.prisma.$transaction([
        ctx.prisma.signInCode.updateMany({
          where: { userId: user.id, consumedAt: null, expiresAt: { gt: now } },
          data: { expiresAt: now },
        }),
        ctx.prisma.signInCode.create({
          data: {
            userId: user.id,
            codeHash: codeHash(user.id, code),
            linkTokenHash: hashSecret(linkToken),
            createdAt: now,
            expiresAt: new Date(now.getTime() + SIGN_IN_CODE_MINUTES * 60_000),
          },
        }),
      ]);
      let link: string | null = null;
      if (returnUrl) {
        returnUrl.hash = `${LINK_FRAGMENT}=${linkToken}`;
        link = returnUrl.toString();
      }
      await ctx.mailer.send({
        to: user.email,
        kind: 'sign-in-code',
        ...signInCodeMail(user.locale, user.name, code, link),
      });
      return { returnUrlAccepted: !!returnUrl };
    },
  }),
);

const SignInWithCodeInput = builder.inputType('SignInWithCodeInput', {
  description: 'The code from the sign-in e-mail.',
  fields: (t) => ({
    email: t.string({ description: 'The e-mail address the code was sent to.', validate: z.string().max(254) }),
    code: t.string({ description: 'The six-digit code (spaces are ignored).', validate: z.string().max(20) }),
  }),
});

builder.mutationField('signInWithCode', (t) =>
  t.field({
    type: SignInPayload,
    description: `Signs in with the code from \`requestSignInCode\`'s e-mail. A wrong, expired or already used code, and an unknown address, all give INVALID_CODE; after ${SIGN_IN_CODE_ATTEMPTS} wrong codes the code (and its link) is dead. A code works once: retrying a call that succeeded gives INVALID_CODE, so keep the token from the first answer (or request a new code). Anyone may call it.`,
    errors: { types: [InputError, RuleError] },
    args: { input: t.arg({ type: SignInWithCodeInput }) },
    resolve: async (_, { input }, ctx) => {
      const user = await ctx.prisma.user.findUnique({
        where: { email: normalizeEmail(input.email) },
        select: { id: true, erasedAt: true },
      });
      // Unknown and erased accounts run the same statements against no rows.
      const userId = user && !user.erasedAt ? user.id : NO_USER;
      const now = new Date();
      const live = { userId, consumedAt: null, expiresAt: { gt: now }, attempts: { lt: SIGN_IN_CODE_ATTEMPTS } };
      // Matching and spending happen in one conditional update, so parallel
      // guesses cannot get past the attempt limit or use a code twice.
      const used = await ctx.prisma.signInCode.updateMany({
        where: { ...live, codeHash: codeHash(userId, input.code.replace(/\s+/g, '')) },
        data: { consumedAt: now },
      });
      if (used.count === 0) {
        await ctx.prisma.signInCode.updateMany({ where: live, data: { attempts: { increment: 1 } } });
        throw new RuleError(ctx.locale, 'INVALID_CODE');
      }
      return openSession(ctx, userId, 'CODE');
    },
  }),
);

const SignInWithLinkInput = builder.inputType('SignInWithLinkInput', {
  description: 'The token from the sign-in link.',
  fields: (t) => ({
    token: t.string({
      description: `What follows \`#${LINK_FRAGMENT}=\` in the link of the sign-in e-mail.`,
      validate: z.string().max(200),
    }),
  }),
});

builder.mutationField('signInWithLink', (t) =>
  t.field({
    type: SignInPayload,
    description: `Signs in with the token of the link in \`requestSignInCode\`'s e-mail (the widget on the return page reads it from \`#${LINK_FRAGMENT}=\`). The link shares its fate with the code: valid for ${SIGN_IN_CODE_MINUTES} minutes, once, and dead after ${SIGN_IN_CODE_ATTEMPTS} wrong codes. A used, expired or unknown token gives INVALID_CODE — including a retry of a call that succeeded. Anyone may call it.`,
    errors: { types: [InputError, RuleError] },
    args: { input: t.arg({ type: SignInWithLinkInput }) },
    resolve: async (_, { input }, ctx) => {
      const linkTokenHash = hashSecret(input.token.trim());
      const now = new Date();
      const used = await ctx.prisma.signInCode.updateMany({
        where: {
          linkTokenHash,
          consumedAt: null,
          expiresAt: { gt: now },
          attempts: { lt: SIGN_IN_CODE_ATTEMPTS },
          user: { erasedAt: null },
        },
        data: { consumedAt: now },
      });
      if (used.count === 0) throw new RuleError(ctx.locale, 'INVALID_CODE');
      const { userId } = await ctx.prisma.signInCode.findUniqueOrThrow({
        where: { linkTokenHash },
        select: { userId: true },
      });
      return openSession(ctx, userId, 'LINK');
    },
  }),
);

// ─────────────── signing out ───────────────

const SignOutPayload = builder.objectRef<{ endedSessions: number }>('SignOutPayload').implement({
  description: 'Sessions ended.',
  fields: (t) => ({
    endedSessions: t.exposeInt('endedSessions', {
      description: 'How many sessions this call ended; 0 when they had already ended (e.g. a retry).',
    }),
  }),
});

const SignOutInput = builder.inputType('SignOutInput', {
  description: 'Which session to end.',
  fields: (t) => ({
    sessionId: t.id({
      required: false,
      description: 'One of your own sessions (see `Me.sessions`); without it, the session of this request.',
    }),
  }),
});

/** After ending the request's own session, the rest of the response is answered as signed out. */
function forgetViewer(ctx: Context) {
  ctx.viewer = null;
  ctx.access = new Access(ctx.prisma, null, ctx.apiKey);
}

builder.mutationField('signOut', (t) =>
  t.field({
    type: SignOutPayload,
    description:
      "Ends the session of this request (its token stops working), or with `sessionId` another of one's own sessions. Idempotent: a repeat, even with the token it already ended, answers with endedSessions 0 instead of an error, so only `sessionId` needs a valid session.",
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: SignOutInput }) },
    resolve: async (_, { input }, ctx) => {
      const viewer = ctx.viewer;
      let sessionId = viewer?.sessionId;
      if (input.sessionId) {
        sessionId = idOf(ctx.locale, input.sessionId, 'Session', ['input', 'sessionId']);
        const session = viewer ? await ctx.prisma.session.findUnique({ where: { id: sessionId } }) : null;
        if (!viewer || session?.userId !== viewer.id) throw new NotFoundError(ctx.locale, ['input', 'sessionId']);
      }
      if (!viewer || !sessionId) return { endedSessions: 0 };
      const ended = await ctx.prisma.session.updateMany({
        where: { id: sessionId, userId: viewer.id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      if (sessionId === viewer.sessionId) forgetViewer(ctx);
      return { endedSessions: ended.count };
    },
  }),
);

const SignOutEverywhereInput = builder.inputType('SignOutEverywhereInput', {
  description: 'Which sessions to end.',
  fields: (t) => ({
    keepCurrent: t.boolean({
      required: false,
      defaultValue: false,
      description: 'Keep the session of this request open (end all the others).',
    }),
  }),
});

builder.mutationField('signOutEverywhere', (t) =>
  t.field({
    type: SignOutPayload,
    description:
      "Ends all of the signed-in person's sessions (for example after losing a phone). Idempotent: a repeat with the token it already ended answers with endedSessions 0 instead of an error.",
    errors: { types: [] },
    args: { input: t.arg({ type: SignOutEverywhereInput }) },
    resolve: async (_, { input }, ctx) => {
      const viewer = ctx.viewer;
      if (!viewer) return { endedSessions: 0 };
      const now = new Date();
      const ended = await ctx.prisma.session.updateMany({
        where: {
          userId: viewer.id,
          revokedAt: null,
          expiresAt: { gt: now },
          ...(input.keepCurrent ? { id: { not: viewer.sessionId } } : {}),
        },
        data: { revokedAt: now },
      });
      if (!input.keepCurrent) forgetViewer(ctx);
      return { endedSessions: ended.count };
    },
  }),
);

// ─────────────── setPassword ───────────────

const SetPasswordInput = builder.inputType('SetPasswordInput', {
  description: 'A new password.',
  fields: (t) => ({
    currentPassword: t.string({
      required: false,
      description: 'Required when the account already has a password.',
      validate: z.string().max(PASSWORD_MAX_LENGTH),
    }),
    newPassword: t.string({
      description: `The new password, ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.`,
    }),
  }),
});

const SetPasswordPayload = builder
  .objectRef<{ userId: string; endedSessions: number }>('SetPasswordPayload')
  .implement({
    description: 'The password is set.',
    fields: (t) => ({
      endedSessions: t.exposeInt('endedSessions', {
        description: 'Other sessions that were signed out because the password changed.',
      }),
      me: t.prismaField({
        type: MeRef,
        description: 'The signed-in person.',
        resolve: (query, p, _, ctx) => ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: p.userId } }),
      }),
    }),
  });

builder.mutationField('setPassword', (t) =>
  t.field({
    type: SetPasswordPayload,
    description: `Sets or changes the signed-in person's password (${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters); \`currentPassword\` is required when there already is one. Ends all their other sessions and sends a notice by e-mail. Safe to retry: a repeat whose newPassword is already the password succeeds without changing anything.`,
    authScopes: { signedIn: true },
    errors: { types: [InputError, RuleError] },
    args: { input: t.arg({ type: SetPasswordInput }) },
    resolve: async (_, { input }, ctx) => {
      const L = ctx.locale;
      const viewer = ctx.viewer!;
      const length = [...input.newPassword].length;
      if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
        throw InputError.field(L, ['input', 'newPassword'], 'PASSWORD_LENGTH', {
          min: PASSWORD_MIN_LENGTH,
          max: PASSWORD_MAX_LENGTH,
        });
      }
      const user = await ctx.prisma.user.findUniqueOrThrow({
        where: { id: viewer.id },
        select: { id: true, email: true, name: true, locale: true, passwordHash: true },
      });
      if (user.passwordHash) {
        const currentMatches =
          input.currentPassword != null && (await verifyPassword(input.currentPassword, user.passwordHash));
        if (!currentMatches) {
          // A retry after a lost answer: the new password is already in place.
          if (await verifyPassword(input.newPassword, user.passwordHash)) return { userId: user.id, endedSessions: 0 };
          if (input.currentPassword == null) throw InputError.field(L, ['input', 'currentPassword'], 'REQUIRED');
          throw new RuleError(L, 'WRONG_PASSWORD');
        }
      }
      const passwordHash = await hashPassword(input.newPassword);
      const now = new Date();
      const [, ended] = await ctx.prisma.$transaction([
        ctx.prisma.user.update({ where: { id: user.id }, data: { passwordHash } }),
        ctx.prisma.session.updateMany({
          where: { userId: user.id, revokedAt: null, expiresAt: { gt: now }, id: { not: viewer.sessionId } },
          data: { revokedAt: now },
        }),
      ]);
      await ctx.mailer.send({
        to: user.email,
        kind: 'password-changed',
        subject: tr(user.locale, 'PASSWORD_CHANGED_SUBJECT'),
        text: tr(user.locale, 'PASSWORD_CHANGED_TEXT', {
          name: user.name,
          when: now.toLocaleString(user.locale === 'en' ? 'en-GB' : 'sl-SI', { timeZone: 'Europe/Ljubljana' }),
        }),
      });
      return { userId: user.id, endedSessions: ended.count };
    },
  }),
);
