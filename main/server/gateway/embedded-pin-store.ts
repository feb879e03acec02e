import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import type { VerifiedSubject } from '../../../shared/api/verification.js';
import type { PinCheck } from './provident-fund-gateway.js';
import { hashPin, verifyPin } from '../verification/pin-hash.js';
import { DEMO_PIN } from './demo-data.js';

/** scrypt$N$r$p$salt$hash with costs a check can afford: an imported hash cannot make a check take seconds. */
const IMPORTABLE_HASH = /^scrypt\$(\d{4,6})\$(\d{1,2})\$(\d)\$[A-Za-z0-9_-]{16,64}\$[A-Za-z0-9_-]{32,128}$/;

export interface ImportedPinHash {
  subject: VerifiedSubject;
  hash: string;
}

/** Why an imported row was refused, by its index in the file. */
export interface PinImportResult {
  imported: number;
  refused: Array<{ index: number; reason: 'bad_hash' }>;
}

/**
 * Telephone PINs of a center on the embedded store (the core system's part, kept in caller_pins
 * as salted scrypt hashes): checked for the IVR and the desk, set at an outlet after an identity
 * check, or imported as hashes from the old system. The only writer of caller_pins.
 */
export class EmbeddedPinStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    /** The demo center: a subject without a PIN gets DEMO_PIN on first use. */
    private readonly demoPins: boolean,
  ) {}

  async check(subject: VerifiedSubject, pin: string): Promise<PinCheck> {
    const hash = await this.hashOf(subject);
    if (!hash) return 'no_pin';
    return (await verifyPin(pin, hash)) ? 'match' : 'no_match';
  }

  async set(subject: VerifiedSubject, pin: string): Promise<void> {
    if (!/^\d{6}$/.test(pin)) throw new Error('a PIN is six digits');
    this.upsert.run(subject.kind, subject.id, await hashPin(pin), this.clock.now());
  }

  /** All or nothing for the rows that are well formed; a malformed hash is refused, never stored. */
  importHashes(rows: readonly ImportedPinHash[]): PinImportResult {
    const refused: PinImportResult['refused'] = [];
    const good = rows.filter((row, index) => {
      const m = IMPORTABLE_HASH.exec(row.hash);
      const ok = m !== null && isPowerOfTwo(Number(m[1])) && Number(m[1]) <= 131_072 && Number(m[2]) <= 16 && Number(m[3]) <= 4;
      if (!ok) refused.push({ index, reason: 'bad_hash' });
      return ok;
    });
    const now = this.clock.now();
    this.db.transaction(() => {
      for (const row of good) this.upsert.run(row.subject.kind, row.subject.id, row.hash, now);
    })();
    return { imported: good.length, refused };
  }

  private async hashOf(subject: VerifiedSubject): Promise<string | undefined> {
    const existing = this.select.get(subject.kind, subject.id);
    if (existing || !this.demoPins) return existing;
    this.db
      .prepare('INSERT INTO caller_pins (subject_kind, subject_id, pin_hash, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(subject.kind, subject.id, await hashPin(DEMO_PIN), this.clock.now());
    return this.select.get(subject.kind, subject.id);
  }

  private get select() {
    return this.db.prepare<[string, string], string>('SELECT pin_hash FROM caller_pins WHERE subject_kind = ? AND subject_id = ?').pluck();
  }

  private get upsert() {
    return this.db.prepare<[string, string, string, number]>(
      'INSERT INTO caller_pins (subject_kind, subject_id, pin_hash, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET pin_hash = excluded.pin_hash, updated_at = excluded.updated_at',
    );
  }
}

function isPowerOfTwo(n: number): boolean {
  return n > 1 && (n & (n - 1)) === 0;
}
