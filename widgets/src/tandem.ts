// /widgets/tandem.js — the one script a partner page loads:
//   <script type="module" src="https://api.example.org/widgets/tandem.js"></script>
// It holds no widget code: it watches the page (and the shadow roots of
// Tandem's own widgets) for `tandem-*` elements and imports the code of those
// that appear, once each. Lit, @urql/core and the core land in a shared chunk
// that the first widget brings along.
import { widgets } from 'tandem:widgets';

const requested = new Set<string>();
const selector = Object.keys(widgets).join(',');

function load(tag: string): void {
  const importWidget = widgets[tag];
  if (!importWidget || requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  importWidget().catch((error: unknown) => {
    // Another element of this kind may try again (e.g. after a network error).
    requested.delete(tag);
    console.error(`Tandem: could not load <${tag}>`, error);
  });
}

function scan(root: ParentNode): void {
  if (root instanceof Element) load(root.localName);
  if (selector) for (const element of root.querySelectorAll(selector)) load(element.localName);
}

function watch(root: Document | ShadowRoot | Node): void {
  scan(root as ParentNode);
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  }).observe(root, { childList: true, subtree: true });
}

(globalThis as { [key: symbol]: unknown })[Symbol.for('tandem.watch')] = watch;
watch(document);
