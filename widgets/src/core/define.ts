/** Registers a widget once: a page may load tandem.js twice (two script tags, or two versions). */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
