import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { hashPassword, sipHa1, verifyPassword } from './password-hash.js';

describe('password hashing', () => {
  it('stores scrypt with its parameters and a random salt, and verifies only the right password', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b); // different salts
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horse', b)).toBe(true);
    expect(await verifyPassword('correct hors', a)).toBe(false);
    expect(await verifyPassword('Correct horse', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('rejects stored values that are not ours', async () => {
    expect(await verifyPassword('x', 'plain')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$1$2$3$4$5')).toBe(false);
  });

  it('computes the SIP digest HA1 for realm 12329', () => {
    const expected = createHash('md5').update('1001:12329:demo1001').digest('hex');
    expect(sipHa1('1001', 'demo1001')).toBe(expected);
    expect(sipHa1('1001', 'demo1001')).not.toBe(sipHa1('1002', 'demo1001'));
  });
});
