import type { Db } from '../db/database.js';
import type { Principal } from '../auth/principal.js';

/** The work number of the IVR's own user: it opens callback work orders left after hours. */
export const IVR_WORK_NUMBER = 'ivr';

/**
 * Work orders need a creator (users.id). The IVR gets an inactive user with an unusable password
 * hash: it cannot sign in, register a phone, or be routed calls (all of those need active = 1);
 * its role 'agent' is the least one allowed to open work orders.
 */
export function ivrPrincipal(db: Db, centerCode: string, now: number): Principal {
  db.prepare(
    `INSERT INTO users (work_number, display_name, role, center_code, department, password_hash, sip_ha1, active, created_at, updated_at)
     VALUES (?, '自助语音', 'agent', ?, NULL, '!', NULL, 0, ?, ?) ON CONFLICT (work_number) DO NOTHING`,
  ).run(IVR_WORK_NUMBER, centerCode, now, now);
  const row = db.prepare<[string], { id: number; center_code: string }>('SELECT id, center_code FROM users WHERE work_number = ?').get(IVR_WORK_NUMBER)!;
  return {
    userId: row.id,
    workNumber: IVR_WORK_NUMBER,
    displayName: '自助语音',
    role: 'agent',
    centerCode: row.center_code,
    department: null,
    expiresAt: Number.MAX_SAFE_INTEGER,
  };
}
