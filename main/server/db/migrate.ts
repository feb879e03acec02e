import type Database from 'better-sqlite3';

export interface Migration {
  /** Sequential from 1; the database's user_version is the last one applied. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration above the database's version, each in its own transaction. */
export function migrate(db: Database.Database, migrations: readonly Migration[], target?: number): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new MigrationError(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const latest = target ?? migrations.length;
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new MigrationError(`database schema version ${current} is newer than this program knows (${migrations.length}); upgrade the program`);
  }
  for (const migration of migrations.slice(current, latest)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return schemaVersion(db);
}
