// Every widget on the partner site, light and dark: axe-core finds no serious
// or critical violation (it looks into the open shadow roots), the page does
// not scroll sideways at 320 px, and a screenshot of each widget at 1280 px and
// 320 px goes to examples/test-results/ as a test artefact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openSitePage, screenshot, seriousViolations, startStack, type Stack, type WidgetTag } from './stack.ts';

let stack: Stack;
let tokens: Record<'volunteer' | 'mentor', string>;
beforeAll(async () => {
  stack = await startStack();
  tokens = {
    volunteer: await stack.tokenFor('nina.pavlic@example.org'),
    mentor: await stack.tokenFor('maja.vidmar@example.org'),
  };
});
afterAll(async () => {
  if (stack?.problems.length) console.log(`Browser problems:\n${stack.problems.join('\n')}`);
  await stack?.close();
});

interface View {
  path: string;
  widgets: WidgetTag[];
  /** Whose session the widgets share (as after signing in), if anyone's. */
  as?: keyof typeof tokens;
  /** Brings the widgets into the state to audit, e.g. opens the sign-up form. */
  prepare?: (page: Page) => Promise<void>;
  /** A name for the state in the screenshot's file name. */
  state?: string;
}

const VIEWS: View[] = [
  { path: '/en/', widgets: ['tandem-opportunities'] },
  {
    path: '/en/',
    widgets: ['tandem-opportunities'],
    state: 'signup',
    // The list's detail view with its sign-up form, after a submit with nothing filled in (field errors shown).
    prepare: async (page) => {
      const list = page.locator('tandem-opportunities');
      await list.getByRole('button', { name: /^Details: Helping at concerts/ }).click();
      await list.getByRole('button', { name: 'Sign up' }).first().click();
      const signup = list.locator('tandem-signup');
      const send = signup.getByRole('button', { name: 'Send sign-up' });
      await expect.poll(() => send.count(), { timeout: 15_000 }).toBe(1);
      await send.click();
      await expect.poll(() => signup.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
    },
  },
  // In Slovenian, the widgets' default language.
  { path: '/garden.html', widgets: ['tandem-signup'] },
  { path: '/en/my-volunteering.html', widgets: ['tandem-hour-logger', 'tandem-evaluation'] },
  { path: '/en/my-volunteering.html', widgets: ['tandem-hour-logger', 'tandem-evaluation'], as: 'volunteer' },
  { path: '/en/mentors.html', widgets: ['tandem-hour-review'], as: 'mentor' },
];

/** The widget has drawn its content: no "Loading…" left and at least one control. */
async function settled(widget: Locator): Promise<void> {
  await expect
    .poll(
      async () =>
        (await widget.getByText(/^(Loading…|Nalaganje …|Nalagam …)$/).count()) === 0 &&
        (await widget.getByRole('button').count()) > 0,
      { timeout: 20_000 },
    )
    .toBe(true);
}

async function open(view: View, theme: 'light' | 'dark', width: number): Promise<Page> {
  // The site follows the visitor's light or dark setting until they use its switch.
  const page = await stack.newPage({ width, colorScheme: theme });
  if (view.as) {
    // The state signing in leaves behind (session.ts: one token per API origin), without going through the form again.
    await page.addInitScript(
      ([name, token]) => localStorage.setItem(name!, token!),
      [`tandem.session.${stack.apiUrl}`, tokens[view.as]],
    );
  }
  await openSitePage(stack, page, view.path);
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
  for (const tag of view.widgets) await settled(page.locator(tag));
  await view.prepare?.(page);
  return page;
}

describe('accessibility and looks of every widget', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const view of VIEWS) {
      const name = `${view.widgets.join(' + ')}${view.state ? ` (${view.state})` : ''}${view.as ? ` as ${view.as}` : ''}`;
      it(`${name}, ${theme}: no serious or critical axe violations; screenshots at 1280 and 320 px`, async () => {
        const page = await open(view, theme, 1280);
        for (const tag of view.widgets) {
          expect(await page.locator(tag).evaluate((el) => el.getAttribute('theme'))).toBe(theme);
        }
        const violations = await seriousViolations(page);
        expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
        const file = (tag: string, width: number) =>
          `${tag}${view.state ? `-${view.state}` : ''}${view.as ? `-${view.as}` : ''}-${width}-${theme}`;
        for (const tag of view.widgets) await screenshot(page.locator(tag), file(tag, 1280));

        // The same state on a 320 px wide screen: nothing makes the page scroll sideways.
        await page.setViewportSize({ width: 320, height: 900 });
        await page.waitForTimeout(100);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
        for (const tag of view.widgets) await screenshot(page.locator(tag), file(tag, 320));
        await page.context().close();
      });
    }
  }
});
