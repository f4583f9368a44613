import { decodeGlobalID } from '@pothos/plugin-relay';
import type { Locale } from './context.ts';
import { NotFoundError } from './errors.ts';

/** The row id in a global id of the expected type, or null for anything else. */
export function rowIdOf(globalId: string, typename: string): string | null {
  try {
    const decoded = decodeGlobalID(globalId);
    return decoded.typename === typename && decoded.id ? decoded.id : null;
  } catch {
    return null;
  }
}

/**
 * Reads a global id of the expected type; anything else (a malformed id, or an
 * id of another type) is reported as not found for that input field.
 */
export function idOf(locale: Locale, globalId: string, typename: string, path: string[]): string {
  const id = rowIdOf(globalId, typename);
  if (!id) throw new NotFoundError(locale, path);
  return id;
}
