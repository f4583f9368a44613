// Finding an opportunity and signing up on the partner site: an adult through
// the list (search and filter, details, sign-up form with the opportunity's
// questions), a minor with a parent's consent on the garden page (in
// Slovenian), and the same flow with the keyboard only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { focused, openSitePage, startStack, type Focused, type Stack } from './stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  if (stack?.problems.length) console.log(`Browser problems:\n${stack.problems.join('\n')}`);
  await stack?.close();
});

const events = (page: Page) => page.locator('#event-log li').allTextContents();
const applicationsOf = (email: string) =>
  stack.db.prisma.application.findMany({
    where: { volunteer: { email } },
    include: { opportunity: true, shift: true, consents: true },
  });

/** A birth date `years` old (and a few months) today, as YYYY-MM-DD. */
function bornYearsAgo(years: number): string {
  const day = new Date();
  day.setUTCFullYear(day.getUTCFullYear() - years);
  day.setUTCMonth(day.getUTCMonth() - 3);
  return day.toISOString().slice(0, 10);
}

describe('signing up on the partner site', () => {
  it('an adult searches and filters the list, opens an opportunity and signs up', async () => {
    const page = await stack.newPage();
    await openSitePage(stack, page, '/en/');
    const list = page.locator('tandem-opportunities');
    const count = list.locator('[part="count"]');
    await expect.poll(() => count.textContent(), { timeout: 20_000 }).toMatch(/\d+ opportunit(y|ies) found/);
    const all = Number(/(\d+)/.exec((await count.textContent()) ?? '')?.[1]);
    expect(all).toBeGreaterThan(2);

    // Filter by area: only culture.
    await list.getByLabel('Area').selectOption({ label: 'culture and arts' });
    await expect.poll(async () => Number(/(\d+)/.exec((await count.textContent()) ?? '')?.[1])).toBeLessThan(all);
    const titles = list.getByRole('button', { name: /^Details: / });
    await expect.poll(() => titles.allTextContents()).toContainEqual(expect.stringContaining('Helping at concerts'));
    expect(await titles.allTextContents()).not.toContainEqual(expect.stringContaining('Tending the community garden'));

    // Search within it.
    await list.getByLabel('Area').selectOption({ label: 'All' });
    await list.getByRole('searchbox', { name: 'Search' }).fill('concerts');
    await list.getByRole('searchbox', { name: 'Search' }).press('Enter');
    await expect.poll(() => count.textContent()).toMatch(/^\s*1 opportunity found\s*$/);
    await list.getByRole('button', { name: 'Details: Helping at concerts' }).click();
    const heading = list.getByRole('heading', { name: 'Helping at concerts', exact: true });
    await expect.poll(() => heading.evaluate((h) => h === (h.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await list.getByRole('button', { name: 'Sign up', exact: true }).click();

    const signup = list.locator('tandem-signup');
    const send = signup.getByRole('button', { name: 'Send sign-up' });
    await expect.poll(() => send.isVisible(), { timeout: 15_000 }).toBe(true);
    await signup.getByRole('radio', { name: /^March concert/ }).check();
    await signup.getByLabel('Full name', { exact: true }).fill('Tjaša Zorko');
    await signup.getByLabel('E-mail address', { exact: true }).fill('tjasa.zorko@example.com');
    await signup.getByLabel('Date of birth').fill('1994-06-18');
    // An adult is not asked for a guardian.
    expect(await signup.getByText('Parent or guardian', { exact: true }).count()).toBe(0);
    await signup.getByLabel(/Why would you like to take part/).fill('Rada imam koncerte in ljudi.');
    await signup.getByRole('group', { name: 'Which task would you prefer?' }).getByLabel('Visitor information').check();
    await signup.getByRole('group', { name: 'Have you volunteered at events before?' }).getByLabel('Yes').check();
    await signup.getByLabel(/How did you hear about us/).fill('Na Instagramu.');

    // Without the consent to data processing the API refuses; the error sits at the checkbox, which gets focus.
    await send.click();
    const consent = signup.getByRole('checkbox', { name: /processes my personal data/ });
    await expect.poll(() => consent.getAttribute('aria-invalid')).toBe('true');
    expect(await consent.evaluate((c) => c === (c.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(
      await signup.getByText('You must agree to the processing of your personal data to sign up.').count(),
    ).toBeGreaterThan(0);
    expect(await applicationsOf('tjasa.zorko@example.com')).toEqual([]);

    await consent.check();
    // An impatient double click sends one sign-up.
    await send.dblclick();
    const confirmation = signup.locator('[part="confirmation"]');
    await expect.poll(() => confirmation.textContent(), { timeout: 15_000 }).toContain('Thank you for signing up!');
    expect(await confirmation.evaluate((c) => c === (c.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await confirmation.textContent()).toContain('tjasa.zorko@example.com');

    const [application, ...others] = await applicationsOf('tjasa.zorko@example.com');
    expect(others).toEqual([]);
    expect(application).toMatchObject({
      status: 'PENDING',
      motivation: 'Rada imam koncerte in ljudi.',
      origin: stack.site.url,
      guardianName: null,
    });
    expect(application!.opportunity.titleEn).toBe('Helping at concerts');
    expect(application!.shift?.labelEn).toBe('March concert');
    expect(application!.consents.map((c) => c.kind)).toContain('DATA_PROCESSING');
    const key = await stack.db.prisma.apiKey.findUniqueOrThrow({ where: { id: application!.apiKeyId! } });
    expect(key.label).toBe('partner site (e2e)');
    expect(await events(page)).toContainEqual(expect.stringMatching(/tandem-signed-up .*"status":"PENDING"/));
  });

  it('a minor signs up on the garden page (Slovenian) with a parent’s consent', async () => {
    const page = await stack.newPage();
    await openSitePage(stack, page, '/garden.html');
    const signup = page.locator('tandem-signup');
    const send = signup.getByRole('button', { name: 'Pošlji prijavo' });
    await expect.poll(() => send.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await signup.getByRole('heading', { level: 2 }).first().textContent()).toContain(
      'Urejanje skupnostnega vrta',
    );

    await signup.getByRole('radio', { name: /^Sajenje sadik/ }).check();
    await signup.getByLabel('Ime in priimek', { exact: true }).fill('Lan Vrečko');
    await signup.getByLabel('E-naslov', { exact: true }).fill('lan.vrecko@example.com');
    const guardian = signup.getByRole('group', { name: 'Starš ali skrbnik' });
    expect(await guardian.count()).toBe(0);
    await signup.getByLabel('Datum rojstva').fill(bornYearsAgo(16));
    // The birth date says minor: the guardian's details appear.
    await expect.poll(() => guardian.isVisible()).toBe(true);
    await signup.getByRole('checkbox', { name: /obdeluje moje osebne podatke/ }).check();

    // Empty guardian fields are caught in the form itself.
    await send.click();
    const guardianName = signup.getByLabel('Ime in priimek starša ali skrbnika');
    await expect.poll(() => guardianName.getAttribute('aria-invalid')).toBe('true');
    expect(await guardianName.evaluate((c) => c === (c.getRootNode() as ShadowRoot).activeElement)).toBe(true);

    await guardianName.fill('Mojca Vrečko');
    await signup.getByLabel('E-naslov starša ali skrbnika').fill('mojca.vrecko@example.com');
    // Without the guardian's consent the API refuses (GUARDIAN_CONSENT_REQUIRED), next to the checkbox.
    await send.click();
    const guardianConsent = signup.getByRole('checkbox', {
      name: 'Starš ali skrbnik se strinja, da prostovoljec sodeluje.',
    });
    await expect.poll(() => guardianConsent.getAttribute('aria-invalid')).toBe('true');
    expect(
      await signup.getByText('Mladoletni prostovoljci potrebujejo soglasje starša ali skrbnika.').count(),
    ).toBeGreaterThan(0);
    expect(await applicationsOf('lan.vrecko@example.com')).toEqual([]);

    await guardianConsent.check();
    await send.click();
    const confirmation = signup.locator('[part="confirmation"]');
    await expect.poll(() => confirmation.textContent(), { timeout: 15_000 }).toContain('Hvala za prijavo!');
    const [application] = await applicationsOf('lan.vrecko@example.com');
    expect(application).toMatchObject({
      status: 'PENDING',
      guardianName: 'Mojca Vrečko',
      guardianEmail: 'mojca.vrecko@example.com',
    });
    expect(application!.shift?.labelSl).toBe('Sajenje sadik');
    expect(
      application!.consents
        .filter((c) => c.granted)
        .map((c) => c.kind)
        .sort(),
    ).toEqual(['DATA_PROCESSING', 'GUARDIAN']);
    expect(await events(page)).toContainEqual(expect.stringContaining('tandem-signed-up'));
  });

  it('the whole sign-up works with the keyboard only, focus always visible and never lost', async () => {
    const page = await stack.newPage();
    await openSitePage(stack, page, '/en/');
    const list = page.locator('tandem-opportunities');
    await expect.poll(() => list.locator('[part="count"]').textContent(), { timeout: 20_000 }).toMatch(/found/);
    const path: string[] = [];

    /** One key; then the focus must be on an element (not the page) and visibly marked. */
    let last: Focused | null = null;
    async function press(key: 'Tab' | 'Shift+Tab' | 'Enter' | 'Space') {
      await page.keyboard.press(key === 'Space' ? ' ' : key);
      await page.waitForTimeout(30);
      const previous = last;
      const now = await focused(page);
      last = now;
      // Tab also steps through a date field's own parts (its calendar button): the browser marks those itself.
      now.outline ||= now.type === 'date' && previous?.type === 'date' && previous.name === now.name;
      path.push(`${key} → ${now.host ?? 'page'} ${now.tag} "${now.name}"`);
      expect(now.tag, `focus lost after ${key}:\n${path.join('\n')}`).not.toBe('body');
      return now;
    }
    /** Tab (or Shift+Tab) until the focused element matches; every stop must show its focus. */
    async function tabTo(match: (f: Focused) => boolean, key: 'Tab' | 'Shift+Tab' = 'Tab') {
      for (let i = 0; i < 40; i += 1) {
        const now = await press(key);
        expect(now.outline, `no visible focus on ${now.tag} "${now.name}":\n${path.join('\n')}`).toBe(true);
        if (match(now)) return now;
      }
      throw new Error(`never reached the element:\n${path.join('\n')}`);
    }
    const type = (text: string) => page.keyboard.type(text, { delay: 5 });

    await tabTo((f) => f.host === 'tandem-opportunities' && f.tag === 'input' && f.name === 'Search');
    await type('garden');
    await press('Enter');
    await expect.poll(() => list.locator('[part="count"]').textContent()).toMatch(/^\s*1 opportunity found\s*$/);
    await tabTo((f) => f.name === 'Details: Tending the community garden');
    await press('Enter');
    await expect.poll(async () => (await focused(page)).name).toBe('Tending the community garden');
    await tabTo((f) => f.tag === 'button' && f.name === 'Sign up');
    // A slow network: the form's data arrives well after the key press, so the loading state is always crossed.
    const slowApi = `${stack.apiUrl}/graphql**`;
    await page.route(slowApi, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.fallback();
    });
    await press('Space');
    // The button stays until the form's code is there; then the loading notice holds the focus.
    await expect.poll(async () => (await focused(page)).name).toBe('Loading…');
    const signup = list.locator('tandem-signup');
    await expect
      .poll(() => signup.getByRole('button', { name: 'Send sign-up' }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    await page.unroute(slowApi);
    // Once loaded, the focus moves from the loading notice to the form's heading, never to the page.
    expect((await focused(page)).name).toBe('Sign up: Tending the community garden');

    await tabTo((f) => f.tag === 'input' && /^Spring sowing/.test(f.name));
    await press('Space');
    await tabTo((f) => f.name === 'Full name');
    await type('Eva Keyboard');
    await press('Tab');
    await type('eva.keyboard@example.com');
    // Back and forth: Shift+Tab returns to the name, Tab to the e-mail.
    expect((await press('Shift+Tab')).name).toBe('Full name');
    expect((await press('Tab')).name).toBe('E-mail address');
    await tabTo((f) => f.name === 'Date of birth');
    // Headless Chromium's date field takes month, day, year (its own UI language, en-US, whatever the page's locale).
    await type('06181994');
    expect(await signup.getByLabel('Date of birth').inputValue()).toBe('1994-06-18');
    await tabTo((f) => /processes my personal data/.test(f.name));
    await press('Space');
    await tabTo((f) => f.name === 'Send sign-up');
    await press('Enter');
    const confirmation = signup.locator('[part="confirmation"]');
    await expect.poll(() => confirmation.textContent(), { timeout: 15_000 }).toContain('Thank you for signing up!');
    const end = await focused(page);
    expect(end.host).toBe('tandem-signup');
    expect(end.name).toContain('Thank you for signing up!');
    const [application] = await applicationsOf('eva.keyboard@example.com');
    expect(application?.shift?.labelEn).toBe('Spring sowing');
  });
});
