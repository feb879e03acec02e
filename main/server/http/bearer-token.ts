import { timingSafeEqual } from 'node:crypto';

/** A machine's `Authorization: Bearer <token>` (a scraper, a platform's callback), compared in constant time. */
export function bearerMatches(authorization: string | undefined, token: string): boolean {
  const given = Buffer.from(authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
