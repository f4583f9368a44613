export interface Hit {
  count: number;
  resetInMs: number;
}

/** A fixed-window counter: how many hits a bucket has had in its current window. */
export interface RateLimitStore {
  /** Counts one hit in the bucket and returns the count so far and ms until the window resets (at once when it can). */
  hit(bucket: string, windowMs: number): Hit | Promise<Hit>;
  close(): Promise<void>;
}
