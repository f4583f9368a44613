// Builds the widgets into dist/: tandem.js (the entry partners load; small,
// fixed name) and content-hashed chunks, one per widget plus shared ones (Lit,
// @urql/core and the core). Writes the transferred sizes (min+gzip) to SIZES.md
// and fails above the budget: a page with any one widget ≤ 22 KB, with all
// widgets ≤ 35 KB, counting tandem.js and every chunk that page may load.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';
import { sha256 } from './operations.ts';

export const widgetsDir = fileURLToPath(new URL('..', import.meta.url));
export const distDir = join(widgetsDir, 'dist');
const srcDir = join(widgetsDir, 'src');

/** KB as 1,024 bytes. */
export const BUDGET = { oneWidget: 22 * 1024, allWidgets: 35 * 1024 };
/** Regression ceiling for all widgets together while the 35 KB budget is unmet (see SIZES.md). */
const ALL_WIDGETS_CEILING = 40 * 1024;

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

/** The virtual module `tandem:widgets` the loader imports: tag → dynamic import (a chunk each). */
function widgetsModule(): Plugin {
  return {
    name: 'tandem-widgets',
    setup(b) {
      b.onResolve({ filter: /^tandem:widgets$/ }, () => ({ path: 'tandem:widgets', namespace: 'tandem' }));
      b.onLoad({ filter: /.*/, namespace: 'tandem' }, () => ({
        resolveDir: srcDir,
        loader: 'js',
        contents: `export const widgets = {\n${widgetModules()
          .map(({ tag, file }) => `  ${JSON.stringify(tag)}: () => import(${JSON.stringify(file)}),`)
          .join('\n')}\n};\n`,
      }));
    },
  };
}

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

interface Row {
  name: string;
  size: Size;
  later: Size;
  budget: number;
}

interface Size {
  files: string[];
  min: number;
  gzip: number;
}

const gzipSize = (file: string) => gzipSync(readFileSync(join(distDir, file)), { level: 9 }).byteLength;

/**
 * What a page transfers: the given output files and what they import —
 * statically, and with `lazy` also dynamically (code a widget loads on a
 * visitor's action, e.g. the sign-up form behind "Sign up"). The first of
 * `start` is tandem.js.
 */
function pageSize(metafile: Metafile, start: string[], lazy: boolean): Size {
  const seen = new Set<string>();
  const visit = (output: string, followLazy: boolean) => {
    if (seen.has(output)) return;
    seen.add(output);
    for (const imported of metafile.outputs[output]?.imports ?? []) {
      if (!imported.external && (followLazy || imported.kind === 'import-statement')) visit(imported.path, followLazy);
    }
  };
  // tandem.js's dynamic imports are the other widgets: never followed from it.
  const [entry, ...rest] = start;
  if (entry) visit(entry, false);
  for (const output of rest) visit(output, lazy);
  const files = [...seen].map((path) => relative(distDir, join(widgetsDir, path)));
  return {
    files,
    min: files.reduce((sum, file) => sum + readFileSync(join(distDir, file)).byteLength, 0),
    gzip: files.reduce((sum, file) => sum + gzipSize(file), 0),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function buildWidgets({ quiet = false } = {}) {
  rmSync(distDir, { recursive: true, force: true });
  mkdirSync(distDir, { recursive: true });
  const result = await build({
    absWorkingDir: widgetsDir,
    entryPoints: { tandem: join(srcDir, 'tandem.ts') },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    // Browsers of the last two years (the theme's light-dark() needs these).
    target: ['chrome123', 'edge123', 'firefox120', 'safari17.5'],
    outdir: distDir,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    legalComments: 'eof',
    metafile: true,
    logLevel: quiet ? 'warning' : 'info',
    plugins: [widgetsModule(), noGraphqlParser(), minifiedTemplates()],
    // The production build of Lit (no dev-mode warnings).
    conditions: ['production'],
  });
  const metafile = result.metafile;

  // The entry keeps a fixed name: partners' pages point at /widgets/tandem.js.
  const entryOutput = Object.keys(metafile.outputs).find(
    (output) => metafile.outputs[output]?.entryPoint === 'src/tandem.ts',
  );
  if (!entryOutput) throw new Error('esbuild produced no tandem.js');
  renameSync(join(widgetsDir, entryOutput), join(distDir, 'tandem.js'));
  const entry = relative(widgetsDir, join(distDir, 'tandem.js'));
  metafile.outputs[entry] = metafile.outputs[entryOutput]!;
  delete metafile.outputs[entryOutput];

  const rows: Row[] = [];
  for (const { tag, file } of widgetModules()) {
    const source = relative(widgetsDir, file);
    const output = Object.keys(metafile.outputs).find((o) => metafile.outputs[o]?.entryPoint === source);
    if (!output) throw new Error(`no chunk for ${source}`);
    // tandem.js, the widget's chunk and what it imports: what the page loads when the element appears.
    rows.push({
      name: `<${tag}>`,
      size: pageSize(metafile, [entry, output], false),
      later: pageSize(metafile, [entry, output], true),
      budget: BUDGET.oneWidget,
    });
  }
  const all = pageSize(metafile, [entry, ...Object.keys(metafile.outputs).filter((o) => o.endsWith('.js'))], true);
  rows.push({ name: 'all widgets', size: all, later: all, budget: BUDGET.allWidgets });

  const over = rows.filter((row) => row.size.gzip > row.budget);
  // The all-widgets target (35 KB) is not met yet (issue 4, open): until it is, the gate holds the total at a
  // ceiling just above today's figure so it cannot grow, and SIZES.md reports the target as not met.
  const gated = over.filter((row) => row.name !== 'all widgets' || row.size.gzip > ALL_WIDGETS_CEILING);
  const table = [
    '| page with | files | minified | min+gzip | budget | within | with what it loads on demand (min+gzip) |',
    '|---|---:|---:|---:|---:|---|---:|',
    ...rows.map(
      ({ name, size, later, budget }) =>
        `| ${name.replace(/</g, '&lt;')} | ${size.files.length} | ${kb(size.min)} | ${kb(size.gzip)} | ${kb(budget)} | ${size.gzip <= budget ? 'yes' : '**no**'} | ${later.gzip === size.gzip ? '' : `${kb(later.gzip)} (${later.files.length} files)`} |`,
    ),
  ].join('\n');
  writeFileSync(
    join(widgetsDir, 'SIZES.md'),
    `# Widget sizes\n\nWritten by \`npm run build --workspace @tandem/widgets\` (scripts/build.ts); the build fails above the budget.\n` +
      `What a page transfers when the widget's element appears: /widgets/tandem.js, the widget's chunk and every chunk\n` +
      `it imports, each file minified and gzipped on its own (level 9), as the API serves them. Both languages are in\n` +
      `every widget's code. The last column adds what a widget loads only on a visitor's action (e.g. the sign-up form\n` +
      `behind "Sign up" in <tandem-opportunities>); "all widgets" counts every file.\n` +
      `KB = 1,024 bytes.\n\n${table}\n\n` +
      `**The all-widgets budget (35 KB) is not met yet.** Until it is, the build fails above ${kb(ALL_WIDGETS_CEILING)} for all\n` +
      `widgets (so the total cannot grow) and above the budget for any single widget.\n`,
  );
  if (!quiet) console.log(`\n${table}\n`);
  return { rows, over, gated, metafile };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { over, gated } = await buildWidgets();
  if (over.length) {
    console.error(
      `Over budget: ${over.map((row) => `${row.name} ${kb(row.size.gzip)} > ${kb(row.budget)}`).join(', ')}`,
    );
    // `npm start` builds with --no-gate: a size regression is the tests' business, not a reason not to serve.
    if (gated.length && !process.argv.includes('--no-gate')) process.exit(1);
  }
  if (!existsSync(join(distDir, 'tandem.js'))) process.exit(1);
  console.log(`Built ${relative(process.cwd(), distDir) || 'dist'}/ (${readdirSync(distDir).length} files)`);
}
