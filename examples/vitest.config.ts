import { defineConfig } from 'vitest/config';
import { singleGraphql } from '../vitest.shared.ts';

export default defineConfig({
  resolve: singleGraphql,
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // A widget answers after a round trip to the API: give each poll a few seconds, not vitest's default one.
    expect: { poll: { timeout: 10_000, interval: 100 } },
    // Each file starts an API, the partner site and a Chromium: one file at a time suits a 2-core machine.
    fileParallelism: false,
    // One worker for all files: the API's modules (and the GraphQL schema) load once, not per file.
    isolate: false,
  },
});
