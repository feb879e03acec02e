// What an installer ships, started as an operator would: the built server, package.json and the
// lock in an empty folder, `npm ci --omit=dev`, then `node dist/server/cli.js` and one SIPp call.
// It catches a run-time import left in devDependencies (the `Cannot find package 'yaml'` crash).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import Database from 'better-sqlite3';
import { serverBuild } from './build-options.mjs';
import { SIPP_MISSING, freeUdpPort, runSipp, sippSuite } from '../main/server/sip/sipp-test-kit.js';

const ROOT = resolve(import.meta.dirname, '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function npm(args: string[], cwd: string): Promise<{ ok: boolean; output: string }> {
  return new Promise((done) => {
    // No inherited npm_config_* of the test run (vitest under `npm test` sets some).
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
    execFile(NPM, args, { cwd, env, timeout: 120_000, maxBuffer: 8 * 1024 * 1024 }, (error, stdout, stderr) =>
      done({ ok: !error, output: `${stdout}${stderr}` }),
    );
  });
}

describe.skipIf(SIPP_MISSING !== undefined)(sippSuite('production install: npm ci --omit=dev, the built server, one SIPp call'), () => {
  let dir: string;
  let server: ChildProcess | undefined;
  let log = '';
  let install = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'agent-desk-install-'));
    copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    copyFileSync(join(ROOT, 'package-lock.json'), join(dir, 'package-lock.json'));
    // The server bundle exactly as `npm run build` makes it, into the install folder.
    await build({ ...serverBuild, absWorkingDir: ROOT, outdir: join(dir, 'dist', 'server'), logLevel: 'silent' });
    cpSync(join(ROOT, 'resources'), join(dir, 'resources'), { recursive: true, filter: (path) => !path.includes(`${join('resources', 'build')}`) });

    const args = ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'];
    // The main install filled npm's cache; the registry is asked only for a tarball it lacks.
    let result = await npm([...args, '--offline'], dir);
    if (!result.ok && /ENOTCACHED/.test(result.output)) result = await npm(args, dir);
    install = result.output;
    expect(result.ok, install).toBe(true);
    // --ignore-scripts skipped the native build: the one of the main checkout fits (same Node ABI).
    const release = join(dir, 'node_modules', 'better-sqlite3', 'build', 'Release');
    mkdirSync(release, { recursive: true });
    copyFileSync(join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), join(release, 'better_sqlite3.node'));
  }, 150_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGKILL');
      await new Promise((done) => server!.once('exit', done));
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('installs the run-time packages only', () => {
    const installed = new Set(readdirSync(join(dir, 'node_modules')));
    for (const name of ['fastify', 'better-sqlite3', 'yaml', 'werift', 'zod']) expect(installed.has(name), `${name} installed`).toBe(true);
    for (const name of ['react', 'zustand', 'i18next', 'vitest', 'electron', 'typescript']) expect(installed.has(name), `${name} not installed`).toBe(false);
  });

  it('starts, answers /healthz, takes a call to 12329 with the IVR prompt, and stops cleanly', async () => {
    const sipPort = await freeUdpPort();
    const dataDir = join(dir, 'data');
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('AGENT_DESK_') && !key.startsWith('npm_')));
    server = spawn(
      process.execPath,
      ['dist/server/cli.js', '--host', '127.0.0.1', '--http-port', '0', '--sip-udp-port', String(sipPort), '--data-dir', dataDir, '--service-hours', 'always'],
      { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    server.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    const url = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no "listening" line in 20 s:\n${log}`)), 20_000);
      server!.stdout!.on('data', (d: Buffer) => {
        log += d.toString();
        const line = log.split('\n').find((l) => l.includes('"event":"listening"'));
        if (line) {
          clearTimeout(timer);
          done((JSON.parse(line) as { url: string }).url);
        }
      });
      server!.once('exit', (code) => fail(new Error(`server exited with ${code}:\n${log}`)));
    });

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', sip: { udpPort: sipPort } });

    // 3 s in the call: the welcome prompt plays; SIPp echoes the RTP it receives back to us.
    const run = await runSipp('uac-call.xml', sipPort, ['-d', '3000', '-rtp_echo'], 30_000);
    expect(run.code, run.stdout + run.errors).toBe(0);

    server.kill('SIGTERM');
    const code = await new Promise<number | null>((done) => server!.once('exit', done));
    expect(code, log).toBe(0);

    const db = new Database(join(dataDir, 'agent-desk.sqlite'), { readonly: true });
    try {
      const call = db.prepare('SELECT caller, ended_at FROM calls').get() as { caller: string; ended_at: number | null };
      expect(call).toMatchObject({ caller: '13800138000', ended_at: expect.any(Number) });
      const stats = db.prepare("SELECT data FROM call_events WHERE kind = 'media-stats'").get() as { data: string } | undefined;
      expect(stats, 'media stats of the call').toBeDefined();
      const caller = (JSON.parse(stats!.data) as { caller: { packetsSent: number; packetsReceived: number } }).caller;
      // 3 s of 20 ms prompt packets sent, and SIPp's echo of them back: the prompt reached the caller.
      expect(caller.packetsSent).toBeGreaterThan(100);
      expect(caller.packetsReceived).toBeGreaterThan(50);
    } finally {
      db.close();
    }
  }, 60_000);
});
