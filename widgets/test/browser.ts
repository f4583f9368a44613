// The widgets' test harness: everything real, as on a partner's site.
//  - a real API (graphql-yoga + /widgets/* from widgets/dist) on a node:http server at 127.0.0.1, over this test
//    file's own copy of the seeded database;
//  - a "partner site" on another 127.0.0.1 port (another origin): fixture pages that load
//    <api>/widgets/tandem.js with a publishable key allowing that origin;
//  - headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core.
// Mail stays in the OutboxMessage table (outbox()).
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Database } from '@tandem/db';
import { openTestDatabase } from '@tandem/db/testing';
import { createApiKey, createSession } from '@tandem/schema';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { OutboxMailer } from '../../api/src/mail.ts';
import { operatorContext } from '../../api/src/operator.ts';
import { widgetsRoute, withWidgets } from '../../api/src/widgets-route.ts';
import { createTandemYoga, type TandemServerOptions, type TandemYoga } from '../../api/src/yoga.ts';
import { distDir } from '../scripts/build.ts';
// The template database's type for inject('template').
import type {} from '../../api/test/global-setup.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_ORGANIZATION = 'pekarna-magdalenske-mreze';

export interface HarnessOptions extends Omit<TandemServerOptions, 'db'> {
  /** Organisation of the publishable key (default: the demo organisation). */
  organization?: string;
}

export interface PageOptions {
  /** Extra markup for <head> (e.g. host-page CSS). */
  head?: string;
  /** <html lang> of the host page (default sl). */
  lang?: string;
  colorScheme?: 'light' | 'dark';
  /** Viewport width in CSS pixels (default 1024). */
  width?: number;
}

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

export class WidgetHarness {
  /** Messages the pages logged with console.error, and uncaught page errors. */
  readonly pageErrors: string[] = [];
  private readonly contexts = new Set<BrowserContext>();

  private constructor(
    readonly db: Database,
    readonly yoga: TandemYoga,
    private readonly apiServer: Server,
    private readonly siteServer: Server,
    /** Origin of the API, e.g. http://127.0.0.1:41234 (also where /widgets/tandem.js is). */
    readonly api: string,
    /** Origin of the partner site serving the fixture pages. */
    readonly site: string,
    /** A publishable key whose allowed origins include `site`. */
    readonly key: string,
    readonly organizationSlug: string,
    readonly browser: Browser,
    /** Path → HTML of the partner site's pages. */
    private readonly pages: Map<string, string>,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<WidgetHarness> {
    if (!existsSync(join(distDir, 'tandem.js'))) {
      throw new Error('widgets/dist/tandem.js is missing: run `npm run build --workspace @tandem/widgets` first');
    }
    if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM} (apt-get install chromium)`);
    const { organization = DEMO_ORGANIZATION, ...serverOptions } = options;
    const db = await openTestDatabase(inject('template'));
    const yoga = createTandemYoga({ db, ...serverOptions });
    const apiServer = createServer(withWidgets(widgetsRoute({ dir: distDir }), yoga));
    const pages = new Map<string, string>();
    const siteServer = createServer((req, res) => {
      const html = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
      if (!html) return res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
    });
    const [api, site] = await Promise.all([listen(apiServer), listen(siteServer)]);

    const org = await db.prisma.organization.findUniqueOrThrow({ where: { slug: organization } });
    const created = await createApiKey(operatorContext(db.prisma, new OutboxMailer(db.prisma)), {
      organizationId: org.id,
      kind: 'PUBLISHABLE',
      label: 'widget tests',
      allowedOrigins: [site],
    });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    return new WidgetHarness(db, yoga, apiServer, siteServer, api, site, created.secret!, organization, browser, pages);
  }

  get prisma() {
    return this.db.prisma;
  }

  /** The script tag a partner pastes. */
  get scriptTag(): string {
    return `<script type="module" src="${this.api}/widgets/tandem.js"></script>`;
  }

  /** `api="…" key="…"`, the attributes every widget needs on the partner site. */
  get attrs(): string {
    return `api="${this.api}" key="${this.key}"`;
  }

  /** A partner page with `body`, loading tandem.js from the API. */
  html(body: string, options: PageOptions = {}): string {
    return `<!doctype html>
<html lang="${options.lang ?? 'sl'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Partner site</title>
${options.head ?? ''}
${this.scriptTag}
</head>
<body>
${body}
</body>
</html>`;
  }

  /** Opens a fresh browser context (own storage) on a new partner page with `body`. */
  async open(body: string, options: PageOptions = {}): Promise<Page> {
    const path = `/page-${randomUUID()}.html`;
    this.pages.set(path, this.html(body, options));
    const context = await this.browser.newContext({
      viewport: { width: options.width ?? 1024, height: 800 },
      colorScheme: options.colorScheme ?? 'light',
      locale: options.lang === 'en' ? 'en-GB' : 'sl-SI',
      timezoneId: 'Europe/Ljubljana',
    });
    this.contexts.add(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') this.pageErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.pageErrors.push(String(error)));
    await page.goto(`${this.site}${path}`);
    return page;
  }

  /** Mail sent to `to`, oldest first. */
  outbox(to: string) {
    return this.prisma.outboxMessage.findMany({ where: { to }, orderBy: { createdAt: 'asc' } });
  }

  /** A session token for the user with this e-mail, as a sign-in would create it. */
  async tokenFor(email: string): Promise<string> {
    const user = await this.prisma.user.findUniqueOrThrow({ where: { email } });
    return createSession(this.prisma, user.id);
  }

  /** A GraphQL request straight to the API (no browser), e.g. to set up or check data. */
  async gql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: { token?: string; locale?: 'sl' | 'en' } = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await this.yoga.fetch('http://127.0.0.1/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': options.locale ?? 'sl',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => {});
    await this.browser.close().catch(() => {});
    await Promise.all([close(this.apiServer), close(this.siteServer)]);
    await this.db.close();
  }
}

// Ids and ages as the API tests make them.
export { birthDateForAge, fromGlobal, toGlobal } from '../../api/test/harness.ts';
