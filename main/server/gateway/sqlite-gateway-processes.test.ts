import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openEmbeddedFixture } from './contract-test-kit/gateway-fixture.js';

const run = promisify(execFile);

describe('SqliteGateway across processes', () => {
  it('books exactly the capacity of a slot when 4 processes book it 5 times each at once', async () => {
    const fixture = openEmbeddedFixture(50);
    const file = fixture.db.name;
    const worker = join(import.meta.dirname, 'contract-test-kit', 'book-worker.ts');
    try {
      const outputs = await Promise.all(
        Array.from({ length: 4 }, () =>
          run(process.execPath, ['--import', 'tsx', worker, file, fixture.known.fundAccount, fixture.known.outletCode, '5'], { cwd: process.cwd() }),
        ),
      );
      const codes = outputs.flatMap((o) => JSON.parse(o.stdout) as string[]);
      expect(codes).toHaveLength(20);
      expect(codes.filter((c) => c === 'ok')).toHaveLength(fixture.known.outletCapacity);
      expect(codes.filter((c) => c === 'slot_full')).toHaveLength(20 - fixture.known.outletCapacity);
      const booked = fixture.db
        .prepare("SELECT count(*) FROM pf_appointments WHERE date = '2025-06-13' AND slot = '09:00-10:00' AND type = 'loan_repayment' AND status = 'booked'")
        .pluck()
        .get();
      expect(booked).toBe(fixture.known.outletCapacity);
    } finally {
      fixture.close();
    }
  }, 60_000);
});
