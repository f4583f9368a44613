import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

export const schemaPath = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema.prisma');

type Bindings = typeof import('@prisma/schema-engine-wasm') & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let bindings: Promise<Bindings> | undefined;

/**
 * Loads Prisma's schema engine compiled to WebAssembly. The package imports its
 * .wasm file as an ES module, which Node 20 only does behind a flag, so we
 * instantiate it ourselves and hand the exports to the wasm-bindgen glue.
 */
function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const require = createRequire(import.meta.url);
    const packageDir = dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
    const glue = (await import(join(packageDir, 'schema_engine_bg.js'))) as Bindings;
    const module = new WebAssembly.Module(readFileSync(join(packageDir, 'schema_engine_bg.wasm')));
    const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': glue as never });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
    return glue;
  })();
  return bindings;
}

const noFilters = { externalTables: [], externalEnums: [] };

/**
 * The SQL that takes the database behind `adapter` to the Prisma schema, or an
 * empty string when they already match. We never use the engine's shadow
 * database: callers hand in a scratch database with the migrations applied.
 */
export async function diffDatabaseToSchema(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  schema = readFileSync(schemaPath, 'utf8'),
): Promise<string> {
  const { SchemaEngine } = await loadBindings();
  const files = [{ path: schemaPath, content: schema }];
  const engine: SchemaEngine = await SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
  try {
    const result = await engine.diff({
      from: { tag: 'schemaDatasource', files, configDir: dirname(schemaPath) },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    // exitCode 2 means "there is a difference"; 0 means none.
    return result.exitCode === 2 ? (result.stdout ?? '') : '';
  } finally {
    engine.free();
  }
}
