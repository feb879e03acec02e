// The parent's children (migration 24): registered by GB/T 2260 code, each with at most one
// token. A token is shown once when issued and kept only as its sha256; issuing again replaces it.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { NetworkChild } from '../../../shared/api/network.js';
import { HttpError } from '../http/http-app.js';
import { childLevelOf, regionLevel, regionName, type RegionLevel } from '../../../shared/regions/gbt2260.js';

interface ChildRow {
  code: string;
  name: string;
  level: 'center' | 'province';
  hasToken: number;
  lastReportAt: number | null;
}

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export class NetworkRegistry {
  constructor(
    private readonly db: Db,
    /** This server's level: a province registers centers, a ministry provinces. */
    private readonly level: RegionLevel,
    /** This server's own code: a province registers only centers of its own prefix. */
    private readonly myCode: string,
  ) {}

  list(): NetworkChild[] {
    const rows = this.db
      .prepare('SELECT code, name, level, token_hash IS NOT NULL AS hasToken, last_report_at AS lastReportAt FROM network_children ORDER BY code')
      .all() as ChildRow[];
    return rows.map((r) => ({ ...r, hasToken: r.hasToken === 1 }));
  }

  get(code: string): NetworkChild | undefined {
    return this.list().find((c) => c.code === code);
  }

  /** Registers a child by code; its name comes from the bundled GB/T 2260 table. Registering twice is a no-op. */
  register(code: string, now: number): NetworkChild {
    const name = regionName(code);
    if (!name) throw new HttpError(400, 'unknown_region', `${code} is not a province or prefecture-level city of GB/T 2260`);
    const expected = childLevelOf(this.level);
    const level = regionLevel(code);
    if (!expected || level !== expected || (expected === 'center' && !this.underMe(code))) {
      throw new HttpError(
        400,
        'wrong_level',
        `a ${this.level} server registers ${expected ?? 'no'} children of its own area; ${code} is a ${level ?? 'unknown'}`,
      );
    }
    this.db
      .prepare('INSERT INTO network_children (code, name, level, registered_at) VALUES (?, ?, ?, ?) ON CONFLICT (code) DO NOTHING')
      .run(code, name, expected, now);
    return this.get(code)!;
  }

  /** A new token for a registered child (the old one stops working); returned once, kept hashed. */
  issueToken(code: string, now: number): string {
    const token = randomBytes(32).toString('base64url');
    const changed = this.db.prepare('UPDATE network_children SET token_hash = ?, token_issued_at = ? WHERE code = ?').run(hashToken(token), now, code).changes;
    if (changed === 0) throw new HttpError(404, 'unknown_child', `${code} is not registered here`);
    return token;
  }

  revokeToken(code: string): void {
    const changed = this.db.prepare('UPDATE network_children SET token_hash = NULL, token_issued_at = NULL WHERE code = ?').run(code).changes;
    if (changed === 0) throw new HttpError(404, 'unknown_child', `${code} is not registered here`);
  }

  /** The child a bearer token belongs to, if any (looked up by hash: the hash is the index). */
  childOfToken(token: string | undefined): NetworkChild | undefined {
    if (!token) return undefined;
    const code = this.db.prepare('SELECT code FROM network_children WHERE token_hash = ?').pluck().get(hashToken(token)) as string | undefined;
    return code ? this.get(code) : undefined;
  }

  markReported(code: string, now: number): void {
    this.db.prepare('UPDATE network_children SET last_report_at = ? WHERE code = ?').run(now, code);
  }

  private underMe(code: string): boolean {
    return code.slice(0, 2) === this.myCode.slice(0, 2);
  }
}
