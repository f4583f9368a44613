// The context of a request: who asks (session or API key), in which language and from where. GraphQL requests
// and the plain HTTP routes (reports, certificates) build it the same way.
import type { IncomingMessage } from 'node:http';
import type { Database } from '@tandem/db';
import { Access, type Context, type Mailer } from '@tandem/schema';
import type { ApiKeyLookup } from './api-key-lookup.ts';
import { apiKeyFromRequest, viewerFromRequest } from './auth.ts';
import { clientIp } from './client-ip.ts';
import { localeOf } from './locale.ts';

export interface RequestContextOptions {
  db: Database;
  mailer: Mailer;
  trustProxy: boolean;
  /** Shared with CORS, which looks up the same publishable keys. */
  apiKeys: ApiKeyLookup;
}

export async function requestContext(
  { db, mailer, trustProxy, apiKeys }: RequestContextOptions,
  request: Request,
  req: IncomingMessage | undefined,
): Promise<Context> {
  const [viewer, apiKey] = await Promise.all([
    viewerFromRequest(db.prisma, request),
    apiKeyFromRequest(db.prisma, apiKeys, request),
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
}
