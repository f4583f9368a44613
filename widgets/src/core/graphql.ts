import type { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';
import { parse } from './graphql-web.ts';

type Graphql = ReturnType<
  typeof initGraphQLTada<{
    introspection: introspection;
    scalars: { Date: string; DateTime: string; JSON: unknown };
  }>
>;

/**
 * Typed GraphQL documents: gql.tada infers each document's result and
 * variables from the committed schema/schema.graphql (graphql-env.d.ts) at
 * type-check time. At run time a document is its exact text (plus the texts
 * of the fragments it uses) with the operation's type and name — all urql
 * needs, and the text's sha256 is the persisted-operation id the API knows
 * (scripts/operations.ts writes the manifest from the same text).
 */
export const graphql = ((text: string, fragments: readonly { loc?: { source: { body: string } } }[] = []) => {
  // Trimmed: the text (its hash) does not depend on how a formatter indents the template.
  const bodies = [text.trim()];
  for (const fragment of fragments) {
    const body = fragment.loc?.source.body;
    if (body && !bodies.includes(body)) bodies.push(body);
  }
  return parse(bodies.join('\n\n'));
}) as unknown as Graphql;

/**
 * What scripts/build.ts puts in place of graphql(`query …`) in the bundle: the
 * query's persisted-operation id and name, without its text (the API knows the
 * text from the manifest generated from the same sources; the queries then cost
 * the page no bytes).
 */
(graphql as unknown as { persisted: (hash: string, name: string) => object }).persisted = (hash, name) => ({
  ...parse(`query ${name}`),
  loc: undefined,
  hash,
});

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
