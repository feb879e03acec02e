// Random bytes for tags, branches, Call-IDs and nonces, drawn from one CSPRNG block at a time:
// crypto.randomBytes costs a native call per use, and a REGISTER needed three (issue 17 profile).
import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;
const pool = Buffer.allocUnsafe(POOL_BYTES);
let used = POOL_BYTES;

/** A view of `n` fresh random bytes: read it at once, the pool is refilled later. */
function take(n: number): Buffer {
  if (n > POOL_BYTES) throw new RangeError(`at most ${POOL_BYTES} random bytes at once`);
  if (used + n > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const start = used;
  used += n;
  return pool.subarray(start, start + n);
}

export function randomHex(n: number): string {
  return take(n).toString('hex');
}

export function randomBase64url(n: number): string {
  return take(n).toString('base64url');
}
