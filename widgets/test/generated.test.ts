// Files generated from the widgets' sources must be current: the API's persisted
// operations, the typed-operation schema, the Custom Elements Manifest and the README's
// widget reference. Each failure names the command that regenerates the file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, manifestFile, readmeFile, renderReadmeSection, withSection } from '../scripts/manifest.ts';
import {
  graphqlEnv,
  graphqlEnvFile,
  manifestFile as persistedFile,
  manifestText,
  sha256,
} from '../scripts/operations.ts';

describe('generated files', () => {
  it('api/src/persisted-operations.json holds exactly the widgets’ queries (npm run operations --workspace @tandem/widgets)', async () => {
    const committed = readFileSync(persistedFile, 'utf8');
    expect(committed).toBe(await manifestText());
    const operations = JSON.parse(committed) as Record<string, string>;
    for (const [hash, query] of Object.entries(operations)) expect(sha256(query)).toBe(hash);
    const names = Object.values(operations).map((query) => /^query (\w+)/.exec(query)?.[1]);
    // The bench and api/test/caching.test.ts fetch these two by name.
    expect(names).toContain('PublicOpportunities');
    expect(names).toContain('PublicOpportunity');
    expect(Object.values(operations).every((query) => query.startsWith('query '))).toBe(true);
  });

  it('src/core/graphql-env.d.ts is the committed schema (npm run operations --workspace @tandem/widgets)', () => {
    expect(readFileSync(graphqlEnvFile, 'utf8')).toBe(graphqlEnv());
  });

  it('custom-elements.json and the README’s widget reference are current (npm run manifest --workspace @tandem/widgets)', () => {
    const manifest = analyze();
    expect(readFileSync(manifestFile, 'utf8')).toBe(manifest);
    const readme = readFileSync(readmeFile, 'utf8');
    expect(readme).toBe(withSection(readme, renderReadmeSection(manifest)));
    // What a partner pastes is in it, and every widget has its entry.
    expect(readme).toContain('<script type="module" src="https://tandem.example.org/widgets/tandem.js"></script>');
    for (const tag of ['tandem-opportunities', 'tandem-signup']) expect(readme).toContain(`### \`<${tag}>\``);
  });
});
