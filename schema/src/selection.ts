import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  isAbstractType,
  Kind,
  type SelectionSetNode,
  typeFromAST,
} from 'graphql';

/**
 * Whether the field being resolved asks for `name` directly below it, through
 * fragments too. Directives are not evaluated: a field under `@skip` counts as
 * asked for, so use this only to load something early, never to hide it.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const seen = new Set<string>();
  const within = (set: SelectionSetNode | undefined): boolean =>
    !!set?.selections.some((selection) => {
      switch (selection.kind) {
        case Kind.FIELD:
          return selection.name.value === name;
        case Kind.INLINE_FRAGMENT:
          return within(selection.selectionSet);
        case Kind.FRAGMENT_SPREAD: {
          const fragment = selection.name.value;
          if (seen.has(fragment)) return false;
          seen.add(fragment);
          return within(info.fragments[fragment]?.selectionSet);
        }
      }
    });
  return info.fieldNodes.some((node) => within(node.selectionSet));
}

/**
 * A selection that an executor planned ahead (lean-execution.ts, sql-render.ts)
 * cannot answer; the general executor answers it instead.
 */
export class Unplannable extends Error {}

/**
 * The fields a selection asks of an object type, by response key (graphql's
 * CollectFields). Directives depend on variables, so a selection with any is
 * Unplannable.
 */
export function collectFields(
  schema: GraphQLSchema,
  fragments: Record<string, FragmentDefinitionNode>,
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const matches = (condition: FragmentDefinitionNode['typeCondition'] | undefined) => {
    if (!condition) return true;
    const conditional = typeFromAST(schema, condition);
    return (
      conditional === type || (!!conditional && isAbstractType(conditional) && schema.isSubType(conditional, type))
    );
  };
  const walk = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.directives?.length) throw new Unplannable('directive');
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const list = fields.get(key);
        if (list) list.push(selection);
        else fields.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (matches(selection.typeCondition)) walk(selection.selectionSet);
      } else {
        const name = selection.name.value;
        if (visited.has(name)) continue;
        visited.add(name);
        const fragment = fragments[name];
        if (!fragment || fragment.directives?.length) throw new Unplannable('fragment');
        if (matches(fragment.typeCondition)) walk(fragment.selectionSet);
      }
    }
  };
  for (const selectionSet of selectionSets) walk(selectionSet);
  return fields;
}

/** Field options whose wrappers (scope-auth, errors, prisma's null handler) could change the answer. */
export const WRAPPED_OPTIONS = [
  'authScopes',
  'grantScopes',
  'skipTypeScopes',
  'skipInterfaceScopes',
  'unauthorizedResolver',
  'errors',
  'onNull',
];

/** What Pothos and its Prisma plugin keep in a type's or field's extensions. */
export interface PothosExtensions {
  pothosOptions?: Record<string, unknown>;
  pothosConfig?: { resolve?: GraphQLFieldResolver<unknown, unknown>; pothosOptions?: Record<string, unknown> };
  pothosPrismaModel?: string;
  pothosPrismaSelect?: unknown;
  pothosPrismaLoaded?: (parent: unknown) => boolean;
  pothosPrismaRelationField?: { name: string; type: string; isList: boolean; isRequired: boolean };
  pothosExposedField?: string;
}

/** Pothos' options of an object type, when the type is one Pothos built and no interface of it has scopes. */
export function typeOptionsOf(type: GraphQLObjectType): Record<string, unknown> {
  const options = (type.extensions as PothosExtensions).pothosOptions;
  if (!options || options.grantScopes) throw new Unplannable('type grants');
  for (const iface of type.getInterfaces()) {
    if ((iface.extensions as PothosExtensions).pothosOptions?.authScopes) throw new Unplannable('interface scopes');
  }
  return options;
}

/** A field's Pothos config, when neither arguments nor plugin wrappers could change what it answers. */
export function plainFieldConfig(type: GraphQLObjectType, name: string) {
  const field = type.getFields()[name];
  const extensions = field?.extensions as PothosExtensions | undefined;
  const config = extensions?.pothosConfig;
  if (!field || !extensions || !config || field.args.length) throw new Unplannable(`field ${name}`);
  const options = config.pothosOptions ?? {};
  if (WRAPPED_OPTIONS.some((option) => options[option] !== undefined)) throw new Unplannable(`wrapped ${name}`);
  return { field, extensions, config };
}

const NO_ARGS = Object.freeze({});

/**
 * What a field's `pothosPrismaSelect` asks Prisma to load on its row: columns,
 * relation counts, and relations with their own query arguments (a nested
 * selection stands in as `select: {}`). Null when it asks for nothing.
 */
export function prismaSelectOf(select: unknown): Record<string, unknown> | null {
  if (!select) return null;
  if (typeof select !== 'function') {
    if (typeof select !== 'object') throw new Unplannable('select shape');
    return select as Record<string, unknown>;
  }
  let value: unknown;
  try {
    value = (select as (...args: unknown[]) => unknown)(NO_ARGS, undefined, (query: unknown) => ({
      ...(query && typeof query === 'object' ? query : {}),
      select: {},
    }));
  } catch {
    throw new Unplannable('select needs the request');
  }
  if (value && typeof (value as { then?: unknown }).then === 'function') throw new Unplannable('async select');
  const selected = (value as { select?: unknown } | null)?.select;
  if (!selected || typeof selected !== 'object') throw new Unplannable('select shape');
  return selected as Record<string, unknown>;
}
