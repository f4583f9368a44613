// JSON text that goes into an answer as it is: parts of an answer that
// PostgreSQL has already written (sql-render.ts). JSON.stringify cannot emit
// raw text, so stringifyWithRawJson writes a placeholder string for each and
// splices the texts in afterwards. Anything else that serialises an answer
// (a cache store, a test) gets the parsed value instead: slower, same JSON.

/** Set while stringifyWithRawJson runs (JSON.stringify is synchronous): the texts met so far. */
let splicing: string[] | null = null;

// A NUL (escaped by JSON.stringify to \u0000) and a per-process nonce: no string of data can look like it.
const NONCE = Math.random().toString(36).slice(2, 10);
const PLACEHOLDER = new RegExp(`"\\\\u0000${NONCE}:(\\d+)"`, 'g');

export class RawJson {
  /** `text` must be one valid JSON value. */
  constructor(readonly text: string) {}

  toJSON(): unknown {
    if (splicing) return `\u0000${NONCE}:${splicing.push(this.text) - 1}`;
    return JSON.parse(this.text);
  }
}

/** JSON.stringify, with each RawJson's text written in place. */
export function stringifyWithRawJson(value: unknown): string {
  const texts: string[] = [];
  splicing = texts;
  let json: string;
  try {
    json = JSON.stringify(value);
  } finally {
    splicing = null;
  }
  return texts.length ? json.replace(PLACEHOLDER, (_, index: string) => texts[Number(index)]!) : json;
}
