import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests import workspace packages from source, so `npm test` needs no build step.
const src = (p: string) => fileURLToPath(new URL(`${p}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@chitieu/core': src('./packages/core'),
      '@chitieu/plan-file': src('./packages/plan-file'),
      '@chitieu/db': src('./packages/db'),
      '@chitieu/reports': src('./packages/reports'),
      '@chitieu/server': src('./apps/server'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
