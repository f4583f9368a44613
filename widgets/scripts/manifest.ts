// The Custom Elements Manifest (custom-elements.json, from the widgets' JSDoc by
// @custom-elements-manifest/analyzer) and the README's widget section rendered from it,
// between the markers below in the root README.md.
// `npm run manifest --workspace @tandem/widgets` writes both; test/generated.test.ts fails when either is stale.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const widgetsDir = fileURLToPath(new URL('..', import.meta.url));
export const manifestFile = join(widgetsDir, 'custom-elements.json');
export const readmeFile = join(widgetsDir, '..', 'README.md');
export const START = '<!-- tandem-widgets:start -->';
export const END = '<!-- tandem-widgets:end -->';

interface Documented {
  name: string;
  description?: string;
  default?: string;
  inheritedFrom?: { name: string };
  type?: { text: string };
}

interface Declaration {
  name: string;
  tagName?: string;
  summary?: string;
  description?: string;
  attributes?: Documented[];
  events?: Documented[];
  cssParts?: Documented[];
  cssProperties?: Documented[];
}

interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

/** Runs the analyzer and returns the manifest's text (as the file holds it). */
export function analyze(): string {
  const cli = join(
    dirname(createRequire(import.meta.url).resolve('@custom-elements-manifest/analyzer/package.json')),
    'cem.js',
  );
  const out = mkdtempSync(join(tmpdir(), 'tandem-cem-'));
  try {
    execFileSync(
      process.execPath,
      // The analyzer joins --outdir to the working directory.
      [
        cli,
        'analyze',
        '--config',
        'custom-elements-manifest.config.mjs',
        '--outdir',
        relative(widgetsDir, out),
        '--quiet',
      ],
      { cwd: widgetsDir, stdio: 'pipe' },
    );
    return readFileSync(join(out, 'custom-elements.json'), 'utf8');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const oneLine = (text = '') =>
  text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();

function table(head: string[], rows: string[][]): string {
  if (!rows.length) return '';
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** The README's widget section for this manifest. */
export function renderReadmeSection(manifestText: string): string {
  const manifest = JSON.parse(manifestText) as Manifest;
  const widgets = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.tagName)
    .sort((a, b) => a.tagName!.localeCompare(b.tagName!));
  const base = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.name === 'TandemElement');
  const common = (base?.attributes ?? []).map((a) => a.name);

  const out: string[] = [
    START,
    '<!-- Generated from widgets/custom-elements.json by `npm run manifest --workspace @tandem/widgets`; edit the',
    "widgets' JSDoc, not this section. -->",
    '',
    'What to paste: the script once per page, and each widget where it should appear (the full list below):',
    '',
    '```html',
    '<script type="module" src="https://tandem.example.org/widgets/tandem.js"></script>',
    '<tandem-opportunities key="pk_…"></tandem-opportunities>',
    '```',
    '',
    `Every widget takes ${common.map((n) => `\`${n}\``).join(', ')}:`,
    '',
    table(
      ['attribute', 'meaning'],
      (base?.attributes ?? []).map((a) => [`\`${a.name}\``, oneLine(a.description)]),
    ),
    '',
    'and these CSS custom properties (set them on the element or any ancestor):',
    '',
    table(
      ['custom property', 'what it sets'],
      (base?.cssProperties ?? []).map((p) => [`\`${p.name}\``, oneLine(p.description)]),
    ),
    '',
  ];
  for (const w of widgets) {
    const own = (w.attributes ?? []).filter((a) => !common.includes(a.name));
    out.push(`### \`<${w.tagName}>\``, '', oneLine(w.summary ?? w.description), '');
    if (own.length) {
      out.push(
        table(
          ['attribute', 'meaning'],
          own.map((a) => [`\`${a.name}\``, oneLine(a.description)]),
        ),
        '',
      );
    }
    if (w.events?.length) {
      out.push(
        table(
          ['event', 'detail and when'],
          w.events.map((e) => [`\`${e.name}\``, oneLine(e.description)]),
        ),
        '',
      );
    }
    if (w.cssParts?.length) {
      out.push(
        `CSS parts: ${w.cssParts.map((p) => `\`${p.name}\` (${oneLine(p.description).replace(/\.$/, '')})`).join(', ')}.`,
        '',
      );
    }
  }
  out.push(END);
  return out.join('\n');
}

/** README.md with its widget section replaced. */
export function withSection(readme: string, section: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} markers`);
  return readme.slice(0, start) + section + readme.slice(end + END.length);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const manifest = analyze();
  writeFileSync(manifestFile, manifest);
  writeFileSync(readmeFile, withSection(readFileSync(readmeFile, 'utf8'), renderReadmeSection(manifest)));
  console.log('Wrote widgets/custom-elements.json and the widget section of README.md');
}
