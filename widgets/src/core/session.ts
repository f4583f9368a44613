// The signed-in volunteer's session token, one per API origin, kept in
// localStorage so every widget on the page (and other tabs) shares it.

const PREFIX = 'tandem.session.';
// When storage is unavailable (blocked third-party storage, private modes) the session lives as long as the page.
const memory = new Map<string, string>();
const listeners = new Set<(origin: string) => void>();

const originOf = (api: string) => {
  try {
    return new URL(api).origin;
  } catch {
    return api;
  }
};

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The session token for this API, or null when nobody is signed in. */
export function getSession(api: string): string | null {
  const origin = originOf(api);
  try {
    const stored = storage()?.getItem(PREFIX + origin);
    if (stored) return stored;
  } catch {
    // Storage refused: the in-memory copy is all there is.
  }
  return memory.get(origin) ?? null;
}

/** Stores (token) or forgets (null) the session for this API and tells every widget. */
export function setSession(api: string, token: string | null): void {
  const origin = originOf(api);
  if (token) memory.set(origin, token);
  else memory.delete(origin);
  try {
    if (token) storage()?.setItem(PREFIX + origin, token);
    else storage()?.removeItem(PREFIX + origin);
  } catch {
    // Kept in memory only.
  }
  for (const listener of listeners) listener(origin);
}

/** Calls `listener(apiOrigin)` whenever a session starts or ends (here or in another tab); returns the unsubscribe. */
export function onSessionChange(listener: (origin: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

globalThis.addEventListener?.('storage', (event: StorageEvent) => {
  if (!event.key?.startsWith(PREFIX)) return;
  const origin = event.key.slice(PREFIX.length);
  for (const listener of listeners) listener(origin);
});

export { originOf };
