import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpMailer } from '../src/smtp-mailer.ts';
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
    const gone = await TestSmtpServer.start();
    const url = gone.url();
    await gone.close();
    const m = mailer(url);
    await m.send({ to: 'unreachable@example.org', subject: 'Hello', text: 'Text', kind: 'test' });
    await m.close();
    const row = await api.prisma.outboxMessage.findFirstOrThrow({ where: { to: 'unreachable@example.org' } });
    expect(row.sentAt).toBeNull();
    expect(row.error).toMatch(/ECONNREFUSED/);
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
