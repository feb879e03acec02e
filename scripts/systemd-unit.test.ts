import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadServerConfig, SETTINGS } from '../main/server/config.js';
import { serverBuild } from './build-options.mjs';

const DIR = 'resources/systemd';
const UNITS = ['agent-desk-12329.service', 'agent-desk-12329-backup.service', 'agent-desk-12329-backup.timer'];

/** key → values of one unit file (a key may repeat, e.g. SystemCallFilter). */
function readUnit(name: string): Map<string, string[]> {
  const entries = new Map<string, string[]>();
  for (const line of readFileSync(join(DIR, name), 'utf8').split('\n')) {
    const m = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (m) entries.set(m[1]!, [...(entries.get(m[1]!) ?? []), m[2]!]);
  }
  return entries;
}
const one = (unit: Map<string, string[]>, key: string) => unit.get(key)?.at(-1);

describe('systemd units for the headless server', () => {
  const server = readUnit('agent-desk-12329.service');

  it('starts the bundle the build makes, with flags the server accepts, as a dedicated user', () => {
    const [node, program, ...args] = one(server, 'ExecStart')!.split(/\s+/);
    expect(node).toBe('/usr/bin/node');
    expect(program).toBe(`${one(server, 'WorkingDirectory')}/dist/server/cli.js`);
    expect(Object.keys(serverBuild.entryPoints as Record<string, string>)).toContain('cli');
    const config = loadServerConfig(args!, {});
    expect(config.dataDir).toBe(`/var/lib/${one(server, 'StateDirectory')}`);
    expect(one(server, 'User')).toBe('agent-desk');
    expect(one(server, 'EnvironmentFile')).toBe('/etc/agent-desk-12329/server.env');
  });

  it('restarts on failure and is hardened', () => {
    expect(one(server, 'Restart')).toBe('on-failure');
    for (const [key, value] of Object.entries({
      NoNewPrivileges: 'yes',
      ProtectSystem: 'strict',
      ProtectHome: 'yes',
      PrivateTmp: 'yes',
      CapabilityBoundingSet: '',
      RestrictSUIDSGID: 'yes',
    }))
      expect(one(server, key), key).toBe(value);
    // V8 needs writable executable memory: this option would kill node at start.
    expect(server.has('MemoryDenyWriteExecute')).toBe(false);
  });

  it('backs up with the built backup command into its own writable folder', () => {
    const backup = readUnit('agent-desk-12329-backup.service');
    const args = one(backup, 'ExecStart')!.split(/\s+/);
    expect(args[1]).toBe('/opt/agent-desk-12329/dist/server/backup.js');
    expect(Object.keys(serverBuild.entryPoints as Record<string, string>)).toContain('backup');
    expect(one(backup, 'ReadWritePaths')).toBe(args[args.indexOf('--out') + 1]);
    expect(one(readUnit('agent-desk-12329-backup.timer'), 'OnCalendar')).toMatch(/\d\d:\d\d/);
  });

  it('has an environment file example with known variables only, secrets included', () => {
    const names = readFileSync(join(DIR, 'server.env.example'), 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => line.split('=')[0]);
    const known = new Set(Object.values(SETTINGS).map((s) => (s as { env?: string }).env));
    expect(names.filter((name) => !known.has(name))).toEqual([]);
    for (const secret of ['AGENT_DESK_ADMIN_PASSWORD', 'AGENT_DESK_OPS_TOKEN', 'AGENT_DESK_GATEWAY_TOKEN', 'AGENT_DESK_TRUNK_PASSWORD'])
      expect(names).toContain(secret);
  });

  it.skipIf(!existsSync('/usr/bin/systemd-analyze') || !existsSync('/usr/bin/node'))(
    'passes systemd-analyze verify without a warning [skipped where systemd-analyze or /usr/bin/node is missing]',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'units-'));
      try {
        for (const unit of UNITS) copyFileSync(join(DIR, unit), join(dir, unit));
        const result = spawnSync('/usr/bin/systemd-analyze', ['verify', '--man=no', ...UNITS.map((u) => join(dir, u))], { encoding: 'utf8' });
        expect(result.status).toBe(0);
        expect(`${result.stdout}${result.stderr}`.trim()).toBe('');
        const security = spawnSync('/usr/bin/systemd-analyze', ['security', '--offline=true', join(dir, UNITS[0]!)], { encoding: 'utf8' });
        const exposure = /Overall exposure level for \S+: ([\d.]+)/.exec(security.stdout)?.[1];
        // systemd's scale: 0 (locked down) to 10 (exposed); older systemd lacks --offline.
        if (exposure !== undefined) expect(Number(exposure)).toBeLessThan(3);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
