import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const src = (p: string) => fileURLToPath(new URL(`./packages/${p}/src/index.ts`, import.meta.url));

// Tests run against the sources; the e2e tests start the built server and web app.
export default defineConfig({
  resolve: {
    alias: {
      '@quyche/core': src('core'),
      '@quyche/db': src('db'),
      '@quyche/server': src('server'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/e2e/**/*.test.ts', 'bench/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser pages load from a fresh in-memory database: give polled expectations time.
    expect: { poll: { timeout: 10_000 } },
  },
});
