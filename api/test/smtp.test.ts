import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxMailer } from '../src/mail.ts';
import { MAX_ATTEMPTS, SmtpMailer } from '../src/smtp-mailer.ts';
import { createTandemYoga } from '../src/yoga.ts';
import { TestApi } from './harness.ts';
import { decodedBody, TestSmtpServer } from './smtp-server.ts';

let api: TestApi;
let smtp: TestSmtpServer;
const credentials = { user: 'tandem', pass: 'p@ss word:1' };
const from = 'Tandem <noreply@tandem.test>';

beforeAll(async () => {
  [api, smtp] = await Promise.all([TestApi.start(), TestSmtpServer.start(credentials)]);
});
afterAll(async () => {
  await smtp.close();
  await api.close();
});

function mailer(url = smtp.url(credentials.user, credentials.pass), log: string[] = []) {
  return new SmtpMailer(api.prisma, { url, from, log: (line) => log.push(line) });
}

/** The address of a mail server that has just stopped: connections are refused. */
async function unreachableUrl(): Promise<string> {
  const gone = await TestSmtpServer.start();
  const url = gone.url();
  await gone.close();
  return url;
}

/** The messages earlier tests left failing are not due again: each retry test counts only its own. */
const settleEarlierMail = () =>
  api.prisma.outboxMessage.updateMany({ where: { sentAt: null }, data: { retryAt: null } });

describe('SmtpMailer', () => {
  it('records the message, delivers it with the credentials of the URL and marks it sent', async () => {
    const m = mailer();
    await m.send({ to: 'ana@example.org', subject: 'Živjo, Ana', text: 'Koda: 123456 — čšž', kind: 'test' });
    // Recorded before delivery finishes.
    const row = await api.prisma.outboxMessage.findFirstOrThrow({ where: { to: 'ana@example.org', kind: 'test' } });
    await m.close();

    const received = smtp.received.filter((r) => r.to.includes('ana@example.org'));
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: 'noreply@tandem.test', to: ['ana@example.org'], user: 'tandem' });
    expect(received[0]!.data).toMatch(/^From: Tandem <noreply@tandem\.test>$/m);
    expect(received[0]!.data).toMatch(/^Subject: =\?UTF-8\?Q\?/m);
    expect(decodedBody(received[0]!.data)).toContain('Koda: 123456 — čšž');

    const sent = await api.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(sent.sentAt).not.toBeNull();
    expect(sent.error).toBeNull();
  });

  it('keeps a message the server refuses, with the error, and reports it', async () => {
    smtp.rejectRecipients.add('gone@example.org');
    const log: string[] = [];
    const m = mailer(undefined, log);
    await m.send({ to: 'gone@example.org', subject: 'Hello', text: 'Text', kind: 'test' });
    await m.close();
    const row = await api.prisma.outboxMessage.findFirstOrThrow({ where: { to: 'gone@example.org' } });
    expect(row.sentAt).toBeNull();
    expect(row.error).toMatch(/550/);
    // Refused for good: not tried again.
    expect(row).toMatchObject({ attempts: 1, retryAt: null });
    expect(row.text).toBe('Text');
    expect(log.join('\n')).toMatch(/gone@example\.org was not sent/);
  });

  it('keeps the message when the credentials are wrong', async () => {
    const m = mailer(smtp.url(credentials.user, 'wrong'));
    await m.send({ to: 'wrong.auth@example.org', subject: 'Hello', text: 'Text', kind: 'test' });
    await m.close();
    const row = await api.prisma.outboxMessage.findFirstOrThrow({ where: { to: 'wrong.auth@example.org' } });
    expect(row.sentAt).toBeNull();
    expect(row.error).toMatch(/535|Invalid login/);
    expect(smtp.received.some((r) => r.to.includes('wrong.auth@example.org'))).toBe(false);
  });

  it('keeps the message when the server cannot be reached', async () => {
    const m = mailer(await unreachableUrl());
    await m.send({ to: 'unreachable@example.org', subject: 'Hello', text: 'Text', kind: 'test' });
    await m.close();
    const row = await api.prisma.outboxMessage.findFirstOrThrow({ where: { to: 'unreachable@example.org' } });
    expect(row.sentAt).toBeNull();
    expect(row.error).toMatch(/ECONNREFUSED/);
  });

  it('tries again what could not be delivered, after growing pauses, until it is sent, once', async () => {
    await settleEarlierMail();
    const failing = mailer(await unreachableUrl());
    const start = new Date();
    await failing.send({ to: 'later@example.org', subject: 'Pozneje', text: 'Besedilo', kind: 'test' });
    await failing.idle();
    let row = await api.prisma.outboxMessage.findFirstOrThrow({ where: { to: 'later@example.org' } });
    expect(row).toMatchObject({ attempts: 1, sentAt: null });
    // The first pause is a minute.
    expect(row.retryAt!.getTime() - start.getTime()).toBeGreaterThanOrEqual(60_000);
    expect(await failing.retryDue(new Date(row.retryAt!.getTime() - 1000))).toBe(0);

    // Still down at the second attempt: the pause doubles.
    const second = new Date(row.retryAt!.getTime() + 1000);
    expect(await failing.retryDue(second)).toBe(1);
    await failing.close();
    row = await api.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(row).toMatchObject({ attempts: 2, sentAt: null });
    expect(row.retryAt!.getTime() - second.getTime()).toBe(120_000);

    // The server is back: two processes look for due mail at once, and one of them sends it.
    const [a, b] = [mailer(), mailer()];
    const third = new Date(row.retryAt!.getTime() + 1000);
    const started = await Promise.all([a.retryDue(third), b.retryDue(third)]);
    expect(started.sort()).toEqual([0, 1]);
    await Promise.all([a.close(), b.close()]);
    row = await api.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(row).toMatchObject({ attempts: 3, error: null, retryAt: null });
    expect(row.sentAt).not.toBeNull();
    expect(smtp.received.filter((r) => r.to.includes('later@example.org'))).toHaveLength(1);
    const again = mailer();
    expect(await again.retryDue(new Date(third.getTime() + 86_400_000))).toBe(0);
    await again.close();
  });

  it('stops trying when a message is no longer worth sending, and never sends what was only kept', async () => {
    await settleEarlierMail();
    const failing = mailer(await unreachableUrl());
    await failing.send({ to: 'code@example.org', subject: 'Koda', text: '123456', kind: 'sign-in-code' });
    await failing.idle();
    const code = await api.prisma.outboxMessage.findFirstOrThrow({ where: { to: 'code@example.org' } });
    // A sign-in code is dead after 15 minutes.
    const late = new Date(code.createdAt.getTime() + 16 * 60_000);
    const m = mailer();
    expect(await m.retryDue(late)).toBe(0);
    expect(await api.prisma.outboxMessage.findUniqueOrThrow({ where: { id: code.id } })).toMatchObject({
      retryAt: null,
      sentAt: null,
    });

    // Kept in the outbox only (no SMTP when it was written): never sent later.
    await new OutboxMailer(api.prisma).send({ to: 'kept@example.org', subject: 'S', text: 'T', kind: 'test' });
    expect(await m.retryDue(new Date(Date.now() + 3_600_000))).toBe(0);

    // After the last attempt the message stays with its error.
    await api.prisma.outboxMessage.create({
      data: {
        to: 'tired@example.org',
        subject: 'S',
        text: 'T',
        kind: 'test',
        attempts: MAX_ATTEMPTS,
        retryAt: new Date(),
        error: 'x',
      },
    });
    expect(await m.retryDue(new Date(Date.now() + 60_000))).toBe(0);
    await m.close();
    expect(smtp.received.some((r) => /code@|kept@|tired@/.test(r.to.join(',')))).toBe(false);
  });

  it('delivers sign-in codes requested through the API', async () => {
    const m = mailer();
    const yoga = createTandemYoga({ db: api.db, mailer: m });
    const user = await api.prisma.user.create({
      data: { email: 'smtp.signin@example.org', name: 'Maja Kos', locale: 'en' },
    });
    const response = await yoga.fetch('http://127.0.0.1/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation ($input: RequestSignInCodeInput!) {
          requestSignInCode(input: $input) { ... on RequestSignInCodePayload { sent } } }`,
        variables: { input: { email: user.email } },
      }),
    });
    expect(await response.json()).toEqual({ data: { requestSignInCode: { sent: true } } });
    await m.close();

    const row = await api.prisma.outboxMessage.findFirstOrThrow({ where: { to: user.email, kind: 'sign-in-code' } });
    expect(row.sentAt).not.toBeNull();
    const code = /\b(\d{6})\b/.exec(row.text)![1]!;
    const received = smtp.received.find((r) => r.to.includes(user.email));
    expect(received?.data).toContain(`Subject: Your Tandem sign-in code: ${code}`);
    expect(decodedBody(received!.data)).toContain('Hello Maja Kos');
  });
});
