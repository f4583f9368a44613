import { hash, randomBytes } from 'node:crypto';

/**
 * Session tokens, one-time link tokens and API keys are stored as SHA-256
 * hashes: they carry 256 random bits, so a fast hash is enough and lookups
 * stay a single indexed equality. Passwords use scrypt (passwords.ts).
 */
export function hashSecret(secret: string): string {
  // One-shot: about a third of createHash's time.
  return hash('sha256', secret, 'hex');
}

/** A new opaque secret with a readable prefix, e.g. "ts_…" for sessions. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}
