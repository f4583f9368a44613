import { defineConfig } from 'vitest/config';
import { singleGraphql } from '../vitest.shared.ts';

export default defineConfig({
  resolve: singleGraphql,
  test: {
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file opens its own database copy; two at a time suits a 2-core machine.
    maxWorkers: 2,
  },
});
