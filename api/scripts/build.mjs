// Compiles the API server (and the workspace packages it imports) into one
// JavaScript file, so that `npm start` runs plain Node instead of TypeScript
// through tsx: tsx's loader alone kept about 70 MB resident. Third-party
// packages stay in node_modules and load as usual.
//   node scripts/build.mjs [entry] [outfile]   (default: src/main.ts → dist/main.js)
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const apiDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = resolve(process.argv[2] ?? resolve(apiDir, 'src', 'main.ts'));
const outfile = resolve(process.argv[3] ?? resolve(apiDir, 'dist', 'main.js'));
const outDir = dirname(outfile);

/** Workspace packages (@tandem/*) are compiled in; every other package is imported from node_modules. */
const workspaceOnly = {
  name: 'workspace-only',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@tandem/') || args.path.startsWith('node:')
        ? undefined
        : { path: args.path, external: true },
    );
  },
};

/**
 * Modules find their files relative to themselves (migrations, the data
 * directory, persisted operations, the built widgets). In the bundle each
 * `import.meta.url` becomes its own module's original URL, computed from the
 * bundle's location, so those paths stay what they are under tsx.
 */
const ownUrls = {
  name: 'own-urls',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const fromBundle = relative(outDir, args.path).split('\\').join('/');
      return {
        contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`),
        loader: 'ts',
      };
    });
  },
};

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [workspaceOnly, ownUrls],
  logLevel: 'warning',
  legalComments: 'none',
});
