import type { Context } from './context.ts';

/**
 * Loads values for many keys of one request with one statement: keys asked
 * for before the event loop turns are gathered, then `load` runs once for all
 * of them (lists of records ask for the same field of every item).
 */
export function batched<V>(load: (ctx: Context, keys: string[]) => Promise<Map<string, V>>, missing: () => V) {
  const open = new WeakMap<Context, { keys: Set<string>; result: Promise<Map<string, V>> }>();
  return (ctx: Context, key: string): Promise<V> => {
    let batch = open.get(ctx);
    if (!batch) {
      const keys = new Set<string>();
      const result = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        open.delete(ctx);
        return load(ctx, [...keys]);
      });
      batch = { keys, result };
      open.set(ctx, batch);
    }
    batch.keys.add(key);
    return batch.result.then((values) => values.get(key) ?? missing());
  };
}
