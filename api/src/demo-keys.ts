import type { Database } from '@tandem/db';
import { createApiKey, revokeApiKey, SECRET_KEY_SCOPES } from '@tandem/schema';
import { OutboxMailer } from './mail.ts';
import { operatorContext } from './operator.ts';

/** The organisation whose keys the partner-site example and the developer example use. */
export const DEMO_ORGANIZATION = 'pekarna-magdalenske-mreze';
export const DEMO_KEY_LABEL = 'demo';
/** The widgets' dev server (5173) and the partner-site example (8080). */
export const DEMO_ORIGINS = [
  'http://localhost:5173',
  'http://127.0.0.1:5173',
  'http://localhost:8080',
  'http://127.0.0.1:8080',
];

export interface DemoKeys {
  organization: string;
  publishable: string;
  secret: string;
}

/**
 * Fresh demo keys on every `npm start` of the embedded development database:
 * keys are stored hashed, so the previous run's cannot be printed again; they
 * are revoked, and a publishable and a secret key (every scope) are made.
 * Without the demo data they go to the first organisation; null when there is none.
 */
export async function renewDemoKeys(db: Database): Promise<DemoKeys | null> {
  const organization =
    (await db.prisma.organization.findUnique({ where: { slug: DEMO_ORGANIZATION } })) ??
    (await db.prisma.organization.findFirst({ orderBy: { slug: 'asc' } }));
  if (!organization) return null;
  // Making keys sends no mail.
  const ctx = operatorContext(db.prisma, new OutboxMailer(db.prisma));
  const previous = await db.prisma.apiKey.findMany({
    where: { label: DEMO_KEY_LABEL, revokedAt: null, createdById: null },
    select: { id: true },
  });
  for (const key of previous) await revokeApiKey(ctx, key.id);
  const common = { organizationId: organization.id, label: DEMO_KEY_LABEL };
  const publishable = await createApiKey(ctx, { ...common, kind: 'PUBLISHABLE', allowedOrigins: DEMO_ORIGINS });
  const secret = await createApiKey(ctx, { ...common, kind: 'SECRET', scopes: [...SECRET_KEY_SCOPES] });
  return { organization: organization.slug, publishable: publishable.secret ?? '', secret: secret.secret ?? '' };
}
