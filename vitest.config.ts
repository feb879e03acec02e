import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{main,preload,shared,renderer,scripts}/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'e2e/**'],
    environment: 'node',
    // Every zustand store is put back to its initial state after each test (zustand's testing guide).
    setupFiles: ['renderer/src/test-kit/stores-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Two cores: integration tests start real servers and SIP peers.
    maxWorkers: 2,
  },
});
