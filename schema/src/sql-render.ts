// Renders what a query asks of a Prisma-backed object as the JSON of the
// answer itself, in one SQL expression: PostgreSQL writes the final text and
// the server passes it through (lean-execution.ts, raw-json.ts). On the public
// list this saves parsing the rows, running the resolvers and serialising the
// answer: about a third of the server's time per request.
//
// The text is compact JSON, as JSON.stringify writes it: each object is one
// concat() of its keys and its values' JSON text (leafJson), each list one string_agg.
// json_build_object and json_agg would space it (`"key" : value`), a sixth
// more bytes for PostgreSQL, the server and the client to carry, and cost
// PostgreSQL more time to write.
//
// Each field is rendered as its resolver would answer it:
//  - an exposed column by its GraphQL type (DateTime as Date#toISOString writes it);
//  - a node's `id` as Pothos' global id, when the node's id is the row's id column;
//  - a relation through its foreign key, with the relation's own ordering and
//    equality filters, as json-select.ts loads it;
//  - any other field only when it declares its SQL beside its resolver
//    (`extensions: renderedAs(...)`), e.g. a text in the request's language.
// Anything else (arguments, auth scopes or error handling on a field, scopes on
// a nested type, an abstract type, a scalar without a known rendering, a
// non-null field over a nullable column, an alias starting with `__`) makes
// the selection unrenderable, and
// the lean executor completes it from rows as before. The differential tests in
// api/test/lean-execution.test.ts hold every rendering to what resolvers answer.
import { Prisma } from '@tandem/db';
import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import type { Locale } from './context.ts';
import { localized } from './i18n.ts';
import {
  checked,
  type DmmfField,
  type DmmfModel,
  fieldOf,
  ident,
  idOf,
  joinOf,
  modelOf,
  orderBySql,
  Unsupported,
  whereSql,
} from './json-select.ts';
import {
  collectFields,
  plainFieldConfig,
  type PothosExtensions,
  prismaSelectOf,
  typeOptionsOf,
  Unplannable,
} from './selection.ts';

export const RENDER_SQL = 'renderSql';

/** The request's language ('sl' or 'en') in a rendering (see renderEnv). */
export const LOCALE_SQL = Prisma.raw('env."locale"');
/** The time the request is answered at, as timestamp(3) in UTC (see renderEnv). */
export const NOW_SQL = Prisma.raw('env."now"');

/** How a field is rendered, declared beside its resolver. */
export type FieldSql =
  /** A leaf: its value over the parent row (`row` is its SQL alias), written as to_json writes it. */
  | { value: (row: string) => Prisma.Sql }
  /** A list of plain objects: a jsonb array over the parent row; their own fields read each element (a jsonb alias). */
  | { items: (row: string) => Prisma.Sql };

/** A field's `extensions` that declare its rendering. */
export const renderedAs = (sql: FieldSql) => ({ [RENDER_SQL]: sql });

/** A column of the row aliased `row`. */
export const column = (row: string, name: string) => Prisma.raw(`${row}."${checked(name)}"`);

/** i18n's `localized` over two text expressions. */
export function localizedSql(sl: Prisma.Sql, en: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE WHEN ${LOCALE_SQL} = 'en' AND ${en} <> '' THEN ${en} ELSE ${sl} END`;
}

/**
 * A text field in the language of the request from two columns (e.g. titleSl,
 * titleEn): its selection, resolver and rendering from one definition.
 */
export function localizedColumns<Sl extends string, En extends string>(sl: Sl, en: En) {
  return {
    select: { [sl]: true, [en]: true } as { [K in Sl | En]: true },
    resolve: (row: { [K in Sl]: string } & { [K in En]: string | null }, _args: unknown, ctx: { locale: Locale }) =>
      localized(ctx.locale, row[sl], row[en]),
    extensions: renderedAs({ value: (row) => localizedSql(column(row, sl), column(row, en)) }),
  };
}

/** The values a rendering reads from the request, as the FROM item `env` beside the rendered rows. */
export function renderEnv(locale: Locale): Prisma.Sql {
  // DateTime columns hold UTC without a zone, as Prisma writes them.
  return Prisma.sql`(SELECT CAST(${locale} AS text) AS "locale", CAST(${new Date().toISOString()} AS timestamp(3)) AS "now") AS env`;
}

export interface RenderedObject {
  /** A text expression, the object's JSON, over the row aliased `t0` and the request's `env` (renderEnv). */
  json: Prisma.Sql;
  /** Joins to add after `FROM … AS t0` (the json expression reads their columns). */
  joins: Prisma.Sql;
  /** `, t0."column" AS "column"` for the columns the type's scopes and a connection's cursor read. */
  columns: Prisma.Sql;
}

const RENDERED = Symbol('rendered');
interface RenderedRow {
  [RENDERED]?: { of: RenderedObject; text: string };
}

/**
 * Rows of a statement that selected `json AS "row"` and `columns`: each
 * becomes its columns, carrying the text for the completer of the same selection.
 */
export function renderedRows<T extends { row: string }>(rendered: RenderedObject, rows: T[]): Omit<T, 'row'>[] {
  return rows.map(({ row, ...columns }) => {
    (columns as RenderedRow)[RENDERED] = { of: rendered, text: row };
    return columns;
  });
}

/** The JSON text of `source` if it was rendered for exactly this selection. */
export function renderedText(source: unknown, rendered: RenderedObject): string | undefined {
  const carried = (source as RenderedRow)[RENDERED];
  return carried?.of === rendered ? carried.text : undefined;
}

/**
 * The rendering of `nodes`' selection on `type` (a Prisma-backed object), or
 * null when some part of it cannot be rendered. Made once per planned
 * document; the type's own scopes are left to the caller.
 */
export function renderObject(
  schema: GraphQLSchema,
  fragments: Record<string, FragmentDefinitionNode>,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
): RenderedObject | null {
  const modelName = (type.extensions as PothosExtensions).pothosPrismaModel;
  if (!modelName) return null;
  try {
    const model = modelOf(modelName);
    const compiler = new Compiler(schema, fragments);
    const { json, joins } = compiler.object(type, model, nodes, 't0');
    // The scopes read the type's own selection (the prismaNode/prismaObject `select`); a type
    // that loads every column could read any of them, so it is rendered only without scopes.
    const typeSelect = (type.extensions as PothosExtensions).pothosPrismaSelect;
    if (typeOptionsOf(type).authScopes !== undefined && (!typeSelect || typeof typeSelect !== 'object')) return null;
    const names = new Set([idOf(model), ...Object.keys((typeSelect as object | undefined) ?? {})]);
    for (const name of names) {
      const field = fieldOf(model, name);
      if (field.kind !== 'scalar' && field.kind !== 'enum') return null;
    }
    const columns = Prisma.raw([...names].map((name) => `, t0."${checked(name)}" AS "${name}"`).join(''));
    return { json, joins, columns };
  } catch (error) {
    if (error instanceof Unsupported || error instanceof Unplannable) return null;
    throw error;
  }
}

interface Rendered {
  /** The JSON text. */
  json: Prisma.Sql;
  joins: Prisma.Sql;
}

/**
 * How a leaf's SQL value becomes JSON text: `text` through to_json, which
 * escapes it; `literal` (integers, booleans) as PostgreSQL writes it, already
 * JSON; `plain` (timestamps, base64, enum names) between quotes, since it holds
 * no character JSON would escape. The last two skip to_json's call and scan.
 */
type LeafKind = 'text' | 'literal' | 'plain';

/** The JSON text of a leaf value; SQL's NULL as null (concat would write nothing for it). */
function leafJson(value: Prisma.Sql, nullable: boolean, kind: LeafKind = 'text'): Prisma.Sql {
  const json =
    kind === 'literal'
      ? Prisma.sql`CAST(${value} AS text)`
      : kind === 'plain'
        ? Prisma.sql`('"' || ${value} || '"')`
        : Prisma.sql`to_json(${value})`;
  return nullable ? Prisma.sql`coalesce(${json}, 'null')` : json;
}

/** A list's JSON text from the JSON texts of its items (none: `[]`). */
function listJson(items: Prisma.Sql, orderBy: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`coalesce('[' || string_agg(${items}, ','${orderBy}) || ']', '[]')`;
}

const DATE_TIME_FORMAT = Prisma.raw(`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`);

class Compiler {
  private aliases = 1;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Record<string, FragmentDefinitionNode>,
  ) {}

  /** A Prisma-backed object (`model` set) or a plain one read from a jsonb element (`model` null), aliased `row`. */
  object(type: GraphQLObjectType, model: DmmfModel | null, nodes: readonly FieldNode[], row: string): Rendered {
    // Throws for granted scopes and interface scopes, which SQL could not honour.
    typeOptionsOf(type);
    const selectionSets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
    // concat's arguments: '{"key":', value, ',"key":', value, …, '}'.
    const parts: Prisma.Sql[] = [];
    const joins: Prisma.Sql[] = [];
    const add = (responseKey: string, json: Prisma.Sql) =>
      parts.push(Prisma.raw(`'${parts.length ? ',' : '{'}"${checked(responseKey)}":'`), json);
    for (const [responseKey, fieldNodes] of collectFields(this.schema, this.fragments, type, selectionSets)) {
      const name = fieldNodes[0]!.name.value;
      // Plugins add fields under such aliases and take them out of the answer afterwards (the
      // response cache adds `__responseCacheTypeName`); they could not take them out of rendered text.
      if (responseKey.startsWith('__') && responseKey !== name) throw new Unsupported(`alias ${responseKey}`);
      if (name === '__typename') {
        add(responseKey, Prisma.raw(`'"${checked(type.name)}"'`));
        continue;
      }
      const { field, extensions } = plainFieldConfig(type, name);
      const declared = (extensions as Record<string, unknown>)[RENDER_SQL] as FieldSql | undefined;
      let value: Prisma.Sql;
      if (declared && 'value' in declared) {
        if (!isLeaf(field.type)) throw new Unsupported(`${name}: a value for an object`);
        value = leafJson(declared.value(row), true);
      } else if (declared) {
        value = this.items(field.type, declared.items(row), fieldNodes);
      } else if (!model) {
        throw new Unsupported(`${name} on a plain object`);
      } else if (extensions.pothosPrismaRelationField) {
        value = this.relation(model, field.type, extensions, fieldNodes, row, joins);
      } else if (name === 'id' && isNodeWithRowId(type, model)) {
        // Pothos' encodeGlobalID: base64 of "Type:id" (PostgreSQL breaks base64 into lines).
        value = leafJson(
          Prisma.sql`translate(encode(convert_to(${Prisma.raw(`'${checked(type.name)}:'`)} || ${column(row, idOf(model))}, 'UTF8'), 'base64'), E'\\n', '')`,
          false,
          'plain',
        );
      } else if (extensions.pothosExposedField) {
        value = this.exposed(model, field.type, extensions.pothosExposedField, row);
      } else {
        throw new Unsupported(`${name}: no rendering`);
      }
      add(responseKey, value);
    }
    // concat takes at most 100 arguments: 49 fields and the closing brace.
    if (!parts.length || parts.length > 98) throw new Unsupported('selection size');
    return {
      json: Prisma.sql`concat(${Prisma.join(parts, ', ')}, '}')`,
      joins: joins.length ? Prisma.join(joins, '') : Prisma.empty,
    };
  }

  /** A column's JSON text, written as the field's GraphQL type serialises it. */
  private exposed(model: DmmfModel, type: GraphQLOutputType, name: string, row: string): Prisma.Sql {
    const dmmf = fieldOf(model, name);
    // Prisma calls a scalar list required, but gives its column no NOT NULL.
    const nullable = !dmmf.isRequired || dmmf.isList;
    if (isNonNullType(type) && nullable) throw new Unsupported(`${name}: null for a non-null field`);
    const { value, kind } = this.exposedValue(dmmf, type, name, row);
    return leafJson(value, nullable, kind);
  }

  private exposedValue(
    dmmf: DmmfField,
    type: GraphQLOutputType,
    name: string,
    row: string,
  ): { value: Prisma.Sql; kind: LeafKind } {
    const named = isNonNullType(type) ? type.ofType : type;
    const value = column(row, name);
    if (isListType(named)) {
      const item = isNonNullType(named.ofType) ? named.ofType.ofType : named.ofType;
      // Scalar lists are arrays of non-null values; to_json writes them as JSON arrays.
      if (!dmmf.isList || !isScalarType(item) || item.name !== 'String' || dmmf.type !== 'String') {
        throw new Unsupported(`${name}: list`);
      }
      return { value, kind: 'text' };
    }
    if (dmmf.isList) throw new Unsupported(`${name}: list column`);
    if (isEnumType(named)) {
      // The column's value is the GraphQL name only when the enum maps each value to itself;
      // GraphQL names are letters, digits and underscores.
      if (dmmf.kind !== 'enum' || named.getValues().some((v) => v.value !== v.name)) {
        throw new Unsupported(`${name}: enum`);
      }
      return { value: Prisma.sql`CAST(${value} AS text)`, kind: 'plain' };
    }
    if (!isScalarType(named)) throw new Unsupported(`${name}: object`);
    if (named.name === 'DateTime' && dmmf.type === 'DateTime') {
      return { value: Prisma.sql`to_char(${value}, ${DATE_TIME_FORMAT})`, kind: 'plain' };
    }
    const pairs: Record<string, [string, LeafKind]> = {
      String: ['String', 'text'],
      ID: ['String', 'text'],
      // Int is a 4-byte integer column, Boolean's text is `true` or `false`: JSON as they are.
      Int: ['Int', 'literal'],
      Boolean: ['Boolean', 'literal'],
    };
    const pair = pairs[named.name];
    if (!pair || pair[0] !== dmmf.type || dmmf.kind !== 'scalar') throw new Unsupported(`${name}: ${named.name}`);
    return { value, kind: pair[1] };
  }

  /** A relation, through its foreign key, with the relation's own query arguments. */
  private relation(
    model: DmmfModel,
    type: GraphQLOutputType,
    extensions: PothosExtensions,
    nodes: readonly FieldNode[],
    row: string,
    joins: Prisma.Sql[],
  ): Prisma.Sql {
    const relation = extensions.pothosPrismaRelationField!;
    const dmmf = fieldOf(model, relation.name);
    const selected = prismaSelectOf(extensions.pothosPrismaSelect)?.[relation.name];
    const { select: _select, where, orderBy, ...rest } = (selected ?? {}) as Record<string, unknown>;
    if (Object.keys(rest).length) throw new Unsupported(`${relation.name}: ${Object.keys(rest).join(', ')}`);
    const target = modelOf(dmmf.type);
    const { childColumn, parentColumn } = joinOf(model, dmmf);
    const child = `t${this.aliases++}`;
    const on = Prisma.sql`${column(child, childColumn)} = ${column(row, parentColumn)}`;
    const nonNull = isNonNullType(type);
    const nullable = nonNull ? type.ofType : type;
    if (dmmf.isList) {
      if (!isListType(nullable)) throw new Unsupported(`${relation.name}: list`);
      const itemType = isNonNullType(nullable.ofType) ? nullable.ofType.ofType : nullable.ofType;
      const inner = this.object(this.prismaType(itemType, dmmf.type), target, nodes, child);
      const conditions = [on, ...whereSql(target, child, where)];
      return Prisma.sql`(SELECT ${listJson(inner.json, orderBySql(target, child, orderBy))} FROM ${ident(dmmf.type)} AS ${Prisma.raw(child)}${inner.joins} WHERE ${Prisma.join(conditions, ' AND ')})`;
    }
    if (where !== undefined || orderBy !== undefined) throw new Unsupported(`${relation.name}: to-one arguments`);
    if (nonNull && !dmmf.isRequired) throw new Unsupported(`${relation.name}: null for a non-null field`);
    const inner = this.object(this.prismaType(nullable, dmmf.type), target, nodes, child);
    joins.push(Prisma.sql` LEFT JOIN ${ident(dmmf.type)} AS ${Prisma.raw(child)} ON ${on}`, inner.joins);
    return Prisma.sql`CASE WHEN ${column(child, childColumn)} IS NULL THEN 'null' ELSE ${inner.json} END`;
  }

  /** A list of plain objects, one per element of a jsonb array, in the array's order. */
  private items(type: GraphQLOutputType, array: Prisma.Sql, nodes: readonly FieldNode[]): Prisma.Sql {
    const list = isNonNullType(type) ? type.ofType : type;
    if (!isListType(list)) throw new Unsupported('items: not a list');
    const itemType = isNonNullType(list.ofType) ? list.ofType.ofType : list.ofType;
    if (!isObjectType(itemType) || (itemType.extensions as PothosExtensions).pothosPrismaModel) {
      throw new Unsupported('items: not plain objects');
    }
    this.noScopes(itemType);
    const element = `e${this.aliases++}`;
    const inner = this.object(itemType, null, nodes, `${element}.v`);
    return Prisma.sql`(SELECT ${listJson(inner.json, Prisma.sql` ORDER BY ${Prisma.raw(element)}.n`)} FROM jsonb_array_elements(${array}) WITH ORDINALITY AS ${Prisma.raw(element)}(v, n))`;
  }

  /** The object type of a relation's rows, when its rendering needs no scopes checked. */
  private prismaType(type: GraphQLOutputType, modelName: string): GraphQLObjectType {
    if (!isObjectType(type) || (type.extensions as PothosExtensions).pothosPrismaModel !== modelName) {
      throw new Unsupported(`${modelName}: type`);
    }
    this.noScopes(type);
    return type;
  }

  private noScopes(type: GraphQLObjectType) {
    if (typeOptionsOf(type).authScopes !== undefined) throw new Unsupported(`${type.name}: scopes`);
  }
}

/**
 * A node type (prismaNode) whose global id is made from the row's own id
 * column: its id resolver, given a row, answers that column as it is.
 */
function isNodeWithRowId(type: GraphQLObjectType, model: DmmfModel): boolean {
  if (!type.getInterfaces().some((i) => i.name === 'Node')) return false;
  const resolve = (typeOptionsOf(type).id as { resolve?: (row: unknown, args: unknown, ctx: unknown) => unknown })
    ?.resolve;
  const probe = { [idOf(model)]: 'probe' };
  try {
    return resolve?.(probe, {}, undefined) === 'probe';
  } catch {
    return false;
  }
}

function isLeaf(type: GraphQLOutputType): boolean {
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) return isLeaf(nullable.ofType);
  return isScalarType(nullable) || isEnumType(nullable);
}
