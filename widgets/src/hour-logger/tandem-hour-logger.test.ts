// <tandem-hour-logger> in Chromium against the real API: sign-in, logging, the
// entry list and year totals, and that double clicks and retries store one entry.
import { hashPassword } from '@tandem/schema';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobal, WidgetHarness } from '../../test/browser.ts';
import { duration } from './duration.ts';

let h: WidgetHarness;
let volunteer: { id: string; email: string; name: string };
let placement: { opportunityId: string; title: string; organization: { id: string; name: string; slug: string } };
const PASSWORD = 'dolgo-geslo-123';

/** Yesterday in Slovenia (the API refuses future dates; "today" would be one just after midnight). */
const day = new Date(Date.now() - 86_400_000).toLocaleDateString('sv', { timeZone: 'Europe/Ljubljana' });
const year = Number(day.slice(0, 4));

beforeAll(async () => {
  h = await WidgetHarness.start();
  // A volunteer accepted for an opportunity of the demo organisation.
  const application = await h.prisma.application.findFirstOrThrow({
    where: { status: 'ACCEPTED', organization: { slug: h.organizationSlug }, volunteer: { erasedAt: null } },
    include: { volunteer: true, opportunity: true, organization: true },
    orderBy: { id: 'asc' },
  });
  await h.prisma.user.update({
    where: { id: application.volunteerId },
    data: { passwordHash: await hashPassword(PASSWORD) },
  });
  volunteer = application.volunteer;
  placement = {
    opportunityId: application.opportunityId,
    title: application.opportunity.titleSl,
    organization: application.organization,
  };
});
afterAll(() => h?.close());

const logger = (extra = '') =>
  `<tandem-hour-logger ${h.attrs} organization="${placement.organization.slug}" ${extra}></tandem-hour-logger>
   <script>
     window.logged = [];
     document.addEventListener('tandem-hours-logged', (e) => window.logged.push(e.detail.hourLogId));
   </script>`;

/** Opens the logger already signed in (the session a sign-in would leave in localStorage). */
async function openSignedIn(extra = '', options: { lang?: string; width?: number } = {}) {
  const page = await h.open(logger(extra), options);
  const token = await h.tokenFor(volunteer.email);
  await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [`tandem.session.${h.api}`, token]);
  await page.reload();
  return page;
}

async function fillForm(page: Page, activity: string, hours = '1', minutes = '15') {
  await page
    .getByLabel('Kje ste delali?')
    .selectOption({ label: `${placement.title} (${placement.organization.name})` });
  await page.getByLabel('Datum').fill(day);
  await page.getByLabel('Ure', { exact: true }).fill(hours);
  await page.getByLabel('Minute', { exact: true }).fill(minutes);
  await page.getByLabel('Kaj ste delali?').fill(activity);
}

const logged = (page: Page) => page.evaluate(() => (window as unknown as { logged: string[] }).logged);

/** The volunteer's minutes in `year` by status, from the database. */
async function minutesByStatus() {
  const rows = await h.prisma.hourLog.groupBy({
    by: ['status'],
    where: { volunteerId: volunteer.id, date: { gte: new Date(`${year}-01-01`), lt: new Date(`${year + 1}-01-01`) } },
    _sum: { minutes: true },
  });
  const of = (status: string) => rows.find((r) => r.status === status)?._sum.minutes ?? 0;
  return { APPROVED: of('APPROVED'), SUBMITTED: of('SUBMITTED'), REJECTED: of('REJECTED') };
}

async function totalsShown(page: Page) {
  const totals = page.locator('tandem-hour-logger').locator('[part="totals"]');
  await totals.waitFor();
  return totals.locator('dd').allInnerTexts();
}

describe('<tandem-hour-logger>', () => {
  it('signs the volunteer in, logs hours and lists them with the year’s totals', async () => {
    const page = await h.open(logger(), {
      head: '<style>tandem-hour-logger::part(button) { background: rgb(1, 2, 3) }</style>',
    });
    await page.getByRole('heading', { name: 'Vpis prostovoljskih ur' }).waitFor();
    // The page styles the nested sign-in form through the logger's own parts.
    const signInButton = page.locator('tandem-sign-in').getByRole('button', { name: 'Prijavi se' });
    expect(await signInButton.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(1, 2, 3)');
    await page.getByLabel('E-poštni naslov').fill(volunteer.email);
    await page.getByLabel('Geslo').fill(PASSWORD);
    await page.getByRole('button', { name: 'Prijavi se' }).click();
    // The sign-in form is gone; focus moves to who is signed in.
    const signedInAs = page.getByText(`Prijavljeni ste kot ${volunteer.name}.`);
    await signedInAs.waitFor();
    await expect
      .poll(() => signedInAs.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement))
      .toBe(true);

    await fillForm(page, 'Pomoč pri razdeljevanju kruha', '2', '30');
    await page.getByLabel('Vrsta dela').selectOption({ label: 'Organizacijsko delo' });
    await page.getByLabel('Kraj').fill('Magdalenski park');
    await page.getByRole('button', { name: 'Vpiši ure' }).click();

    const confirmation = page.getByText(/Vpisano: 2 h 30 min,/);
    await confirmation.waitFor();
    expect(await confirmation.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);

    const stored = await h.prisma.hourLog.findMany({
      where: { volunteerId: volunteer.id, activity: 'Pomoč pri razdeljevanju kruha' },
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      minutes: 150,
      workType: 'ORGANISATIONAL',
      place: 'Magdalenski park',
      opportunityId: placement.opportunityId,
      organizationId: placement.organization.id,
      status: 'SUBMITTED',
    });
    expect(stored[0]!.date.toISOString().slice(0, 10)).toBe(day);
    expect(await logged(page)).toEqual([toGlobal('HourLog', stored[0]!.id)]);

    // The form is ready for the next entry; the new one is in the list, waiting for review.
    expect(await page.getByLabel('Kaj ste delali?').inputValue()).toBe('');
    const item = page.getByRole('listitem').filter({ hasText: 'Pomoč pri razdeljevanju kruha' });
    await item.waitFor();
    expect(await item.innerText()).toContain('Čaka na potrditev');
    expect(await item.innerText()).toContain('2 h 30 min');

    if (year === new Date().getFullYear()) {
      const minutes = await minutesByStatus();
      expect(minutes.SUBMITTED).toBeGreaterThanOrEqual(150);
      await expect
        .poll(() => totalsShown(page))
        .toEqual([duration(minutes.APPROVED), duration(minutes.SUBMITTED), duration(minutes.REJECTED)]);
    }
  });

  it('says what is missing and moves focus to the first field in error, at 320 px', async () => {
    const page = await openSignedIn('', { width: 320 });
    await page.getByRole('button', { name: 'Vpiši ure' }).click();
    // A signed-in volunteer's page does not load the sign-in form's code.
    expect(await page.evaluate(() => !!customElements.get('tandem-sign-in'))).toBe(false);
    const select = page.getByLabel('Kje ste delali?');
    await page.getByText('Obvezno polje.').waitFor();
    await page.getByText('Od 1 minute do 24 ur.').waitFor();
    await page.getByText('Opišite delo.').waitFor();
    expect(await select.getAttribute('aria-invalid')).toBe('true');
    expect(await select.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);

    await fillForm(page, 'Prihodnost');
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Datum').fill(tomorrow);
    await page.getByRole('button', { name: 'Vpiši ure' }).click();
    await page.getByText('Datum ne sme biti v prihodnosti.').waitFor();
    expect(await h.prisma.hourLog.count({ where: { volunteerId: volunteer.id, activity: 'Prihodnost' } })).toBe(0);
    // Nothing sticks out sideways on a small phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  it('stores one entry for a double click and for a retry after a lost answer', async () => {
    const page = await openSignedIn();
    const keys: string[] = [];
    page.on('request', (request) => {
      const body = request.postData();
      if (body?.includes('mutation LogHours')) keys.push(JSON.parse(body).variables.input.idempotencyKey);
    });

    // Double click: one request, one entry.
    await fillForm(page, 'Dvojni klik');
    await page.getByRole('button', { name: 'Vpiši ure' }).dblclick();
    await page.getByText(/Vpisano: 1 h 15 min/).waitFor();
    expect(await h.prisma.hourLog.count({ where: { volunteerId: volunteer.id, activity: 'Dvojni klik' } })).toBe(1);

    // The API stores the entry but the answer never arrives; the volunteer submits again.
    let dropped = false;
    await page.route(`${h.api}/graphql**`, async (route) => {
      if (!dropped && route.request().postData()?.includes('mutation LogHours')) {
        dropped = true;
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await fillForm(page, 'Izgubljen odgovor');
    await page.getByRole('button', { name: 'Vpiši ure' }).click();
    await page.getByText('Povezava s strežnikom ni uspela.', { exact: false }).waitFor();
    expect(await h.prisma.hourLog.count({ where: { volunteerId: volunteer.id, activity: 'Izgubljen odgovor' } })).toBe(
      1,
    );
    await page.getByRole('button', { name: 'Vpiši ure' }).click();
    await page.getByText(/Vpisano: 1 h 15 min/).waitFor();
    expect(await h.prisma.hourLog.count({ where: { volunteerId: volunteer.id, activity: 'Izgubljen odgovor' } })).toBe(
      1,
    );

    // The double click sent one request; the retry reused the key of its form; a new form has a new key.
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[2]);
    expect(keys[0]).not.toBe(keys[1]);
    const entries = await h.prisma.hourLog.findMany({
      where: { volunteerId: volunteer.id, activity: { in: ['Dvojni klik', 'Izgubljen odgovor'] } },
      orderBy: { createdAt: 'asc' },
    });
    expect(entries.map((e) => e.idempotencyKey)).toEqual([keys[0], keys[1]]);
    expect(await logged(page)).toEqual(entries.map((e) => toGlobal('HourLog', e.id)));
  });

  it('shows another year’s totals and entries', async () => {
    const previous = new Date().getFullYear() - 1;
    const page = await openSignedIn();
    await page.getByLabel('Leto').selectOption(String(previous));
    await page.getByRole('heading', { name: `Skupaj v letu ${previous}` }).waitFor();
    const summary = await h.gql<{ hourSummary: Record<string, number> }>(
      `{ hourSummary(year: ${previous}) { approvedMinutes submittedMinutes rejectedMinutes } }`,
      {},
      { token: await h.tokenFor(volunteer.email) },
    );
    const s = summary.data!.hourSummary;
    await expect
      .poll(() => totalsShown(page))
      .toEqual([duration(s.approvedMinutes!), duration(s.submittedMinutes!), duration(s.rejectedMinutes!)]);
    const count = await h.prisma.hourLog.count({
      where: {
        volunteerId: volunteer.id,
        date: { gte: new Date(`${previous}-01-01`), lt: new Date(`${previous + 1}-01-01`) },
      },
    });
    const items = page.locator('tandem-hour-logger').locator('[part="item"]');
    await expect.poll(() => items.count()).toBe(Math.min(count, 20));
  });

  it('shares the session with a <tandem-sign-in> on the same page and speaks English', async () => {
    const page = await h.open(
      `<tandem-sign-in ${h.attrs} lang="en"></tandem-sign-in>
       <tandem-hour-logger ${h.attrs} organization="${placement.organization.slug}" lang="en"></tandem-hour-logger>`,
      { lang: 'en' },
    );
    await page.getByRole('heading', { name: 'Log volunteer hours' }).waitFor();
    await page.getByLabel('E-mail address').first().fill(volunteer.email);
    await page.getByLabel('Password').first().fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).first().click();
    // The logger, signed in by the other widget, shows its form.
    await page.getByLabel('Where did you volunteer?').waitFor();
    await page.getByRole('heading', { name: 'Your entries' }).waitFor();
    expect(await page.getByText(`You are signed in as ${volunteer.name}.`).count()).toBe(2);

    // Signing out in the logger signs the other widget out too.
    await page.locator('tandem-hour-logger').getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByLabel('E-mail address').count()).toBe(2);
    expect(await page.getByLabel('Where did you volunteer?').count()).toBe(0);
  });

  it('offers the organisations of agreements in force to a volunteer without an accepted sign-up', async () => {
    const organization = await h.prisma.organization.findFirstOrThrow({ where: { slug: { not: h.organizationSlug } } });
    const agreed = await h.prisma.user.create({
      data: { email: 'dogovor@example.net', name: 'Dora Dogovor', birthDate: new Date('1990-05-05') },
    });
    await h.prisma.volunteerAgreement.create({
      data: {
        volunteerId: agreed.id,
        organizationId: organization.id,
        startsOn: new Date('2020-01-01'),
        tasks: 'Pomoč',
      },
    });
    // An ended agreement gives no placement.
    const ended = await h.prisma.organization.findFirstOrThrow({
      where: { slug: { notIn: [h.organizationSlug, organization.slug] } },
    });
    await h.prisma.volunteerAgreement.create({
      data: {
        volunteerId: agreed.id,
        organizationId: ended.id,
        startsOn: new Date('2020-01-01'),
        endsOn: new Date('2021-01-01'),
        status: 'ENDED',
        tasks: 'Prej',
      },
    });
    const page = await h.open(`<tandem-hour-logger ${h.attrs}></tandem-hour-logger>`);
    const token = await h.tokenFor(agreed.email);
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [`tandem.session.${h.api}`, token]);
    await page.reload();
    const select = page.getByLabel('Kje ste delali?');
    await select.waitFor();
    expect(await select.locator('option').allTextContents()).toEqual([`Drugo delo: ${organization.name}`]);
    await page.getByLabel('Datum').fill(day);
    await page.getByLabel('Ure', { exact: true }).fill('1');
    await page.getByLabel('Minute', { exact: true }).fill('0');
    await page.getByLabel('Kaj ste delali?').fill('Po dogovoru');
    await page.getByRole('button', { name: 'Vpiši ure' }).click();
    await expect
      .poll(() => h.prisma.hourLog.findFirst({ where: { volunteerId: agreed.id, activity: 'Po dogovoru' } }))
      .toMatchObject({ organizationId: organization.id, opportunityId: null, status: 'SUBMITTED' });
  });

  it('left no errors in the pages’ consoles except the dropped request', () => {
    expect(h.pageErrors.filter((e) => !e.includes('ERR_CONNECTION_RESET'))).toEqual([]);
  });
});
