import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../clock.js';
import { authModule } from './auth-module.js';
import { startTestServer, type TestServer } from './server-test-kit.js';
import { sipHa1 } from './password-hash.js';
import { SERVICES } from '../services.js';

const HOUR = 3600_000;

describe('auth API', () => {
  let server: TestServer;
  const clock = new ManualClock(Date.UTC(2025, 5, 2, 1, 0, 0));
  beforeAll(async () => {
    process.env.AGENT_DESK_ADMIN_PASSWORD = 'admin-secret-1';
    server = await startTestServer([authModule], { clock });
    delete process.env.AGENT_DESK_ADMIN_PASSWORD;
  });
  afterAll(() => server?.stop());

  it('signs in a demo agent and answers /me', async () => {
    const login = await server.call('POST', '/api/v1/auth/login', undefined, { workNumber: '1001', password: 'demo1001' });
    expect(login.status).toBe(200);
    expect(login.body.token).toMatch(/^[\w-]{43}$/);
    expect(login.body.user).toEqual({
      id: expect.any(Number),
      workNumber: '1001',
      displayName: '张敏',
      role: 'agent',
      centerCode: '330100',
      department: '热线管理科',
    });
    expect(Date.parse(login.body.expiresAt)).toBe(clock.now() + 12 * HOUR);
    const me = await server.call('GET', '/api/v1/auth/me', login.body.token);
    expect(me.status).toBe(200);
    expect(me.body.user.workNumber).toBe('1001');
    // Only the digest of the token is stored.
    const stored = server.db.prepare('SELECT token_hash FROM sessions').pluck().all() as string[];
    expect(stored).not.toContain(login.body.token);
    expect(stored.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
  });

  it('answers wrong password and unknown user with the same 401', async () => {
    const wrong = await server.call('POST', '/api/v1/auth/login', undefined, { workNumber: '1002', password: 'nope' });
    const unknown = await server.call('POST', '/api/v1/auth/login', undefined, { workNumber: '5555', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('invalid_credentials');
  });

  it('rejects a malformed login body with 400', async () => {
    const res = await server.call('POST', '/api/v1/auth/login', undefined, { workNumber: 'abc' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_request');
  });

  it('throttles after 10 failures per work number from one address in 15 minutes, even with the right password', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await server.call('POST', '/api/v1/auth/login', undefined, { workNumber: '1003', password: `bad${i}` })).status).toBe(401);
    }
    const blocked = await server.call('POST', '/api/v1/auth/login', undefined, { workNumber: '1003', password: 'demo1003' });
    expect(blocked.status).toBe(429);
    // Another work number is not affected.
    expect((await server.call('POST', '/api/v1/auth/login', undefined, { workNumber: '1004', password: 'demo1004' })).status).toBe(200);
    clock.advance(15 * 60_000 + 1);
    expect((await server.call('POST', '/api/v1/auth/login', undefined, { workNumber: '1003', password: 'demo1003' })).status).toBe(200);
  });

  it('expires a session after 12 idle hours and slides it while in use', async () => {
    const token = await server.login('1005');
    clock.advance(11 * HOUR);
    expect((await server.call('GET', '/api/v1/auth/me', token)).status).toBe(200); // slides to +12 h from here
    clock.advance(11 * HOUR);
    expect((await server.call('GET', '/api/v1/auth/me', token)).status).toBe(200);
    clock.advance(12 * HOUR);
    const expired = await server.call('GET', '/api/v1/auth/me', token);
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('unauthenticated');
  });

  it('401 without a token or with a forged one; logout ends the session', async () => {
    expect((await server.call('GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await server.call('GET', '/api/v1/auth/me', 'A'.repeat(43))).status).toBe(401);
    const token = await server.login('1006');
    expect((await server.call('POST', '/api/v1/auth/logout', token)).status).toBe(204);
    expect((await server.call('GET', '/api/v1/auth/me', token)).status).toBe(401);
  });

  it('authenticates a WebSocket upgrade by ?token= and HTTP only by the header', async () => {
    const auth = server.ctx.services.require(SERVICES.auth, 'test');
    const token = await server.login('1007');
    const upgrade = { url: `/api/v1/events?token=${token}`, headers: { upgrade: 'websocket' } } as never;
    expect(auth.authenticateToken(auth.tokenFromRequest(upgrade))?.workNumber).toBe('1007');
    const plain = { url: `/api/v1/users?token=${token}`, headers: {} } as never;
    expect(auth.tokenFromRequest(plain)).toBeUndefined();
  });

  it('issues a SIP secret per session that the registrar accepts until the session ends', async () => {
    const auth = server.ctx.services.require(SERVICES.auth, 'test');
    const response = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ workNumber: '1002', password: 'demo1002' }),
    });
    const login = (await response.json()) as { token: string; sipSecret: string };
    expect(login.sipSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(login.sipSecret).not.toBe(login.token);
    const ha1s = auth.sipCredentials('1002')!.ha1s;
    expect(ha1s).toContain(sipHa1('1002', login.sipSecret));
    expect(ha1s).toContain(sipHa1('1002', 'demo1002'));
    await fetch(`${server.url}/api/v1/auth/logout`, { method: 'POST', headers: { Authorization: `Bearer ${login.token}` } });
    expect(auth.sipCredentials('1002')!.ha1s).not.toContain(sipHa1('1002', login.sipSecret));
  });

  it('gives SIP credentials to active agents and team leads only', () => {
    const auth = server.ctx.services.require(SERVICES.auth, 'test');
    expect(auth.sipCredentials('1001')).toMatchObject({ userId: expect.any(Number), ha1: sipHa1('1001', 'demo1001'), displayName: '张敏' });
    expect(auth.sipCredentials('2001')?.ha1).toBe(sipHa1('2001', 'demo2001'));
    expect(auth.sipCredentials('3001')).toBeUndefined();
    expect(auth.sipCredentials('9001')).toBeUndefined();
    expect(auth.sipCredentials('4242')).toBeUndefined();
    expect(auth.listAgents().map((u) => u.workNumber)).toEqual(['1001', '1002', '1003', '1004', '1005', '1006', '1007', '1008', '1009', '1010', '2001']);
  });

  it('lets only the center admin manage users, and applies changes at once', async () => {
    const admin = await server.login('9001', 'admin-secret-1');
    const agent = await server.login('1008');
    expect((await server.call('GET', '/api/v1/users', agent)).status).toBe(403);
    expect((await server.call('GET', '/api/v1/users')).status).toBe(401);
    const list = await server.call('GET', '/api/v1/users', admin);
    expect(list.status).toBe(200);
    expect(list.body.users).toHaveLength(16);
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt|password|ha1/);

    const created = await server.call('POST', '/api/v1/users', admin, { workNumber: '1011', displayName: '新坐席', role: 'agent', password: 'first-pass-1' });
    expect(created.status).toBe(201);
    expect((await server.call('POST', '/api/v1/users', admin, { workNumber: '1011', displayName: 'x', role: 'agent', password: 'first-pass-1' })).status).toBe(
      409,
    );
    expect(
      (await server.call('POST', '/api/v1/users', admin, { workNumber: '3003', displayName: 'x', role: 'department_handler', password: 'first-pass-1' }))
        .status,
    ).toBe(400);
    const newToken = await server.login('1011', 'first-pass-1');

    const auth = server.ctx.services.require(SERVICES.auth, 'test');
    const id = created.body.id as number;
    expect((await server.call('POST', `/api/v1/users/${id}/password`, admin, { password: 'second-pass-2' })).status).toBe(204);
    expect(auth.sipCredentials('1011')?.ha1).toBe(sipHa1('1011', 'second-pass-2'));
    expect((await server.call('GET', '/api/v1/auth/me', newToken)).status).toBe(401); // old sessions ended
    expect((await server.call('POST', '/api/v1/auth/login', undefined, { workNumber: '1011', password: 'first-pass-1' })).status).toBe(401);
    const second = await server.login('1011', 'second-pass-2');

    const promoted = await server.call('PATCH', `/api/v1/users/${id}`, admin, { role: 'team_lead', displayName: '新班长' });
    expect(promoted.body).toMatchObject({ role: 'team_lead', displayName: '新班长', active: true });
    expect((await server.call('GET', '/api/v1/auth/me', second)).body.user.role).toBe('team_lead');
    const deactivated = await server.call('PATCH', `/api/v1/users/${id}`, admin, { active: false });
    expect(deactivated.body.active).toBe(false);
    expect((await server.call('GET', '/api/v1/auth/me', second)).status).toBe(401);
    expect(auth.sipCredentials('1011')).toBeUndefined();
    expect((await server.call('POST', '/api/v1/auth/login', undefined, { workNumber: '1011', password: 'second-pass-2' })).status).toBe(401);

    const audit = await server.call('GET', `/api/v1/audit?entityType=user&entityId=${id}`, admin);
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toEqual([
      'auth.login_failed',
      'user.update',
      'user.update',
      'auth.login',
      'auth.login_failed',
      'user.set_password',
      'auth.login',
      'user.create',
    ]);
    expect(JSON.stringify(audit.body)).not.toMatch(/pass-/);
  });

  it("refuses an admin of another center on that center's users and audit", async () => {
    const auth = server.ctx.services.require(SERVICES.auth, 'test');
    const admin = await server.login('9001', 'admin-secret-1');
    const other = await server.call('POST', '/api/v1/users', admin, {
      workNumber: '9002',
      displayName: '外中心',
      role: 'center_admin',
      password: 'other-center-1',
    });
    server.db.prepare("UPDATE users SET center_code = '320100' WHERE id = ?").run(other.body.id);
    const otherToken = await server.login('9002', 'other-center-1');
    const agentId = auth.listAgents()[0]!.id;
    expect((await server.call('PATCH', `/api/v1/users/${agentId}`, otherToken, { displayName: 'x' })).status).toBe(403);
    expect((await server.call('GET', '/api/v1/audit', otherToken)).status).toBe(403);
    expect((await server.call('GET', '/api/v1/users', otherToken)).body.users.map((u: { workNumber: string }) => u.workNumber)).toEqual(['9002']);
  });
});

describe('bootstrap', () => {
  it('creates admin 9001 with a random password logged once, and demo users idempotently', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'agent-desk-boot-'));
    const previous = process.env.AGENT_DESK_ADMIN_PASSWORD;
    delete process.env.AGENT_DESK_ADMIN_PASSWORD;
    try {
      const first = await startTestServer([authModule], { dataDir });
      const boot = first.logs.find((l) => l.event === 'admin_bootstrap');
      expect(boot?.level).toBe(40);
      const password = boot?.initialPassword as string;
      expect(password).toMatch(/^[\w-]{16}$/);
      expect(first.logs.find((l) => l.event === 'demo_users')?.created).toHaveLength(15);
      await first.stop();
      const second = await startTestServer([authModule], { dataDir });
      expect(second.logs.find((l) => l.event === 'admin_bootstrap')).toBeUndefined();
      expect(second.logs.find((l) => l.event === 'demo_users')?.created).toEqual([]);
      expect(await second.login('9001', password)).toMatch(/^[\w-]{43}$/);
      expect(second.db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(16);
      await second.stop();
    } finally {
      if (previous !== undefined) process.env.AGENT_DESK_ADMIN_PASSWORD = previous;
    }
  });
});
