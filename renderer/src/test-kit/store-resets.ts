// Tests only: how to put each zustand store created so far back to its initial state. Apart from
// zustand-reset.ts so that the setup of a test that never loads zustand does not load it either.
const resets = new Set<() => void>();

export function onStoreReset(reset: () => void): void {
  resets.add(reset);
}

/** Puts every store created so far back to its initial state. */
export function resetAllStores(): void {
  for (const reset of resets) reset();
}

/** How many stores are known (for the setup's own test). */
export function storeCount(): number {
  return resets.size;
}
