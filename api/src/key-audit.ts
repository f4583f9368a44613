import { audit, type Context } from '@tandem/schema';
import { getOperationAST, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Every operation run with a secret key is written to the audit log
 * (`apiKey.use`) before it runs: a secret key acts for its organisation
 * without a person, so the log is the only record of what an integration did.
 * Publishable keys live in public web pages and add no rights; their use is
 * not recorded.
 */
export function keyAuditPlugin(): Plugin<Context> {
  return {
    async onExecute({ args }) {
      const ctx = args.contextValue as Context;
      if (ctx.apiKey?.kind !== 'SECRET') return;
      const operation = getOperationAST(args.document, args.operationName);
      const fields =
        operation?.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])) ?? [];
      await audit(ctx, {
        action: 'apiKey.use',
        organizationId: ctx.apiKey.organizationId,
        subjectType: 'ApiKey',
        subjectId: ctx.apiKey.id,
        details: {
          operationName: operation?.name?.value ?? null,
          operationType: operation?.operation ?? null,
          fields,
          ...(ctx.userAgent ? { userAgent: ctx.userAgent } : {}),
        },
      });
    },
  };
}
