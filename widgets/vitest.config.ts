import { defineConfig } from 'vitest/config';
import { singleGraphql } from '../vitest.shared.ts';

export default defineConfig({
  resolve: singleGraphql,
  test: {
    // The same seeded template database the API tests use; each test file opens its own copy.
    globalSetup: ['../api/test/global-setup.ts'],
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file runs a database, an API and a Chromium: two at a time suits a 2-core machine.
    maxWorkers: 2,
  },
});
