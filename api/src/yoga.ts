import type { Database } from '@tandem/db';
import { type Context, schema } from '@tandem/schema';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { apiKeyFromRequest, viewerFromRequest } from './auth.ts';
import { localeOf } from './locale.ts';

export interface TandemServerOptions {
  db: Database;
  /** GraphiQL and detailed errors; off in production. */
  development?: boolean;
}

export type TandemYoga = YogaServerInstance<Record<string, unknown>, Context>;

/** The GraphQL HTTP handler: a fetch-style function, served by node:http in main.ts and called directly in tests. */
export function createTandemYoga({ db, development = false }: TandemServerOptions): TandemYoga {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: development ? { title: 'Tandem GraphQL API' } : false,
    landingPage: false,
    // Unexpected errors reach clients as "Unexpected error." with no internals;
    // expected ones are typed results in the schema.
    maskedErrors: { isDev: development },
    logging: development ? 'info' : 'warn',
    context: async ({ request }) => {
      const [viewer, apiKey] = await Promise.all([
        viewerFromRequest(db.prisma, request),
        apiKeyFromRequest(db.prisma, request),
      ]);
      return { prisma: db.prisma, viewer, apiKey, locale: localeOf(request), origin: request.headers.get('origin') };
    },
  });
}
