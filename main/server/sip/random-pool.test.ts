import { describe, expect, it } from 'vitest';
import { randomBase64url, randomHex } from './random-pool.js';

describe('random bytes from one CSPRNG block (tags, branches, nonces)', () => {
  it('gives the asked length and no repeats across several refills of the block', () => {
    const seen = new Set<string>();
    // 4,096-byte block, 6 bytes each: 2,000 draws cross the refill boundary twice.
    for (let i = 0; i < 2000; i++) {
      const tag = randomHex(6);
      expect(tag).toMatch(/^[0-9a-f]{12}$/);
      seen.add(tag);
    }
    expect(seen.size).toBe(2000);
    expect(randomBase64url(9)).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });

  it('refuses more than one block at once', () => {
    expect(() => randomHex(5000)).toThrow(RangeError);
  });
});
