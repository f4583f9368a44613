import { defineConfig } from 'vitest/config';
import { singleGraphql } from '../vitest.shared.ts';
export default defineConfig({
  resolve: { alias: [{ find: /^\.\.\/src\/yoga\.ts$/, replacement: '/work/main/.tandem/wired-test/yoga.ts' }, { find: 'graphql', replacement: singleGraphql.alias.graphql }] },
  test: { globalSetup: ['./test/global-setup.ts'], testTimeout: 60_000, hookTimeout: 120_000, maxWorkers: 2 },
});
