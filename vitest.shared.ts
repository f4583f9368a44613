import { createRequire } from 'node:module';

/**
 * Pothos and graphql-yoga load `graphql` through require (CommonJS) while
 * vitest would load our imports of it as ES modules: two copies, which graphql
 * refuses ("Cannot use GraphQLScalarType from another module or realm").
 * Pointing every import at the CommonJS entry keeps one copy, as in `npm start`.
 */
export const singleGraphql = {
  alias: { graphql: createRequire(import.meta.url).resolve('graphql') },
};
