import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

/**
 * What `npm start` runs: the server compiled to one file by scripts/build.mjs
 * (which also swaps Prisma's base64 query compiler for the binary beside the
 * bundle and patches how Prisma's runtime holds its parameterisation graph),
 * started on a fresh embedded database with the demo data.
 */
const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..');
// Inside the repository, so that the bundle finds node_modules.
const workDir = join(apiDir, '..', '.tandem');
mkdirSync(workDir, { recursive: true });
const outDir = mkdtempSync(join(workDir, 'start-test-'));
const dataDir = mkdtempSync(join(tmpdir(), 'tandem-start-'));

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.once('error', reject);
  });
}

it('builds the production bundle, which starts, seeds, answers and reuses query plans', async () => {
  const bundle = join(outDir, 'main.js');
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, ['scripts/build.mjs', 'src/main.ts', bundle], { cwd: apiDir }, (error) =>
      error ? reject(error) : resolve(),
    ),
  );

  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    TANDEM_DATA_DIR: dataDir,
    // Prisma's engine says whether a query's plan came from its cache (see below).
    DEBUG: 'prisma:client:clientEngine',
  };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'NODE_ENV']) delete env[name];
  const server = spawn(process.execPath, [bundle], { cwd: apiDir, env });
  let output = '';
  const post = async (query: string) => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ query }),
    });
    expect(response.status).toBe(200);
    const { data, errors } = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
    expect(errors).toBeUndefined();
    return data!;
  };
  const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
  try {
    await new Promise<void>((resolve, reject) => {
      const listen = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Tandem API:')) resolve();
      };
      server.stdout.on('data', listen);
      server.stderr.on('data', listen);
      void exited.then((code) => reject(new Error(`the server exited (${code}) before listening:\n${output}`)));
    });
    expect(output).toContain('Seeded the demo data');

    const { opportunities } = (await post(
      '{ opportunities(first: 2) { totalCount edges { node { id title } } } }',
    )) as {
      opportunities: { totalCount: number; edges: { node: { id: string; title: string } }[] };
    };
    expect(opportunities.edges).toHaveLength(2);
    expect(opportunities.totalCount).toBeGreaterThan(2);

    // The same query with another id reuses the first one's plan only if Prisma
    // can still parameterise it: a broken patch of its graph would not fail a
    // query, it would silently make every new value compile a new plan.
    const [first, second] = opportunities.edges.map((e) => e.node);
    await post(`{ opportunity(id: "${first!.id}") { title } }`);
    const before = output.length;
    expect(await post(`{ opportunity(id: "${second!.id}") { title } }`)).toEqual({
      opportunity: { title: second!.title },
    });
    // (Prisma's log reaches us through a pipe, possibly after the answer.)
    await expect.poll(() => output.slice(before), { timeout: 20_000 }).toContain('query plan cache hit');
  } finally {
    server.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
});
