import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/**
 * Cost parameters for new hashes. Each stored hash carries its own, so they
 * can be raised later without invalidating existing passwords. N = 2^15, r = 8
 * takes 32 MiB and roughly 50–100 ms per hash, which is also what bounds the
 * rate of guessing online.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** Upper bound for the parameters we accept from stored hashes (so a tampered row cannot exhaust memory). */
const MAX_N = 2 ** 20;

function derive(password: string, salt: Buffer, { N, r, p }: { N: number; r: number; p: number }, keyLength: number) {
  // scrypt needs 128 * N * r bytes; Node's default maxmem (32 MiB) is exactly
  // that for N = 2^15, r = 8, so leave room above it.
  const options: ScryptOptions = { N, r, p, maxmem: 128 * N * r * 2 };
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$hash` with base64url salt and hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, COST, KEY_LENGTH);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parse(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64url');
  const key = Buffer.from(parts[5]!, 'base64url');
  const powerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > MAX_N || !(r >= 1 && r <= 32) || !(p >= 1 && p <= 16)) return null;
  if (salt.length < 8 || key.length < 16) return null;
  return { N, r, p, salt, key };
}

// A hash of a random password: verifying against it costs the same as a real
// check and never succeeds. Made once, on first use.
let dummy: Promise<ParsedHash> | undefined;
function dummyHash(): Promise<ParsedHash> {
  dummy ??= hashPassword(randomBytes(24).toString('base64url')).then((h) => parse(h)!);
  return dummy;
}

/**
 * Whether the password matches the stored hash. With no hash (no such user,
 * or no password set) it still runs a full scrypt against a dummy hash, so the
 * answer takes as long whether or not the account exists.
 */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const parsed = stored ? parse(stored) : null;
  const target = parsed ?? (await dummyHash());
  const key = await derive(password, target.salt, target, target.key.length);
  return timingSafeEqual(key, target.key) && parsed !== null;
}

/** Whether a stored hash was made with weaker parameters than today's (rehash on the next successful sign-in). */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.N < COST.N || parsed.r < COST.r || parsed.key.length < KEY_LENGTH;
}
