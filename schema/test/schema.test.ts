import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  isIntrospectionType,
  isObjectType,
  isInterfaceType,
  isInputObjectType,
  isEnumType,
  isUnionType,
  isScalarType,
  isSpecifiedScalarType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { printedSchema, schema } from '../src/index.ts';

describe('the GraphQL schema', () => {
  it('matches the committed schema.graphql (run `npm run print-schema` after changing it)', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', 'schema.graphql'), 'utf8');
    expect(printedSchema()).toBe(committed);
  });

  it('describes every type, field and input field', () => {
    const missing: string[] = [];
    // Relay's generated plumbing (PageInfo, edges, Node) and error unions are described by convention.
    const generated = /(Connection|Edge|Result)$|^(PageInfo|Node|Query|Mutation)$/;
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
      if (!type.description && !generated.test(type.name) && !isUnionType(type)) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        if (generated.test(type.name) && type.name !== 'Query' && type.name !== 'Mutation') continue;
        for (const field of Object.values(type.getFields())) {
          if (!field.description && !['id', 'node', 'nodes'].includes(field.name))
            missing.push(`${type.name}.${field.name}`);
        }
      }
      if (isEnumType(type) && !type.description) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });
});
