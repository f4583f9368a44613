// A volunteer signs in on the partner site (password) and logs hours; her
// mentor signs in with a one-time code from the e-mail and approves them in
// <tandem-hour-review>; the volunteer sees them approved; then she fills in
// the self-evaluation (<tandem-evaluation>), with a draft she comes back to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openSitePage, startStack, type Stack } from './stack.ts';

// Seeded: Nina volunteers at Pekarna until June 2027; Maja Vidmar, the coordinator, is her mentor.
const VOLUNTEER = { email: 'nina.pavlic@example.org', name: 'Nina Pavlič', password: 'vrtnice-in-koncerti-2026' };
const MENTOR = { email: 'maja.vidmar@example.org', name: 'Maja Vidmar' };
/** The self-evaluation template on the page (maribor-volunteer-self, version 2). */
const TEMPLATE = 'RXZhbHVhdGlvblRlbXBsYXRlOmI2MTQzZGU1LTAzYmUtOGI5Yi1iM2U0LTk5ODhkYmE2YThkYQ==';
const fromGlobal = (id: string) => Buffer.from(id, 'base64').toString().split(':').slice(1).join(':');
const started = new Date();
const ACTIVITY = `Pomoč pri pripravi koncerta (e2e ${Date.now().toString(36)})`;

let stack: Stack;
let volunteerPage: Page;
beforeAll(async () => {
  stack = await startStack();
  await stack.setPassword(VOLUNTEER.email, VOLUNTEER.password);
  before = await summary();
});
afterAll(async () => {
  if (stack?.problems.length) console.log(`Browser problems:\n${stack.problems.join('\n')}`);
  await stack?.close();
});

/** As the widgets show durations: "2 h 30 min", "45 min". */
const duration = (minutes: number) =>
  [
    Math.floor(minutes / 60) ? `${Math.floor(minutes / 60)} h` : '',
    minutes % 60 || minutes < 60 ? `${minutes % 60} min` : '',
  ]
    .filter(Boolean)
    .join(' ');

/** A line of the year's totals, e.g. "Approved: 2 h 30 min". */
const total = (label: string, minutes: number) => new RegExp(`${label}:? ${duration(minutes)}\\b`);

interface Summary {
  approvedMinutes: number;
  submittedMinutes: number;
}
let before: Summary;
async function summary(): Promise<Summary> {
  const token = await stack.tokenFor(VOLUNTEER.email);
  const data = await stack.gql<{ hourSummary: Summary }>(
    'query ($year: Int!) { hourSummary(year: $year) { approvedMinutes submittedMinutes } }',
    { year: new Date().getFullYear() },
    token,
  );
  return data.hourSummary;
}

const hourLogs = () => stack.db.prisma.hourLog.findMany({ where: { activity: ACTIVITY } });
const events = (page: Page) => page.locator('#event-log li').allTextContents();

/** Loads further pages of a list until `item` is there. */
async function untilShown(widget: Locator, item: Locator, more: string): Promise<void> {
  for (let i = 0; i < 20; i += 1) {
    if (await item.count()) return;
    const button = widget.getByRole('button', { name: more });
    if (await button.count()) await button.click();
    await widget.page().waitForTimeout(250);
  }
  await expect.poll(() => item.count(), { timeout: 10_000 }).toBeGreaterThan(0);
}

describe('hours on the partner site', () => {
  it('a volunteer signs in with her password and logs hours; a double click stores one entry', async () => {
    volunteerPage = await stack.newPage();
    await openSitePage(stack, volunteerPage, '/en/my-volunteering.html');
    const logger = volunteerPage.locator('tandem-hour-logger');

    // A wrong password first: the error is announced and focus goes to it.
    await logger.getByLabel('E-mail address').fill(VOLUNTEER.email);
    await logger.getByLabel('Password').fill('not-her-password');
    await logger.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => logger.getByRole('alert').textContent()).toMatch(/\S/);
    await logger.getByLabel('Password').fill(VOLUNTEER.password);
    await logger.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect
      .poll(() => logger.getByText(`You are signed in as ${VOLUNTEER.name}.`).isVisible(), { timeout: 15_000 })
      .toBe(true);
    expect(await events(volunteerPage)).toContainEqual(expect.stringContaining('tandem-signed-in'));

    const form = logger.getByRole('button', { name: 'Log hours' });
    await expect.poll(() => form.isVisible(), { timeout: 15_000 }).toBe(true);
    // Not one of her opportunities: other work for Pekarna.
    const placement = logger.getByLabel('Where did you volunteer?');
    const other = (await placement.locator('option').allTextContents())
      .map((option) => option.trim())
      .find((option) => /^Other work.*Pekarna Magdalenske mreže/.test(option));
    expect(other, 'the placements offer other work for Pekarna').toBeDefined();
    await placement.selectOption({ label: other! });
    await logger.getByLabel('Hours', { exact: true }).fill('2');
    await logger.getByLabel('Minutes', { exact: true }).fill('30');
    await logger.getByLabel('What did you do?').fill(ACTIVITY);
    await logger.getByLabel('Type of work').selectOption({ label: 'Organisational work' });
    // An impatient double click: the idempotency key makes it one entry.
    await form.dblclick();
    await expect
      .poll(() => logger.getByRole('status').filter({ hasText: 'Logged: 2 h 30 min' }).count(), { timeout: 15_000 })
      .toBe(1);
    const logs = await hourLogs();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ minutes: 150, status: 'SUBMITTED', workType: 'ORGANISATIONAL' });
    const entry = logger.locator('li').filter({ hasText: ACTIVITY });
    await expect.poll(() => entry.textContent()).toContain('Waiting for review');
    const totals = logger.locator('[part="totals"]');
    await expect
      .poll(async () => (await totals.innerText()).replace(/\s+/g, ' '))
      .toMatch(total('Waiting for review', before.submittedMinutes + 150));
    expect(await events(volunteerPage)).toContainEqual(expect.stringContaining('tandem-hours-logged'));
  });

  it('her mentor signs in with a one-time code from the e-mail and approves the hours', async () => {
    const page = await stack.newPage();
    await openSitePage(stack, page, '/en/mentors.html');
    const review = page.locator('tandem-hour-review');
    await review.getByRole('button', { name: 'E-mail me a one-time code' }).click();
    await review.getByLabel('E-mail address').fill(MENTOR.email);
    await review.getByRole('button', { name: 'Send the code' }).click();
    const codeField = review.getByLabel('Code from the e-mail');
    await expect.poll(() => codeField.isVisible(), { timeout: 15_000 }).toBe(true);
    // The code input has focus, as a screen-reader user would expect.
    expect(await codeField.evaluate((input) => input === (input.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await codeField.fill(await stack.signInCode(MENTOR.email));
    await review.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect
      .poll(() => review.getByText(`You are signed in as ${MENTOR.name}.`).isVisible(), { timeout: 15_000 })
      .toBe(true);

    const entry = review.locator('li').filter({ hasText: ACTIVITY });
    await untilShown(review, entry, 'Load more');
    expect(await entry.textContent()).toContain(VOLUNTEER.name);
    await entry.getByRole('button', { name: 'Approve' }).click();
    await expect
      .poll(
        () =>
          review
            .getByRole('status')
            .filter({ hasText: /Approved: 2 h 30 min/ })
            .count(),
        { timeout: 15_000 },
      )
      .toBe(1);
    expect(await entry.count()).toBe(0);
    const [log] = await hourLogs();
    const mentor = await stack.db.prisma.user.findUniqueOrThrow({ where: { email: MENTOR.email } });
    expect(log).toMatchObject({ status: 'APPROVED', reviewerId: mentor.id });
    expect(await events(page)).toContainEqual(expect.stringContaining('"status":"APPROVED"'));
  });

  it('the volunteer sees the hours approved and in the year totals', async () => {
    await volunteerPage.reload();
    await openSitePage(stack, volunteerPage, '/en/my-volunteering.html');
    const logger = volunteerPage.locator('tandem-hour-logger');
    // Still signed in after the reload: the session is kept in the browser.
    await expect
      .poll(() => logger.getByText(`You are signed in as ${VOLUNTEER.name}.`).isVisible(), { timeout: 15_000 })
      .toBe(true);
    const entry = logger.locator('li').filter({ hasText: ACTIVITY });
    await expect.poll(() => entry.textContent(), { timeout: 15_000 }).toContain('Approved');
    expect(await entry.textContent()).not.toContain('Waiting for review');
    const after = await summary();
    expect(after).toEqual({
      approvedMinutes: before.approvedMinutes + 150,
      submittedMinutes: before.submittedMinutes,
    });
    const totals = (await logger.locator('[part="totals"]').innerText()).replace(/\s+/g, ' ');
    expect(totals).toMatch(total('Approved', after.approvedMinutes));
    expect(totals).toMatch(total('Waiting for review', after.submittedMinutes));
  });

  it('she fills in the self-evaluation, saves a draft, comes back to it and submits it', async () => {
    const evaluation = volunteerPage.locator('tandem-evaluation');
    const nina = await stack.db.prisma.user.findUniqueOrThrow({ where: { email: VOLUNTEER.email } });
    const responses = () =>
      stack.db.prisma.evaluationResponse.findMany({ where: { respondentId: nina.id, submittedAt: { gte: started } } });
    // She starts afresh: no draft of this questionnaire from before (the demo data may hold one).
    const drafts = { respondentId: nina.id, templateId: fromGlobal(TEMPLATE) };
    await stack.db.prisma.evaluationDraft.deleteMany({ where: drafts });
    await volunteerPage.reload();
    await openSitePage(stack, volunteerPage, '/en/my-volunteering.html');
    const submit = evaluation.getByRole('button', { name: 'Submit' });
    await expect.poll(() => submit.isVisible(), { timeout: 15_000 }).toBe(true);
    const question = (prompt: RegExp) => evaluation.getByRole('group', { name: prompt });

    // Nothing answered: every required question says so, and the first one has focus. (Clicked again until
    // then: the widget may still be looking for a saved draft, which replaces the form's state when it arrives.)
    const satisfied = question(/^How satisfied are you/);
    await expect
      .poll(async () => {
        await submit.click();
        return satisfied.getByText('Answer this question.').count();
      })
      .toBe(1);
    expect(
      await satisfied
        .getByLabel('1', { exact: true })
        .evaluate((i) => i === (i.getRootNode() as ShadowRoot).activeElement),
    ).toBe(true);
    expect(await responses()).toEqual([]);

    // Half of it, saved as a draft; the page is reloaded and the draft comes back.
    await satisfied.getByLabel('4', { exact: true }).check();
    await question(/^My tasks were clearly agreed/)
      .getByLabel('5', { exact: true })
      .check();
    await evaluation.getByLabel(/What would you like to improve/).fill('Več skupnih srečanj prostovoljcev.');
    await evaluation.getByRole('button', { name: 'Save draft' }).click();
    await expect
      .poll(() =>
        evaluation
          .getByRole('status')
          .filter({ hasText: /^\s*Draft saved/ })
          .count(),
      )
      .toBe(1);
    expect(await events(volunteerPage)).toContainEqual(expect.stringContaining('tandem-evaluation-saved'));
    await volunteerPage.reload();
    await openSitePage(stack, volunteerPage, '/en/my-volunteering.html');
    await expect
      .poll(() => evaluation.getByText(/You are continuing the draft saved/).count(), { timeout: 15_000 })
      .toBe(1);
    expect(
      await question(/^How satisfied are you/)
        .getByLabel('4', { exact: true })
        .isChecked(),
    ).toBe(true);
    expect(await evaluation.getByLabel(/What would you like to improve/).inputValue()).toBe(
      'Več skupnih srečanj prostovoljcev.',
    );

    for (const prompt of [/^Working in a team/, /^Taking an active part/, /^Using digital tools/]) {
      await question(prompt).getByLabel('3', { exact: true }).check();
    }
    await question(/^How often do you volunteer/)
      .getByLabel('A few times a month')
      .check();
    await question(/^What helped you most/)
      .getByLabel('My mentor’s support')
      .check();
    await question(/^What helped you most/)
      .getByLabel('The volunteer group')
      .check();
    await submit.click();
    await expect
      .poll(() => evaluation.getByText('Thank you! Your answers have been submitted.').count(), { timeout: 15_000 })
      .toBe(1);
    const [response, ...others] = await responses();
    expect(others).toEqual([]);
    expect(response).toMatchObject({ subjectUserId: nina.id, templateId: fromGlobal(TEMPLATE) });
    expect(response!.answers).toHaveLength(8);
    // Submitting removes the draft.
    expect(await stack.db.prisma.evaluationDraft.count({ where: drafts })).toBe(0);
    expect(await events(volunteerPage)).toContainEqual(expect.stringContaining('tandem-evaluation-submitted'));
  });
});
