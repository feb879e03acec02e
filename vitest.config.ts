import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{main,preload,shared,renderer,scripts}/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'e2e/**'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Two cores: integration tests start real servers and SIP peers.
    maxWorkers: 2,
  },
});
