import { describe, expect, it } from 'vitest';
import { compileSelection } from '../src/json-select.ts';

/** A selection like the list's, with a filtered relation count whose value varies. */
const selection = (status: unknown) => ({
  select: {
    id: true,
    titleSl: true,
    organization: { select: { name: true } },
    _count: { select: { applications: { where: { status } } } },
  },
});

describe('compiled selections', () => {
  it('are compiled once per shape and reused', () => {
    const first = compileSelection('Opportunity', selection('ACCEPTED'));
    expect(first).not.toBeNull();
    expect(compileSelection('Opportunity', selection('ACCEPTED'))).toBe(first);
  });

  it('are told apart by their filter values', () => {
    const accepted = compileSelection('Opportunity', selection('ACCEPTED'))!;
    const pending = compileSelection('Opportunity', selection('PENDING'))!;
    expect(pending).not.toBe(accepted);
    expect(accepted.json.values).toEqual(['ACCEPTED']);
    expect(pending.json.values).toEqual(['PENDING']);
  });

  it('are not confused with a value JSON would write the same way', () => {
    // A Date filter is not supported (Prisma loads those rows); its ISO text as a string is.
    const at = new Date('2026-11-24T00:00:00.000Z');
    expect(compileSelection('Opportunity', selection(at.toISOString()))).not.toBeNull();
    expect(compileSelection('Opportunity', selection(at))).toBeNull();
  });

  it('keep a bounded number of shapes, dropping the oldest', () => {
    const oldest = compileSelection('Opportunity', selection('oldest'));
    for (let i = 0; i < 250; i += 1) compileSelection('Opportunity', selection(`status ${i}`));
    const again = compileSelection('Opportunity', selection('oldest'));
    expect(again).not.toBe(oldest);
    expect(again!.json.sql).toBe(oldest!.json.sql);
  });
});
