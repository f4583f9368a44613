// Answers queries on the public hot path without graphql's per-field machinery.
//
// A root field that opts in (`extensions: { leanExecution: true }`) promises
// that its resolver loads, in its own statements, everything its selection asks
// for (the opportunity list builds each row as JSON in PostgreSQL). Below such
// a field, the general executor would still walk every field of every row: it
// builds a path, an info object and an argument map per field and runs the
// plugins' resolver wrappers, which on a 20-row page is about a thousand fields
// and most of the request's time. This module plans the operation once per
// document and afterwards completes the rows directly with the fields' own
// resolvers (as Pothos declared them, before its plugins wrapped them).
//
// What the wrappers would have done must not change the answer, so a plan is
// made only where they could not: no field below the root has arguments, its
// own auth scopes, error unions or a null handler; objects have no
// interface-level scopes; and relations that several fields load must ask for
// them the same way (Prisma loads each relation once per row). A type whose
// auth scopes are a function is checked on every object, and anything but
// `true` abandons the lean answer. At run time, any surprise (a relation not
// loaded, a null where the schema promises a value, a resolver that throws or
// needs `info`) abandons it too, and the caller runs the general executor,
// which answers with the proper errors. The root field itself always runs
// through its full resolver, with every plugin (auth, complexity, validation).
//
// Below that, the resolver may go further (renderedSelection): for an object
// selection that sql-render.ts can build in SQL, PostgreSQL writes the answer's
// JSON for each row, and the completer passes that text through (RawJson) after
// checking the type's scopes on the row's own columns.
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  defaultFieldResolver,
  getArgumentValues,
  getVariableValues,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
} from 'graphql';
import { encodeWithRawJson, RawJson } from './raw-json.ts';
import { collectFields, plainFieldConfig, prismaSelectOf, typeOptionsOf, Unplannable } from './selection.ts';
import { type RenderedObject, renderedText, renderObject } from './sql-render.ts';

/** The extension a root field sets to be answered this way (see the module comment for what it promises). */
export const LEAN_EXECUTION = 'leanExecution';

/** Abandons the lean answer; thrown without a stack, since it is an expected outcome. */
const BAIL = Object.freeze({ bail: true });

interface Run {
  ctx: unknown;
  /** Resolvers that answered with a promise: their fields are completed when it settles. */
  pending: Promise<void>[];
  failed: boolean;
}

type Complete = (value: unknown, run: Run) => unknown;

interface FieldPlan {
  key: string;
  /** `__typename`: the object's type name, no resolver. */
  typename?: string;
  resolve?: GraphQLFieldResolver<unknown, unknown>;
  complete?: Complete;
}

interface RootFieldPlan {
  key: string;
  typename?: string;
  field?: GraphQLField<unknown, unknown>;
  fieldNodes?: FieldNode[];
  complete?: Complete;
  /** The selections below the field that PostgreSQL can render, by type name. */
  rendered?: Map<string, RenderedObject[]>;
}

/** What planning one root field carries down to its objects. */
interface PlanScope {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  rendered: Map<string, RenderedObject[]>;
}

interface Plan {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  root: GraphQLObjectType;
  fields: RootFieldPlan[];
}

const NO_ARGS = Object.freeze({});
const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function';

// ───────────────────────────── planning ─────────────────────────────

const plans = new WeakMap<DocumentNode, Map<string, Plan | null>>();

function planFor(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): Plan | null {
  let byName = plans.get(document);
  if (!byName) plans.set(document, (byName = new Map()));
  const name = operationName ?? '';
  let plan = byName.get(name);
  if (plan === undefined || (plan && plan.schema !== schema)) {
    try {
      plan = makePlan(schema, document, operationName);
    } catch (error) {
      if (!(error instanceof Unplannable)) throw error;
      plan = null;
    }
    byName.set(name, plan);
  }
  return plan;
}

function makePlan(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): Plan | null {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation || (!operationName && operations.length !== 1)) return null;
  if (operation.operation !== 'query' || operation.directives?.length) return null;
  const root = schema.getQueryType();
  if (!root) return null;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;

  const fields: RootFieldPlan[] = [];
  for (const [key, nodes] of collectFields(schema, fragments, root, [operation.selectionSet])) {
    const name = nodes[0]!.name.value;
    if (name === '__typename') {
      fields.push({ key, typename: root.name });
      continue;
    }
    const field = root.getFields()[name];
    if (!field || field.extensions?.[LEAN_EXECUTION] !== true) return null;
    const scope: PlanScope = { schema, fragments, rendered: new Map() };
    const complete = completerFor(scope, field.type, nodes);
    fields.push({ key, field, fieldNodes: nodes, complete, rendered: scope.rendered });
  }
  return { schema, operation, fragments, root, fields };
}

function completerFor(scope: PlanScope, type: GraphQLOutputType, nodes: readonly FieldNode[]): Complete {
  if (isNonNullType(type)) {
    const inner = completerFor(scope, type.ofType, nodes);
    return (value, run) => {
      if (value === null || value === undefined || isThenable(value)) throw BAIL;
      return inner(value, run);
    };
  }
  const inner = nullableCompleterFor(scope, type, nodes);
  return (value, run) => {
    if (value === null || value === undefined) return null;
    if (isThenable(value)) throw BAIL;
    return inner(value, run);
  };
}

function nullableCompleterFor(scope: PlanScope, type: GraphQLOutputType, nodes: readonly FieldNode[]): Complete {
  if (isListType(type)) {
    const item = completerFor(scope, type.ofType, nodes);
    return (value, run) => {
      if (!Array.isArray(value)) throw BAIL;
      const out = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i += 1) out[i] = item(value[i], run);
      return out;
    };
  }
  if (isLeafType(type)) {
    return (value) => {
      const serialized = type.serialize(value);
      if (serialized === null || serialized === undefined) throw BAIL;
      return serialized;
    };
  }
  if (isObjectType(type)) return objectCompleter(scope, type, nodes);
  // Interfaces and unions would need resolveType per value.
  throw new Unplannable('abstract type');
}

function objectCompleter(scope: PlanScope, type: GraphQLObjectType, nodes: readonly FieldNode[]): Complete {
  const typeOptions = typeOptionsOf(type);
  const scopes = typeOptions.authScopes;
  if (scopes !== undefined && typeof scopes !== 'function') throw new Unplannable('static type scopes');
  const typeScopes = scopes as ((parent: unknown, ctx: unknown) => unknown) | undefined;

  const selectionSets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  const fields: FieldPlan[] = [];
  const selects = new PrismaSelects();
  for (const [key, fieldNodes] of collectFields(scope.schema, scope.fragments, type, selectionSets)) {
    const name = fieldNodes[0]!.name.value;
    if (name === '__typename') {
      fields.push({ key, typename: type.name });
      continue;
    }
    const { field, extensions, config } = plainFieldConfig(type, name);
    selects.add(extensions.pothosPrismaSelect);
    const own =
      config.resolve === undefined || config.resolve === defaultFieldResolver ? propertyOf(name) : config.resolve;
    const loaded = extensions.pothosPrismaLoaded;
    // A relation the row does not carry would be loaded by Prisma's fallback: the general path does that.
    const resolve: GraphQLFieldResolver<unknown, unknown> = loaded
      ? (parent, args, ctx, info) => {
          if (!loaded(parent)) throw BAIL;
          return own(parent, args, ctx, info);
        }
      : own;
    fields.push({ key, resolve, complete: completerFor(scope, field.type, fieldNodes) });
  }
  // Rows may come with this selection rendered as JSON by PostgreSQL (sql-render.ts), when the root
  // field's resolver asks for it (renderedSelection); the type's scopes are still checked on the row.
  const rendered = renderObject(scope.schema, scope.fragments, type, nodes);
  if (rendered) {
    const known = scope.rendered.get(type.name);
    if (known) known.push(rendered);
    else scope.rendered.set(type.name, [rendered]);
  }

  return (source, run) => {
    if (typeScopes && typeScopes(source, run.ctx) !== true) throw BAIL;
    if (rendered) {
      const text = renderedText(source, rendered);
      if (text !== undefined) return new RawJson(text);
    }
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      if (field.typename !== undefined) {
        out[field.key] = field.typename;
        continue;
      }
      // Resolvers that read `info` fail here, and the general executor answers instead.
      const value = field.resolve!(source, NO_ARGS, run.ctx, undefined as unknown as GraphQLResolveInfo);
      if (isThenable(value)) {
        out[field.key] = null; // keeps the key's place in the answer
        run.pending.push(
          // Never rejects: a failure is recorded, so nothing is left unhandled when the answer is abandoned.
          Promise.resolve(value).then(
            (settled) => {
              try {
                out[field.key] = field.complete!(settled, run);
              } catch {
                run.failed = true;
              }
            },
            () => {
              run.failed = true;
            },
          ),
        );
      } else {
        out[field.key] = field.complete!(value, run);
      }
    }
    return out;
  };
}

/** graphql's default resolver without `info`: the property of that name (a method would need `info`). */
function propertyOf(name: string): GraphQLFieldResolver<unknown, unknown> {
  return (source) => {
    const value = (source as Record<string, unknown>)[name];
    if (typeof value === 'function') throw BAIL;
    return value;
  };
}

/**
 * The Prisma selections of one object's fields, checked to merge: a relation (or
 * relation count) that two fields select must be asked for with the same
 * arguments, or Prisma could not load both into the one key the resolvers read.
 */
class PrismaSelects {
  private readonly relations = new Map<string, string>();

  add(select: unknown) {
    // Relations select `{ select: { name: nestedQuery(query) } }`; only the query's own arguments matter here.
    const value = prismaSelectOf(select);
    if (!value) return;
    for (const [name, entry] of Object.entries(value)) {
      if (entry === true || entry === false || entry === undefined) continue;
      if (name === '_count') {
        const counts = (entry as { select?: Record<string, unknown> }).select;
        if (!counts || typeof counts !== 'object') throw new Unplannable('_count shape');
        for (const [relation, count] of Object.entries(counts)) this.agree(`_count.${relation}`, count);
        continue;
      }
      if (typeof entry !== 'object') throw new Unplannable('select entry');
      const { select: _select, include: _include, ...args } = entry as Record<string, unknown>;
      this.agree(name, args);
    }
  }

  private agree(name: string, args: unknown) {
    const key = stableJson(args === true ? {} : args);
    const known = this.relations.get(name);
    if (known !== undefined && known !== key) throw new Unplannable(`${name} selected two ways`);
    this.relations.set(name, key);
  }
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  if (typeof value === 'function') throw new Unplannable('computed select');
  return JSON.stringify(value) ?? 'undefined';
}

// ───────────────────────────── running ─────────────────────────────

/** The root fields' resolve infos of lean runs, with what may be rendered below them. */
const renderable = new WeakMap<GraphQLResolveInfo, Map<string, RenderedObject[]>>();

/**
 * For a root field's resolver: the selection of `typeName` objects below it
 * that its rows may carry rendered (sql-render.ts' renderedRows), when the lean executor runs
 * it and exactly one such selection can be rendered; otherwise null, and the
 * resolver loads rows as usual.
 */
export function renderedSelection(info: GraphQLResolveInfo, typeName: string): RenderedObject | null {
  const candidates = renderable.get(info)?.get(typeName);
  return candidates?.length === 1 ? candidates[0]! : null;
}

/**
 * The answer to `args` made the lean way, or null when the general executor
 * must answer (the operation cannot be planned, or something at run time
 * asked for what only it does; see the module comment).
 */
export function executeLean(args: ExecutionArgs): Promise<ExecutionResult | null> | null {
  const plan = planFor(args.schema, args.document, args.operationName);
  if (!plan) return null;
  return run(plan, args).catch(() => null);
}

async function run(plan: Plan, args: ExecutionArgs): Promise<ExecutionResult | null> {
  const variables = getVariableValues(plan.schema, plan.operation.variableDefinitions ?? [], args.variableValues ?? {});
  if (variables.errors) return null;
  const state: Run = { ctx: args.contextValue, pending: [], failed: false };
  const data: Record<string, unknown> = {};
  for (const field of plan.fields) {
    if (field.typename !== undefined) {
      data[field.key] = field.typename;
      continue;
    }
    const def = field.field!;
    const info: GraphQLResolveInfo = {
      fieldName: def.name,
      fieldNodes: field.fieldNodes!,
      returnType: def.type,
      parentType: plan.root,
      path: { prev: undefined, key: field.key, typename: plan.root.name },
      schema: plan.schema,
      fragments: plan.fragments,
      rootValue: args.rootValue,
      operation: plan.operation,
      variableValues: variables.coerced,
    };
    renderable.set(info, field.rendered!);
    const fieldArgs = getArgumentValues(def, field.fieldNodes![0]!, variables.coerced);
    const resolve = def.resolve ?? (defaultFieldResolver as GraphQLFieldResolver<unknown, unknown>);
    data[field.key] = field.complete!(await resolve(args.rootValue, fieldArgs, args.contextValue, info), state);
  }
  while (state.pending.length) {
    const settling = state.pending;
    state.pending = [];
    await Promise.all(settling);
  }
  // Yoga serialises the result with `stringify` and hands what it returns to `new Response(body)`,
  // which takes bytes as well as text (a batch joins answers in a template string, where a Buffer
  // decodes as UTF-8). encodeWithRawJson writes rendered selections (RawJson) into the bytes.
  return state.failed ? null : ({ data, stringify: encodeWithRawJson } as ExecutionResult);
}
