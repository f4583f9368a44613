// tandem.js, the loader, in Chromium: which code a page loads for the widgets on it, and that the widgets share
// one core whichever shape it comes in.
import { hashPassword } from '@tandem/schema';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobal, WidgetHarness } from '../test/browser.ts';

let h: WidgetHarness;
const PASSWORD = 'dolgo-geslo-123';
const TAGS = [
  'tandem-opportunities',
  'tandem-signup',
  'tandem-sign-in',
  'tandem-hour-logger',
  'tandem-hour-review',
  'tandem-evaluation',
];

beforeAll(async () => {
  h = await WidgetHarness.start();
});
afterAll(() => h?.close());

/** The files the page fetched from /widgets/, by name. */
const widgetFiles = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.startsWith('/widgets/'))
      .map((path) => path.slice('/widgets/'.length))
      .sort(),
  );

const defined = (page: Page) => page.evaluate((tags) => tags.filter((tag) => customElements.get(tag)), TAGS);

async function allWidgetsPage(): Promise<Page> {
  const opportunity = await h.prisma.opportunity.findFirstOrThrow({
    where: { status: 'PUBLISHED', organization: { slug: h.organizationSlug } },
  });
  const id = toGlobal('Opportunity', opportunity.id);
  return h.open(
    `<tandem-sign-in ${h.attrs}></tandem-sign-in>
     <tandem-opportunities ${h.attrs}></tandem-opportunities>
     <tandem-signup ${h.attrs} opportunity="${id}"></tandem-signup>
     <tandem-hour-logger ${h.attrs}></tandem-hour-logger>
     <tandem-hour-review ${h.attrs}></tandem-hour-review>
     <tandem-evaluation ${h.attrs} organization="${h.organizationSlug}"></tandem-evaluation>`,
  );
}

describe('tandem.js', () => {
  it('loads only the chunks of the one widget on a page, and those of a widget added later', async () => {
    const page = await h.open(`<tandem-sign-in ${h.attrs}></tandem-sign-in>`);
    await page.getByRole('heading', { name: 'Prijava' }).waitFor();
    const files = await widgetFiles(page);
    expect(files).toContain('tandem.js');
    expect(files.filter((file) => file !== 'tandem.js' && !/^chunk-\w+\.js$/.test(file))).toEqual([]);
    expect(await defined(page)).toEqual(['tandem-sign-in']);

    // A widget the page adds afterwards comes as chunks too: the page keeps one copy of the core.
    await page.evaluate((attrs) => {
      document.body.insertAdjacentHTML('beforeend', `<tandem-hour-review ${attrs}></tandem-hour-review>`);
    }, h.attrs);
    await expect.poll(() => defined(page)).toEqual(['tandem-sign-in', 'tandem-hour-review']);
    expect((await widgetFiles(page)).some((file) => file.startsWith('tandem-all-'))).toBe(false);
  });

  it('loads every widget as one file on a page with all of them, and they share the sign-in', async () => {
    const volunteer = await h.prisma.user.create({
      data: { email: 'loader@example.net', name: 'Lina Nalagalnik', passwordHash: await hashPassword(PASSWORD) },
    });
    const page = await allWidgetsPage();
    await expect.poll(() => defined(page)).toEqual(TAGS);
    const files = await widgetFiles(page);
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^tandem-all-\w+\.js$/);
    expect(files[1]).toBe('tandem.js');
    // Every widget works: the list shows opportunities from the API.
    await expect
      .poll(() => page.locator('tandem-opportunities [part="count"]').textContent(), { timeout: 20_000 })
      .toMatch(/\d/);

    // Signing in with the page's own <tandem-sign-in> signs in the hour logger beside it.
    const signIn = page.locator('body > tandem-sign-in');
    await signIn.getByLabel('E-poštni naslov').fill(volunteer.email);
    await signIn.getByLabel('Geslo').fill(PASSWORD);
    await signIn.getByRole('button', { name: 'Prijavi se' }).click();
    await signIn.getByText('Prijavljeni ste kot Lina Nalagalnik.').waitFor();
    await page.locator('tandem-hour-logger').getByText('Prijavljeni ste kot Lina Nalagalnik.').waitFor();
    expect(h.pageErrors).toEqual([]);
  });
});
