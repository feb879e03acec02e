import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { storeCount } from './store-resets';

// The two tests run in order: the second sees what the setup's afterEach left of the first.
const useCounter = create<{ count: number; bump(): void }>()((set, get) => ({ count: 0, bump: () => set({ count: get().count + 1 }) }));

describe('stores between tests (test-kit/stores-setup.ts)', () => {
  it('lets a test change a store', () => {
    useCounter.getState().bump();
    useCounter.getState().bump();
    expect(useCounter.getState().count).toBe(2);
    expect(storeCount()).toBeGreaterThan(0);
  });

  it('hands the next test the store as it was created', () => {
    expect(useCounter.getState().count).toBe(0);
    useCounter.getState().bump();
    expect(useCounter.getState().count).toBe(1);
  });
});
