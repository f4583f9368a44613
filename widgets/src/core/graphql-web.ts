// A stand-in for @0no-co/graphql.web (the parser and printer inside @urql/core),
// aliased in by scripts/build.ts. The widgets never hand urql a query string
// nor a document without its source text: every document comes from graphql()
// in graphql.ts and carries its exact text, which urql sends as it is. So urql
// needs no parser or printer, and the page saves their ~3.5 KB (min+gzip). A
// query the build replaced by its persisted-operation id (graphql.ts) prints as
// that id: urql only uses it as a cache key, and sends the id, not the text.
// Only what urql and this package use is here.
export const Kind = {
  NAME: 'Name',
  DOCUMENT: 'Document',
  OPERATION_DEFINITION: 'OperationDefinition',
  FRAGMENT_DEFINITION: 'FragmentDefinition',
  FIELD: 'Field',
} as const;

interface SourceDocument {
  kind: 'Document';
  definitions: { kind: string; operation?: string; name?: { kind: 'Name'; value: string } }[];
  loc?: { start: number; end: number; source: { body: string; name: string; locationOffset: object } };
}

/** The operation's type and name, read from the text; urql needs no more of a document. */
export function parse(text: string): SourceDocument {
  const definitions: SourceDocument['definitions'] = [];
  for (const [, type, name] of text.matchAll(/(?:^|\n)\s*(query|mutation|subscription|fragment)\s+(\w+)/g)) {
    definitions.push(
      type === 'fragment'
        ? { kind: Kind.FRAGMENT_DEFINITION, name: { kind: Kind.NAME, value: name! } }
        : { kind: Kind.OPERATION_DEFINITION, operation: type!, name: { kind: Kind.NAME, value: name! } },
    );
  }
  if (!definitions.length) throw new Error('Tandem: name every operation (query Name { … })');
  return {
    kind: Kind.DOCUMENT,
    definitions,
    loc: { start: 0, end: text.length, source: { body: text, name: 'tandem', locationOffset: { line: 1, column: 1 } } },
  };
}

/** The document's own text (graphql() always keeps it). */
export function print(document: SourceDocument & { hash?: string }): string {
  const body = document.loc?.source.body ?? (document.hash && `# ${document.hash}`);
  if (!body) throw new Error('Tandem: documents must come from graphql()');
  return body;
}

export class GraphQLError extends Error {
  readonly path: readonly (string | number)[] | undefined;
  readonly extensions: Record<string, unknown>;

  constructor(
    message: string,
    _nodes?: unknown,
    _source?: unknown,
    _positions?: unknown,
    path?: readonly (string | number)[],
    _originalError?: unknown,
    extensions?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'GraphQLError';
    this.path = path;
    this.extensions = extensions ?? {};
  }
}
