// The SIP users both registrars of the REGISTER bench know: work numbers 2000-2199, password
// "pw-<number>", realm 12329 (ours and the one written into Kamailio's subscriber table).
import { createHash } from 'node:crypto';

export const BENCH_REALM = '12329';
export const BENCH_USERS = Array.from({ length: 200 }, (_, i) => String(2000 + i));

export function benchPassword(user: string): string {
  return `pw-${user}`;
}

export function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

export function benchHa1(user: string, realm = BENCH_REALM): string {
  return md5(`${user}:${realm}:${benchPassword(user)}`);
}
