// The end-to-end stack, as in real life: the Tandem API on a node:http server
// (GraphQL and /widgets/*, over a seeded database of this test file's own), the
// partner site on another 127.0.0.1 port (so every API call is cross-origin,
// with a publishable key made for the site's origin), and headless Chromium.
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';
import type { Database } from '@tandem/db';
import { openTestDatabase } from '@tandem/db/testing';
import { createApiKey, createSession, hashPassword } from '@tandem/schema';
import { createTandemYoga } from '@tandem/api';
import { OutboxMailer } from '../../api/src/mail.ts';
import { operatorContext } from '../../api/src/operator.ts';
import { widgetsRoute, withWidgets } from '../../api/src/widgets-route.ts';
import { startPartnerSite, type PartnerSite } from '../partner-site/server.ts';

export const ORGANIZATION = 'pekarna-magdalenske-mreze';
/** Screenshots go here (gitignored; CI keeps them as artefacts). */
export const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const WIDGETS = [
  'tandem-opportunities',
  'tandem-signup',
  'tandem-hour-logger',
  'tandem-hour-review',
  'tandem-evaluation',
] as const;
export type WidgetTag = (typeof WIDGETS)[number];

export interface PageOptions {
  width?: number;
  height?: number;
  colorScheme?: 'light' | 'dark';
}

export interface Stack {
  db: Database;
  /** The API's origin, e.g. http://127.0.0.1:41234. */
  apiUrl: string;
  site: PartnerSite;
  /** The publishable key the site uses (allowed for the site's origin only). */
  key: string;
  browser: Browser;
  /** A page in a fresh browser context (its own localStorage: its own signed-in volunteer). */
  newPage(options?: PageOptions): Promise<Page>;
  /** What the pages logged as errors (console, uncaught, failed requests): shown when a test fails. */
  problems: string[];
  /** A GraphQL request to the API over HTTP, as a server-side integration or the console would make it. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  tokenFor(email: string): Promise<string>;
  setPassword(email: string, password: string): Promise<void>;
  /** The newest one-time sign-in code mailed to this address (from the OutboxMessage table). */
  signInCode(email: string): Promise<string>;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function startStack(): Promise<Stack> {
  const db = await openTestDatabase(inject('template'));
  const yoga = createTandemYoga({ db, development: false });
  const server = createServer(withWidgets(widgetsRoute({ dir: inject('widgetsDir') }), yoga));
  const apiUrl = await listen(server);
  const site = await startPartnerSite({ api: apiUrl, port: 0 });

  const organization = await db.prisma.organization.findUniqueOrThrow({ where: { slug: ORGANIZATION } });
  const created = await createApiKey(operatorContext(db.prisma, new OutboxMailer(db.prisma)), {
    organizationId: organization.id,
    kind: 'PUBLISHABLE',
    label: 'partner site (e2e)',
    allowedOrigins: [site.url],
  });
  if (!created.secret) throw new Error('createApiKey returned no secret');
  site.settings.key = created.secret;

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  async function gql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const response = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': 'en',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data as T;
  }

  return {
    db,
    apiUrl,
    site,
    key: created.secret,
    browser,
    problems,
    gql,
    async newPage({ width = 1280, height = 900, colorScheme = 'light' } = {}) {
      const context = await browser.newContext({
        viewport: { width, height },
        colorScheme,
        reducedMotion: 'reduce',
        locale: 'sl-SI',
        timezoneId: 'Europe/Ljubljana',
      });
      contexts.push(context);
      // A missing element fails the test in seconds, not after Playwright's default half a minute.
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      page.on('requestfailed', (request) => {
        const reason = request.failure()?.errorText ?? '';
        // Loads cut short by a reload or navigation are not problems.
        if (!reason.includes('ERR_ABORTED'))
          problems.push(`request failed: ${request.method()} ${request.url()} ${reason}`);
      });
      return page;
    },
    async tokenFor(email) {
      const user = await db.prisma.user.findUniqueOrThrow({ where: { email } });
      return createSession(db.prisma, user.id);
    },
    async setPassword(email, password) {
      await db.prisma.user.update({ where: { email }, data: { passwordHash: await hashPassword(password) } });
    },
    async signInCode(email) {
      const message = await db.prisma.outboxMessage.findFirst({
        where: { to: email, kind: 'sign-in-code' },
        orderBy: { createdAt: 'desc' },
      });
      const code = message && /\b(\d{6})\b/.exec(message.text)?.[1];
      if (!code) throw new Error(`no sign-in code was mailed to ${email}`);
      return code;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close().catch(() => {});
      await site.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

/** Opens a page of the partner site (`path` like '/en/garden.html') and waits until its widgets are defined. */
export async function openSitePage(stack: Stack, page: Page, path: string): Promise<void> {
  await page.goto(new URL(path, stack.site.url).href);
  const tags = await page.evaluate((all) => all.filter((tag) => document.querySelector(tag)), [...WIDGETS] as string[]);
  await page.waitForFunction((wanted) => wanted.every((tag) => customElements.get(tag)), tags, { timeout: 20_000 });
}

/** Sets the site's theme the way its own switch does (html[data-theme] and every widget's theme attribute). */
export async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate((value) => {
    document.documentElement.dataset.theme = value;
    for (const widget of document.querySelectorAll(
      'tandem-opportunities, tandem-signup, tandem-hour-logger, tandem-hour-review, tandem-evaluation',
    )) {
      widget.setAttribute('theme', value);
    }
  }, theme);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown; failureSummary?: string }[];
}

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's serious and critical violations on the page (it looks into open shadow roots), optionally within one element. */
export async function seriousViolations(page: Page, include?: string): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axeSource });
  const violations = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<any> } }).axe;
    const result = await axe.run(selector ? { include: [selector] } : document, { resultTypes: ['violations'] });
    return result.violations as AxeViolation[];
  }, include ?? null);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      ...v,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
}

export async function screenshot(target: Locator, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = `${RESULTS_DIR}${name}.png`;
  await target.screenshot({ path, animations: 'disabled' });
  return path;
}

/** The element that has focus, looking through shadow roots: a short description for assertions. */
export interface Focused {
  tag: string;
  /** The `type` of an input. */
  type: string | null;
  name: string;
  /** The widget whose shadow root holds it; null on the page itself. */
  host: string | null;
  /** Matches :focus-visible with an outline or a box shadow. */
  outline: boolean;
}

export async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    let host: string | null = null;
    while (element?.shadowRoot?.activeElement) {
      host = element.localName;
      element = element.shadowRoot.activeElement;
    }
    if (!element || element === document.body) return { tag: 'body', type: null, name: '', host, outline: false };
    const style = getComputedStyle(element);
    const visible =
      element.matches(':focus-visible') &&
      ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none');
    const label =
      element.getAttribute('aria-label') ||
      (element as HTMLInputElement).labels?.[0]?.textContent ||
      element.textContent ||
      '';
    return {
      tag: element.localName,
      type: element.getAttribute('type'),
      name: label.trim().replace(/\s+/g, ' ').slice(0, 80),
      host,
      outline: visible,
    };
  });
}
