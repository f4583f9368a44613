import { disposeTestTemplate, prepareTestTemplate, type TestTemplate } from '@tandem/db/testing';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    template: TestTemplate;
  }
}

/** Builds the migrated, seeded template database once for the whole run. */
export default async function setup(project: TestProject) {
  const template = await prepareTestTemplate();
  project.provide('template', template);
  return () => disposeTestTemplate(template);
}
