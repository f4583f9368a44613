// JSON text that goes into an answer as it is: parts of an answer that
// PostgreSQL has already written (sql-render.ts). JSON.stringify cannot emit
// raw text, so encodeWithRawJson writes a placeholder string for each and
// writes the texts in their places while it encodes the answer. Anything else
// that serialises an answer (a cache store, a test) gets the parsed value
// instead: slower, same JSON.

/** Set while encodeWithRawJson runs (JSON.stringify is synchronous): the texts met so far. */
let splicing: string[] | null = null;

// A NUL (escaped by JSON.stringify to \u0000) and a per-process nonce: no string of data can look like it.
const NONCE = Math.random().toString(36).slice(2, 10);
const PLACEHOLDER = new RegExp(`"\\\\u0000${NONCE}:(\\d+)"`);

export class RawJson {
  /** `text` must be one valid JSON value. */
  constructor(readonly text: string) {}

  toJSON(): unknown {
    if (splicing) return `\u0000${NONCE}:${splicing.push(this.text) - 1}`;
    return JSON.parse(this.text);
  }
}

/**
 * JSON.stringify's text, or, when the value holds RawJson, the answer's UTF-8
 * bytes with each RawJson's text in its place. Encoding the pieces straight
 * into one buffer spares two copies of a large answer as a JS string: the
 * spliced text, and the one node:http makes when it prepends the headers.
 */
export function encodeWithRawJson(value: unknown): string | Buffer {
  const texts: string[] = [];
  splicing = texts;
  let json: string;
  try {
    json = JSON.stringify(value);
  } finally {
    splicing = null;
  }
  if (!texts.length) return json;
  // split with a capturing group: JSON, index of a text, JSON, …, JSON.
  const pieces = json.split(PLACEHOLDER);
  for (let i = 1; i < pieces.length; i += 2) pieces[i] = texts[Number(pieces[i])]!;
  let bound = 0;
  for (const piece of pieces) bound += piece.length * 3; // UTF-8 takes at most 3 bytes per UTF-16 unit
  // Encoded once, into the scratch buffer (a buffer of the bound for larger answers), and copied
  // out at its size: cheaper than measuring each piece's UTF-8 length first, which reads the
  // whole answer an extra time.
  const target = bound <= scratch.length ? scratch : Buffer.allocUnsafe(bound);
  let at = 0;
  for (const piece of pieces) at += target.write(piece, at);
  return Buffer.from(target.subarray(0, at));
}

/** Where encodeWithRawJson encodes answers up to its size (a list page of 100 is about 100 kB). */
const scratch = Buffer.allocUnsafe(512 * 1024);
