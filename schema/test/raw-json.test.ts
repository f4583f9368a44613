import { describe, expect, it } from 'vitest';
import { encodeWithRawJson, RawJson } from '../src/raw-json.ts';

/** An answer with rendered rows, as the lean executor builds it. */
const answer = (texts: string[]) => ({
  data: { list: { totalCount: texts.length, nodes: texts.map((text) => new RawJson(text)) } },
});
const decoded = (encoded: string | Buffer) => {
  expect(Buffer.isBuffer(encoded)).toBe(true);
  return JSON.parse((encoded as Buffer).toString('utf8')) as unknown;
};

describe('encodeWithRawJson', () => {
  it('answers JSON.stringify’s text when nothing is rendered', () => {
    const value = { data: { name: 'Žalec', n: 1 } };
    expect(encodeWithRawJson(value)).toBe(JSON.stringify(value));
  });

  it('writes each rendered text in its place, in UTF-8', () => {
    const rows = ['{"title":"Pomoč učencem","emoji":"🌱"}', '{"title":"Kuhinja \\"Pri Šoli\\""}', 'null'];
    expect(decoded(encodeWithRawJson(answer(rows)))).toEqual({
      data: { list: { totalCount: 3, nodes: rows.map((row) => JSON.parse(row) as unknown) } },
    });
  });

  it('answers a later call without changing an earlier answer', () => {
    const first = encodeWithRawJson(answer(['{"a":"č"}'])) as Buffer;
    const copy = Buffer.from(first);
    encodeWithRawJson(answer(['{"b":"a much longer text, written over the first one"}']));
    expect(first.equals(copy)).toBe(true);
  });

  it('encodes answers larger than its scratch buffer the same way', () => {
    // 40 rows of ~20,000 two-byte characters: far past the 512 kB scratch buffer's bound.
    const rows = Array.from({ length: 40 }, (_, i) => JSON.stringify({ i, text: `${i}čšž`.repeat(5_000) }));
    const encoded = encodeWithRawJson(answer(rows)) as Buffer;
    expect(encoded.length).toBeGreaterThan(512 * 1024);
    expect(decoded(encoded)).toEqual({
      data: { list: { totalCount: 40, nodes: rows.map((row) => JSON.parse(row) as unknown) } },
    });
  });

  it('gives the parsed value to any other serialiser', () => {
    expect(JSON.stringify({ row: new RawJson('{"a":[1,2]}') })).toBe('{"row":{"a":[1,2]}}');
  });
});
