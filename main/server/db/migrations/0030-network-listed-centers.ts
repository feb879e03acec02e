import type { Migration } from '../migrate.js';
// Owner: network (docs/network.md). At the ministry: the centers each province has registered, as
// the province last said (PUT /api/v1/network/centers), so a center that never reported is still
// listed, as 未报送, rather than unknown until its first day is forwarded.
export const m0030NetworkListedCenters: Migration = {
  version: 30,
  name: 'network-listed-centers',
  up(db) {
    db.exec(`
      CREATE TABLE network_listed_centers (
        province_code TEXT NOT NULL CHECK (length(province_code) = 6 AND province_code GLOB '[0-9][0-9]0000'),
        code TEXT NOT NULL CHECK (length(code) = 6 AND substr(code, 1, 2) = substr(province_code, 1, 2) AND code NOT GLOB '*0000'),
        listed_at INTEGER NOT NULL,
        PRIMARY KEY (province_code, code)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
