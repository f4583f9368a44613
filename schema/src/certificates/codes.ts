import { randomBytes } from 'node:crypto';
import type { Prisma } from '@tandem/db';

/** Crockford's base32: digits and capitals without I, L, O and U, which are misread or misspelt. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A verification code: 12 symbols of base32 (60 random bits) in three groups,
 * e.g. 7KQ2-M9XD-4TRB. Short enough to type from paper, too many to guess
 * (10^18 codes against a few thousand certificates, with requests rate-limited).
 */
export function newVerificationCode(): string {
  const bytes = randomBytes(12);
  const symbols = [...bytes].map((b) => ALPHABET[b & 31]).join('');
  return `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8, 12)}`;
}

/**
 * A code as someone typed it, in the stored form: case, spaces and dashes do
 * not matter, and O, I and L read as 0, 1 and 1. Null when it cannot be a code.
 */
export function normalizeVerificationCode(input: string): string | null {
  const symbols = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (symbols.length !== 12 || [...symbols].some((c) => !ALPHABET.includes(c))) return null;
  return `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8, 12)}`;
}

/** The calendar year in Slovenia (a certificate issued at 00:30 on 1 January belongs to the new year). */
export function slovenianYear(at: Date): number {
  return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Ljubljana' }).format(at));
}

/**
 * The next number in the organisation's register for the year, e.g. 2026/7.
 * Call inside the issuing transaction: the advisory lock (released at commit)
 * makes concurrent issues of one organisation take turns, so numbers run
 * 1, 2, 3… without gaps or repeats. Numbers are never reused: revoked
 * certificates keep theirs, and certificates are not deleted.
 */
export async function nextRegisterNumber(
  tx: Prisma.TransactionClient,
  organizationId: string,
  year: number,
): Promise<string> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`certificate-register:${organizationId}`}, 0))::text AS locked`;
  const [row] = await tx.$queryRaw<{ last: number | null }[]>`
    SELECT MAX(split_part("registerNumber", '/', 2)::int) AS last FROM "Certificate"
    WHERE "organizationId" = ${organizationId} AND "registerNumber" LIKE ${`${year}/%`}`;
  return `${year}/${(row?.last ?? 0) + 1}`;
}
