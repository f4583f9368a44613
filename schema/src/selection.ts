import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

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
