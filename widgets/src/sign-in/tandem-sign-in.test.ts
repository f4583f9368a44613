// <tandem-sign-in> in Chromium against the real API: password, one-time code
// from the mail outbox, the sign-in link, errors, sign-out, English.
import { hashPassword } from '@tandem/schema';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WidgetHarness } from '../../test/browser.ts';

let h: WidgetHarness;
let counter = 0;
const PASSWORD = 'dolgo-geslo-123';

beforeAll(async () => {
  h = await WidgetHarness.start();
});
afterAll(() => h?.close());

async function newVolunteer(name = 'Maja Prijavna') {
  counter += 1;
  return h.prisma.user.create({
    data: { email: `sign-in-${counter}@example.net`, name, passwordHash: await hashPassword(PASSWORD) },
  });
}

/** A page with the widget that records the widget events the host page would get. */
async function openSignIn(attrs = '', options: { lang?: string } = {}) {
  const page = await h.open(
    `<tandem-sign-in ${h.attrs} ${attrs}></tandem-sign-in>
     <script>
       window.events = [];
       for (const name of ['tandem-signed-in', 'tandem-signed-out', 'tandem-error'])
         document.addEventListener(name, (e) => window.events.push([name, e.detail]));
     </script>`,
    options,
  );
  await page.getByRole('heading', { name: options.lang === 'en' ? 'Sign in' : 'Prijava' }).waitFor();
  return page;
}

const events = (page: Page) => page.evaluate(() => (window as unknown as { events: [string, unknown][] }).events);
const storedToken = (page: Page) => page.evaluate((api) => localStorage.getItem(`tandem.session.${api}`), h.api);

async function meWith(token: string) {
  return (await h.gql<{ me: { name: string } | null }>('{ me { name } }', {}, { token })).data?.me ?? null;
}

/** The newest sign-in mail to this address: its code and link. */
async function signInMail(to: string) {
  const mails = (await h.outbox(to)).filter((m) => m.kind === 'sign-in-code');
  const mail = mails.at(-1);
  if (!mail) throw new Error(`no sign-in mail to ${to}`);
  return {
    code: /\b(\d{6})\b/.exec(mail.text)?.[1],
    link: /(https?:\/\/\S+#tandem-sign-in=[\w-]+)/.exec(mail.text)?.[1],
  };
}

describe('<tandem-sign-in>', () => {
  it('signs in with e-mail and password, keeps the session over a reload, and signs out', async () => {
    const user = await newVolunteer();
    const page = await openSignIn();
    await page.getByLabel('E-poštni naslov').fill(user.email);
    await page.getByLabel('Geslo').fill(PASSWORD);
    await page.getByRole('button', { name: 'Prijavi se' }).click();

    const status = page.getByText('Prijavljeni ste kot Maja Prijavna.');
    await status.waitFor();
    // Focus moves to the confirmation.
    expect(await status.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect((await events(page)).map(([name]) => name)).toEqual(['tandem-signed-in']);
    const token = await storedToken(page);
    expect(token).toMatch(/^ts_/);
    expect(await meWith(token!)).toEqual({ name: 'Maja Prijavna' });

    await page.reload();
    await page.getByText('Prijavljeni ste kot Maja Prijavna.').waitFor();

    await page.evaluate(() => {
      (window as unknown as { events: unknown[] }).events = [];
      document.addEventListener('tandem-signed-out', () =>
        (window as unknown as { events: unknown[] }).events.push(['tandem-signed-out']),
      );
    });
    await page.getByRole('button', { name: 'Odjava' }).click();
    await page.getByText('Odjavljeni ste.').waitFor();
    await page.getByLabel('E-poštni naslov').waitFor();
    expect(await storedToken(page)).toBeNull();
    expect((await events(page)).map(([name]) => name)).toContain('tandem-signed-out');
    // The session is over on the server too.
    expect(await meWith(token!)).toBeNull();
  });

  it('shows what is missing, and the API’s message for a wrong password', async () => {
    const user = await newVolunteer();
    const page = await openSignIn();
    await page.getByRole('button', { name: 'Prijavi se' }).click();
    const email = page.getByLabel('E-poštni naslov');
    await page.getByText('Vpišite e-poštni naslov.').waitFor();
    await page.getByText('Vpišite geslo.').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await email.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);

    await email.fill(user.email);
    await page.getByLabel('Geslo').fill('napacno-geslo-999');
    await page.getByRole('button', { name: 'Prijavi se' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('E-naslov ali geslo ni pravilno.');
    expect(await storedToken(page)).toBeNull();
    expect(await events(page)).toContainEqual([
      'tandem-error',
      { code: 'INVALID_CREDENTIALS', message: 'E-naslov ali geslo ni pravilno.' },
    ]);
  });

  it('signs in with a one-time code from the e-mail; a wrong code is refused first', async () => {
    const user = await newVolunteer('Tina Koda');
    const page = await openSignIn();
    await page.getByRole('button', { name: 'Pošlji mi enkratno kodo po e-pošti' }).click();
    await page.getByLabel('E-poštni naslov').fill(user.email);
    await page.getByRole('button', { name: 'Pošlji kodo' }).click();
    await page.getByText(`Če obstaja račun z naslovom ${user.email}, smo nanj poslali kodo za prijavo.`).waitFor();
    const code = page.getByLabel('Koda iz e-pošte');
    expect(await code.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    const mail = await signInMail(user.email);
    expect(mail.code).toMatch(/^\d{6}$/);

    const wrong = mail.code === '000000' ? '111111' : '000000';
    await code.fill(wrong);
    await page.getByRole('button', { name: 'Prijavi se' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Koda ali povezava ni pravilna');

    await code.fill(mail.code!);
    await page.getByRole('button', { name: 'Prijavi se' }).click();
    await page.getByText('Prijavljeni ste kot Tina Koda.').waitFor();
    expect(await meWith((await storedToken(page))!)).toEqual({ name: 'Tina Koda' });
  });

  it('signs in on arrival from the e-mail’s link and removes the token from the address', async () => {
    const user = await newVolunteer('Luka Povezava');
    const page = await openSignIn();
    await page.getByRole('button', { name: 'Pošlji mi enkratno kodo po e-pošti' }).click();
    await page.getByLabel('E-poštni naslov').fill(user.email);
    await page.getByRole('button', { name: 'Pošlji kodo' }).click();
    await page.getByLabel('Koda iz e-pošte').waitFor();
    const { link } = await signInMail(user.email);
    // The link returns to this very page (its origin is allowed by the publishable key).
    expect(link?.startsWith(page.url().replace(/#.*$/, ''))).toBe(true);

    const visitor = await h.browser.newContext();
    const other = await visitor.newPage();
    await other.goto(link!);
    await other.getByText('Prijavljeni ste kot Luka Povezava.').waitFor();
    expect(other.url()).not.toContain('tandem-sign-in');
    expect(await other.evaluate(() => location.hash)).toBe('');
    expect(await storedToken(other)).toMatch(/^ts_/);

    // A link works once: opening it again shows the API's message and offers a new code.
    const third = await (await h.browser.newContext()).newPage();
    await third.goto(link!);
    await expect.poll(() => third.getByRole('alert').textContent()).toContain('Koda ali povezava ni pravilna');
    await third.getByRole('button', { name: 'Pošlji kodo' }).waitFor();
    await visitor.close();
    await third.context().close();
  });

  it('speaks English with lang="en"', async () => {
    const user = await newVolunteer('Ana English');
    const page = await openSignIn('lang="en"', { lang: 'en' });
    await page.getByLabel('E-mail address').fill(user.email);
    await page.getByLabel('Password').fill('wrong-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('The e-mail address or password is not correct.');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('You are signed in as Ana English.').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  });

  it('left no errors in the pages’ consoles', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
