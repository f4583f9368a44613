import { defineConfig } from 'vitest/config';
import { singleGraphql } from '../vitest.shared.ts';

export default defineConfig({ resolve: singleGraphql, test: { testTimeout: 30_000 } });
