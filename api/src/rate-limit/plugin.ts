import { type Context, hashSecret, t } from '@tandem/schema';
import {
  type DocumentNode,
  type FieldNode,
  getOperationAST,
  Kind,
  type SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { IncomingMessage } from 'node:http';
import { clientIp } from '../client-ip.ts';
import { localeOf } from '../locale.ts';
import { presentedKeyHash } from '../presented-key.ts';
import { type Limit, type RateLimitPolicy, SIGN_IN_FIELDS, SIGN_UP_FIELDS } from './policy.ts';
import type { Hit, RateLimitStore } from './store.ts';

export interface RateLimitOptions {
  store: RateLimitStore;
  policy: RateLimitPolicy;
  trustProxy: boolean;
}

interface Exceeded {
  retryAfterSeconds: number;
}

/**
 * Counts the hit in every bucket; the first one over its limit wins.
 * Synchronous when the store is (in memory), so a request takes no promise for it.
 */
function check(store: RateLimitStore, buckets: [string, Limit][]): Exceeded | null | Promise<Exceeded | null> {
  const hits = buckets.map(([bucket, rule]) => store.hit(bucket, rule.windowMs));
  const overLimit = (counted: Hit[]) => {
    let exceeded: Exceeded | null = null;
    counted.forEach((hit, i) => {
      if (hit.count > buckets[i]![1].limit) {
        const retryAfterSeconds = Math.max(1, Math.ceil(hit.resetInMs / 1000));
        if (!exceeded || retryAfterSeconds > exceeded.retryAfterSeconds) exceeded = { retryAfterSeconds };
      }
    });
    return exceeded;
  };
  return hits.some((hit) => hit instanceof Promise) ? Promise.all(hits).then(overLimit) : overLimit(hits as Hit[]);
}

/** Calls `refuse` when a bucket is over its limit; a failing store only warns. */
function whenExceeded(
  store: RateLimitStore,
  buckets: [string, Limit][],
  refuse: (exceeded: Exceeded) => void,
): void | Promise<void> {
  let checked: ReturnType<typeof check>;
  try {
    checked = check(store, buckets);
  } catch (error) {
    return warnStoreFailure(error);
  }
  if (checked instanceof Promise) {
    return checked.then((exceeded) => {
      if (exceeded) refuse(exceeded);
    }, warnStoreFailure);
  }
  if (checked) refuse(checked);
}

/** Root mutation fields of the operation, through fragments, with their `input.email` if given. */
function rootFields(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): { name: string; email: string | null }[] {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'mutation') return [];
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const fields: FieldNode[] = [];
  const collect = (set: SelectionSetNode, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment.selectionSet, seen);
      }
    }
  };
  collect(operation.selectionSet, new Set());
  return fields.map((field) => {
    const input = field.arguments?.find((a) => a.name.value === 'input');
    const value = input ? valueFromASTUntyped(input.value, variables ?? undefined) : null;
    const email = (value as { email?: unknown } | null)?.email;
    return { name: field.name.value, email: typeof email === 'string' ? email.trim().toLowerCase() : null };
  });
}

/** Secrets and e-mail addresses never reach the store in clear. */
const digest = (value: string) => hashSecret(value).slice(0, 32);

let lastStoreWarning = 0;
/** A broken store lets requests through: an outage of Redis must not take the API down with it. */
function warnStoreFailure(error: unknown) {
  if (Date.now() - lastStoreWarning < 60_000) return;
  lastStoreWarning = Date.now();
  console.warn(`Rate limits are not applied: the store failed (${(error as Error).message}).`);
}

/**
 * Limits per IP address and per API key on every request (answered with 429
 * before any work), and stricter limits per IP and per e-mail address on
 * sign-in and sign-up mutations.
 */
export function rateLimitPlugin({ store, policy, trustProxy }: RateLimitOptions): Plugin<Record<string, unknown>> {
  return {
    onRequest({ request, serverContext, endResponse, fetchAPI }) {
      if (request.method === 'OPTIONS') return;
      const ip = clientIp(request, (serverContext as { req?: IncomingMessage }).req, trustProxy);
      const keyHash = presentedKeyHash(request);
      const buckets: [string, Limit][] = [];
      if (ip) buckets.push([`ip:${ip}`, policy.perIp]);
      if (keyHash) {
        const secret = request.headers.get('x-tandem-key')!.startsWith('sk_');
        buckets.push([`key:${keyHash.slice(0, 32)}`, secret ? policy.perSecretKey : policy.perPublishableKey]);
      }
      if (!buckets.length) return;
      return whenExceeded(store, buckets, ({ retryAfterSeconds: seconds }) =>
        endResponse(
          new fetchAPI.Response(
            JSON.stringify({
              errors: [
                { message: t(localeOf(request), 'RATE_LIMITED', { seconds }), extensions: { code: 'RATE_LIMITED' } },
              ],
            }),
            { status: 429, headers: { 'content-type': 'application/json', 'retry-after': String(seconds) } },
          ),
        ),
      );
    },

    onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as unknown as Context;
      const buckets: [string, Limit][] = [];
      for (const field of rootFields(args.document, args.operationName, args.variableValues)) {
        if (SIGN_IN_FIELDS.has(field.name)) {
          if (ctx.ip) buckets.push([`signin:ip:${ctx.ip}`, policy.signInPerIp]);
          if (field.email) buckets.push([`signin:email:${digest(field.email)}`, policy.signInPerEmail]);
        } else if (SIGN_UP_FIELDS.has(field.name) && ctx.ip) {
          buckets.push([`signup:ip:${ctx.ip}`, policy.signUpPerIp]);
        }
      }
      if (!buckets.length) return;
      return whenExceeded(store, buckets, ({ retryAfterSeconds: seconds }) =>
        setResultAndStopExecution({
          errors: [
            createGraphQLError(t(ctx.locale, 'RATE_LIMITED', { seconds }), {
              extensions: { code: 'RATE_LIMITED', http: { status: 429, headers: { 'retry-after': String(seconds) } } },
            }),
          ],
        }),
      );
    },
  };
}
