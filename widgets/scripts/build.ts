// Builds the widgets into dist/: tandem.js (the entry partners load; small,
// fixed name), content-hashed chunks, one per widget plus shared ones (Lit,
// @urql/core and the core), and tandem-all-<hash>.js, every widget in one file.
// tandem.js loads the chunks or that bundle, whichever costs the page less
// (src/tandem.ts): the build writes what each costs into it. Writes the
// transferred sizes (min+gzip) to SIZES.md and fails above the budget: a page
// with any one widget ≤ 22 KB, with all widgets ≤ 35 KB, counting tandem.js and
// everything the loader loads for that page.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { sha256 } from './operations.ts';

export const widgetsDir = fileURLToPath(new URL('..', import.meta.url));
export const distDir = join(widgetsDir, 'dist');
const srcDir = join(widgetsDir, 'src');

/** KB as 1,024 bytes. */
export const BUDGET = { oneWidget: 22 * 1024, allWidgets: 35 * 1024 };

/** Each widget is src/<folder>/tandem-<name>.ts and defines <tandem-name>. */
export function widgetModules(): { tag: string; file: string }[] {
  const found: { tag: string; file: string }[] = [];
  for (const entry of readdirSync(srcDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'core' || entry.name === 'locales') continue;
    for (const file of readdirSync(join(srcDir, entry.name))) {
      const match = /^(tandem-[a-z-]+)\.ts$/.exec(file);
      if (match?.[1]) found.push({ tag: match[1], file: join(srcDir, entry.name, file) });
    }
  }
  return found.sort((a, b) => a.tag.localeCompare(b.tag));
}

/** A module made by the build, importable as `tandem:<name>` from the sources. */
function virtualModule(name: string, contents: () => string): Plugin {
  return {
    name: `tandem-${name}`,
    setup(b) {
      b.onResolve({ filter: new RegExp(`^tandem:${name}$`) }, () => ({ path: name, namespace: 'tandem' }));
      b.onLoad({ filter: new RegExp(`^${name}$`), namespace: 'tandem' }, () => ({
        resolveDir: srcDir,
        loader: 'js',
        contents: contents(),
      }));
    },
  };
}

/** `tandem:widgets`, which the loader imports: tag → dynamic import (a chunk each). */
const widgetsModule = () =>
  virtualModule(
    'widgets',
    () =>
      `export const widgets = {\n${widgetModules()
        .map(({ tag, file }) => `  ${JSON.stringify(tag)}: () => import(${JSON.stringify(file)}),`)
        .join('\n')}\n};\n`,
  );

/** `tandem:all`, the bundle's entry: every widget, statically. */
const allWidgetsModule = () =>
  virtualModule('all', () =>
    widgetModules()
      .map(({ file }) => `import ${JSON.stringify(file)};`)
      .join('\n'),
  );

/**
 * urql's parser and printer are replaced by src/core/graphql-web.ts: every
 * document the widgets send carries its text (see that file).
 */
function noGraphqlParser(): Plugin {
  return {
    name: 'tandem-no-graphql-parser',
    setup(b) {
      b.onResolve({ filter: /^@0no-co\/graphql\.web$/ }, () => ({ path: join(srcDir, 'core', 'graphql-web.ts') }));
    },
  };
}

/** Whitespace and comments out of Lit's css`…` templates, and line breaks with indentation out of html`…` ones. */
export function minifyTemplates(source: string): string {
  return source
    .replace(/\bcss`([^`]*)`/g, (_all, text: string) => {
      const minified = text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};,>])\s*/g, '$1')
        .replace(/:\s+/g, ':')
        .replace(/;}/g, '}')
        .trim();
      return `css\`${minified}\``;
    })
    .replace(/\bhtml`([^`]*)`/g, (_all, text: string) => `html\`${text.replace(/\n\s*/g, ' ')}\``);
}

/**
 * graphql(`query Name …`) becomes graphql.persisted("<sha256>", "Name"): the
 * browser sends only the id (persisted GET), so the text need not be shipped.
 * The id is the sha256 of the trimmed text, as graphql() and the manifest
 * (scripts/operations.ts) compute it. Mutations keep their text, with runs of
 * white space made one. Documents with fragments, interpolations or escapes
 * are left to graphql() at run time.
 */
export function compileOperations(source: string): string {
  return source.replace(/\bgraphql\(\s*`([^`]*)`\s*\)/g, (all, text: string) => {
    if (text.includes('\\') || text.includes('${') || text.includes('"')) return all;
    const trimmed = text.trim();
    const query = /^query\s+(\w+)/.exec(trimmed);
    if (query) return `graphql.persisted(${JSON.stringify(sha256(trimmed))}, ${JSON.stringify(query[1])})`;
    if (/^mutation\s+\w+/.test(trimmed)) return `graphql(\`${trimmed.replace(/\s+/g, ' ')}\`)`;
    return all;
  });
}

function minifiedTemplates(): Plugin {
  return {
    name: 'tandem-minify-templates',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => ({
        contents: minifyTemplates(compileOperations(readFileSync(args.path, 'utf8'))),
        loader: 'ts',
      }));
    },
  };
}

/** Where the build writes the loader's plan into tandem.js (see src/tandem.ts). */
const PLAN_PLACEHOLDER = '__TANDEM_PLAN__';

interface Size {
  files: string[];
  min: number;
  gzip: number;
}

interface Row {
  name: string;
  shape: 'chunks' | 'bundle';
  size: Size;
  later: Size;
  budget: number;
}

const gzipSize = (file: string) => gzipSync(readFileSync(join(distDir, file)), { level: 9 }).byteLength;

function measure(files: Iterable<string>): Size {
  const list = [...files];
  return {
    files: list,
    min: list.reduce((sum, file) => sum + readFileSync(join(distDir, file)).byteLength, 0),
    gzip: list.reduce((sum, file) => sum + gzipSize(file), 0),
  };
}

/**
 * The chunks a widget's page loads: its own and what it imports — statically, and with `lazy` also
 * dynamically (code a widget loads on a visitor's action, e.g. the sign-up form behind "Sign up"). Names relative
 * to dist/.
 */
function chunksOf(metafile: Metafile, output: string, lazy: boolean): Set<string> {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imported of metafile.outputs[path]?.imports ?? []) {
      if (!imported.external && (lazy || imported.kind === 'import-statement')) visit(imported.path);
    }
  };
  visit(output);
  return new Set([...seen].map((path) => relative(distDir, join(widgetsDir, path))));
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function buildWidgets({ quiet = false } = {}) {
  rmSync(distDir, { recursive: true, force: true });
  mkdirSync(distDir, { recursive: true });
  const common: BuildOptions & { metafile: true } = {
    absWorkingDir: widgetsDir,
    bundle: true,
    format: 'esm',
    minify: true,
    // Browsers of the last two years (the theme's light-dark() needs these).
    target: ['chrome123', 'edge123', 'firefox120', 'safari17.5'],
    outdir: distDir,
    entryNames: '[name]-[hash]',
    legalComments: 'eof',
    metafile: true,
    logLevel: quiet ? 'warning' : 'info',
    // The production build of Lit (no dev-mode warnings).
    conditions: ['production'],
  };
  const chunked = await build({
    ...common,
    entryPoints: { tandem: join(srcDir, 'tandem.ts') },
    splitting: true,
    chunkNames: 'chunk-[hash]',
    // A free name the minifier keeps, replaced below by the plan's object literal.
    define: { TANDEM_PLAN: PLAN_PLACEHOLDER },
    plugins: [widgetsModule(), noGraphqlParser(), minifiedTemplates()],
  });
  const bundled = await build({
    ...common,
    entryPoints: { 'tandem-all': 'tandem:all' },
    plugins: [allWidgetsModule(), noGraphqlParser(), minifiedTemplates()],
  });
  const metafile = chunked.metafile;
  const bundleOutput = Object.keys(bundled.metafile.outputs).find((output) => output.endsWith('.js'));
  if (!bundleOutput) throw new Error('esbuild produced no bundle');
  const bundle = relative(distDir, join(widgetsDir, bundleOutput));

  // The entry keeps a fixed name: partners' pages point at /widgets/tandem.js.
  const entryOutput = Object.keys(metafile.outputs).find(
    (output) => metafile.outputs[output]?.entryPoint === 'src/tandem.ts',
  );
  if (!entryOutput) throw new Error('esbuild produced no tandem.js');
  renameSync(join(widgetsDir, entryOutput), join(distDir, 'tandem.js'));

  // The loader's plan: what each shape of the code costs a page (src/tandem.ts chooses with it).
  const chunks = Object.keys(metafile.outputs)
    .filter((output) => output.endsWith('.js') && output !== entryOutput)
    .map((output) => relative(distDir, join(widgetsDir, output)))
    .sort();
  const widgets = widgetModules().map(({ tag, file }) => {
    const source = relative(widgetsDir, file);
    const output = Object.keys(metafile.outputs).find((o) => metafile.outputs[o]?.entryPoint === source);
    if (!output) throw new Error(`no chunk for ${source}`);
    return { tag, now: chunksOf(metafile, output, false), later: chunksOf(metafile, output, true) };
  });
  const plan = {
    bundle: `./${bundle}`,
    bundleBytes: gzipSize(bundle),
    chunkBytes: chunks.map(gzipSize),
    needs: Object.fromEntries(widgets.map(({ tag, later }) => [tag, [...later].map((c) => chunks.indexOf(c))])),
  };
  const loaderFile = join(distDir, 'tandem.js');
  const loader = readFileSync(loaderFile, 'utf8');
  if (loader.split(PLAN_PLACEHOLDER).length !== 2) throw new Error(`tandem.js should hold ${PLAN_PLACEHOLDER} once`);
  writeFileSync(loaderFile, loader.replace(PLAN_PLACEHOLDER, JSON.stringify(plan)));

  /** What the loader loads for a page with these widgets (the same choice as src/tandem.ts makes). */
  const page = (name: string, tags: typeof widgets, budget: number): Row => {
    const union = (key: 'now' | 'later') => new Set(tags.flatMap((w) => [...w[key]]));
    const later = union('later');
    const shape = [...later].reduce((sum, c) => sum + gzipSize(c), 0) > plan.bundleBytes ? 'bundle' : 'chunks';
    if (shape === 'bundle') {
      const size = measure(['tandem.js', bundle]);
      return { name, shape, size, later: size, budget };
    }
    return {
      name,
      shape,
      size: measure(['tandem.js', ...union('now')]),
      later: measure(['tandem.js', ...later]),
      budget,
    };
  };
  const rows: Row[] = [
    ...widgets.map((w) => page(`<${w.tag}>`, [w], BUDGET.oneWidget)),
    page('all widgets', widgets, BUDGET.allWidgets),
  ];
  const allAsChunks = measure(['tandem.js', ...chunks]);

  const over = rows.filter((row) => row.size.gzip > row.budget);
  const table = [
    '| page with | loads | files | minified | min+gzip | budget | within | with what it loads on demand (min+gzip) |',
    '|---|---|---:|---:|---:|---:|---|---:|',
    ...rows.map(
      ({ name, shape, size, later, budget }) =>
        `| ${name.replace(/</g, '&lt;')} | ${shape} | ${size.files.length} | ${kb(size.min)} | ${kb(size.gzip)} | ${kb(budget)} | ${size.gzip <= budget ? 'yes' : '**no**'} | ${later.gzip === size.gzip ? '' : `${kb(later.gzip)} (${later.files.length} files)`} |`,
    ),
  ].join('\n');
  writeFileSync(
    join(widgetsDir, 'SIZES.md'),
    `# Widget sizes\n\nWritten by \`npm run build --workspace @tandem/widgets\` (scripts/build.ts); the build fails above the budget.\n` +
      `What a page transfers when the widgets' elements appear: /widgets/tandem.js and the code it loads, each file\n` +
      `minified and gzipped on its own (level 9), as the API serves them. Both languages are in every widget's code.\n\n` +
      `tandem.js loads the code in one of two shapes, whichever the page's widgets cost less in (src/tandem.ts):\n` +
      `- **chunks**: each widget's chunk and the chunks it imports (Lit, @urql/core and the core are shared);\n` +
      `- **bundle**: every widget in one file (${kb(plan.bundleBytes)}), which compresses better than all the chunks together\n` +
      `  (${kb(allAsChunks.gzip - gzipSize('tandem.js'))} in ${chunks.length} files).\n\n` +
      `The last column adds what a widget loads only on a visitor's action (e.g. the sign-up form behind "Sign up" in\n` +
      `<tandem-opportunities>); the loader counts it when it chooses. KB = 1,024 bytes.\n\n${table}\n`,
  );
  if (!quiet) console.log(`\n${table}\n`);
  return { rows, over };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { over } = await buildWidgets();
  if (over.length) {
    console.error(
      `Over budget: ${over.map((row) => `${row.name} ${kb(row.size.gzip)} > ${kb(row.budget)}`).join(', ')}`,
    );
    // `npm start` builds with --no-gate: a size regression is the tests' business, not a reason not to serve.
    if (!process.argv.includes('--no-gate')) process.exit(1);
  }
  if (!existsSync(join(distDir, 'tandem.js'))) process.exit(1);
  console.log(`Built ${relative(process.cwd(), distDir) || 'dist'}/ (${readdirSync(distDir).length} files)`);
}
