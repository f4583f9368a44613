// Runs `prisma generate` without the native schema engine.
//
// Prisma's CLI downloads a native schema engine before every command, and that
// download fails behind a strict firewall (and on our CI machines). Generation
// itself does not need the engine, so we point the CLI at a stub that refuses to
// run; migrations go through the WebAssembly engine instead (src/migrate/).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const stubDir = mkdtempSync(join(tmpdir(), 'tandem-prisma-'));
const stub = join(stubDir, 'schema-engine');
writeFileSync(stub, '#!/bin/sh\necho "Tandem uses the WebAssembly schema engine: run npm run migrate" >&2\nexit 1\n');
chmodSync(stub, 0o755);

const require = createRequire(import.meta.url);
const prismaCli = require.resolve('prisma/build/index.js');
// Generators are found by their bin names (prisma-pothos-types); npm links the
// bins into the node_modules/.bin folder beside the prisma package.
const binDir = join(dirname(prismaCli), '..', '..', '.bin');
const result = spawnSync(process.execPath, [prismaCli, 'generate', '--schema', join(packageDir, 'schema.prisma')], {
  cwd: packageDir,
  stdio: 'inherit',
  env: {
    ...process.env,
    PATH: `${binDir}${delimiter}${process.env.PATH ?? ''}`,
    PRISMA_SCHEMA_ENGINE_BINARY: stub,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
rmSync(stubDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
