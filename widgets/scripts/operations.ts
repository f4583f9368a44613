// The widgets' typed operations and what the API needs to know of them.
//  - src/core/graphql-env.d.ts: the schema's types for gql.tada, from the committed schema/schema.graphql.
//  - api/src/persisted-operations.json: every query of the widgets by the sha256 of its exact text, so the
//    widgets fetch them as GET with the hash only and the API's public cache can answer them.
// `npm run operations --workspace @tandem/widgets` writes both; widgets/test/generated.test.ts fails when either
// is stale.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSchema, introspectionFromSchema, Kind, type DocumentNode } from 'graphql';
import { minifyIntrospection, outputIntrospectionFile } from 'gql.tada/internal';

export const widgetsDir = fileURLToPath(new URL('..', import.meta.url));
export const repoDir = join(widgetsDir, '..');
export const schemaFile = join(repoDir, 'schema', 'schema.graphql');
export const graphqlEnvFile = join(widgetsDir, 'src', 'core', 'graphql-env.d.ts');
export const manifestFile = join(repoDir, 'api', 'src', 'persisted-operations.json');

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The text of src/core/graphql-env.d.ts for the committed schema. */
export function graphqlEnv(): string {
  const schema = buildSchema(readFileSync(schemaFile, 'utf8'));
  const introspection = introspectionFromSchema(schema, { descriptions: false });
  return outputIntrospectionFile(minifyIntrospection(introspection as never), {
    fileType: '.d.ts',
    shouldPreprocess: true,
  });
}

/** Every `operations.ts` under src/ (one per widget folder, and the core's). */
export function operationFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'operations.ts') files.push(path);
    }
  };
  walk(join(widgetsDir, 'src'));
  return files.sort();
}

function isDocument(value: unknown): value is DocumentNode {
  return typeof value === 'object' && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT;
}

/**
 * The persisted operations: the exact source text of every query the widgets
 * send, keyed by its sha256 (the widgets hash the same text in the browser).
 * Mutations are sent as POST with their text and are not listed.
 */
export async function persistedOperations(): Promise<Record<string, string>> {
  const byName = new Map<string, { text: string; file: string }>();
  for (const file of operationFiles()) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const value of Object.values(module)) {
      if (!isDocument(value)) continue;
      const operation = value.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
      if (!operation || operation.operation !== 'query') continue;
      const name = operation.name?.value;
      const text = value.loc?.source.body;
      if (!name || !text) throw new Error(`${relative(repoDir, file)}: every query needs a name and its source text`);
      const known = byName.get(name);
      if (known && known.text !== text) {
        throw new Error(`Two different queries are named ${name} (${known.file}, ${relative(repoDir, file)})`);
      }
      byName.set(name, { text, file: relative(repoDir, file) });
    }
  }
  const entries = [...byName.entries()].sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(entries.map(([, { text }]) => [sha256(text), text]));
}

export async function manifestText(): Promise<string> {
  return `${JSON.stringify(await persistedOperations(), null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(graphqlEnvFile, graphqlEnv());
  writeFileSync(manifestFile, await manifestText());
  console.log(`Wrote ${relative(repoDir, graphqlEnvFile)} and ${relative(repoDir, manifestFile)}`);
}
