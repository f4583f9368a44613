import type { RateLimitStore } from './store.ts';

/** Counters in this process only: right for one API process (the default). */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private hitsSinceSweep = 0;

  hit(bucket: string, windowMs: number) {
    const now = Date.now();
    let window = this.windows.get(bucket);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(bucket, window);
    }
    window.count += 1;
    if (++this.hitsSinceSweep >= 10_000) this.sweep(now);
    return { count: window.count, resetInMs: window.resetAt - now };
  }

  /** Drops finished windows so memory stays bounded by the number of active clients. */
  private sweep(now: number) {
    this.hitsSinceSweep = 0;
    for (const [bucket, window] of this.windows) if (window.resetAt <= now) this.windows.delete(bucket);
  }

  async close() {
    this.windows.clear();
  }
}
