import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { birthDateForAge, fromGlobal, WidgetHarness } from '../../test/browser.ts';
import { createOpportunity, uniqueWord } from '../../test/fixtures.ts';

let h: WidgetHarness;
beforeAll(async () => {
  h = await WidgetHarness.start();
});
afterAll(() => h?.close());

const email = (name: string) => `${name}.${Math.random().toString(36).slice(2, 8)}@example.org`;

/** The `tandem-signed-up` events that reached the host document. */
const recordEvents = (page: Page) =>
  page.evaluate(() => {
    (window as any).signedUp = [];
    document.addEventListener('tandem-signed-up', (e) => (window as any).signedUp.push((e as CustomEvent).detail));
  });
const events = (page: Page) => page.evaluate(() => (window as any).signedUp as Record<string, string>[]);

/** Where focus is inside the widget's shadow root: the `part` (or id) of the focused element. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.querySelector('tandem-signup')?.shadowRoot?.activeElement;
    return active?.getAttribute('part') ?? active?.id ?? null;
  });

async function opportunityWithEverything() {
  return createOpportunity(h, {
    titleSl: `${uniqueWord('prijava')} Pomoč v knjižnici`,
    titleEn: 'Help at the library',
    inDays: 20,
    suitableUnder15: false,
    shifts: [
      { inDays: 20, capacity: 3, labelSl: 'Sobota', labelEn: 'Saturday' },
      { inDays: 27, capacity: 3, labelSl: 'Naslednja sobota', labelEn: 'Next Saturday' },
    ],
    questions: [
      { type: 'TEXT', labelSl: 'Katere jezike govorite?', labelEn: 'Which languages do you speak?', required: true },
      {
        type: 'SINGLE_CHOICE',
        labelSl: 'Velikost majice',
        labelEn: 'T-shirt size',
        choices: [
          { value: 'S', labelSl: 'S' },
          { value: 'M', labelSl: 'M' },
        ],
      },
      { type: 'YES_NO', labelSl: 'Imate vozniško dovoljenje?', labelEn: 'Do you have a driving licence?' },
    ],
  });
}

async function fillAdult(page: Page, address: string, options: { birthDate?: string } = {}) {
  await page.getByRole('radio', { name: /^Naslednja sobota:/ }).check();
  await page.getByLabel('Ime in priimek', { exact: true }).fill('Ana Novak');
  await page.getByLabel('E-naslov', { exact: true }).fill(address);
  await page.getByLabel('Datum rojstva').fill(options.birthDate ?? '1990-04-12');
  await page.getByLabel(/^Zakaj bi radi sodelovali/).fill('Rada berem otrokom.');
  await page.getByLabel('Katere jezike govorite?').fill('slovensko, angleško');
  await page
    .getByRole('group', { name: /^Velikost majice/ })
    .getByRole('radio', { name: 'M' })
    .check();
  await page
    .getByRole('group', { name: /^Imate vozniško dovoljenje/ })
    .getByRole('radio', { name: 'Ne' })
    .check();
  await page.getByLabel(/Strinjam se, da .* obdeluje moje osebne podatke/).check();
  await page.getByLabel('Želim prejemati novice o drugih priložnostih.').check();
}

describe('<tandem-signup>', () => {
  it('signs an adult up: shift, answers and consents reach the API, focus moves to the confirmation, the event fires', async () => {
    const o = await opportunityWithEverything();
    const address = email('ana');
    const page = await h.open(`<tandem-signup ${h.attrs} opportunity="${o.globalId}"></tandem-signup>`);
    await recordEvents(page);
    await page.getByRole('heading', { name: `Prijava: ${o.titleSl}` }).waitFor();
    // Adults see no guardian fields.
    await fillAdult(page, address);
    expect(await page.getByRole('group', { name: 'Starš ali skrbnik' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Pošlji prijavo' }).click();

    await page.getByRole('heading', { name: 'Hvala za prijavo!' }).waitFor();
    expect(await focused(page)).toBe('confirmation');
    expect(await page.getByText(`Organizacija jo bo pregledala in vam pisala na ${address}`).isVisible()).toBe(true);

    const application = await h.prisma.application.findFirstOrThrow({
      where: { volunteer: { email: address } },
      include: { consents: true, volunteer: true },
    });
    expect(application.opportunityId).toBe(o.id);
    expect(application.shiftId).toBe(o.shifts[1]!.id);
    expect(application.status).toBe('PENDING');
    expect(application.motivation).toBe('Rada berem otrokom.');
    expect(application.answers).toEqual([
      { questionId: o.questions[0]!.id, value: 'slovensko, angleško' },
      { questionId: o.questions[1]!.id, value: 'M' },
      { questionId: o.questions[2]!.id, value: false },
    ]);
    expect(application.guardianName).toBeNull();
    expect(application.origin).toBe(h.site);
    expect(application.apiKeyId).not.toBeNull();
    expect(application.consents.map((c) => [c.kind, c.granted]).sort()).toEqual([
      ['DATA_PROCESSING', true],
      ['NEWSLETTER', true],
      ['PHOTOS', false],
    ]);
    expect(application.volunteer.name).toBe('Ana Novak');
    expect(await events(page)).toEqual([
      { applicationId: expect.any(String), opportunityId: o.globalId, status: 'PENDING' },
    ]);
    expect(fromGlobal((await events(page))[0]!.applicationId!)).toBe(application.id);
  });

  it('asks a minor for a parent or guardian, shows the API’s refusal at the consent, and sends the guardian’s details', async () => {
    const o = await opportunityWithEverything();
    const address = email('zala');
    const page = await h.open(`<tandem-signup ${h.attrs} opportunity="${o.globalId}"></tandem-signup>`);
    await page.getByRole('heading', { name: `Prijava: ${o.titleSl}` }).waitFor();
    await fillAdult(page, address, { birthDate: birthDateForAge(16) });
    const guardian = page.getByRole('group', { name: 'Starš ali skrbnik' });
    await guardian.waitFor();
    await guardian.getByLabel('Ime in priimek starša ali skrbnika').fill('Mojca Kovač');
    await guardian.getByLabel('E-naslov starša ali skrbnika').fill('mojca.kovac@example.org');

    // Without the guardian's consent the API refuses (RuleViolationError), shown at that checkbox.
    await page.getByRole('button', { name: 'Pošlji prijavo' }).click();
    const consent = guardian.getByLabel('Starš ali skrbnik se strinja, da prostovoljec sodeluje.');
    await expect.poll(() => consent.getAttribute('aria-invalid')).toBe('true');
    const message = await consent.evaluate((el) => {
      const ids = el.getAttribute('aria-describedby')!.split(' ');
      return ids.map((id) => (el.getRootNode() as ShadowRoot).getElementById(id)?.textContent).join(' ');
    });
    expect(message).toContain('soglasje');
    expect(await focused(page)).toBe('f-guardian-consent');
    expect(await h.prisma.application.count({ where: { volunteer: { email: address } } })).toBe(0);

    await consent.check();
    await page.getByRole('button', { name: 'Pošlji prijavo' }).click();
    await page.getByRole('heading', { name: 'Hvala za prijavo!' }).waitFor();
    const application = await h.prisma.application.findFirstOrThrow({
      where: { volunteer: { email: address } },
      include: { consents: true },
    });
    expect(application.guardianName).toBe('Mojca Kovač');
    expect(application.guardianEmail).toBe('mojca.kovac@example.org');
    expect(application.consents.some((c) => c.kind === 'GUARDIAN' && c.granted && c.givenBy === 'Mojca Kovač')).toBe(
      true,
    );
  });

  it('shows the API’s field errors (ValidationError) next to their fields and moves focus to the first', async () => {
    const o = await opportunityWithEverything();
    const page = await h.open(`<tandem-signup ${h.attrs} opportunity="${o.globalId}"></tandem-signup>`);
    await page.getByRole('heading', { name: `Prijava: ${o.titleSl}` }).waitFor();

    // Empty required fields are caught before sending, in the widget's language.
    await page.getByRole('button', { name: 'Pošlji prijavo' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Popravite označena polja.');
    expect(await page.getByLabel('Ime in priimek', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('To polje je obvezno.').count()).toBe(4);

    // An address the browser would let through but the API does not, and the required question left empty.
    await fillAdult(page, 'ana@example');
    await page.getByLabel('Katere jezike govorite?').fill('');
    // Wait for the API's answer itself: the e-mail field is still marked from the empty-form check above.
    const signUp = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Pošlji prijavo' }).click();
    const answer = JSON.parse(await (await signUp).text()).data.signUp;
    const emailField = page.getByLabel('E-naslov', { exact: true });
    await expect.poll(() => emailField.getAttribute('aria-invalid')).toBe('true');
    expect(answer.__typename).toBe('ValidationError');
    const emailError = answer.fieldErrors.find((e: { path: string[] }) => e.path.join('.') === 'input.email');
    expect(emailError).toBeTruthy();
    await expect.poll(() => page.getByText(emailError.message).isVisible()).toBe(true);
    expect(await focused(page)).toBe('f-email');
    expect(await h.prisma.application.count({ where: { opportunityId: o.id } })).toBe(0);

    // Corrected: the required question's error comes from the API in Slovenian.
    await emailField.fill(email('ana'));
    await page.getByRole('button', { name: 'Pošlji prijavo' }).click();
    const question = page.getByLabel('Katere jezike govorite?');
    await expect.poll(() => question.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Obvezno polje.').isVisible()).toBe(true);
    expect(await emailField.getAttribute('aria-invalid')).toBe('false');
    expect(await focused(page)).toBe(`f-answers-${o.questions[0]!.id}`);
  });

  it('speaks English with lang="en", the API’s messages too', async () => {
    const o = await opportunityWithEverything();
    const page = await h.open(`<tandem-signup ${h.attrs} lang="en" opportunity="${o.globalId}"></tandem-signup>`, {
      lang: 'en',
    });
    await page.getByRole('heading', { name: 'Sign up: Help at the library' }).waitFor();
    await page.getByRole('radio', { name: /^Saturday:/ }).check();
    await page.getByLabel('Full name', { exact: true }).fill('Ana Novak');
    await page.getByLabel('E-mail address', { exact: true }).fill(email('ana'));
    await page.getByLabel('Date of birth').fill('1990-04-12');
    await page.getByLabel(/I agree that .* processes my personal data/).check();
    await page.getByRole('button', { name: 'Send sign-up' }).click();
    // The required question, refused by the API in English.
    await expect.poll(() => page.getByLabel('Which languages do you speak?').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('This field is required.').isVisible()).toBe(true);
    expect(await page.getByRole('alert').textContent()).toContain('Please correct the marked fields.');
    await page.getByLabel('Which languages do you speak?').fill('English');
    await page.getByRole('button', { name: 'Send sign-up' }).click();
    await page.getByRole('heading', { name: 'Thank you for signing up!' }).waitFor();
  });

  it('makes one application however often it is sent: a double click, and a retry after a lost answer', async () => {
    const o = await opportunityWithEverything();
    const address = email('dvojna');
    const page = await h.open(`<tandem-signup ${h.attrs} opportunity="${o.globalId}"></tandem-signup>`);
    await page.getByRole('heading', { name: `Prijava: ${o.titleSl}` }).waitFor();
    await fillAdult(page, address);
    await page.getByRole('button', { name: 'Pošlji prijavo' }).dblclick();
    await page.getByRole('heading', { name: 'Hvala za prijavo!' }).waitFor();
    expect(await h.prisma.application.count({ where: { volunteer: { email: address } } })).toBe(1);

    // The API records the sign-up but the answer never reaches the page; the volunteer sends again.
    const other = email('izgubljena');
    const second = await h.open(`<tandem-signup ${h.attrs} opportunity="${o.globalId}"></tandem-signup>`);
    await recordEvents(second);
    await second.getByRole('heading', { name: `Prijava: ${o.titleSl}` }).waitFor();
    await fillAdult(second, other);
    let lost = 0;
    await second.route('**/graphql**', async (route) => {
      if (route.request().method() !== 'POST' || lost > 0) return route.continue();
      lost++;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await second.getByRole('button', { name: 'Pošlji prijavo' }).click();
    await expect.poll(() => second.getByRole('alert').textContent()).toContain('Povezava s strežnikom ni uspela');
    expect(await h.prisma.application.count({ where: { volunteer: { email: other } } })).toBe(1);
    await second.getByRole('button', { name: 'Pošlji prijavo' }).click();
    await second.getByRole('heading', { name: 'Hvala za prijavo!' }).waitFor();
    expect(lost).toBe(1);
    expect(await h.prisma.application.count({ where: { volunteer: { email: other } } })).toBe(1);
    const [event] = await events(second);
    const application = await h.prisma.application.findFirstOrThrow({ where: { volunteer: { email: other } } });
    expect(fromGlobal(event!.applicationId!)).toBe(application.id);
  });

  it('says so when the opportunity does not exist or sign-ups are closed', async () => {
    const o = await createOpportunity(h, { titleSl: uniqueWord('zaprto'), inDays: 5 });
    await h.prisma.opportunity.update({ where: { id: o.id }, data: { status: 'CLOSED' } });
    const page = await h.open(`<tandem-signup ${h.attrs} opportunity="${o.globalId}"></tandem-signup>`);
    await page.getByText('Prijave na to priložnost so zaprte.').waitFor();
    expect(await page.getByRole('button', { name: 'Pošlji prijavo' }).count()).toBe(0);
    const missing = await h.open(`<tandem-signup ${h.attrs} opportunity="T3Bwb3J0dW5pdHk6bm9uZQ=="></tandem-signup>`);
    await missing.getByText('Te priložnosti ni ali ni več objavljena.').waitFor();
  });
});
