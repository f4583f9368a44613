import type { Database } from '@tandem/db';
import { Access, type Context, type Mailer, schema } from '@tandem/schema';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { apiKeyFromRequest, viewerFromRequest } from './auth.ts';
import type { IncomingMessage } from 'node:http';
import { clientIp } from './client-ip.ts';
import { localeOf } from './locale.ts';
import { OutboxMailer } from './mail.ts';

export interface TandemServerOptions {
  db: Database;
  /** GraphiQL and detailed errors; off in production. */
  development?: boolean;
  /** Outgoing mail; defaults to the outbox table. */
  mailer?: Mailer;
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy?: boolean;
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
}: TandemServerOptions): TandemYoga {
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: development ? { title: 'Tandem GraphQL API' } : false,
    landingPage: false,
    // Unexpected errors reach clients as "Unexpected error." with no internals;
    // expected ones are typed results in the schema.
    maskedErrors: { isDev: development },
    logging: development ? 'info' : 'warn',
    context: async ({ request, req }) => {
      const [viewer, apiKey] = await Promise.all([
        viewerFromRequest(db.prisma, request),
        apiKeyFromRequest(db.prisma, request),
      ]);
      return {
        prisma: db.prisma,
        viewer,
        apiKey,
        access: new Access(db.prisma, viewer, apiKey),
        mailer,
        locale: localeOf(request),
        origin: request.headers.get('origin'),
        ip: clientIp(request, req, trustProxy),
        userAgent: request.headers.get('user-agent'),
      };
    },
  });
}
