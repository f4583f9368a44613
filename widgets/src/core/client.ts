import { Client, createRequest, type AnyVariables, type DocumentInput, type OperationResult } from '@urql/core';
import { fetchExchange } from './fetch-exchange.ts';
import type { Lang } from './localize.ts';
import { getSession } from './session.ts';

const clients = new Map<string, Client>();

/**
 * One urql client per API, publishable key and language, shared by all
 * widgets on the page. Headers are computed per request, so signing in or out
 * (session.ts) applies at once without a new client. No document cache: the
 * API's HTTP cache answers the public reads, and widgets refetch after writes.
 */
export function clientFor(api: string, key: string, lang: Lang): Client {
  const id = `${api}\n${key}\n${lang}`;
  let client = clients.get(id);
  if (!client) {
    client = new Client({
      // ?lang= makes the language part of GET URLs, so caches keep the two languages apart.
      url: `${api.replace(/\/$/, '')}/graphql?lang=${lang}`,
      exchanges: [fetchExchange],
      requestPolicy: 'network-only',
      preferGetMethod: false,
      fetchOptions: () => {
        const headers: Record<string, string> = { 'accept-language': lang };
        if (key) headers['x-tandem-key'] = key;
        const token = getSession(api);
        if (token) headers.authorization = `Bearer ${token}`;
        // No cookies: the API authenticates with headers only and its CORS allows no credentials.
        return { headers, credentials: 'omit' };
      },
    });
    clients.set(id, client);
  }
  return client;
}

const hashes = new WeakMap<object, Promise<string | null>>();

/** sha256 of the document's exact text (the persisted-operation id), or null where Web Crypto is missing. */
function persistedHash(document: object): Promise<string | null> {
  const known = (document as { hash?: string }).hash;
  if (known) return Promise.resolve(known);
  let hash = hashes.get(document);
  if (!hash) {
    const text = (document as { loc?: { source: { body: string } } }).loc?.source.body;
    const subtle = globalThis.crypto?.subtle;
    hash =
      text && subtle
        ? subtle
            .digest('SHA-256', new TextEncoder().encode(text))
            .then((digest) => [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join(''))
            .catch(() => null)
        : Promise.resolve(null);
    hashes.set(document, hash);
  }
  return hash;
}

/**
 * Runs a query as a persisted GET (only the hash and variables in the URL), so
 * the API's public cache and the browser's HTTP cache can answer it. An API
 * that does not know the hash (older than these widgets) gets the full query.
 */
export async function runQuery<Data, Variables extends AnyVariables>(
  client: Client,
  document: DocumentInput<Data, Variables>,
  variables: Variables,
): Promise<OperationResult<Data, Variables>> {
  const hash = await persistedHash(document as object);
  if (hash) {
    const request = createRequest(document, variables, { persistedQuery: { version: 1, sha256Hash: hash } });
    const result = await client.executeQuery(request, { preferGetMethod: 'force' }).toPromise();
    const unknown = result.error?.graphQLErrors.some((e) => e.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND');
    // A query the build replaced by its id has no text to fall back on (it is served with its manifest).
    if (!unknown || (document as { hash?: string }).hash) return result;
  }
  return client.query(document, variables).toPromise();
}

export function runMutation<Data, Variables extends AnyVariables>(
  client: Client,
  document: DocumentInput<Data, Variables>,
  variables: Variables,
): Promise<OperationResult<Data, Variables>> {
  return client.mutation(document, variables).toPromise();
}
