import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { type MessageKey, t } from '@tandem/schema';
import { type ExecutionResult, GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import type { FetchAPI, Plugin } from 'graphql-yoga';
import { localeOf } from './locale.ts';
import { presentsPublishableKey } from './presented-key.ts';

/**
 * Query size limits before anything runs. Depth and cost are the schema's
 * own cost model (Pothos complexity: depth 10, cost 5000, breadth 100); these
 * cap what that model does not see: the parser's work and alias or directive
 * floods.
 */
export const QUERY_LIMITS = { tokens: 3000, aliases: 30, directives: 30 } as const;

export function queryLimitPlugins(): Plugin[] {
  return [
    maxTokensPlugin({ n: QUERY_LIMITS.tokens }) as Plugin,
    maxAliasesPlugin({ n: QUERY_LIMITS.aliases }) as Plugin,
    maxDirectivesPlugin({ n: QUERY_LIMITS.directives }) as Plugin,
  ];
}

/**
 * In production and for requests with a publishable key: no introspection and
 * no "Did you mean …?" hints, so the schema cannot be mapped from outside.
 * Developers use the committed schema.graphql (or a secret key in development).
 */
export function schemaDisclosurePlugin({ production }: { production: boolean }): Plugin {
  const hidden = (request: Request) => production || presentsPublishableKey(request);
  return {
    onValidate({ addValidationRule, context }) {
      const request = (context as { request?: Request }).request;
      if (request && hidden(request)) addValidationRule(NoSchemaIntrospectionCustomRule);
    },
    onResultProcess({ request, result, setResult }) {
      const locale = localeOf(request);
      const hide = hidden(request);
      const rewrite = (single: ExecutionResult): ExecutionResult => {
        if (!single.errors?.length) return single;
        return {
          ...single,
          errors: single.errors.map((error) => {
            const internal =
              error.extensions?.code === 'INTERNAL_SERVER_ERROR' || error.message === 'Unexpected error.';
            const message = internal
              ? t(locale, 'INTERNAL_SERVER_ERROR')
              : hide
                ? error.message.replace(/\s*Did you mean .*$/s, '')
                : error.message;
            if (message === error.message) return error;
            return new GraphQLError(message, {
              nodes: error.nodes,
              source: error.source,
              positions: error.positions,
              path: error.path,
              originalError: error.originalError,
              extensions: internal ? { ...error.extensions, code: 'INTERNAL_SERVER_ERROR' } : error.extensions,
            });
          }),
        };
      };
      if (Array.isArray(result)) setResult(result.map(rewrite));
      else if (result && typeof result === 'object' && 'errors' in result)
        setResult(rewrite(result as ExecutionResult));
    },
  };
}

/** An answer refusing the request before GraphQL runs: the usual error list, in the request's language. */
function refusal(
  request: Request,
  fetchAPI: FetchAPI,
  status: number,
  code: MessageKey,
  params?: Record<string, number>,
) {
  return new fetchAPI.Response(
    JSON.stringify({ errors: [{ message: t(localeOf(request), code, params), extensions: { code } }] }),
    { status, headers: { 'content-type': 'application/json' } },
  );
}

/**
 * CSRF: a browser sends a cross-site POST without asking first only with a
 * form-like content type, so POST must be JSON — which makes the browser ask
 * (preflight) and CORS per key decide. GET runs queries only (never
 * mutations), and sessions are Bearer tokens, not cookies.
 */
export function csrfPlugin(): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== 'POST') return;
      const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
      if (type === 'application/json' || type === 'application/graphql-response+json') return;
      endResponse(refusal(request, fetchAPI, 415, 'UNSUPPORTED_CONTENT_TYPE'));
    },
  };
}

/** The largest request body, in bytes: a GraphQL document and its variables, never files. */
export const MAX_REQUEST_BODY_BYTES = 1_000_000;

/**
 * Request bodies of at most MAX_REQUEST_BODY_BYTES. It stands in for Yoga's
 * own limit (off in yoga.ts), which pipes every body through a counting
 * stream: 10–20% of the server's CPU time per request of the public list.
 * node:http reads exactly Content-Length bytes of a body (and refuses a
 * request that also says chunked), so a body that declares its length is
 * judged by the header alone; only one without it (chunked) is counted while
 * it is read.
 */
export function requestBodyLimitPlugin(limit = MAX_REQUEST_BODY_BYTES): Plugin {
  const tooLarge = (request: Request, fetchAPI: FetchAPI) =>
    refusal(request, fetchAPI, 413, 'REQUEST_TOO_LARGE', { max: limit });
  return {
    onRequestParse({ request, requestParser, setRequestParser, endResponse, fetchAPI }) {
      if (request.method === 'GET' || request.method === 'HEAD') return;
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        // One non-negative integer; anything else (a list, a sign) is how requests get smuggled.
        if (!/^\d+$/.test(declared)) endResponse(refusal(request, fetchAPI, 400, 'INVALID_CONTENT_LENGTH'));
        else if (Number(declared) > limit) endResponse(tooLarge(request, fetchAPI));
        return;
      }
      if (!requestParser) return;
      setRequestParser(async (unmeasured) => {
        const body = await readAtMost(unmeasured, limit);
        if (!body) return tooLarge(request, fetchAPI);
        return requestParser(
          new fetchAPI.Request(unmeasured.url, { method: unmeasured.method, headers: unmeasured.headers, body }),
        );
      });
    },
  };
}

/** The request's body, or null as soon as it grows past `limit` bytes (the rest is not read). */
async function readAtMost(request: Request, limit: number): Promise<Blob | null> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  if (!reader) return new Blob([]);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return new Blob(chunks);
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
}
