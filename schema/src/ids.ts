import { decodeGlobalID } from '@pothos/plugin-relay';
import type { Locale } from './context.ts';
import { NotFoundError } from './errors.ts';

/**
 * Reads a global id of the expected type; anything else (a malformed id, or an
 * id of another type) is reported as not found for that input field.
 */
export function idOf(locale: Locale, globalId: string, typename: string, path: string[]): string {
  try {
    const decoded = decodeGlobalID(globalId);
    if (decoded.typename === typename && decoded.id) return decoded.id;
  } catch {
    // fall through to the typed error
  }
  throw new NotFoundError(locale, path);
}
