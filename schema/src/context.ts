import type { PrismaClient, Role } from '@tandem/db';
import type { Access } from './access.ts';
import type { Mailer } from './mail.ts';

export type Locale = 'sl' | 'en';

/** The signed-in person and the organisations they belong to, loaded once per request. */
export interface Viewer {
  id: string;
  name: string;
  /** The session the request came with (signOut ends it). */
  sessionId: string;
  memberships: { organizationId: string; role: Role }[];
}

/** The API key a request came with, already checked against the request origin. */
export interface RequestApiKey {
  id: string;
  organizationId: string;
  kind: 'PUBLISHABLE' | 'SECRET';
  /** Permissions of a secret key (see access.ts); empty for publishable keys. */
  scopes: string[];
}

export interface Context {
  prisma: PrismaClient;
  viewer: Viewer | null;
  apiKey: RequestApiKey | null;
  /** Permission checks for this request. */
  access: Access;
  /** Sends e-mail (SMTP, or the outbox in development and tests). */
  mailer: Mailer;
  locale: Locale;
  /** The Origin header of a browser request (recorded with sign-ups). */
  origin: string | null;
  /** The client's IP address, for the audit log and rate limits. */
  ip: string | null;
  /** The User-Agent header, shown in the list of one's sessions. */
  userAgent: string | null;
}
