// Online backup of a running (or stopped) server's database: `npm run backup -- --out DIR` or
// `node dist/server/backup.js --data-dir DIR --out DIR --keep 14`. See docs/operations.md.
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { serverConfigSchema } from '../config.js';
import { DATABASE_FILE } from './database.js';
import { BackupError, backupToFile, backupToFolder, type BackupErrorKind, type BackupResult } from './backup.js';

/** Exit codes a scheduler can tell apart; 0 is a verified backup. */
const EXIT = { failed: 1, usage: 2, source: 3, output: 4 } as const;
const EXIT_BY_KIND: Record<BackupErrorKind, number> = { source: EXIT.source, output: EXIT.output, verify: EXIT.failed };

const USAGE = `usage: agent-desk backup [--data-dir DIR] [--out FILE.sqlite | --out DIR [--keep N]]
  --data-dir  the server's data folder (default: AGENT_DESK_DATA_DIR or ~/.agent-desk-12329)
  --out       a .sqlite file, or a folder for agent-desk-YYYYMMDD-HHMMSS.sqlite (default: DATA_DIR/backups)
  --keep      with a folder: keep the newest N backups, delete older ones`;

class UsageError extends Error {}

const argsSchema = z.object({
  dataDir: z.string().min(1),
  out: z.string().min(1).optional(),
  keep: z.coerce.number().int('--keep: a whole number').min(1, '--keep: at least 1').optional(),
});

async function runBackupCli(argv: string[], env: NodeJS.ProcessEnv): Promise<BackupResult> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      options: { 'data-dir': { type: 'string' }, out: { type: 'string' }, keep: { type: 'string' }, help: { type: 'boolean' } },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) throw new UsageError('');
  const parsed = argsSchema.safeParse({
    dataDir: values['data-dir'] ?? (env.AGENT_DESK_DATA_DIR || serverConfigSchema.shape.dataDir.parse(undefined)),
    out: values.out,
    keep: values.keep,
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
  const dataDir = resolve(parsed.data.dataDir);
  const dbFile = join(dataDir, DATABASE_FILE);
  const out = resolve(parsed.data.out ?? join(dataDir, 'backups'));
  const outIsFile = isFileTarget(parsed.data.out === undefined ? out + sep : parsed.data.out, out);
  if (outIsFile && parsed.data.keep !== undefined) throw new UsageError('--keep needs --out to be a folder');
  if (out === dbFile) throw new UsageError('--out is the live database itself');

  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) throw new BackupError('source', `data folder ${dataDir} does not exist`);
  if (!existsSync(dbFile)) throw new BackupError('source', `no database in ${dataDir} (expected ${DATABASE_FILE})`);
  let source;
  try {
    // Read-only: a backup never migrates or changes the live database. busy_timeout rides out the
    // server's checkpoints.
    source = new Database(dbFile, { readonly: true, fileMustExist: true });
    source.pragma('busy_timeout = 5000');
  } catch (error) {
    throw new BackupError('source', `cannot open ${dbFile}: ${(error as Error).message}`);
  }
  try {
    // Another process (the server) writes between steps would restart the copy: one step, one snapshot.
    const options = { pagesPerStep: Infinity };
    return outIsFile
      ? await backupToFile(source, out, options)
      : await backupToFolder(source, out, { ...options, keep: parsed.data.keep, timeZone: serverConfigSchema.shape.timeZone.parse(undefined) });
  } finally {
    source.close();
  }
}

/** An existing folder, a trailing separator or a name without a database extension means a folder. */
function isFileTarget(raw: string, resolved: string): boolean {
  if (existsSync(resolved)) return !statSync(resolved).isDirectory();
  if (/[\\/]$/.test(raw)) return false;
  return ['.sqlite', '.sqlite3', '.db'].includes(extname(resolved).toLowerCase());
}

async function main(): Promise<void> {
  try {
    const result = await runBackupCli(process.argv.slice(2), process.env);
    process.stdout.write(`${JSON.stringify({ ok: true, ...result })}\n`);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message ? `agent-desk backup: ${error.message}\n${USAGE}` : USAGE);
      process.exitCode = error.message ? EXIT.usage : 0;
    } else if (error instanceof BackupError) {
      console.error(`agent-desk backup: ${error.message}`);
      process.exitCode = EXIT_BY_KIND[error.kind];
    } else {
      console.error(`agent-desk backup: ${(error as Error).stack ?? String(error)}`);
      process.exitCode = EXIT.failed;
    }
  }
}

void main();
