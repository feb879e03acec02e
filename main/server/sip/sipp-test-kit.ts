import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { APP_ROOT } from '../app-root.js';

export const SIPP = '/usr/bin/sipp';
export const SIPP_SCENARIOS = resolve(APP_ROOT, 'e2e', 'sipp');

/** Why the SIPp suites cannot run on this machine, or undefined when they can (.ci/run installs it). */
export const SIPP_MISSING = existsSync(SIPP) ? undefined : `SIPp (Debian sip-tester) is not installed at ${SIPP}`;

/** A suite title that carries the skip reason, so that `npm test` can say why the suite was skipped. */
export function sippSuite(title: string): string {
  return SIPP_MISSING ? `${title} [skipped: ${SIPP_MISSING}]` : title;
}

export interface SippRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Contents of the -trace_err file (SIPp's account of what went wrong). */
  errors: string;
  /** Lines of the -trace_rtt file, when asked for. */
  rtt: string[];
}

/**
 * The one place SIPp is started (vitest suites, benchmarks, the DTMF callers, the e2e fixtures):
 * in a fresh folder (its traces land there; `prepare` may put pcaps there first), killed after
 * `timeoutMs`, and the folder removed once its traces are read.
 */
export function startSipp(
  args: readonly string[],
  options: { timeoutMs?: number; prepare?(dir: string): void } = {},
): { done: Promise<SippRun>; kill(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'sipp-'));
  options.prepare?.(dir);
  const child = spawn(SIPP, ['-i', '127.0.0.1', '-nostdin', '-trace_err', ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  return { done: collect(child, dir, options.timeoutMs ?? 60_000), kill: () => child.kill('SIGKILL') };
}

/** SIPp as a UAS on 127.0.0.1:port (a trunk the server calls out through), for one call. */
export function startSippUas(scenario: string, port: number, extraArgs: string[] = [], timeoutMs = 60_000): { done: Promise<SippRun>; kill(): void } {
  return startSipp(['-sf', join(SIPP_SCENARIOS, scenario), '-p', String(port), '-timeout', '30s', '-m', '1', ...extraArgs], { timeoutMs });
}

/** A UDP port that was free a moment ago (for a SIPp UAS, which needs one named). */
export async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

/** SIPp as a UAC against 127.0.0.1:port (one call unless -m says otherwise), with its traces. */
export function runSipp(scenario: string, port: number, extraArgs: string[] = [], timeoutMs = 60_000, prepare?: (dir: string) => void): Promise<SippRun> {
  const args = ['-sf', join(SIPP_SCENARIOS, scenario), `127.0.0.1:${port}`, '-timeout', '20s', '-s', '12329', ...extraArgs];
  if (!extraArgs.includes('-m')) args.push('-m', '1');
  return startSipp(args, { timeoutMs, ...(prepare ? { prepare } : {}) }).done;
}
function collect(child: ChildProcess, dir: string, timeoutMs: number): Promise<SippRun> {
  return new Promise((done) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(killer);
      const files = existsSync(dir) ? readdirSync(dir) : [];
      const read = (suffix: string) =>
        files
          .filter((f) => f.endsWith(suffix))
          .map((f) => readFileSync(join(dir, f), 'utf8'))
          .join('\n');
      const rtt = read('_rtt.csv')
        .split('\n')
        .filter((l) => l.trim());
      const errors = read('_errors.log');
      rmSync(dir, { recursive: true, force: true });
      done({ code, stdout, stderr, errors, rtt });
    });
  });
}
