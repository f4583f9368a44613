/** A small cache whose entries expire; the oldest entries go first when it is full. */
export class ExpiringCache<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();
  private readonly pending = new Map<string, Promise<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  /** The remembered value, if it has not expired; no promise, so a hit costs the request no microtask. */
  peek(key: string): T | undefined {
    const hit = this.entries.get(key);
    return hit && hit.expires > Date.now() ? hit.value : undefined;
  }

  /** The remembered value, or the one `load` gives (then remembered). Values must not be undefined. */
  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.peek(key);
    if (hit !== undefined) return Promise.resolve(hit);
    // Concurrent misses share one load (one database lookup).
    let loading = this.pending.get(key);
    if (!loading) {
      loading = load()
        .then((value) => {
          this.entries.delete(key);
          if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
          this.entries.set(key, { value, expires: Date.now() + this.ttlMs });
          return value;
        })
        .finally(() => this.pending.delete(key));
      this.pending.set(key, loading);
    }
    return loading;
  }
}
