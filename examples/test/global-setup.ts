import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { disposeTestTemplate, prepareTestTemplate, type TestTemplate } from '@tandem/db/testing';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    template: TestTemplate;
    /** A copy of widgets/dist taken when the run started. */
    widgetsDir: string;
  }
}

/**
 * Builds the migrated, seeded template database once for the whole run (each
 * file gets its own copy), and copies the built widgets aside: a rebuild during
 * the run (it replaces the hashed chunks) must not pull files from under a page.
 */
export default async function setup(project: TestProject) {
  const dist = fileURLToPath(new URL('../../widgets/dist/', import.meta.url));
  if (!existsSync(join(dist, 'tandem.js'))) {
    throw new Error('widgets/dist/tandem.js is missing: run `npm run build --workspace @tandem/widgets` first.');
  }
  const widgetsDir = mkdtempSync(join(tmpdir(), 'tandem-e2e-widgets-'));
  cpSync(dist, widgetsDir, { recursive: true });
  project.provide('widgetsDir', widgetsDir);
  const template = await prepareTestTemplate();
  project.provide('template', template);
  return async () => {
    rmSync(widgetsDir, { recursive: true, force: true });
    await disposeTestTemplate(template);
  };
}
