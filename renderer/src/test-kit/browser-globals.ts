import { vi } from 'vitest';

/** Tests only: a Map-backed Web Storage, as the stores persist drafts and the live call in it. */
export class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem = (key: string): string | null => this.items.get(key) ?? null;
  setItem = (key: string, value: string): void => void this.items.set(key, String(value));
  removeItem = (key: string): void => void this.items.delete(key);
}

/**
 * Tests only: what the stores touch of a browser, for running them in Node. Call it before
 * importing a store (the stores read storage when they are created).
 */
export function stubBrowserGlobals(window: Record<string, unknown> = {}): void {
  vi.stubGlobal('localStorage', new MemoryStorage());
  vi.stubGlobal('sessionStorage', new MemoryStorage());
  vi.stubGlobal('window', { location: { origin: 'http://127.0.0.1:8329' }, ...window });
}
