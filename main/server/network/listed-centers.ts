// At the ministry: the centers each province has registered (migration 30), as the province last
// said. The overview and 未报送 list them beside the centers that reported, so a center registered
// at its province but silent from the start is seen.
import type { Db } from '../db/database.js';
import { regionLevel, regionName } from '../../../shared/regions/gbt2260.js';
import { HttpError } from '../http/http-app.js';

export class ListedCenters {
  constructor(private readonly db: Db) {}

  /** Replaces the province's list; a code that is not a center of that province is refused by its index. */
  replace(province: string, codes: readonly string[], now: number): number {
    const wrong = codes.flatMap((code, i) =>
      regionLevel(code) === 'center' && regionName(code) && code.slice(0, 2) === province.slice(0, 2)
        ? []
        : [{ path: `centers.${i}`, message: `${code} is not a center of ${province}` }],
    );
    if (wrong.length) throw new HttpError(400, 'invalid_request', `invalid body: ${wrong[0]!.message}`, wrong);
    const unique = [...new Set(codes)];
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM network_listed_centers WHERE province_code = ?').run(province);
      const put = this.db.prepare('INSERT INTO network_listed_centers (province_code, code, listed_at) VALUES (?, ?, ?)');
      for (const code of unique) put.run(province, code, now);
    })();
    return unique.length;
  }

  /** The listed centers, of one province or of all. */
  of(province?: string): string[] {
    return province
      ? (this.db.prepare('SELECT code FROM network_listed_centers WHERE province_code = ? ORDER BY code').pluck().all(province) as string[])
      : (this.db.prepare('SELECT code FROM network_listed_centers ORDER BY code').pluck().all() as string[]);
  }
}
