import type { PrismaClient } from '@tandem/db';
import { Access, type Context, type Locale, type Mailer } from '@tandem/schema';

/**
 * The context for work done by whoever runs the server (the command-line tool,
 * the demo keys of `npm start`): no person and no key, so the audit log
 * records these changes with no actor. Permission checks are the caller's:
 * having the database is having every permission.
 */
export function operatorContext(prisma: PrismaClient, mailer: Mailer, locale: Locale = 'en'): Context {
  return {
    prisma,
    viewer: null,
    apiKey: null,
    access: new Access(prisma, null, null),
    mailer,
    locale,
    origin: null,
    ip: null,
    userAgent: null,
  };
}
