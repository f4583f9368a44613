import type { ApiKeyKind, ApiKeyModel as ApiKey, Prisma } from '@tandem/db';
import { type Permission, SECRET_KEY_SCOPES } from './access.ts';
import { audit } from './audit.ts';
import type { Context, Locale } from './context.ts';
import { ConflictError, type FieldError, InputError, NotFoundError } from './errors.ts';
import { t } from './i18n.ts';
import { hashSecret, newSecret } from './secrets.ts';

/**
 * Creating and revoking API keys: the one implementation behind the GraphQL
 * mutations, the command-line tool and the demo keys of `npm start`. Callers
 * check permissions first (the CLI is an operator with database access).
 */

/** Characters of the key kept in clear so people can tell keys apart, e.g. "pk_Ab12Cd34E". */
export const KEY_PREFIX_LENGTH = 12;
export const MAX_ORIGINS = 20;
/** How long an idempotencyKey of createApiKey is remembered. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origin a browser sends for a page at `value`, or null when it is not an
 * origin a key may allow: https, or http for this machine only (development);
 * nothing after the host and port.
 */
export function normalizeOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
  if (!secure || url.username || url.password || url.pathname !== '/' || url.search || url.hash) return null;
  // Browsers send exact origins, so a wildcard such as "https://*.a.si" (which URL accepts) would never match.
  if (!/^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/.test(url.hostname)) return null;
  return url.origin;
}

export interface ApiKeyInput {
  /** Row id of the organisation. */
  organizationId: string;
  kind: ApiKeyKind;
  label: string;
  allowedOrigins?: readonly string[] | null;
  scopes?: readonly string[] | null;
  /** Unique per intended key; a repeat within 24 hours returns the first key (without its secret). */
  idempotencyKey?: string | null;
}

interface ValidApiKeyInput {
  label: string;
  allowedOrigins: string[];
  scopes: Permission[];
}

/** Checks and normalises everything about a new key; all problems at once, with input paths. */
export function validateApiKeyInput(locale: Locale, input: ApiKeyInput): ValidApiKeyInput {
  const errors: FieldError[] = [];
  const fail = (path: string[], key: Parameters<typeof t>[1], params?: Record<string, string | number>) =>
    errors.push({ path: ['input', ...path], message: t(locale, key, params) });

  const label = input.label.trim();
  if (label.length < 1 || label.length > 100) fail(['label'], 'TEXT_LENGTH', { min: 1, max: 100 });

  const rawOrigins = input.allowedOrigins ?? [];
  const rawScopes = input.scopes ?? [];
  const allowedOrigins: string[] = [];
  const scopes: Permission[] = [];

  if (input.kind === 'PUBLISHABLE') {
    if (rawScopes.length) fail(['scopes'], 'SCOPES_NOT_FOR_PUBLISHABLE');
    if (!rawOrigins.length) fail(['allowedOrigins'], 'ORIGIN_REQUIRED');
    if (rawOrigins.length > MAX_ORIGINS) fail(['allowedOrigins'], 'TOO_MANY_ORIGINS', { max: MAX_ORIGINS });
    rawOrigins.forEach((raw, i) => {
      const origin = normalizeOrigin(raw);
      if (!origin) fail(['allowedOrigins', String(i)], 'INVALID_ORIGIN');
      else if (!allowedOrigins.includes(origin)) allowedOrigins.push(origin);
    });
  } else {
    if (rawOrigins.length) fail(['allowedOrigins'], 'ORIGINS_NOT_FOR_SECRET');
    if (!rawScopes.length) fail(['scopes'], 'SCOPE_REQUIRED');
    rawScopes.forEach((raw, i) => {
      const scope = SECRET_KEY_SCOPES.find((s) => s === raw.trim());
      if (!scope) fail(['scopes', String(i)], 'UNKNOWN_SCOPE', { scope: raw });
    });
    // Stored in the canonical order, without repeats.
    scopes.push(...SECRET_KEY_SCOPES.filter((s) => rawScopes.some((raw) => raw.trim() === s)));
  }

  if (errors.length) throw new InputError(locale, errors);
  return { label, allowedOrigins, scopes };
}

export interface CreatedApiKey {
  apiKey: ApiKey;
  /** The whole key: only in the call that created it; null when a retry returned the earlier key. */
  secret: string | null;
}

function sameKey(key: ApiKey, kind: ApiKeyKind, valid: ValidApiKeyInput): boolean {
  return (
    key.kind === kind &&
    key.label === valid.label &&
    key.allowedOrigins.join(' ') === valid.allowedOrigins.join(' ') &&
    key.scopes.join(' ') === valid.scopes.join(' ')
  );
}

/**
 * Creates a key and returns it with its secret, which is stored only as a hash.
 *
 * Retries: the secret cannot be shown twice, so a retry with the same
 * idempotencyKey returns the key created first with `secret: null` instead of
 * minting a second key. The client then knows the key exists; if it lost the
 * first response, it revokes that key and creates another. The idempotencyKey
 * is kept in the `apiKey.create` audit entry (no column needed), and creations
 * in one organisation are serialised by a row lock so two concurrent retries
 * cannot both create.
 */
export async function createApiKey(ctx: Context, input: ApiKeyInput): Promise<CreatedApiKey> {
  const L = ctx.locale;
  const valid = validateApiKeyInput(L, input);
  const idempotencyKey = input.idempotencyKey?.trim() || null;

  return ctx.prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Organization" WHERE id = ${input.organizationId} FOR UPDATE`;
    if (!locked.length) throw new NotFoundError(L, ['input', 'organizationId']);

    if (idempotencyKey) {
      const earlier = await tx.auditLog.findFirst({
        where: {
          action: 'apiKey.create',
          organizationId: input.organizationId,
          actorId: ctx.viewer?.id ?? null,
          createdAt: { gte: new Date(Date.now() - IDEMPOTENCY_WINDOW_MS) },
          details: { path: ['idempotencyKey'], equals: idempotencyKey },
        },
        orderBy: { createdAt: 'desc' },
      });
      const earlierKey = earlier && (await tx.apiKey.findUnique({ where: { id: earlier.subjectId } }));
      if (earlierKey) {
        if (!sameKey(earlierKey, input.kind, valid)) throw new ConflictError(L, 'IDEMPOTENCY_CONFLICT');
        return { apiKey: earlierKey, secret: null };
      }
    }

    const secret = newSecret(input.kind === 'PUBLISHABLE' ? 'pk' : 'sk');
    const apiKey = await tx.apiKey.create({
      data: {
        organizationId: input.organizationId,
        kind: input.kind,
        label: valid.label,
        prefix: secret.slice(0, KEY_PREFIX_LENGTH),
        keyHash: hashSecret(secret),
        allowedOrigins: valid.allowedOrigins,
        scopes: valid.scopes,
        createdById: ctx.viewer?.id ?? null,
      },
    });
    const details: Prisma.InputJsonObject = {
      kind: apiKey.kind,
      label: apiKey.label,
      prefix: apiKey.prefix,
      allowedOrigins: apiKey.allowedOrigins,
      scopes: apiKey.scopes,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    };
    await audit(
      ctx,
      {
        action: 'apiKey.create',
        organizationId: apiKey.organizationId,
        subjectType: 'ApiKey',
        subjectId: apiKey.id,
        details,
      },
      tx,
    );
    return { apiKey, secret };
  });
}

/**
 * Revokes a key (row id); revoking a revoked key changes nothing. The key stops
 * working on the next request; CORS answers follow within seconds (cors.ts).
 */
export async function revokeApiKey(ctx: Context, apiKeyId: string): Promise<ApiKey> {
  return ctx.prisma.$transaction(async (tx) => {
    const revoked = await tx.apiKey.updateMany({
      where: { id: apiKeyId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const apiKey = await tx.apiKey.findUnique({ where: { id: apiKeyId } });
    if (!apiKey) throw new NotFoundError(ctx.locale, ['input', 'apiKeyId']);
    if (revoked.count) {
      await audit(
        ctx,
        {
          action: 'apiKey.revoke',
          organizationId: apiKey.organizationId,
          subjectType: 'ApiKey',
          subjectId: apiKey.id,
          details: { kind: apiKey.kind, label: apiKey.label, prefix: apiKey.prefix },
        },
        tx,
      );
    }
    return apiKey;
  });
}
