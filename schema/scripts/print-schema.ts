// Writes the printed SDL to schema/schema.graphql (committed; a test keeps it current).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printedSchema } from '../src/index.ts';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema.graphql');
writeFileSync(target, printedSchema());
console.log(`Wrote ${target}`);
