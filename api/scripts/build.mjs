// Compiles the API server (and the workspace packages it imports) into one
// JavaScript file, so that `npm start` runs plain Node instead of TypeScript
// through tsx: tsx's loader alone kept about 70 MB resident. Third-party
// packages stay in node_modules and load as usual, except Prisma's runtime,
// which is compiled in with one patch (prismaParamGraphAsMaps below).
//   node scripts/build.mjs [entry] [outfile]   (default: src/main.ts → dist/main.js)
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
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

/**
 * Prisma's generated client compiles its query compiler from a module that
 * holds the WebAssembly as a 2.3 MB base64 string, and Node keeps both that
 * module's source and the string for the life of the process (4.4 MB of heap
 * that every garbage collection walks past). The bundle ships the decoded
 * binary beside itself instead and compiles it from the file.
 */
const prismaWasmFromFile = {
  name: 'prisma-wasm-from-file',
  setup(b) {
    const loader =
      /getQueryCompilerWasmModule: async \(\) => \{\s*const \{ wasm \} = await import\("(@prisma\/client\/runtime\/([\w.]+)\.wasm-base64\.mjs)"\)\s*return await decodeBase64AsWasm\(wasm\)\s*\}/;
    b.onLoad({ filter: /[\\/]generated[\\/]client[\\/]internal[\\/]class\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const found = loader.exec(source);
      if (!found) {
        throw new Error(
          `${args.path}: Prisma's query compiler loader changed; update prismaWasmFromFile in ${import.meta.url}`,
        );
      }
      const [code, base64Module, name] = found;
      const { wasm } = await import(createRequire(args.path).resolve(base64Module));
      await mkdir(outDir, { recursive: true });
      await writeFile(resolve(outDir, `${name}.wasm`), Buffer.from(wasm, 'base64'));
      const fromFile = `getQueryCompilerWasmModule: async () => {
    const { readFile } = await import('node:fs/promises')
    return new WebAssembly.Module(await readFile(new URL(${JSON.stringify(`./${name}.wasm`)}, import.meta.url)))
  }`;
      return { contents: source.replace(code, fromFile), loader: 'ts' };
    });
  },
};

/**
 * Prisma's runtime expands the parameterisation graph of the schema (the
 * generated `parameterizationSchema`, 200 kB) at start into one object per
 * node whose edges are keyed by string-table index. Those indices run up to
 * the table's size (~1,000), so V8 stores each node's handful of edges in a
 * holey array as long as the largest index: 27,000 edges took 14 MB of heap,
 * a third of the idle server's. The bundle carries a copy of the runtime in
 * which those edge tables are Maps (under 1 MB), read the same way.
 */
const prismaParamGraphAsMaps = {
  name: 'prisma-param-graph-as-maps',
  setup(b) {
    const specifier = /^@prisma\/client\/runtime\/client$/;
    b.onResolve({ filter: specifier }, (args) => ({
      // The ES module build: bundled into our ES module output as it is.
      path: createRequire(args.importer).resolve('@prisma/client/runtime/client').replace(/\.js$/, '.mjs'),
    }));
    b.onLoad({ filter: /[\\/]@prisma[\\/]client[\\/]runtime[\\/]client\.mjs$/ }, async (args) => {
      let source = await readFile(args.path, 'utf8');
      const patch = (pattern, replacement, expected) => {
        const found = source.match(pattern)?.length ?? 0;
        if (found !== expected) {
          throw new Error(
            `${args.path}: Prisma's parameterisation graph reader changed (${pattern} found ${found} times, expected ${expected}); update prismaParamGraphAsMaps in ${import.meta.url}`,
          );
        }
        source = source.replace(pattern, replacement);
      };
      // Building each node (input and output): `o={}; … o[a]=S … r.push({edges:o})`.
      patch(
        /(\w+)=\{\};(for\(let \w+=0;\w+<\w+;\w+\+\+\)\{let (\w+)=this\.#\w+\(\)(?:(?!\.push\().)*?)\1\[\3\]=(\w+)\}(\w+)\.push\(\{edges:\1\}\)/g,
        '$1=new Map;$2$1.set($3,$4)}$5.push({edges:$1})',
        2,
      );
      // Reading an edge: `n.edges[i]`.
      patch(/(\w+)\.edges\[(\w+)\]/g, '$1.edges.get($2)', 2);
      if (/\.edges\b(?!\.get\()/.test(source)) {
        throw new Error(`${args.path}: Prisma's runtime reads edges in a new place; update prismaParamGraphAsMaps`);
      }
      return { contents: source, loader: 'js' };
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
  plugins: [prismaParamGraphAsMaps, workspaceOnly, prismaWasmFromFile, ownUrls],
  logLevel: 'warning',
  legalComments: 'none',
});
