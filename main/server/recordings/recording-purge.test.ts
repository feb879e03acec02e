import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ManualClock } from '../clock.js';
import { createAuditService } from '../audit/audit-service.js';
import { migrate } from '../db/migrate.js';
import { MIGRATIONS } from '../db/migrations/index.js';
import { purgeRecordings } from './recording-purge.js';

const DAY = 86_400_000;

describe('recordings retention purge', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('deletes files older than the period and their empty day folders, keeps newer ones, audits one row with count and bytes', async () => {
    const root = mkdtempSync(join(tmpdir(), 'recordings-purge-'));
    dirs.push(root);
    const clock = new ManualClock(Date.parse('2026-11-30T02:00:00Z'));
    const put = (rel: string, bytes: number, ageDays: number) => {
      const file = join(root, rel);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, Buffer.alloc(bytes));
      const at = new Date(clock.now() - ageDays * DAY);
      utimesSync(file, at, at);
      return file;
    };
    const old1 = put('2024/11/01/a.wav', 1000, 760);
    const old2 = put('2024/11/01/a-2.wav', 500, 760);
    const edge = put('2024/12/01/b.wav', 300, 731);
    const young = put('2024/12/05/c.wav', 200, 729);
    const today = put('2026/11/30/d.wav', 100, 0);

    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    const audit = createAuditService(db, clock);
    const result = await purgeRecordings(root, 730, clock.now(), audit);

    expect(result).toMatchObject({ files: 3, bytes: 1800 });
    for (const gone of [old1, old2, edge]) expect(existsSync(gone)).toBe(false);
    for (const kept of [young, today]) expect(existsSync(kept)).toBe(true);
    expect(existsSync(join(root, '2024', '11', '01'))).toBe(false);
    expect(existsSync(join(root, '2024', '12', '05'))).toBe(true);
    const rows = db.prepare("SELECT actor_user_id AS actor, detail FROM audit_log WHERE action = 'recordings.purge'").all() as {
      actor: number | null;
      detail: string;
    }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor).toBeNull();
    expect(JSON.parse(rows[0]!.detail)).toMatchObject({ files: 3, bytes: 1800, retentionDays: 730, cutoff: '2024-11-30T02:00:00.000Z' });

    // A day later the 729-day-old file is past the period too; a run that deletes nothing still says so.
    clock.advance(2 * DAY);
    expect(await purgeRecordings(root, 730, clock.now(), audit)).toMatchObject({ files: 1, bytes: 200 });
    expect(await purgeRecordings(root, 730, clock.now(), audit)).toMatchObject({ files: 0, bytes: 0 });
    expect(existsSync(today)).toBe(true);
    const details = (db.prepare("SELECT detail FROM audit_log WHERE action = 'recordings.purge' ORDER BY id").pluck().all() as string[]).map(
      (d) => JSON.parse(d) as { files: number },
    );
    expect(details.map((d) => d.files)).toEqual([3, 1, 0]);
  });

  it('runs on a server that has recorded nothing yet', async () => {
    const root = join(tmpdir(), `recordings-none-${process.pid}`);
    expect(await purgeRecordings(root, 730, Date.now(), undefined)).toMatchObject({ files: 0, bytes: 0 });
  });
});
