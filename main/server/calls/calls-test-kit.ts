// Tests only: a real SQLite file in a temp folder with every migration, and agent users.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, openDatabase, type Db } from '../db/database.js';

export const TEST_CENTER = '330100';

export interface TempCallsDb {
  db: Db;
  file: string;
  /** Closes without a checkpoint, like a crash (the WAL stays beside the file). */
  crash(): void;
  reopen(): Db;
  close(): void;
}

export function openTempCallsDb(): TempCallsDb {
  const dir = mkdtempSync(join(tmpdir(), 'calls-test-'));
  const file = join(dir, 'agent-desk.sqlite');
  const t: TempCallsDb = {
    db: openDatabase(file),
    file,
    crash() {
      t.db.close();
    },
    reopen() {
      t.db = openDatabase(file);
      return t.db;
    },
    close() {
      closeDatabase(t.db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}

export function insertAgentUser(db: Db, workNumber: string, displayName = `坐席${workNumber}`): number {
  return Number(
    db
      .prepare("INSERT INTO users (work_number, display_name, role, center_code, password_hash, created_at) VALUES (?, ?, 'agent', ?, 'x', 0)")
      .run(workNumber, displayName, TEST_CENTER).lastInsertRowid,
  );
}
