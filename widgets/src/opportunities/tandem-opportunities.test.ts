import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WidgetHarness } from '../../test/browser.ts';
import { createOpportunity, uniqueWord } from '../../test/fixtures.ts';

let h: WidgetHarness;
beforeAll(async () => {
  h = await WidgetHarness.start();
});
afterAll(() => h?.close());

const titles = (page: Page) =>
  page
    .getByRole('list', { name: /Priložnosti|Opportunities/ })
    .getByRole('heading')
    .allTextContents();
const trimmed = async (page: Page) => (await titles(page)).map((t) => t.trim());
const count = (page: Page) =>
  page
    .locator('tandem-opportunities')
    .getByRole('status')
    .textContent()
    .then((text) => (text ?? '').trim());

describe('<tandem-opportunities>', () => {
  it('searches, filters by area, region, organisation, project and upcoming, pages with the cursor and announces the count', async () => {
    const word = uniqueWord('zvezdogled');
    const project = await h.prisma.project.findFirstOrThrow({ orderBy: { slug: 'asc' } });
    const a = await createOpportunity(h, { titleSl: `${word} A`, region: 'podravska', area: 'SOCIAL', inDays: 10 });
    const b = await createOpportunity(h, {
      titleSl: `${word} B`,
      region: 'podravska',
      area: 'CULTURE',
      inDays: 20,
      project: project.slug,
    });
    const c = await createOpportunity(h, {
      titleSl: `${word} C`,
      region: 'osrednjeslovenska',
      area: 'SOCIAL',
      inDays: 30,
      organization: 'drustvo-legebitra',
    });
    const past = await createOpportunity(h, { titleSl: `${word} D`, region: 'podravska', inDays: -40 });

    const requests: { method: string; url: string }[] = [];
    const cacheControl: string[] = [];
    const page = await h.open(`<tandem-opportunities ${h.attrs} page-size="2"></tandem-opportunities>`);
    page.on('request', (r) => {
      if (r.url().includes('/graphql')) requests.push({ method: r.method(), url: r.url() });
    });
    page.on('response', (r) => {
      if (r.url().includes('PublicOpportunities') || r.url().includes('sha256Hash')) {
        cacheControl.push(r.headers()['cache-control'] ?? '');
      }
    });
    await expect.poll(() => count(page)).toMatch(/Najden/);

    await page.getByRole('searchbox', { name: 'Iskanje' }).fill(word);
    await page.getByRole('searchbox', { name: 'Iskanje' }).press('Enter');
    await expect.poll(() => count(page)).toContain('Najdene 4 priložnosti, stran 1 od 2');
    expect(await trimmed(page)).toEqual([`${past.titleSl}`, `${a.titleSl}`]);

    await page.getByRole('button', { name: 'Naslednja stran' }).click();
    await expect.poll(() => count(page)).toContain('stran 2 od 2');
    expect(await trimmed(page)).toEqual([b.titleSl, c.titleSl]);
    // Focus goes to the count, so a screen reader hears the new page.
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('part'))).toBe(
      'count',
    );
    await expect.poll(() => page.getByRole('button', { name: 'Naslednja stran' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Prejšnja stran' }).click();
    await expect.poll(() => trimmed(page)).toEqual([past.titleSl, a.titleSl]);

    await page.getByLabel('Samo prihajajoče').check();
    await expect.poll(() => count(page)).toContain('Najdene 3 priložnosti, stran 1 od 2');
    expect(await trimmed(page)).toEqual([a.titleSl, b.titleSl]);

    await page.getByLabel('Regija').selectOption('osrednjeslovenska');
    await expect.poll(() => count(page)).toBe('Najdena 1 priložnost');
    expect(await trimmed(page)).toEqual([c.titleSl]);

    await page.getByLabel('Regija').selectOption('');
    await page.getByLabel('Področje').selectOption('SOCIAL');
    await expect.poll(() => count(page)).toBe('Najdeni 2 priložnosti');
    expect(await trimmed(page)).toEqual([a.titleSl, c.titleSl]);

    await page.getByLabel('Organizacija').selectOption('drustvo-legebitra');
    await expect.poll(() => trimmed(page)).toEqual([c.titleSl]);

    await page.getByLabel('Področje').selectOption('');
    await page.getByLabel('Organizacija').selectOption('');
    await page.getByLabel('Projekt').selectOption(project.slug);
    await expect.poll(() => trimmed(page)).toEqual([b.titleSl]);

    await page.getByRole('searchbox', { name: 'Iskanje' }).fill(uniqueWord('nicnajdenega'));
    await page.getByRole('searchbox', { name: 'Iskanje' }).press('Enter');
    await expect.poll(() => count(page)).toBe('Najdenih 0 priložnosti');
    await expect.poll(() => page.getByText('Ni priložnosti, ki bi ustrezale iskanju.').isVisible()).toBe(true);

    // Every read went out as a persisted GET (hash only, no query text), and the public answers may be cached.
    expect(requests.length).toBeGreaterThan(5);
    for (const request of requests) {
      expect(request.method).toBe('GET');
      const url = new URL(request.url);
      expect(url.searchParams.get('query')).toBeNull();
      expect(JSON.parse(url.searchParams.get('extensions')!).persistedQuery.sha256Hash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(cacheControl.length).toBeGreaterThan(0);
    expect(cacheControl.every((value) => value === 'public, max-age=30')).toBe(true);
    expect(h.pageErrors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });

  it('starts from its attributes and follows changes to them', async () => {
    const word = uniqueWord('atributi');
    await createOpportunity(h, { titleSl: `${word} Ena`, region: 'gorenjska', inDays: 5 });
    const other = await createOpportunity(h, { titleSl: `${word} Dve`, region: 'goriska', inDays: 6 });
    const page = await h.open(
      `<tandem-opportunities ${h.attrs} search="${word}" region="goriska" upcoming></tandem-opportunities>`,
    );
    await expect.poll(() => trimmed(page)).toEqual([other.titleSl]);
    expect(await page.getByLabel('Samo prihajajoče').isChecked()).toBe(true);
    expect(await page.getByLabel('Regija').inputValue()).toBe('goriska');
    await page.evaluate(() => document.querySelector('tandem-opportunities')!.removeAttribute('region'));
    await expect.poll(() => titles(page).then((t) => t.length)).toBe(2);
    // With `organization` the organisation filter is fixed and hidden.
    await page.evaluate(() =>
      document.querySelector('tandem-opportunities')!.setAttribute('organization', 'drustvo-hisa'),
    );
    await expect.poll(() => count(page)).toBe('Najdenih 0 priložnosti');
    expect(await page.getByLabel('Organizacija').count()).toBe(0);
  });

  it('opens the detail view, moves focus to it, opens the sign-up form and goes back to the list', async () => {
    const word = uniqueWord('podrobno');
    const o = await createOpportunity(h, {
      titleSl: `${word} Delavnica`,
      descriptionSl: 'Pomagamo pri učenju otrok po pouku.',
      inDays: 12,
      capacity: 3,
      shifts: [
        { inDays: 12, capacity: 2, labelSl: 'Dopoldne' },
        { inDays: 13, capacity: 1, labelSl: 'Popoldne' },
      ],
    });
    const page = await h.open(`<tandem-opportunities ${h.attrs} search="${word}"></tandem-opportunities>`);
    await page.getByRole('button', { name: `Podrobnosti: ${o.titleSl}` }).click();
    const heading = page.getByRole('heading', { name: o.titleSl, level: 2 });
    await heading.waitFor();
    expect(await heading.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    expect(await page.getByText('Pomagamo pri učenju otrok po pouku.').isVisible()).toBe(true);
    expect(await page.getByText('Še 3 prosta mesta').isVisible()).toBe(true);
    expect(await page.getByText(/^Dopoldne: /).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Prijavi se' }).click();
    await page.getByRole('heading', { name: `Prijava: ${o.titleSl}` }).waitFor();
    expect(await page.locator('tandem-signup').getAttribute('opportunity')).toBe(o.globalId);
    expect(await page.getByRole('group', { name: 'Termin' }).getByRole('radio').count()).toBe(2);

    await page.getByRole('button', { name: 'Nazaj na seznam' }).click();
    const item = page.getByRole('button', { name: `Podrobnosti: ${o.titleSl}` });
    await item.waitFor();
    expect(await item.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
  });

  it('speaks English with lang="en": labels, counts and the API’s texts', async () => {
    const word = uniqueWord('english');
    await createOpportunity(h, { titleSl: `${word} Slovensko`, titleEn: `${word} In English`, inDays: 8, capacity: 1 });
    const page = await h.open(`<tandem-opportunities ${h.attrs} lang="en" search="${word}"></tandem-opportunities>`, {
      lang: 'en',
    });
    await expect.poll(() => count(page)).toBe('1 opportunity found');
    expect(await trimmed(page)).toEqual([`${word} In English`]);
    expect(await page.getByLabel('Region').count()).toBe(1);
    expect(await page.getByRole('option', { name: 'Central Slovenia' }).count()).toBe(1);
    expect(await page.getByText('1 place left').isVisible()).toBe(true);
    expect(await page.locator('tandem-opportunities').getAttribute('lang')).toBe('en');
  });

  it('keeps host CSS out and its own styles in, takes ::part and --tandem-* theming, dark mode, and fits 320 px', async () => {
    const word = uniqueWord('izolacija');
    await createOpportunity(h, {
      titleSl: `${word} Zelo dolg naslov priložnosti, ki se mora lepo prelomiti`,
      inDays: 9,
    });
    const head = `<style>
      * { color: rgb(255, 0, 0) !important; font-family: serif !important; }
      button { display: none !important; }
      ul, li { border: 9px solid rgb(0, 255, 0); }
      tandem-opportunities::part(item) { border-color: rgb(1, 2, 3); }
      tandem-opportunities.branded { --tandem-color-primary: rgb(10, 20, 30); }
      .host-button { background: rgb(200, 200, 200); }
    </style>`;
    const page = await h.open(
      `<button class="host-button">Host</button>
       <tandem-opportunities class="branded" ${h.attrs} search="${word}"></tandem-opportunities>`,
      { head, width: 320 },
    );
    const title = page.getByRole('button', { name: /^Podrobnosti: / });
    await title.waitFor();
    const style = (locator: ReturnType<Page['locator']>, property: string) =>
      locator.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
    // Host rules stop at the shadow root (inherited `color` set with !important on the host element itself is
    // the one thing that crosses, as for any element, so look at elements styled by the widget).
    expect(await title.isVisible()).toBe(true);
    expect(await style(page.getByRole('button', { name: 'Išči' }), 'display')).not.toBe('none');
    expect(await style(page.getByRole('list', { name: 'Priložnosti' }), 'border-top-width')).toBe('0px');
    // …and the widget's rules stay inside: the host's own button keeps the host's look.
    expect(await style(page.locator('.host-button'), 'background-color')).toBe('rgb(200, 200, 200)');
    expect(await style(page.locator('.host-button'), 'border-radius')).toBe('0px');
    // Theming goes through the documented parts and properties.
    expect(await style(page.locator('tandem-opportunities').getByRole('listitem').first(), 'border-top-color')).toBe(
      'rgb(1, 2, 3)',
    );
    expect(await style(page.getByRole('button', { name: 'Išči' }), 'background-color')).toBe('rgb(10, 20, 30)');
    // 320 px: nothing wider than the viewport.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    const dark = await h.open(`<tandem-opportunities ${h.attrs} theme="dark" search="${word}"></tandem-opportunities>`);
    await dark.getByRole('listitem').first().waitFor();
    expect(await style(dark.locator('tandem-opportunities'), 'background-color')).toBe('rgb(17, 24, 39)');
    const auto = await h.open(`<tandem-opportunities ${h.attrs} search="${word}"></tandem-opportunities>`, {
      colorScheme: 'dark',
    });
    await auto.getByRole('listitem').first().waitFor();
    expect(await style(auto.locator('tandem-opportunities'), 'background-color')).toBe('rgb(17, 24, 39)');
    const light = await h.open(
      `<tandem-opportunities ${h.attrs} theme="light" search="${word}"></tandem-opportunities>`,
      {
        colorScheme: 'dark',
      },
    );
    await light.getByRole('listitem').first().waitFor();
    expect(await style(light.locator('tandem-opportunities'), 'background-color')).toBe('rgb(255, 255, 255)');
  });
});
