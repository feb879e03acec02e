import { afterEach, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../server-process-test-kit.js';

const FAKETIME = '/usr/bin/faketime';
const ADMIN_PASSWORD = 'faketime-admin-1';
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The headless server from source, its wall clock started by libfaketime at a Beijing time. */
async function startAt(beijing: string): Promise<{ url: string; logs: Array<Record<string, unknown>> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'agent-desk-faketime-'));
  dirs.push(dataDir);
  const server = await startServerProcess(dataDir, {
    wrap: [FAKETIME, '-f', `@${beijing}`],
    // Real monotonic time: only the wall clock is moved, timers run as usual.
    env: { TZ: 'Asia/Shanghai', FAKETIME_DONT_FAKE_MONOTONIC: '1', AGENT_DESK_ADMIN_PASSWORD: ADMIN_PASSWORD },
  });
  children.push(server.child);
  return server;
}

async function call(url: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(url + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const beijingDay = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso));

describe.skipIf(!existsSync(FAKETIME))('the server process across New Year 2027 (libfaketime)', () => {
  it('files a complaint just before and just after midnight of 2026-12-31, both with provisional due dates', async () => {
    const { url, logs } = await startAt('2026-12-31 23:59:30');
    expect(logs.filter((l) => l.event === 'calendar_provisional').map((l) => l.year)).toEqual([2027]);
    const login = await call(url, 'POST', '/api/v1/auth/login', undefined, { workNumber: '9001', password: ADMIN_PASSWORD });
    const token = String(login.body.token);
    const file = () => call(url, 'POST', '/api/v1/work-orders', token, { category: 'complaint', title: '跨年投诉', description: '零点前后', submit: true });

    const before = await file();
    expect(before.status).toBe(201);
    expect(beijingDay(String(before.body.createdAt))).toBe('2026-12-31');
    // Thu 12-31: (元旦 Fri 01-01, weekend), 01-04 … 01-08.
    expect(before.body).toMatchObject({ dueAt: '2027-01-08T15:59:59.999Z', dueProvisional: true });

    // The server's own clock, from its Date header, says when its midnight has passed.
    const serverNow = async () => new Date((await fetch(`${url}/healthz`)).headers.get('date')!).toISOString();
    expect(beijingDay(await serverNow())).toBe('2026-12-31');
    while (beijingDay(await serverNow()) !== '2027-01-01') await new Promise((r) => setTimeout(r, 1000));
    const after = await file();
    expect(after.status).toBe(201);
    expect(beijingDay(String(after.body.createdAt))).toBe('2027-01-01');
    expect(after.body).toMatchObject({ dueAt: '2027-01-08T15:59:59.999Z', dueProvisional: true });
  }, 90_000);
});
