// Tests only: the server as its own process from source (tsx), as an installer would run it:
// JSON logs on stdout, 'listening' with its URL and ports. `wrap` puts a program in front of
// node (prlimit, faketime).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { APP_ROOT } from './app-root.js';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  sipUdpPort: number;
  /** Every JSON log line so far (and on, as the process writes them). */
  logs: Array<Record<string, unknown>>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

export function startServerProcess(dataDir: string, options: { args?: string[]; wrap?: string[]; env?: Record<string, string> } = {}): Promise<ServerProcess> {
  const node = [process.execPath, '--import', 'tsx', join(APP_ROOT, 'main', 'server', 'cli.ts'), '--host', '127.0.0.1', '--http-port', '0', '--sip-udp-port', '0', '--data-dir', dataDir, ...(options.args ?? [])];
  const [command, ...args] = [...(options.wrap ?? []), ...node];
  const child = spawn(command!, args, { cwd: APP_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, AGENT_DESK_ADMIN_PASSWORD: 'admin-secret-1', ...options.env } });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let stderr = '';
  const logs: Array<Record<string, unknown>> = [];
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s\n${stderr}`)), 30_000);
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
        resolve({ child, url: String(entry.url), sipUdpPort: Number(entry.sipUdpPort), logs, exited });
      }
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}\n${stderr}`)));
  });
}
