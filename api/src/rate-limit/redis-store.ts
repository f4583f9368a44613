import { Redis } from 'ioredis';
import type { RateLimitStore } from './store.ts';

// INCR and the first PEXPIRE in one atomic step, so a crash between them
// cannot leave a counter that never expires.
const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }`;

/** Counters in Redis (REDIS_URL): every API process shares the same limits. */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: Redis;

  constructor(url: string) {
    // One retry, then the hit fails and the plugin lets the request through (see plugin.ts).
    this.redis = new Redis(url, { maxRetriesPerRequest: 1 });
  }

  async hit(bucket: string, windowMs: number) {
    const [count, ttl] = (await this.redis.eval(HIT, 1, `tandem:rl:${bucket}`, windowMs)) as [number, number];
    return { count, resetInMs: ttl > 0 ? ttl : windowMs };
  }

  async close() {
    await this.redis.quit();
  }
}
