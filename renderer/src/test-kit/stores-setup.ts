// Vitest setup (vitest.config.ts setupFiles): zustand's create() is swapped for the tracking one
// of zustand-reset.ts, and every store goes back to its initial state after each test.
import { afterEach, vi } from 'vitest';
import { resetAllStores } from './store-resets';

vi.mock('zustand', () => import('./zustand-reset'));

afterEach(() => {
  resetAllStores();
});
