import { hashPassword, hashSecret } from '@tandem/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, toGlobal } from './harness.ts';

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start();
});
afterAll(() => api.close());

const RESULT = /* GraphQL */ `
  __typename
  ... on Error {
    code
    message
  }
  ... on ValidationError {
    fieldErrors {
      path
      message
    }
  }
`;

const SIGNED_IN = /* GraphQL */ `
  ... on SignInPayload {
    token
    expiresAt
    me {
      email
    }
  }
`;

const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { ${RESULT} ${SIGNED_IN} } }`;
const REQUEST_CODE = `mutation ($input: RequestSignInCodeInput!) { requestSignInCode(input: $input) { ${RESULT}
  ... on RequestSignInCodePayload { sent expiresInMinutes returnUrlAccepted } } }`;
const WITH_CODE = `mutation ($input: SignInWithCodeInput!) { signInWithCode(input: $input) { ${RESULT} ${SIGNED_IN} } }`;
const WITH_LINK = `mutation ($input: SignInWithLinkInput!) { signInWithLink(input: $input) { ${RESULT} ${SIGNED_IN} } }`;
const SIGN_OUT = `mutation ($input: SignOutInput!) { signOut(input: $input) { __typename ... on Error { code message }
  ... on SignOutPayload { endedSessions } } }`;
const SIGN_OUT_EVERYWHERE = `mutation ($input: SignOutEverywhereInput!) { signOutEverywhere(input: $input) {
  __typename ... on SignOutPayload { endedSessions } } }`;
const SET_PASSWORD = `mutation ($input: SetPasswordInput!) { setPassword(input: $input) { ${RESULT}
  ... on SetPasswordPayload { endedSessions me { email } } } }`;
const ME = `{ me { email } }`;
const MY_SESSIONS = `{ me { sessions { id method userAgent current createdAt lastUsedAt expiresAt } } }`;

let counter = 0;
/** A fresh account of its own per test, so tests do not share sessions, codes or rate-limit buckets. */
async function newUser({
  password,
  locale = 'sl',
  erased = false,
}: { password?: string; locale?: 'sl' | 'en'; erased?: boolean } = {}) {
  const email = `signin.${++counter}.${Math.random().toString(36).slice(2, 8)}@example.org`;
  return api.prisma.user.create({
    data: {
      email,
      name: `Preizkus ${counter}`,
      locale,
      passwordHash: password ? await hashPassword(password) : null,
      erasedAt: erased ? new Date() : null,
    },
  });
}

async function signIn(email: string, password: string, options: { locale?: 'sl' | 'en'; userAgent?: string } = {}) {
  const result = await api.data(
    SIGN_IN,
    { input: { email, password } },
    { locale: options.locale, headers: options.userAgent ? { 'user-agent': options.userAgent } : {} },
  );
  return result.signIn;
}

async function meWith(token: string) {
  return (await api.data(ME, {}, { token })).me as { email: string } | null;
}

/** The six-digit code in the newest sign-in mail to this address. */
async function lastCodeMail(to: string) {
  const mail = await api.prisma.outboxMessage.findFirstOrThrow({
    where: { to, kind: 'sign-in-code' },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
  if (!code) throw new Error(`no code in ${mail.text}`);
  return { mail, code };
}

async function requestCode(email: string, returnUrl?: string, headers: Record<string, string> = {}) {
  return (await api.data(REQUEST_CODE, { input: { email, ...(returnUrl ? { returnUrl } : {}) } }, { headers }))
    .requestSignInCode;
}

async function withCode(email: string, code: string) {
  return (await api.data(WITH_CODE, { input: { email, code } })).signInWithCode;
}

describe('signIn with a password', () => {
  it('opens a session whose token signs later requests in', async () => {
    const user = await newUser({ password: 'dolgo-geslo-123' });
    const result = await signIn(user.email.toUpperCase(), 'dolgo-geslo-123', { userAgent: 'TestBrowser/1.0' });
    expect(result.__typename).toBe('SignInPayload');
    expect(result.token).toMatch(/^ts_/);
    expect(result.me.email).toBe(user.email);
    const days = (new Date(result.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29);
    expect(days).toBeLessThanOrEqual(30);
    expect(await meWith(result.token)).toEqual({ email: user.email });
    const session = await api.prisma.session.findUniqueOrThrow({ where: { tokenHash: hashSecret(result.token) } });
    expect(session).toMatchObject({ userId: user.id, method: 'PASSWORD', userAgent: 'TestBrowser/1.0' });
  });

  it('stores the password with scrypt and its parameters, never in clear', async () => {
    const user = await newUser({ password: 'dolgo-geslo-123' });
    expect(user.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    const other = await newUser({ password: 'dolgo-geslo-123' });
    expect(other.passwordHash).not.toBe(user.passwordHash);
  });

  it('answers a wrong password, an unknown address, no password and an erased account alike', async () => {
    const user = await newUser({ password: 'dolgo-geslo-123' });
    const noPassword = await newUser();
    const erased = await newUser({ password: 'dolgo-geslo-123', erased: true });
    const answers = [
      await signIn(user.email, 'napacno-geslo-123'),
      await signIn('nobody.here@example.org', 'dolgo-geslo-123'),
      await signIn(noPassword.email, 'dolgo-geslo-123'),
      await signIn(erased.email, 'dolgo-geslo-123'),
    ];
    for (const answer of answers) {
      expect(answer).toEqual({
        __typename: 'RuleViolationError',
        code: 'INVALID_CREDENTIALS',
        message: 'E-naslov ali geslo ni pravilno.',
      });
    }
    expect((await signIn(user.email, 'x', { locale: 'en' })).message).toBe(
      'The e-mail address or password is not correct.',
    );
    expect(await api.prisma.session.count({ where: { userId: { in: [user.id, noPassword.id, erased.id] } } })).toBe(0);
  });
});

describe('one-time sign-in codes', () => {
  it('mails a code that signs in once, and answers unknown addresses the same', async () => {
    const user = await newUser();
    const known = await requestCode(user.email);
    const unknown = await requestCode('nobody.at.all@example.org');
    expect(known).toEqual({
      __typename: 'RequestSignInCodePayload',
      sent: true,
      expiresInMinutes: 15,
      returnUrlAccepted: false,
    });
    expect(unknown).toEqual(known);
    expect(await api.prisma.outboxMessage.count({ where: { to: 'nobody.at.all@example.org' } })).toBe(0);

    const { mail, code } = await lastCodeMail(user.email);
    expect(mail.subject).toBe(`Koda za prijavo v Tandem: ${code}`);
    expect(mail.text).not.toContain('#tandem-sign-in=');
    // Only hashes are stored.
    const row = await api.prisma.signInCode.findFirstOrThrow({ where: { userId: user.id } });
    expect(JSON.stringify(row)).not.toContain(code);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(15 * 60_000);

    const first = await withCode(user.email, code.replace(/(\d{3})/, '$1 '));
    expect(first.__typename).toBe('SignInPayload');
    expect(first.me.email).toBe(user.email);
    expect(await meWith(first.token)).toEqual({ email: user.email });
    expect((await api.prisma.session.findUniqueOrThrow({ where: { tokenHash: hashSecret(first.token) } })).method).toBe(
      'CODE',
    );

    // Single use: a retry of the same call does not open a second session.
    expect(await withCode(user.email, code)).toMatchObject({ __typename: 'RuleViolationError', code: 'INVALID_CODE' });
    expect(await api.prisma.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("writes the mail in the account's language", async () => {
    const user = await newUser({ locale: 'en' });
    await requestCode(user.email);
    const { mail, code } = await lastCodeMail(user.email);
    expect(mail.subject).toBe(`Your Tandem sign-in code: ${code}`);
    expect(mail.text).toContain('valid for 15 minutes');
  });

  it('gives the same INVALID_CODE for an unknown address, a wrong code and an erased account', async () => {
    const user = await newUser();
    await requestCode(user.email);
    const { code } = await lastCodeMail(user.email);
    const unknown = await withCode('nobody.else@example.org', code);
    const wrong = await withCode(user.email, code === '000000' ? '111111' : '000000');
    expect(unknown).toEqual({
      __typename: 'RuleViolationError',
      code: 'INVALID_CODE',
      message: 'Koda ali povezava ni pravilna, je že bila uporabljena ali je potekla. Zahtevajte novo.',
    });
    expect(wrong).toEqual(unknown);

    await api.prisma.user.update({ where: { id: user.id }, data: { erasedAt: new Date() } });
    expect(await withCode(user.email, code)).toEqual(unknown);
    await requestCode(user.email);
    expect(await api.prisma.signInCode.count({ where: { userId: user.id } })).toBe(1);
  });

  it('kills a code after five wrong attempts, counted in the database', async () => {
    const user = await newUser();
    await requestCode(user.email);
    const { code } = await lastCodeMail(user.email);
    const wrongCode = code === '999999' ? '999998' : '999999';
    // Parallel guesses cannot get past the limit.
    const wrong = await Promise.all([1, 2, 3, 4, 5].map(() => withCode(user.email, wrongCode)));
    expect(wrong.every((r) => r.code === 'INVALID_CODE')).toBe(true);
    const row = await api.prisma.signInCode.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.attempts).toBe(5);
    expect(await withCode(user.email, code)).toMatchObject({ code: 'INVALID_CODE' });
    expect(await api.prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('still accepts the right code after four wrong ones', async () => {
    const user = await newUser();
    await requestCode(user.email);
    const { code } = await lastCodeMail(user.email);
    const wrongCode = code === '999999' ? '999998' : '999999';
    for (let i = 0; i < 4; i++) await withCode(user.email, wrongCode);
    expect((await withCode(user.email, code)).__typename).toBe('SignInPayload');
  });

  it('refuses an expired code', async () => {
    const user = await newUser();
    await requestCode(user.email);
    const { code } = await lastCodeMail(user.email);
    await api.prisma.signInCode.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await withCode(user.email, code)).toMatchObject({ code: 'INVALID_CODE' });
  });

  it('makes earlier codes invalid when a new one is issued', async () => {
    const user = await newUser();
    await requestCode(user.email);
    const { code: older } = await lastCodeMail(user.email);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await requestCode(user.email);
    const { code: newer } = await lastCodeMail(user.email);
    if (older !== newer) expect(await withCode(user.email, older)).toMatchObject({ code: 'INVALID_CODE' });
    expect((await withCode(user.email, newer)).__typename).toBe('SignInPayload');
  });

  it('sends at most five codes per person per 15 minutes, with the same answer', async () => {
    const user = await newUser();
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await requestCode(user.email));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(await api.prisma.outboxMessage.count({ where: { to: user.email } })).toBe(5);
  });
});

describe('one-time sign-in links', () => {
  let key: string;
  beforeAll(async () => {
    const organization = await api.prisma.organization.findFirstOrThrow();
    key = `pk_test_${Math.random().toString(36).slice(2)}`;
    await api.prisma.apiKey.create({
      data: {
        organizationId: organization.id,
        kind: 'PUBLISHABLE',
        label: 'Partner site',
        prefix: key.slice(0, 12),
        keyHash: hashSecret(key),
        allowedOrigins: ['https://partner.example', 'http://localhost:8080'],
        scopes: [],
      },
    });
  });

  const fromPartner = () => ({ 'x-tandem-key': key, origin: 'https://partner.example' });

  it('mails a link to an allowed return page that signs in once and spends the code too', async () => {
    const user = await newUser();
    const answer = await requestCode(user.email, 'https://partner.example/prijava?step=2#old', fromPartner());
    expect(answer.returnUrlAccepted).toBe(true);
    const { mail, code } = await lastCodeMail(user.email);
    const link = /(https:\/\/partner\.example\/prijava\?step=2#tandem-sign-in=(tl_[\w-]+))/.exec(mail.text);
    expect(link).not.toBeNull();
    const token = link![2]!;

    const signedIn = (await api.data(WITH_LINK, { input: { token } })).signInWithLink;
    expect(signedIn.__typename).toBe('SignInPayload');
    expect(signedIn.me.email).toBe(user.email);
    expect(
      (await api.prisma.session.findUniqueOrThrow({ where: { tokenHash: hashSecret(signedIn.token) } })).method,
    ).toBe('LINK');

    expect((await api.data(WITH_LINK, { input: { token } })).signInWithLink).toMatchObject({
      __typename: 'RuleViolationError',
      code: 'INVALID_CODE',
    });
    expect(await withCode(user.email, code)).toMatchObject({ code: 'INVALID_CODE' });
  });

  it('accepts http only on localhost', async () => {
    const user = await newUser();
    const local = await requestCode(user.email, 'http://localhost:8080/', {
      'x-tandem-key': key,
      origin: 'http://localhost:8080',
    });
    expect(local.returnUrlAccepted).toBe(true);
    expect((await lastCodeMail(user.email)).mail.text).toContain('http://localhost:8080/#tandem-sign-in=tl_');
  });

  it('leaves the link out, but still sends the code, for return pages the key does not allow', async () => {
    const user = await newUser();
    const refused = [
      await requestCode(user.email, 'https://evil.example/prijava', fromPartner()),
      await requestCode(user.email, 'http://partner.example/prijava', fromPartner()),
      await requestCode(user.email, 'https://partner.example.evil.example/', fromPartner()),
      await requestCode(user.email, 'javascript:alert(1)', fromPartner()),
      // Without the key the origin cannot be checked.
      await requestCode(user.email, 'https://partner.example/prijava'),
    ];
    for (const answer of refused) expect(answer).toMatchObject({ sent: true, returnUrlAccepted: false });
    const mails = await api.prisma.outboxMessage.findMany({ where: { to: user.email } });
    expect(mails).toHaveLength(5);
    for (const mail of mails) {
      expect(mail.text).not.toContain('tandem-sign-in');
      expect(mail.text).toMatch(/\b\d{6}\b/);
    }
  });

  it('refuses an unknown or expired link token', async () => {
    const user = await newUser();
    await requestCode(user.email, 'https://partner.example/', fromPartner());
    const token = /#tandem-sign-in=(tl_[\w-]+)/.exec((await lastCodeMail(user.email)).mail.text)![1]!;
    expect((await api.data(WITH_LINK, { input: { token: `${token}x` } })).signInWithLink.code).toBe('INVALID_CODE');
    await api.prisma.signInCode.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect((await api.data(WITH_LINK, { input: { token } })).signInWithLink.code).toBe('INVALID_CODE');
  });
});

describe('signing out', () => {
  it('makes the token stop working, and a repeat is harmless', async () => {
    const user = await newUser();
    const token = await api.tokenFor(user.email);
    expect(await meWith(token)).toEqual({ email: user.email });

    const out = await api.data(SIGN_OUT, { input: {} }, { token });
    expect(out.signOut).toEqual({ __typename: 'SignOutPayload', endedSessions: 1 });
    expect(await meWith(token)).toBeNull();
    const denied = await api.gql(`{ myHourLogs(first: 1) { totalCount } }`, {}, { token });
    expect(denied.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const again = await api.data(SIGN_OUT, { input: {} }, { token });
    expect(again.signOut).toEqual({ __typename: 'SignOutPayload', endedSessions: 0 });
  });

  it("ends another of one's own sessions by id, but not someone else's", async () => {
    const user = await newUser();
    const current = await api.tokenFor(user.email);
    const phone = await api.tokenFor(user.email);
    const phoneSession = await api.prisma.session.findUniqueOrThrow({ where: { tokenHash: hashSecret(phone) } });
    const stranger = await newUser();
    const strangerToken = await api.tokenFor(stranger.email);

    const refused = await api.data(
      SIGN_OUT,
      { input: { sessionId: toGlobal('Session', phoneSession.id) } },
      { token: strangerToken },
    );
    expect(refused.signOut).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    const anonymous = await api.data(SIGN_OUT, { input: { sessionId: toGlobal('Session', phoneSession.id) } });
    expect(anonymous.signOut).toMatchObject({ __typename: 'NotFoundError' });
    expect(await meWith(phone)).toEqual({ email: user.email });

    const ended = await api.data(
      SIGN_OUT,
      { input: { sessionId: toGlobal('Session', phoneSession.id) } },
      { token: current },
    );
    expect(ended.signOut.endedSessions).toBe(1);
    expect(await meWith(phone)).toBeNull();
    expect(await meWith(current)).toEqual({ email: user.email });
  });

  it('signOutEverywhere ends every session, or all but the current one', async () => {
    const user = await newUser();
    const tokens = [await api.tokenFor(user.email), await api.tokenFor(user.email), await api.tokenFor(user.email)];
    const other = await newUser();
    const otherToken = await api.tokenFor(other.email);

    const keep = await api.data(SIGN_OUT_EVERYWHERE, { input: { keepCurrent: true } }, { token: tokens[0] });
    expect(keep.signOutEverywhere).toEqual({ __typename: 'SignOutPayload', endedSessions: 2 });
    expect(await meWith(tokens[0]!)).toEqual({ email: user.email });
    expect(await meWith(tokens[1]!)).toBeNull();
    expect(await meWith(tokens[2]!)).toBeNull();

    const all = await api.data(SIGN_OUT_EVERYWHERE, { input: {} }, { token: tokens[0] });
    expect(all.signOutEverywhere.endedSessions).toBe(1);
    expect(await meWith(tokens[0]!)).toBeNull();
    // A retry with the ended token, and other people's sessions, are untouched.
    const again = await api.data(SIGN_OUT_EVERYWHERE, { input: {} }, { token: tokens[0] });
    expect(again.signOutEverywhere.endedSessions).toBe(0);
    expect(await meWith(otherToken)).toEqual({ email: other.email });
  });
});

describe('setPassword', () => {
  it('needs a session', async () => {
    const result = await api.gql(SET_PASSWORD, { input: { newPassword: 'novo-geslo-123' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('sets a first password without the current one, which then signs in', async () => {
    const user = await newUser();
    const token = await api.tokenFor(user.email);
    const short = await api.data(SET_PASSWORD, { input: { newPassword: 'kratko' } }, { token });
    expect(short.setPassword).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'newPassword'], message: 'Geslo mora imeti od 10 do 200 znakov.' }],
    });
    const set = await api.data(SET_PASSWORD, { input: { newPassword: 'prvo-geslo-123' } }, { token });
    expect(set.setPassword).toEqual({ __typename: 'SetPasswordPayload', endedSessions: 0, me: { email: user.email } });
    expect((await signIn(user.email, 'prvo-geslo-123')).__typename).toBe('SignInPayload');
  });

  it('changes a password only with the current one, ends the other sessions and sends a notice', async () => {
    const user = await newUser({ password: 'staro-geslo-123', locale: 'en' });
    const current = await api.tokenFor(user.email);
    const laptop = await api.tokenFor(user.email);
    const phone = await api.tokenFor(user.email);

    const missing = await api.data(SET_PASSWORD, { input: { newPassword: 'novo-geslo-123' } }, { token: current });
    expect(missing.setPassword).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'currentPassword'] }],
    });
    const wrong = await api.data(
      SET_PASSWORD,
      { input: { currentPassword: 'napacno-geslo', newPassword: 'novo-geslo-123' } },
      { token: current, locale: 'en' },
    );
    expect(wrong.setPassword).toEqual({
      __typename: 'RuleViolationError',
      code: 'WRONG_PASSWORD',
      message: 'The current password is not correct.',
    });
    expect(await meWith(laptop)).toEqual({ email: user.email });

    const input = { currentPassword: 'staro-geslo-123', newPassword: 'novo-geslo-123' };
    const changed = await api.data(SET_PASSWORD, { input }, { token: current });
    expect(changed.setPassword).toMatchObject({ __typename: 'SetPasswordPayload', endedSessions: 2 });
    expect(await meWith(current)).toEqual({ email: user.email });
    expect(await meWith(laptop)).toBeNull();
    expect(await meWith(phone)).toBeNull();

    const notices = await api.prisma.outboxMessage.findMany({ where: { to: user.email, kind: 'password-changed' } });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.subject).toBe('Your Tandem password was changed');

    // A retry after a lost answer succeeds without changing anything or mailing again.
    const retry = await api.data(SET_PASSWORD, { input }, { token: current });
    expect(retry.setPassword).toMatchObject({ __typename: 'SetPasswordPayload', endedSessions: 0 });
    expect(await api.prisma.outboxMessage.count({ where: { to: user.email, kind: 'password-changed' } })).toBe(1);

    expect((await signIn(user.email, 'staro-geslo-123')).code).toBe('INVALID_CREDENTIALS');
    expect((await signIn(user.email, 'novo-geslo-123')).__typename).toBe('SignInPayload');
  });
});

describe('Me.sessions', () => {
  it('lists open sessions, marks the current one and hides them from others', async () => {
    const user = await newUser({ password: 'dolgo-geslo-123' });
    const browser = (await signIn(user.email, 'dolgo-geslo-123', { userAgent: 'Firefox/140' })).token as string;
    const phone = await api.tokenFor(user.email);
    const ended = await api.tokenFor(user.email);
    await api.data(SIGN_OUT, { input: {} }, { token: ended });

    const { me } = await api.data(MY_SESSIONS, {}, { token: browser });
    expect(me.sessions).toHaveLength(2);
    const current = me.sessions.find((s: { current: boolean }) => s.current);
    expect(current).toMatchObject({ method: 'PASSWORD', userAgent: 'Firefox/140' });
    expect(current.lastUsedAt).not.toBeNull();
    expect(me.sessions.filter((s: { current: boolean }) => !s.current)).toHaveLength(1);

    const fromPhone = await api.data(MY_SESSIONS, {}, { token: phone });
    expect(fromPhone.me.sessions.find((s: { current: boolean }) => s.current).id).not.toBe(current.id);

    const stranger = await api.tokenFor((await newUser()).email);
    const peek = await api.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id: current.id }, { token: stranger });
    expect(peek.data?.node ?? null).toBeNull();
    const own = await api.data(`query ($id: ID!) { node(id: $id) { id } }`, { id: current.id }, { token: browser });
    expect(own.node).toEqual({ id: current.id });
  });

  it('records when a session was last used, at most every five minutes', async () => {
    const user = await newUser();
    const token = await api.tokenFor(user.email);
    const where = { tokenHash: hashSecret(token) };
    expect((await api.prisma.session.findUniqueOrThrow({ where })).lastUsedAt).toBeNull();
    await meWith(token);
    const first = (await api.prisma.session.findUniqueOrThrow({ where })).lastUsedAt;
    expect(first).not.toBeNull();

    const twoMinutesAgo = new Date(Date.now() - 2 * 60_000);
    await api.prisma.session.update({ where, data: { lastUsedAt: twoMinutesAgo } });
    await meWith(token);
    expect((await api.prisma.session.findUniqueOrThrow({ where })).lastUsedAt).toEqual(twoMinutesAgo);

    await api.prisma.session.update({ where, data: { lastUsedAt: new Date(Date.now() - 6 * 60_000) } });
    await meWith(token);
    const refreshed = (await api.prisma.session.findUniqueOrThrow({ where })).lastUsedAt!;
    expect(Date.now() - refreshed.getTime()).toBeLessThan(60_000);
  });
});
