// <tandem-hour-review> in Chromium against the real API: a mentor and a
// coordinator approve and reject (a rejection needs a note), and the volunteer
// sees the decisions in <tandem-hour-logger>.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobal, toGlobal, WidgetHarness } from '../../test/browser.ts';

let h: WidgetHarness;
let organizationId: string;
let mentor: { id: string; email: string; name: string };
let coordinator: { id: string; email: string; name: string };
let volunteer: { id: string; email: string; name: string };
/** A day before every seeded entry still waiting for review, so the new entries come first in the queue. */
let date: string;

const LOG = `mutation ($input: LogHoursInput!) { logHours(input: $input) { __typename ... on HourLogPayload { hourLog { id } } } }`;

beforeAll(async () => {
  h = await WidgetHarness.start();
  const organization = await h.prisma.organization.findUniqueOrThrow({ where: { slug: h.organizationSlug } });
  organizationId = organization.id;
  // A volunteer accepted at the organisation, and a mentor assigned to them there.
  const application = await h.prisma.application.findFirstOrThrow({
    where: { status: 'ACCEPTED', organizationId, volunteer: { erasedAt: null } },
    include: { volunteer: true },
    orderBy: { id: 'asc' },
  });
  volunteer = application.volunteer;
  // The organisation's new mentor, assigned to the volunteer, and a coordinator.
  mentor = await h.prisma.user.create({
    data: {
      email: 'mentorica@example.net',
      name: 'Mojca Mentorica',
      memberships: { create: { organizationId, role: 'MENTOR' } },
    },
  });
  await h.prisma.mentorAssignment.create({
    data: { mentorId: mentor.id, volunteerId: volunteer.id, organizationId, startsOn: new Date('2020-01-01') },
  });
  coordinator = await h.prisma.user.create({
    data: {
      email: 'koordinator@example.net',
      name: 'Karel Koordinator',
      memberships: { create: { organizationId, role: 'COORDINATOR' } },
    },
  });
  const oldest = await h.prisma.hourLog.findFirstOrThrow({
    where: { organizationId, status: 'SUBMITTED' },
    orderBy: { date: 'asc' },
  });
  date = new Date(oldest.date.getTime() - 86_400_000).toISOString().slice(0, 10);
});
afterAll(() => h?.close());

/** The volunteer logs hours through the API, as the hour logger would. */
async function logHours(activity: string, minutes: number) {
  const result = await h.gql<{ logHours: { hourLog: { id: string } } }>(
    LOG,
    {
      input: {
        organizationId: toGlobal('Organization', organizationId),
        date,
        minutes,
        activity,
        idempotencyKey: `review-test-${activity}`,
      },
    },
    { token: await h.tokenFor(volunteer.email) },
  );
  return fromGlobal(result.data!.logHours.hourLog.id);
}

/** A page with the review widget, signed in as `email`, recording the review events. */
async function openAs(email: string, extra = '', options: { lang?: string } = {}) {
  const page = await h.open(
    `<tandem-hour-review ${h.attrs} organization="${h.organizationSlug}" ${extra}></tandem-hour-review>
     <script>
       window.reviewed = [];
       document.addEventListener('tandem-hour-reviewed', (e) => window.reviewed.push(e.detail));
     </script>`,
    options,
  );
  const token = await h.tokenFor(email);
  await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [`tandem.session.${h.api}`, token]);
  await page.reload();
  return page;
}

const reviewed = (page: Page) => page.evaluate(() => (window as unknown as { reviewed: unknown[] }).reviewed);
const item = (page: Page, activity: string) => page.getByRole('listitem').filter({ hasText: activity });
const focused = (page: Page) =>
  page.locator('tandem-hour-review').evaluate((el) => el.shadowRoot!.activeElement?.id ?? null);

describe('<tandem-hour-review>', () => {
  it('lets a mentor reject (only with a note) and approve a mentee’s hours; the volunteer sees both', async () => {
    const rejectedId = await logHours('Pomoč na stojnici', 120);
    const approvedId = await logHours('Peka za sosede', 90);
    const page = await openAs(mentor.email);
    await page.getByRole('heading', { name: 'Potrjevanje ur' }).waitFor();
    await item(page, 'Pomoč na stojnici').waitFor();
    // Only the mentee's hours, though others of the organisation wait too.
    const names = await page.locator('tandem-hour-review').locator('[part="item"] h3').allInnerTexts();
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(names.every((name) => name.startsWith(`${volunteer.name} ·`))).toBe(true);
    expect(
      await h.prisma.hourLog.count({
        where: { organizationId, status: 'SUBMITTED', volunteerId: { not: volunteer.id } },
      }),
    ).toBeGreaterThan(0);

    // Rejecting needs a note.
    const toReject = item(page, 'Pomoč na stojnici');
    await toReject.getByRole('button', { name: 'Zavrni' }).click();
    await toReject.getByText('Napišite, zakaj ure zavračate.').waitFor();
    const note = toReject.getByLabel('Opomba za prostovoljca');
    expect(await note.getAttribute('aria-invalid')).toBe('true');
    expect(await focused(page)).toBe(await note.getAttribute('id'));
    expect((await h.prisma.hourLog.findUniqueOrThrow({ where: { id: rejectedId } })).status).toBe('SUBMITTED');

    await note.fill('Stojnica je bila v soboto, ne v petek. Popravi datum.');
    await toReject.getByRole('button', { name: 'Zavrni' }).click();
    await page.getByText(`Zavrnjeno: 2 h (${volunteer.name},`).waitFor();
    expect(await focused(page)).toBe('done');
    expect(await item(page, 'Pomoč na stojnici').count()).toBe(0);

    await item(page, 'Peka za sosede').getByRole('button', { name: 'Potrdi' }).click();
    await page.getByText(`Potrjeno: 1 h 30 min (${volunteer.name},`).waitFor();
    expect(await item(page, 'Peka za sosede').count()).toBe(0);

    expect(await reviewed(page)).toEqual([
      { hourLogId: toGlobal('HourLog', rejectedId), status: 'REJECTED' },
      { hourLogId: toGlobal('HourLog', approvedId), status: 'APPROVED' },
    ]);
    expect(await h.prisma.hourLog.findUniqueOrThrow({ where: { id: rejectedId } })).toMatchObject({
      status: 'REJECTED',
      reviewerId: mentor.id,
      reviewNote: 'Stojnica je bila v soboto, ne v petek. Popravi datum.',
    });
    expect(await h.prisma.hourLog.findUniqueOrThrow({ where: { id: approvedId } })).toMatchObject({
      status: 'APPROVED',
      reviewerId: mentor.id,
      reviewNote: null,
    });

    // The volunteer sees the decisions and the mentor's note.
    const own = await h.open(
      `<tandem-hour-logger ${h.attrs} organization="${h.organizationSlug}"></tandem-hour-logger>`,
    );
    await own.evaluate(
      ([key, value]) => localStorage.setItem(key!, value!),
      [`tandem.session.${h.api}`, await h.tokenFor(volunteer.email)],
    );
    await own.reload();
    if (date.slice(0, 4) !== String(new Date().getFullYear())) {
      await own.getByLabel('Leto').selectOption(date.slice(0, 4));
    }
    const rejected = own.getByRole('listitem').filter({ hasText: 'Pomoč na stojnici' });
    await rejected.waitFor();
    expect(await rejected.innerText()).toContain('Zavrnjeno');
    expect(await rejected.innerText()).toContain(
      `Opomba (${mentor.name}): Stojnica je bila v soboto, ne v petek. Popravi datum.`,
    );
    expect(await own.getByRole('listitem').filter({ hasText: 'Peka za sosede' }).innerText()).toContain('Potrjeno');
  });

  it('lets a coordinator approve any of the organisation’s hours, in English', async () => {
    const id = await logHours('Sorting donations', 45);
    const page = await openAs(coordinator.email, 'lang="en"', { lang: 'en' });
    await page.getByRole('heading', { name: 'Review hours' }).waitFor();
    const waiting = await h.prisma.hourLog.count({ where: { organizationId, status: 'SUBMITTED' } });
    await page.getByText(`Waiting for review: ${waiting}`, { exact: true }).waitFor();
    await item(page, 'Sorting donations').getByRole('button', { name: 'Approve' }).click();
    await page.getByText(`Approved: 45 min (${volunteer.name},`).waitFor();
    expect(await h.prisma.hourLog.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'APPROVED',
      reviewerId: coordinator.id,
    });
  });

  it('shows a volunteer without a reviewing role an empty queue', async () => {
    const page = await openAs(volunteer.email);
    await page.getByText('Ni ur, ki bi čakale na vaš pregled.').waitFor();
    expect(await page.getByRole('button', { name: 'Potrdi' }).count()).toBe(0);
  });

  it('left no errors in the pages’ consoles', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
