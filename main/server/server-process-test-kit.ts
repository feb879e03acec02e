// Tests only: the server as its own process, from source (tsx) or built (what an installer
// ships): JSON logs on stdout, 'listening' with its URL and ports. `wrap` puts a program in front
// of node (prlimit, faketime). Used by the vitest process tests and the e2e fixtures.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { APP_ROOT } from './app-root.js';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  httpPort: number;
  sipUdpPort: number;
  /** Every JSON log line so far (and on, as the process writes them). */
  logs: Array<Record<string, unknown>>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

export interface LaunchOptions {
  /** Command-line flags of the server. */
  args: string[];
  /** The built server (dist/server/cli.js, what an installer ships) instead of the sources. */
  built?: boolean;
  /** A program in front of node (prlimit, faketime). */
  wrap?: string[];
  env?: Record<string, string>;
  /** Where log lines go (kept across restarts by the caller); a new list otherwise. */
  logs?: Array<Record<string, unknown>>;
  /** How long to wait for 'listening' (30 s unless said: a test starting several servers on a busy machine waits longer). */
  startTimeoutMs?: number;
}

/** Starts the server and resolves once it logs 'listening'. */
export function launchServer(options: LaunchOptions): Promise<ServerProcess> {
  const entry = options.built ? [join(APP_ROOT, 'dist', 'server', 'cli.js')] : ['--import', 'tsx', join(APP_ROOT, 'main', 'server', 'cli.ts')];
  const [command, ...args] = [...(options.wrap ?? []), process.execPath, ...entry, ...options.args];
  const child = spawn(command!, args, {
    cwd: APP_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, AGENT_DESK_ADMIN_PASSWORD: 'admin-secret-1', ...options.env },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const logs = options.logs ?? [];
  return new Promise((resolve, reject) => {
    const waitMs = options.startTimeoutMs ?? 30_000;
    const timer = setTimeout(() => reject(new Error(`server did not start in ${waitMs / 1000} s\n${stderr}`)), waitMs);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      logs.push(entry);
      if (entry.event === 'listening') {
        clearTimeout(timer);
        resolve({ child, url: String(entry.url), httpPort: Number(entry.httpPort), sipUdpPort: Number(entry.sipUdpPort), logs, exited });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening\n${stderr}`));
    });
  });
}

/** The server from source on free ports over `dataDir`. */
export function startServerProcess(dataDir: string, options: Omit<LaunchOptions, 'args'> & { args?: string[] } = {}): Promise<ServerProcess> {
  return launchServer({ ...options, args: ['--host', '127.0.0.1', '--http-port', '0', '--sip-udp-port', '0', '--data-dir', dataDir, ...(options.args ?? [])] });
}
