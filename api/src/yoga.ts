import type { Database } from '@tandem/db';
import { type Context, type Mailer, schema } from '@tandem/schema';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { IncomingMessage } from 'node:http';
import { OutboxMailer } from './mail.ts';
import { ApiKeyLookup } from './api-key-lookup.ts';
import { corsPolicy } from './cors.ts';
import { keyAuditPlugin } from './key-audit.ts';
import { leanExecutionPlugin } from './lean-execution.ts';
import { certificateRoutesPlugin } from './certificate-routes.ts';
import { reportRoutesPlugin } from './report-routes.ts';
import { requestContext } from './request-context.ts';
import { type CachingOptions, cachingPlugins } from './caching.ts';
import { csrfPlugin, requestBodyLimitPlugin, queryLimitPlugins, schemaDisclosurePlugin } from './hardening.ts';
import { MemoryRateLimitStore } from './rate-limit/memory-store.ts';
import { rateLimitPlugin } from './rate-limit/plugin.ts';
import { DEFAULT_POLICY, type RateLimitPolicy } from './rate-limit/policy.ts';
import type { RateLimitStore } from './rate-limit/store.ts';

export interface TandemServerOptions {
  db: Database;
  /** GraphiQL and detailed errors; off in production. */
  development?: boolean;
  /** Outgoing mail; defaults to the outbox table. */
  mailer?: Mailer;
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy?: boolean;
  /** Where rate-limit counters live (default: this process) and the limits (default: DEFAULT_POLICY). */
  rateLimits?: { store?: RateLimitStore; policy?: RateLimitPolicy };
  /** The public read cache: where answers are kept (default: this process) and for how long. */
  caching?: CachingOptions;
}

/** Present when served by node:http (main.ts); absent when tests call yoga.fetch. */
interface ServerContext {
  req?: IncomingMessage;
}

export type TandemYoga = YogaServerInstance<ServerContext, Context>;

/** The GraphQL HTTP handler: a fetch-style function, served by node:http in main.ts and called directly in tests. */
export function createTandemYoga({
  db,
  development = false,
  mailer = new OutboxMailer(db.prisma),
  trustProxy = false,
  rateLimits = {},
  caching = {},
}: TandemServerOptions): TandemYoga {
  const apiKeys = new ApiKeyLookup(db.prisma);
  const contextOptions = { db, mailer, trustProxy, apiKeys };
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: development ? { title: 'Tandem GraphQL API' } : false,
    landingPage: false,
    // No file uploads: one less way to send a form-encoded request.
    multipart: false,
    // requestBodyLimitPlugin limits bodies without piping each through a stream.
    maxRequestBodySize: false,
    plugins: [
      csrfPlugin(),
      requestBodyLimitPlugin(),
      rateLimitPlugin({
        store: rateLimits.store ?? new MemoryRateLimitStore(),
        policy: rateLimits.policy ?? DEFAULT_POLICY,
        trustProxy,
      }),
      // GET /reports/annual.csv and /certificates/<id>.{html,pdf}: files, not GraphQL, with the same auth.
      reportRoutesPlugin(contextOptions),
      certificateRoutesPlugin(contextOptions),
      ...queryLimitPlugins(),
      schemaDisclosurePlugin({ production: !development }),
      keyAuditPlugin(),
      leanExecutionPlugin(),
      // Last: answers public persisted GETs from stored bytes (see caching.ts).
      ...cachingPlugins(caching),
    ],
    // Browsers get CORS headers only on origins a publishable key allows (cors.ts).
    cors: corsPolicy(db.prisma, apiKeys),
    // Unexpected errors reach clients as "Unexpected error." with no internals;
    // expected ones are typed results in the schema.
    maskedErrors: { isDev: development },
    logging: development ? 'info' : 'warn',
    context: ({ request, req }) => requestContext(contextOptions, request, req),
  });
}
