import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../db/database.js';
import { backupToFile } from '../db/backup.js';
import { MADE_BY_SERVICE_HOURS, PromptReplacements } from './prompt-replacements.js';

const root = mkdtempSync(join(tmpdir(), 'prompt-replacements-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A tone recording as an admin would upload it (made by sox). */
function tone(name: string, seconds: string): Buffer {
  const file = join(root, name);
  execFileSync('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', file, 'synth', seconds, 'sine', '500', 'vol', '0.3']);
  return readFileSync(file);
}

function center(name: string, dbFile?: string) {
  const dataDir = join(root, name);
  mkdirSync(dataDir, { recursive: true });
  if (dbFile) copyFileSync(dbFile, join(dataDir, 'agent-desk.sqlite'));
  const db = openDatabase(join(dataDir, 'agent-desk.sqlite'));
  const dir = join(dataDir, 'prompts', 'zh');
  return { db, dir, replacements: new PromptReplacements(db, dir, () => 1_800_000_000_000) };
}

describe('prompt replacements are kept in the database (a backup carries them)', () => {
  it('brings an uploaded prompt back with a restored backup, and takes away one made after it', async () => {
    const live = center('live');
    await live.replacements.fromUpload('welcome', tone('a.wav', '1.2'), 'a.wav', '欢迎致电', '9001');
    const played = readFileSync(live.replacements.wavOf('welcome'));
    expect(live.replacements.get('welcome')).toMatchObject({ source: 'upload', fileName: 'a.wav', text: '欢迎致电', updatedBy: '9001' });
    const backup = join(root, 'backup.sqlite');
    await backupToFile(live.db, backup);
    await live.replacements.fromUpload('menu-main', tone('b.wav', '0.8'), 'b.wav', '主菜单', '9001');

    // A new machine: the data folder is gone, the backup is copied in.
    const fresh = center('fresh', backup);
    expect(existsSync(fresh.replacements.wavOf('welcome'))).toBe(false);
    expect(fresh.replacements.restoreFiles()).toEqual({ written: ['welcome'], adopted: [], removed: [] });
    expect(readFileSync(fresh.replacements.wavOf('welcome')).equals(played)).toBe(true);
    expect(fresh.replacements.get('welcome')?.text).toBe('欢迎致电');
    // Once matched, a second start writes nothing.
    expect(fresh.replacements.restoreFiles()).toEqual({ written: [], adopted: [], removed: [] });
    closeDatabase(fresh.db);

    // The same machine restored to the backup: the later replacement goes, the earlier stays.
    closeDatabase(live.db);
    copyFileSync(backup, join(root, 'live', 'agent-desk.sqlite'));
    rmSync(join(root, 'live', 'agent-desk.sqlite-wal'), { force: true });
    const restored = center('live');
    expect(restored.replacements.restoreFiles()).toEqual({ written: [], adopted: [], removed: ['menu-main'] });
    expect(existsSync(restored.replacements.wavOf('menu-main'))).toBe(false);
    expect(restored.replacements.get('menu-main')).toBeUndefined();
    closeDatabase(restored.db);
  });

  it('takes in the files of a version before migration 29 once, and leaves the closed-hours prompt to the schedule', () => {
    const c = center('upgrade');
    mkdirSync(c.dir, { recursive: true });
    const wav = tone('old.wav', '0.5');
    writeFileSync(join(c.dir, 'goodbye.wav'), wav);
    writeFileSync(join(c.dir, 'goodbye.json'), JSON.stringify({ source: 'text', text: '再见', fileName: null, updatedAt: 5, updatedBy: '9002' }));
    writeFileSync(join(c.dir, 'agent-closed.wav'), wav);
    writeFileSync(
      join(c.dir, 'agent-closed.json'),
      JSON.stringify({ source: 'text', text: '非工作时间', fileName: null, updatedAt: 5, updatedBy: MADE_BY_SERVICE_HOURS }),
    );
    expect(c.replacements.restoreFiles()).toEqual({ written: [], adopted: ['goodbye'], removed: [] });
    expect(c.replacements.get('goodbye')).toEqual({ source: 'text', text: '再见', fileName: null, updatedAt: 5, updatedBy: '9002' });
    expect(c.replacements.get('agent-closed')).toBeUndefined();
    expect(existsSync(join(c.dir, 'agent-closed.wav'))).toBe(true);
    expect(JSON.parse(readFileSync(join(c.dir, 'goodbye.json'), 'utf8'))).toMatchObject({ kept: 'database' });
    expect(c.replacements.restoreFiles()).toEqual({ written: [], adopted: [], removed: [] });
    closeDatabase(c.db);
  });

  it('reverts both the row and the files, and a failed upload leaves the kept replacement playing', async () => {
    const c = center('revert');
    await c.replacements.fromUpload('welcome', tone('c.wav', '0.6'), 'c.wav', '欢迎', '9001');
    const kept = readFileSync(c.replacements.wavOf('welcome'));
    await expect(c.replacements.fromUpload('welcome', Buffer.from('not audio at all'), 'x.wav', '欢迎', '9001')).rejects.toThrow();
    expect(readFileSync(c.replacements.wavOf('welcome')).equals(kept)).toBe(true);
    expect(await c.replacements.revert('welcome')).toBe(true);
    expect(c.replacements.get('welcome')).toBeUndefined();
    expect(existsSync(c.replacements.wavOf('welcome'))).toBe(false);
    expect(await c.replacements.revert('welcome')).toBe(false);
    closeDatabase(c.db);
  });
});
