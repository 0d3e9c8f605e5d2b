import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests import workspace packages from source, so `npm test` needs no build step. A package's subpath
// export (`@chitieu/reports/types`) maps to the source file of the same name.
const packages: Record<string, string> = {
  core: './packages/core',
  rules: './packages/rules',
  'plan-file': './packages/plan-file',
  contract: './packages/contract',
  db: './packages/db',
  reports: './packages/reports',
  server: './apps/server',
};
const source = (dir: string, file: string) =>
  fileURLToPath(new URL(`${dir}/src/${file}.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: Object.entries(packages).flatMap(([name, dir]) => [
      { find: new RegExp(`^@chitieu/${name}$`), replacement: source(dir, 'index') },
      { find: new RegExp(`^@chitieu/${name}/([a-z-]+)$`), replacement: source(dir, '$1') },
    ]),
  },
  test: {
    globalSetup: ['test/global-setup.ts'],
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'apps/web/src/**/*.test.tsx', // component tests (jsdom, chosen per file)
      'apps/web/e2e/**/*.test.ts', // the web app in headless Chromium against a real server
      'test/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
