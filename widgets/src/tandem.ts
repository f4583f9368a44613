// /widgets/tandem.js — the one script a partner page loads:
//   <script type="module" src="https://api.example.org/widgets/tandem.js"></script>
// It holds no widget code: it watches the page (and the shadow roots of
// Tandem's own widgets) for `tandem-*` elements and imports the code of those
// that appear, once each.
//
// The code comes in one of two shapes, chosen once per page when the first
// elements are found, by what the page would transfer:
//  - chunks: each widget's own chunk and the shared one (Lit, @urql/core, the
//    core) it imports: the cheapest for a page with one or two widgets;
//  - the bundle: every widget in one file, which compresses better than the
//    chunks taken together: the cheapest for a page with most widgets.
// Never both: the two shapes carry their own copy of the core (sessions,
// clients), and the widgets on a page must share one.
import { widgets } from 'tandem:widgets';

/** What the build measured (scripts/build.ts writes it in): gzip bytes, as the API serves the files. */
interface Plan {
  /** The bundle's file name, beside tandem.js. */
  bundle: string;
  bundleBytes: number;
  chunkBytes: number[];
  /** Per tag, the chunks its page may load (its own, what it imports, and what it opens on a visitor's action). */
  needs: Record<string, number[]>;
}
declare const TANDEM_PLAN: Plan;
const plan = TANDEM_PLAN;

const requested = new Set<string>();
const selector = Object.keys(widgets).join(',');
let shape: 'chunks' | 'bundle' | undefined;

function cheaperShape(tags: Iterable<string>): 'chunks' | 'bundle' {
  const chunks = new Set<number>();
  for (const tag of tags) for (const chunk of plan.needs[tag] ?? []) chunks.add(chunk);
  let bytes = 0;
  for (const chunk of chunks) bytes += plan.chunkBytes[chunk] ?? 0;
  return bytes > plan.bundleBytes ? 'bundle' : 'chunks';
}

function failed(what: string, error: unknown): void {
  console.error(`Tandem: could not load ${what}`, error);
}

function loadBundle(): void {
  for (const tag of Object.keys(widgets)) requested.add(tag);
  import(new URL(plan.bundle, import.meta.url).href).catch((error: unknown) => {
    // The next element that appears tries again (e.g. after a network error).
    requested.clear();
    shape = undefined;
    failed('the widgets', error);
  });
}

function loadChunk(tag: string): void {
  const importWidget = widgets[tag];
  if (!importWidget || requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  importWidget().catch((error: unknown) => {
    // Another element of this kind may try again.
    requested.delete(tag);
    failed(`<${tag}>`, error);
  });
}

function scan(root: ParentNode): void {
  const tags = new Set<string>();
  if (root instanceof Element && root.localName in widgets) tags.add(root.localName);
  if (selector) for (const element of root.querySelectorAll(selector)) tags.add(element.localName);
  if (!tags.size) return;
  shape ??= cheaperShape(tags);
  if (shape === 'bundle') {
    if (!requested.size) loadBundle();
  } else for (const tag of tags) loadChunk(tag);
}

function watch(root: Document | ShadowRoot | Node): void {
  scan(root as ParentNode);
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  }).observe(root, { childList: true, subtree: true });
}

(globalThis as { [key: symbol]: unknown })[Symbol.for('tandem.watch')] = watch;
watch(document);
