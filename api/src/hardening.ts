import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { t } from '@tandem/schema';
import { type ExecutionResult, GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { localeOf } from './locale.ts';

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

/** Publishable keys live in web pages; whoever reads the page has the key. */
const fromWebPage = (request: Request) => request.headers.get('x-tandem-key')?.startsWith('pk_') ?? false;

/**
 * In production and for requests with a publishable key: no introspection and
 * no "Did you mean …?" hints, so the schema cannot be mapped from outside.
 * Developers use the committed schema.graphql (or a secret key in development).
 */
export function schemaDisclosurePlugin({ production }: { production: boolean }): Plugin {
  const hidden = (request: Request) => production || fromWebPage(request);
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
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({
            errors: [
              {
                message: t(localeOf(request), 'UNSUPPORTED_CONTENT_TYPE'),
                extensions: { code: 'UNSUPPORTED_CONTENT_TYPE' },
              },
            ],
          }),
          { status: 415, headers: { 'content-type': 'application/json' } },
        ),
      );
    },
  };
}
