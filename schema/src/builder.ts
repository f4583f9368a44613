import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import type PrismaTypes from '@tandem/db/pothos-types';
import { getDatamodel } from '@tandem/db/pothos-types';
import type { Permission } from './access.ts';
import type { Context } from './context.ts';
import { DateResolver, DateTimeResolver, JSONResolver } from './scalars.ts';
import { InputError } from './errors.ts';
import { t } from './i18n.ts';
import { GraphQLError } from 'graphql';

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  DefaultInputFieldRequiredness: true;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
  AuthScopes: {
    /** A person is signed in. */
    signedIn: boolean;
    /** Any staff role in the organisation (id), or its secret key: sees drafts. */
    staffOf: string;
    /** A permission in the organisation, through a role, a secret key's scopes or (with `volunteerId`) mentoring. */
    can: { permission: Permission; organizationId: string; volunteerId?: string };
    /** The signed-in person is this user (id). */
    self: string;
    /** The request carries a secret API key (an integration acting for its organisation). */
    secretKey: boolean;
  };
}>({
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  plugins: [ScopeAuthPlugin, ErrorsPlugin, ValidationPlugin, PrismaPlugin, RelayPlugin, ComplexityPlugin],
  scopeAuth: {
    authScopes: (ctx) => ({
      signedIn: !!ctx.viewer,
      staffOf: (organizationId) => ctx.access.isStaffOf(organizationId),
      can: ({ permission, organizationId, volunteerId }) => ctx.access.can(permission, organizationId, volunteerId),
      self: (userId) => ctx.viewer?.id === userId,
      secretKey: ctx.apiKey?.kind === 'SECRET',
    }),
    // Objects that fail their type's scopes resolve to null (with an error)
    // instead of leaking that they exist.
    runScopesOnType: true,
    unauthorizedError: (_parent, ctx) =>
      new GraphQLError(t(ctx.locale, ctx.viewer || ctx.apiKey?.kind === 'SECRET' ? 'FORBIDDEN' : 'UNAUTHENTICATED'), {
        extensions: { code: ctx.viewer || ctx.apiKey?.kind === 'SECRET' ? 'FORBIDDEN' : 'UNAUTHENTICATED' },
      }),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
  },
  prisma: {
    // The client comes from the request context so that one schema serves
    // any database (tests open one per file).
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  errors: {
    // Lets mutations return validation failures as typed results. Input
    // validation runs before field auth, but it reads nothing from the
    // database, so it cannot reveal data.
    unsafelyHandleInputErrors: true,
    directResult: true,
    defaultUnionOptions: {
      name: ({ fieldName }) => `${fieldName.charAt(0).toUpperCase()}${fieldName.slice(1)}Result`,
    },
  },
  validation: {
    validationError: (result, _args, ctx) => InputError.fromIssues(ctx.locale, result.issues),
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: { complexity: 5000, depth: 10, breadth: 100 },
  },
});

builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('Date', DateResolver);
builder.addScalarType('JSON', JSONResolver);

builder.queryType({ description: 'Read volunteering data.' });
builder.mutationType({
  description: 'Change volunteering data. Every mutation takes one `input` and is safe to retry.',
});
