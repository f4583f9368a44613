/** A fixed-window counter: how many hits a bucket has had in its current window. */
export interface RateLimitStore {
  /** Counts one hit in the bucket and returns the count so far and ms until the window resets. */
  hit(bucket: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
  close(): Promise<void>;
}
