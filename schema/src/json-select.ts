// Loads what a Pothos/Prisma selection asks for with one hand-written SQL
// expression that builds each row as JSON in PostgreSQL (json_build_object and
// json_agg, the way PostGraphile does), instead of Prisma's query engine. On
// the public opportunity list, Prisma's runtime and the garbage it makes cost
// most of the time; the SQL itself takes a few milliseconds.
//
// The rows come back in exactly the shape Prisma would return for the same
// selection (DateTime columns as Date, relations nested under their field
// names, `_count` as an object), so Pothos resolves every field from them as if
// Prisma had loaded them. What this compiler does not know (relation filters
// other than equality, ordering by a relation, nested pagination, composite
// keys, Decimal/BigInt/Bytes) makes `compileSelection` answer null, and the
// caller loads those rows with Prisma instead.
import { Prisma } from '@tandem/db';
import { getDatamodel } from '@tandem/db/pothos-types';

export interface DmmfField {
  name: string;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isList: boolean;
  isId: boolean;
  isRequired: boolean;
  relationName?: string;
  relationFromFields?: string[];
}

export interface DmmfModel {
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
}

const MODELS = getDatamodel().datamodel.models as unknown as Record<string, DmmfModel>;

/** JSON carries these scalar types faithfully; DateTime is revived into Date below. */
const JSON_SCALARS = new Set(['String', 'Int', 'Boolean', 'Float', 'Json', 'DateTime']);

/** The selection uses something the compilers of this module and sql-render.ts do not support. */
export class Unsupported extends Error {}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Names come from the datamodel; they are checked anyway, since they are written into the SQL text. */
export function checked(name: string): string {
  if (!NAME.test(name)) throw new Unsupported(`name ${name}`);
  return name;
}
export const ident = (name: string) => Prisma.raw(`"${checked(name)}"`);
/** A JSON key as an SQL literal (not a parameter: a page has hundreds). */
export const key = (name: string) => Prisma.raw(`'${checked(name)}'`);

export function modelOf(name: string): DmmfModel {
  const model = MODELS[name];
  if (!model) throw new Unsupported(`no model ${name}`);
  return model;
}

export function idOf(model: DmmfModel): string {
  const ids = model.fields.filter((f) => f.isId);
  if (ids.length !== 1 || model.primaryKey) throw new Unsupported('composite or missing primary key');
  return ids[0]!.name;
}

export function fieldOf(model: DmmfModel, name: string): DmmfField {
  const field = model.fields.find((f) => f.name === name);
  if (!field) throw new Unsupported(`no field ${name}`);
  return field;
}

/** How the rows of `field`'s model join the parent row: `child.childColumn = parent.parentColumn`. */
export function joinOf(model: DmmfModel, field: DmmfField): { childColumn: string; parentColumn: string } {
  const target = modelOf(field.type);
  if (field.relationFromFields?.length) {
    // The foreign key is on the parent; every relation in the schema references the target's id.
    if (field.relationFromFields.length !== 1) throw new Unsupported('composite foreign key');
    return { childColumn: idOf(target), parentColumn: field.relationFromFields[0]! };
  }
  const back = target.fields.filter(
    (f) => f.relationName === field.relationName && f !== field && (f.relationFromFields?.length ?? 0) > 0,
  );
  if (back.length !== 1 || back[0]!.relationFromFields!.length !== 1) throw new Unsupported('relation side');
  return { childColumn: back[0]!.relationFromFields![0]!, parentColumn: idOf(model) };
}

/** `{ column: value }` equality filters only (what the schema's relation counts and lists use). */
export function whereSql(model: DmmfModel, alias: string, where: unknown): Prisma.Sql[] {
  if (where === undefined) return [];
  if (!where || typeof where !== 'object' || Array.isArray(where)) throw new Unsupported('where');
  return Object.entries(where).map(([name, value]) => {
    const field = fieldOf(model, name);
    const column = Prisma.sql`${Prisma.raw(alias)}.${ident(name)}`;
    if (field.kind !== 'scalar' && field.kind !== 'enum') throw new Unsupported('relation filter');
    if (field.isList || field.type === 'Json') throw new Unsupported('list or JSON filter');
    if (value === null) return Prisma.sql`${column} IS NULL`;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new Unsupported('filter operator');
    }
    return field.kind === 'enum'
      ? Prisma.sql`${column} = CAST(${value} AS ${ident(field.type)})`
      : Prisma.sql`${column} = ${value}`;
  });
}

export function orderBySql(model: DmmfModel, alias: string, orderBy: unknown): Prisma.Sql {
  if (orderBy === undefined) return Prisma.empty;
  const terms = (Array.isArray(orderBy) ? orderBy : [orderBy]).map((entry: unknown) => {
    const pairs = entry && typeof entry === 'object' ? Object.entries(entry) : [];
    if (pairs.length !== 1) throw new Unsupported('orderBy');
    const [name, spec] = pairs[0]!;
    const field = fieldOf(model, name);
    if (field.kind !== 'scalar' && field.kind !== 'enum') throw new Unsupported('orderBy relation');
    const { sort, nulls } =
      typeof spec === 'string' ? { sort: spec, nulls: undefined } : (spec as { sort?: string; nulls?: string });
    if (sort !== 'asc' && sort !== 'desc') throw new Unsupported('orderBy direction');
    if (nulls !== undefined && nulls !== 'first' && nulls !== 'last') throw new Unsupported('orderBy nulls');
    return Prisma.raw(
      `${alias}."${checked(name)}" ${sort === 'asc' ? 'ASC' : 'DESC'}${nulls ? ` NULLS ${nulls === 'first' ? 'FIRST' : 'LAST'}` : ''}`,
    );
  });
  return Prisma.sql` ORDER BY ${Prisma.join(terms, ', ')}`;
}

type Revive = (row: Record<string, unknown>) => void;

const reviveDate = (value: string) =>
  // timestamp(3) comes without a zone (it is UTC); @db.Date as YYYY-MM-DD, which Date reads as UTC.
  new Date(value.length === 10 || value.endsWith('Z') ? value : `${value}Z`);

interface Compiled {
  json: Prisma.Sql;
  /** LEFT JOINs of the to-one relations (and theirs), to add after the row's FROM. */
  joins: Prisma.Sql;
  revive: Revive;
}

/** Relation arguments: a selection plus, for lists, equality filters and ordering. */
interface RelationArgs {
  select?: Record<string, unknown>;
  include?: Record<string, unknown>;
  where?: unknown;
  orderBy?: unknown;
}

function relationArgs(value: unknown): RelationArgs {
  if (value === true) return {};
  if (!value || typeof value !== 'object') throw new Unsupported('relation value');
  for (const arg of Object.keys(value)) {
    if (!['select', 'include', 'where', 'orderBy'].includes(arg)) throw new Unsupported(`relation ${arg}`);
  }
  return value as RelationArgs;
}

/** Compiles one object (a row of `modelName` aliased `alias`) into a json_build_object expression. */
function compileObject(modelName: string, alias: string, args: RelationArgs, aliases: { next: number }): Compiled {
  const model = modelOf(modelName);
  if (args.select && args.include) throw new Unsupported('select and include');
  const entries: [string, unknown][] = args.select
    ? Object.entries(args.select)
    : [
        ...model.fields
          .filter((f) => f.kind === 'scalar' || f.kind === 'enum')
          .map((f): [string, unknown] => [f.name, true]),
        ...Object.entries(args.include ?? {}),
      ];
  const parts: Prisma.Sql[] = [];
  const joins: Prisma.Sql[] = [];
  const revivers: Revive[] = [];
  for (const [name, value] of entries) {
    if (value === false || value === undefined) continue;
    if (name === '_count') {
      parts.push(Prisma.sql`${key('_count')}, ${compileCount(model, alias, value, aliases)}`);
      continue;
    }
    const field = fieldOf(model, name);
    if (field.kind === 'scalar' || field.kind === 'enum') {
      if (value !== true) throw new Unsupported('scalar selection');
      if (field.kind === 'scalar' && !JSON_SCALARS.has(field.type)) throw new Unsupported(field.type);
      if (field.type === 'DateTime') {
        if (field.isList) throw new Unsupported('DateTime[]');
        revivers.push((row) => {
          const v = row[name];
          if (typeof v === 'string') row[name] = reviveDate(v);
        });
      }
      parts.push(Prisma.sql`${key(name)}, ${Prisma.raw(alias)}.${ident(name)}`);
      continue;
    }
    if (field.kind !== 'object') throw new Unsupported(field.kind);
    const relation = relationArgs(value);
    const { childColumn, parentColumn } = joinOf(model, field);
    const child = `t${aliases.next++}`;
    const inner = compileObject(field.type, child, relation, aliases);
    const target = modelOf(field.type);
    const on = Prisma.sql`${Prisma.raw(child)}.${ident(childColumn)} = ${Prisma.raw(alias)}.${ident(parentColumn)}`;
    if (field.isList) {
      // A list: one correlated aggregate per row, like PostGraphile's.
      const conditions = [on, ...whereSql(target, child, relation.where)];
      parts.push(
        Prisma.sql`${key(name)}, (SELECT coalesce(json_agg(${inner.json}${orderBySql(target, child, relation.orderBy)}), '[]'::json) FROM ${ident(field.type)} AS ${Prisma.raw(child)}${inner.joins} WHERE ${Prisma.join(conditions, ' AND ')})`,
      );
      revivers.push((row) => {
        for (const item of row[name] as Record<string, unknown>[]) inner.revive(item);
      });
    } else {
      // One row (a foreign key, or the unique back side of a one-to-one): a join, cheaper than a subquery per row.
      if (relation.where !== undefined || relation.orderBy !== undefined) throw new Unsupported('to-one arguments');
      joins.push(Prisma.sql` LEFT JOIN ${ident(field.type)} AS ${Prisma.raw(child)} ON ${on}`, inner.joins);
      parts.push(
        Prisma.sql`${key(name)}, CASE WHEN ${Prisma.raw(child)}.${ident(childColumn)} IS NULL THEN NULL ELSE ${inner.json} END`,
      );
      revivers.push((row) => {
        const nested = row[name] as Record<string, unknown> | null;
        if (nested) inner.revive(nested);
      });
    }
  }
  if (!parts.length) throw new Unsupported('empty selection');
  // json_build_object takes at most 100 arguments; jsonb objects merge with ||.
  const chunks: Prisma.Sql[] = [];
  for (let i = 0; i < parts.length; i += 50) {
    chunks.push(Prisma.sql`jsonb_build_object(${Prisma.join(parts.slice(i, i + 50), ', ')})`);
  }
  const json =
    chunks.length <= 1
      ? Prisma.sql`json_build_object(${Prisma.join(parts, ', ')})`
      : Prisma.sql`(${Prisma.join(chunks, ' || ')})::json`;
  return {
    json,
    joins: joins.length ? Prisma.join(joins, '') : Prisma.empty,
    revive: revivers.length ? (row) => revivers.forEach((revive) => revive(row)) : () => undefined,
  };
}

/** `_count: { select: { relation: true | { where } } }` as an object of counts. */
function compileCount(model: DmmfModel, alias: string, value: unknown, aliases: { next: number }): Prisma.Sql {
  const select = (value as { select?: Record<string, unknown> } | null)?.select;
  if (!select || Object.keys(value as object).length !== 1) throw new Unsupported('_count');
  const counts = Object.entries(select)
    .filter(([, v]) => v !== false)
    .map(([name, v]) => {
      const field = fieldOf(model, name);
      if (field.kind !== 'object' || !field.isList) throw new Unsupported('_count field');
      const where = v === true ? undefined : (v as { where?: unknown }).where;
      if (v !== true && Object.keys(v as object).some((k) => k !== 'where')) throw new Unsupported('_count args');
      const { childColumn, parentColumn } = joinOf(model, field);
      const child = `t${aliases.next++}`;
      const conditions = [
        Prisma.sql`${Prisma.raw(child)}.${ident(childColumn)} = ${Prisma.raw(alias)}.${ident(parentColumn)}`,
        ...whereSql(modelOf(field.type), child, where),
      ];
      return Prisma.sql`${key(name)}, (SELECT count(*)::int FROM ${ident(field.type)} AS ${Prisma.raw(child)} WHERE ${Prisma.join(conditions, ' AND ')})`;
    });
  if (!counts.length) throw new Unsupported('empty _count');
  return Prisma.sql`json_build_object(${Prisma.join(counts, ', ')})`;
}

export interface CompiledSelection {
  /** A json expression over the row aliased `t0`. */
  json: Prisma.Sql;
  /** Joins to add after `FROM … AS t0` (the json expression reads their columns). */
  joins: Prisma.Sql;
  /** Turns a parsed row into what Prisma would have returned (in place). */
  revive: Revive;
}

/**
 * Compiles the selection part of Prisma findMany arguments (`select` or
 * `include`) for rows of `model` aliased `t0`, or answers null when the
 * selection uses something this compiler does not support.
 *
 * Every request of the same query asks for the same selection, so compiled
 * selections are kept by their shape (filter values included): compiling the
 * widgets' list page allocated about a tenth of all that its request did.
 */
export function compileSelection(model: string, args: Record<string, unknown>): CompiledSelection | null {
  const shape = shapeOf(model, args);
  const known = shape === null ? undefined : compiledByShape.get(shape);
  if (known !== undefined) return known;
  const compiled = compileUncached(model, args);
  if (shape !== null) {
    // Shapes come from the queries clients send; the oldest goes first.
    if (compiledByShape.size >= MAX_SHAPES) compiledByShape.delete(compiledByShape.keys().next().value!);
    compiledByShape.set(shape, compiled);
  }
  return compiled;
}

const MAX_SHAPES = 200;
const compiledByShape = new Map<string, CompiledSelection | null>();

/** The selection as a key, or null when it holds values other than JSON's (those are compiled every time). */
function shapeOf(model: string, args: Record<string, unknown>): string | null {
  const key = plainKey(args);
  return key === null ? null : `${model} ${key}`;
}

function plainKey(value: unknown): string | null {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value !== 'object') return null;
  const parts: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const part = plainKey(item);
      if (part === null) return null;
      parts.push(part);
    }
    return `[${parts.join(',')}]`;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return null;
  for (const [name, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const part = plainKey(item);
    if (part === null) return null;
    parts.push(`${JSON.stringify(name)}:${part}`);
  }
  return `{${parts.join(',')}}`;
}

function compileUncached(model: string, args: Record<string, unknown>): CompiledSelection | null {
  if (Object.keys(args).some((key) => key !== 'select' && key !== 'include')) return null;
  try {
    return compileObject(model, 't0', args as RelationArgs, { next: 1 });
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}
