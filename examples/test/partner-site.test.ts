// The partner site itself: what its server writes into the pages, and that the
// widgets load cross-origin from the API with the site's key, isolated from
// the site's CSS while taking its theme (custom properties and ::part).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPartnerSite } from '../partner-site/server.ts';
import { openSitePage, startStack, type Stack } from './stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const get = (path: string) => fetch(new URL(path, stack.site.url));

describe('the partner site server', () => {
  it('writes the API origin and the publishable key into the pages, in both languages', async () => {
    for (const path of ['/', '/garden.html', '/my-volunteering.html', '/mentors.html', '/en/', '/en/mentors.html']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await response.text();
      expect(html).toContain(`<script type="module" src="${stack.apiUrl}/widgets/tandem.js"></script>`);
      expect(html).toContain(`key="${stack.key}"`);
      expect(html).not.toContain('{{');
      expect(html).toMatch(path.startsWith('/en/') ? /<html lang="en">/ : /<html lang="sl">/);
    }
  });

  it('takes ?key=pk_… for the page, and ignores anything that is not a publishable key', async () => {
    const other = 'pk_' + 'a'.repeat(40);
    expect(await (await get(`/?key=${other}`)).text()).toContain(`key="${other}"`);
    const attack = await (await get(`/?key=${encodeURIComponent('"><script>alert(1)</script>')}`)).text();
    expect(attack).not.toContain('<script>alert(1)');
    expect(attack).toContain(`key="${stack.key}"`);
    const secret = await (await get('/?key=sk_' + 'a'.repeat(40))).text();
    expect(secret).not.toContain('sk_');
  });

  it('serves only the files of the site', async () => {
    expect((await get('/site.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('/nope.html')).status).toBe(404);
    expect((await get('/../server.ts')).status).toBe(404);
    expect((await get('/%2e%2e/server.ts')).status).toBe(404);
    expect((await get('/..%2fserver.ts')).status).toBe(404);
    expect((await get('/%2e%2e%2f%2e%2e%2fpackage.json')).status).toBe(404);
    expect((await fetch(new URL('/', stack.site.url), { method: 'POST' })).status).toBe(405);
  });

  it('refuses a secret key and a malformed API address', async () => {
    await expect(startPartnerSite({ port: 0, key: 'sk_' + 'a'.repeat(40) })).rejects.toThrow(/publishable/);
    await expect(startPartnerSite({ port: 0, api: 'ftp://example.org' })).rejects.toThrow(/http/);
  });

  it('tells the visitor how to add a key when the page has none', async () => {
    const bare = await startPartnerSite({ port: 0, api: stack.apiUrl });
    try {
      const page = await stack.newPage();
      await page.goto(`${bare.url}/en/`);
      await expect.poll(() => page.getByText(/This page has no Tandem key yet/).isVisible()).toBe(true);
      await page.goto(`${bare.url}/en/?key=${stack.key}`);
      await page.waitForLoadState('load');
      expect(await page.getByText(/This page has no Tandem key yet/).isVisible()).toBe(false);
    } finally {
      await bare.close();
    }
  });
});

describe('the widgets on the partner site', () => {
  it('load cross-origin with the key, isolated from the site CSS and themed by it', async () => {
    const page = await stack.newPage();
    const widgetRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(stack.apiUrl)) widgetRequests.push(request.url());
    });
    await openSitePage(stack, page, '/en/');
    const list = page.locator('tandem-opportunities');
    await expect.poll(() => list.getByRole('button').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // Everything came from the API's origin, not the site's.
    expect(widgetRequests.some((url) => url.endsWith('/widgets/tandem.js'))).toBe(true);
    expect(new URL(stack.apiUrl).port).not.toBe(new URL(stack.site.url).port);

    const styles = await page.evaluate(() => {
      const host = document.querySelector('tandem-opportunities')!;
      const inner = host.shadowRoot!.querySelector('button')!;
      const outer = document.getElementById('theme-toggle')!;
      const pick = (element: Element) => {
        const s = getComputedStyle(element);
        return {
          font: s.fontFamily,
          transform: s.textTransform,
          style: s.fontStyle,
          border: s.borderTopStyle,
          background: s.backgroundColor,
        };
      };
      return { inner: pick(inner), outer: pick(outer), h2: getComputedStyle(document.querySelector('main h2')!).color };
    });
    // The site's `button { … }` rules style its own button only.
    expect(styles.outer).toMatchObject({ transform: 'uppercase', style: 'italic', border: 'double' });
    expect(styles.outer.font).toMatch(/Courier New/);
    expect(styles.inner.transform).toBe('none');
    expect(styles.inner.style).toBe('normal');
    expect(styles.inner.border).not.toBe('double');
    // The theme reaches inside through the custom properties: font and primary colour.
    expect(styles.inner.font).toMatch(/Atkinson Hyperlegible/);
    expect(styles.inner.background).toBe('rgb(154, 52, 18)');
    // The widgets' styles do not leak out: the site's headings keep the site's colour.
    expect(styles.h2).toBe('rgb(154, 52, 18)');
  });

  it('follows the site theme switch (dark) in every widget', async () => {
    const page = await stack.newPage();
    await openSitePage(stack, page, '/en/my-volunteering.html');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true');
    const themes = await page.evaluate(() =>
      [...document.querySelectorAll('tandem-hour-logger, tandem-evaluation')].map((w) => [
        w.getAttribute('theme'),
        getComputedStyle(w).backgroundColor,
      ]),
    );
    expect(themes).toEqual([
      ['dark', 'rgb(28, 20, 18)'],
      ['dark', 'rgb(28, 20, 18)'],
    ]);
    // The choice is the site's to remember.
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  });
});
