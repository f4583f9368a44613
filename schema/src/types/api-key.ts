import { ApiKeyKind } from '@tandem/db';
import { z } from 'zod';
import { createApiKey, MAX_ORIGINS, revokeApiKey } from '../api-keys.ts';
import { SECRET_KEY_SCOPES } from '../access.ts';
import { builder } from '../builder.ts';
import { ConflictError, InputError, NotFoundError } from '../errors.ts';
import { idOf } from '../ids.ts';
import { OrganizationRef } from './organization.ts';
import { StaffMemberRef } from './person.ts';

export const ApiKeyKindEnum = builder.enumType(ApiKeyKind, {
  name: 'ApiKeyKind',
  description:
    'PUBLISHABLE keys (pk_…) identify an organisation to the widgets in browsers on its allowed origins and grant no permissions; SECRET keys (sk_…) are for server-side integrations and carry scopes.',
});

export const ApiKeyRef = builder.prismaNode('ApiKey', {
  description: "An organisation's API key, as its admins see it. The key itself is shown only once, when created.",
  id: { field: 'id' },
  authScopes: (k) => ({ can: { permission: 'keys:manage', organizationId: k.organizationId } }),
  fields: (t) => ({
    organization: t.relation('organization', { description: 'The organisation the key acts for.' }),
    kind: t.expose('kind', { type: ApiKeyKindEnum, description: 'Publishable (browsers) or secret (servers).' }),
    label: t.exposeString('label', { description: 'What the key is for, e.g. "website widgets".' }),
    prefix: t.exposeString('prefix', { description: 'The first characters of the key, to tell keys apart.' }),
    allowedOrigins: t.exposeStringList('allowedOrigins', {
      description:
        'Origins (e.g. https://www.example.si) whose pages may use a publishable key; empty for secret keys.',
    }),
    scopes: t.exposeStringList('scopes', {
      description: 'Permissions of a secret key in its organisation, e.g. reports:read; empty for publishable keys.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the key was created.' }),
    createdBy: t.relation('createdBy', {
      type: StaffMemberRef,
      nullable: true,
      description: 'Who created it; null when created with the command-line tool.',
    }),
    lastUsedAt: t.expose('lastUsedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When a request last came with the key (to the minute).',
    }),
    revokedAt: t.expose('revokedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was revoked; a revoked key no longer works.',
    }),
  }),
});

builder.prismaObjectField(OrganizationRef, 'apiKeys', (t) =>
  t.relatedConnection(
    'apiKeys',
    {
      cursor: 'id',
      description: "The organisation's API keys, newest first. For its admins.",
      authScopes: (o) => ({ can: { permission: 'keys:manage', organizationId: o.id } }),
      args: {
        includeRevoked: t.arg.boolean({
          required: false,
          description: 'Also list revoked keys (default: false).',
        }),
      },
      totalCount: true,
      query: (args) => ({
        where: args.includeRevoked ? {} : { revokedAt: null },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
    },
    { name: 'ApiKeyConnection', description: "A page of an organisation's API keys." },
    { name: 'ApiKeyEdge', description: 'An API key in a page.' },
  ),
);

// ─────────────── createApiKey ───────────────

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  description: 'A new API key.',
  fields: (t) => ({
    organizationId: t.id({ description: 'The organisation the key acts for.' }),
    kind: t.field({ type: ApiKeyKindEnum, description: 'Publishable (browsers) or secret (servers).' }),
    label: t.string({ description: 'What the key is for, 1 to 100 characters.', validate: z.string().max(500) }),
    allowedOrigins: t.stringList({
      required: false,
      description: `For publishable keys (at least one, at most ${MAX_ORIGINS}): origins like https://www.example.si whose pages may use the key; http only for localhost and 127.0.0.1.`,
      validate: z.array(z.string().max(300)).max(100),
    }),
    scopes: t.stringList({
      required: false,
      description: `For secret keys (at least one): ${SECRET_KEY_SCOPES.join(', ')}.`,
      validate: z.array(z.string().max(100)).max(100),
    }),
    idempotencyKey: t.string({
      description:
        'Unique per key (e.g. a UUID made by the client). A retry with it within 24 hours returns the key created first, with `secret: null`.',
      validate: z.string().min(8).max(100),
    }),
  }),
});

const CreateApiKeyPayload = builder
  .objectRef<{ apiKeyId: string; secret: string | null }>('CreateApiKeyPayload')
  .implement({
    description: 'The new key and, this once, its secret.',
    fields: (t) => ({
      apiKey: t.prismaField({
        type: ApiKeyRef,
        description: 'The key as stored.',
        resolve: (query, p, _, ctx) => ctx.prisma.apiKey.findUniqueOrThrow({ ...query, where: { id: p.apiKeyId } }),
      }),
      secret: t.string({
        nullable: true,
        description:
          'The whole key, to send in the X-Tandem-Key header. Shown only in this response and never again; null when this was a retry of an earlier creation (if that response was lost, revoke the key and create a new one).',
        resolve: (p) => p.secret,
      }),
    }),
  });

builder.mutationField('createApiKey', (t) =>
  t.field({
    type: CreateApiKeyPayload,
    description:
      'Creates an API key for an organisation. Needs ADMIN of the organisation. Safe to retry with the same idempotencyKey.',
    authScopes: { signedIn: true },
    errors: { types: [InputError, NotFoundError, ConflictError] },
    args: { input: t.arg({ type: CreateApiKeyInput }) },
    resolve: async (_, { input }, ctx) => {
      const organizationId = idOf(ctx.locale, input.organizationId, 'Organization', ['input', 'organizationId']);
      if (!(await ctx.access.can('keys:manage', organizationId))) {
        throw new NotFoundError(ctx.locale, ['input', 'organizationId']);
      }
      const created = await createApiKey(ctx, {
        organizationId,
        kind: input.kind,
        label: input.label,
        allowedOrigins: input.allowedOrigins,
        scopes: input.scopes,
        idempotencyKey: input.idempotencyKey,
      });
      return { apiKeyId: created.apiKey.id, secret: created.secret };
    },
  }),
);

// ─────────────── revokeApiKey ───────────────

const RevokeApiKeyInput = builder.inputType('RevokeApiKeyInput', {
  description: 'The key to revoke.',
  fields: (t) => ({
    apiKeyId: t.id({ description: 'Global id of the API key.' }),
  }),
});

const RevokeApiKeyPayload = builder.objectRef<{ apiKeyId: string }>('RevokeApiKeyPayload').implement({
  description: 'The revoked key.',
  fields: (t) => ({
    apiKey: t.prismaField({
      type: ApiKeyRef,
      description: 'The key, with revokedAt set.',
      resolve: (query, p, _, ctx) => ctx.prisma.apiKey.findUniqueOrThrow({ ...query, where: { id: p.apiKeyId } }),
    }),
  }),
});

builder.mutationField('revokeApiKey', (t) =>
  t.field({
    type: RevokeApiKeyPayload,
    description:
      'Revokes an API key: it stops working at once. Needs ADMIN of its organisation. Revoking a revoked key changes nothing.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: RevokeApiKeyInput }) },
    resolve: async (_, { input }, ctx) => {
      const id = idOf(ctx.locale, input.apiKeyId, 'ApiKey', ['input', 'apiKeyId']);
      const key = await ctx.prisma.apiKey.findUnique({ where: { id }, select: { organizationId: true } });
      if (!key || !(await ctx.access.can('keys:manage', key.organizationId))) {
        throw new NotFoundError(ctx.locale, ['input', 'apiKeyId']);
      }
      const revoked = await revokeApiKey(ctx, id);
      return { apiKeyId: revoked.id };
    },
  }),
);
