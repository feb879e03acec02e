import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { authModule } from '../auth/auth-module.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { callSearchResponseSchema, recordingTicketResponseSchema, recordingUsageSchema } from '../../../shared/api/recordings.js';
import { recordingsModule } from './recordings-module.js';

// 2026-03-02 10:00 in Shanghai.
const AT = Date.parse('2026-03-02T02:00:00Z');

describe('call records and recordings over HTTP', () => {
  let server: TestServer;
  let dir: string;
  const wav = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
  const second = Buffer.alloc(300, 7);

  const addCall = (id: string, caller: string, agentWork: string | null, recording: string | null, at = AT) => {
    const agentId = agentWork ? server.db.prepare('SELECT id FROM users WHERE work_number = ?').pluck().get(agentWork) : null;
    server.db
      .prepare(
        "INSERT INTO calls (id, center_code, direction, caller, callee, transport, arrived_at, answered_at, agent_id, recording_file, ended_at) VALUES (?, '330100', 'inbound', ?, '12329', 'udp', ?, ?, ?, ?, ?)",
      )
      .run(id, caller, at, agentId ? at + 5000 : null, agentId, recording, at + 65_000);
  };
  const plays = () =>
    server.db.prepare("SELECT actor_user_id AS actor, entity_id AS callId, detail FROM audit_log WHERE action = 'recording.play' ORDER BY id").all() as {
      actor: number;
      callId: string;
      detail: string;
    }[];
  const get = (path: string, headers: Record<string, string> = {}) => fetch(server.url + path, { headers });
  const bearer = (token: string, more: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...more });

  beforeAll(async () => {
    server = await startTestServer([authModule, recordingsModule]);
    dir = join(server.ctx.config.dataDir, 'recordings', '2026', '03', '02');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'c-rec.wav'), wav);
    writeFileSync(join(dir, 'c-rec-2.wav'), second);
    addCall('c-rec', '13812345678', '1001', join(dir, 'c-rec.wav'));
    server.db
      .prepare("INSERT INTO call_events (call_id, at, kind, data) VALUES ('c-rec', ?, 'recording_segment', ?)")
      .run(AT + 30_000, JSON.stringify({ file: join(dir, 'c-rec-2.wav'), segment: 2 }));
    addCall('c-ivr', '13900000000', null, null);
    addCall('c-gone', '13700000000', '1002', join(dir, 'c-gone.wav'));
    addCall('c-other-day', '13812345678', '1001', null, AT + 2 * 86_400_000);
    addCall('c-outside', '13812345678', '1001', '/etc/passwd');
  });
  afterAll(() => server?.stop());

  it('keeps agents out (403) and asks for a session (401); nothing is audited', async () => {
    const agent = await server.login('1001');
    expect((await get('/api/v1/calls/c-rec/recording')).status).toBe(401);
    const denied = await get('/api/v1/calls/c-rec/recording', bearer(agent));
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { code: string }).code).toBe('forbidden');
    expect((await server.call('GET', '/api/v1/recordings/calls?from=2026-03-01&to=2026-03-03', agent)).status).toBe(403);
    expect((await server.call('POST', '/api/v1/calls/c-rec/recording/ticket', agent)).status).toBe(403);
    expect(plays()).toEqual([]);
  });

  it('finds calls by date range, caller number and work number, the caller masked', async () => {
    const lead = await server.login('2001');
    const find = async (query: string) => callSearchResponseSchema.parse((await server.call('GET', `/api/v1/recordings/calls?${query}`, lead)).body).calls;
    const day = await find('from=2026-03-02&to=2026-03-02');
    expect(day.map((c) => c.id).sort()).toEqual(['c-gone', 'c-ivr', 'c-outside', 'c-rec']);
    const rec = day.find((c) => c.id === 'c-rec')!;
    expect(rec).toMatchObject({ callerMasked: '138****5678', agentWorkNumber: '1001', agentName: '张敏', segments: 2, talkSeconds: 60 });
    expect(JSON.stringify(day)).not.toContain('13812345678');
    expect((await find('from=2026-03-01&to=2026-03-05&caller=1234')).map((c) => c.id).sort()).toEqual(['c-other-day', 'c-outside', 'c-rec']);
    expect((await find('from=2026-03-02&to=2026-03-02&agent=1002')).map((c) => c.id)).toEqual(['c-gone']);
    expect(rec.workOrderIds).toEqual([]);
    const bad = await server.call('GET', '/api/v1/recordings/calls?from=2026-03-05&to=2026-03-01', lead);
    expect(bad.status).toBe(400);
  });

  it('names the work orders opened from a call, so that 质检 can open them from the record', async () => {
    const order = (id: number) =>
      server.db
        .prepare(
          "INSERT INTO work_orders (id, center_code, category, created_at, title, description, state, call_id, updated_at) VALUES (?, '330100', 'complaint', 0, '投诉', '…', 'pending_approval', 'c-rec', 0)",
        )
        .run(id);
    order(42);
    order(17);
    const quality = await server.login('2101');
    const res = await server.call('GET', '/api/v1/recordings/calls?from=2026-03-02&to=2026-03-02', quality);
    const calls = callSearchResponseSchema.parse(res.body).calls;
    expect(calls.find((c) => c.id === 'c-rec')!.workOrderIds).toEqual([17, 42]);
    expect(calls.find((c) => c.id === 'c-ivr')!.workOrderIds).toEqual([]);
    server.db.prepare('DELETE FROM work_orders WHERE id IN (17, 42)').run();
  });

  it('streams the whole recording to a team lead, uncached, and audits the play', async () => {
    const lead = await server.login('2001');
    const before = plays().length;
    const res = await get('/api/v1/calls/c-rec/recording', bearer(lead));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await res.arrayBuffer()).equals(wav)).toBe(true);
    const after = plays();
    expect(after).toHaveLength(before + 1);
    const leadId = server.db.prepare("SELECT id FROM users WHERE work_number = '2001'").pluck().get();
    expect(after.at(-1)).toMatchObject({ actor: leadId, callId: 'c-rec' });
    expect(JSON.parse(after.at(-1)!.detail)).toMatchObject({ segment: 1, workNumber: '2001', role: 'team_lead' });
  });

  it('answers Range requests with 206 and the asked bytes; a play from byte 0 is audited, a seek is not', async () => {
    const lead = await server.login('2001');
    const before = plays().length;
    const part = await get('/api/v1/calls/c-rec/recording', bearer(lead, { range: 'bytes=100-199' }));
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(Buffer.from(await part.arrayBuffer()).equals(wav.subarray(100, 200))).toBe(true);
    const tail = await get('/api/v1/calls/c-rec/recording', bearer(lead, { range: 'bytes=-10' }));
    expect(Buffer.from(await tail.arrayBuffer()).equals(wav.subarray(990))).toBe(true);
    expect(plays()).toHaveLength(before);
    const open = await get('/api/v1/calls/c-rec/recording', bearer(lead, { range: 'bytes=0-' }));
    expect(open.status).toBe(206);
    expect(open.headers.get('content-range')).toBe('bytes 0-999/1000');
    await open.arrayBuffer();
    expect(plays()).toHaveLength(before + 1);
    const past = await get('/api/v1/calls/c-rec/recording', bearer(lead, { range: 'bytes=5000-' }));
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe('bytes */1000');
  });

  it('serves the later segments of a transferred call by number', async () => {
    const lead = await server.login('2001');
    const res = await get('/api/v1/calls/c-rec/recording?segment=2', bearer(lead));
    expect(Buffer.from(await res.arrayBuffer()).equals(second)).toBe(true);
    const none = await get('/api/v1/calls/c-rec/recording?segment=3', bearer(lead));
    expect(none.status).toBe(404);
    expect(((await none.json()) as { code: string }).code).toBe('recording_segment_not_found');
  });

  it('says why there is nothing to play: 404 with a code', async () => {
    const lead = await server.login('2001');
    const code = async (id: string) => {
      const res = await get(`/api/v1/calls/${id}/recording`, bearer(lead));
      expect(res.status).toBe(404);
      return ((await res.json()) as { code: string }).code;
    };
    expect(await code('c-ivr')).toBe('no_recording');
    expect(await code('c-gone')).toBe('recording_missing');
    expect(await code('no-such-call')).toBe('call_not_found');
    // A row naming a file outside the recordings folder is never served.
    expect(await code('c-outside')).toBe('no_recording');
  });

  it('plays for a quality checker through a ticket an <audio> element can use, while the session lives', async () => {
    const quality = await server.login('2101');
    const issued = await server.call('POST', '/api/v1/calls/c-rec/recording/ticket', quality);
    expect(issued.status).toBe(200);
    const { url, segments } = recordingTicketResponseSchema.parse(issued.body);
    expect(segments).toBe(2);
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(wav)).toBe(true);
    expect(JSON.parse(plays().at(-1)!.detail)).toMatchObject({ workNumber: '2101', role: 'quality' });
    // Bound to its call.
    const ticket = new URL(url, server.url).searchParams.get('ticket')!;
    const elsewhere = await get(`/api/v1/calls/c-gone/recording?ticket=${ticket}`);
    expect(elsewhere.status).toBe(401);
    expect(((await elsewhere.json()) as { code: string }).code).toBe('ticket_invalid');
    // Signing out ends it.
    expect((await server.call('POST', '/api/v1/auth/logout', quality)).status).toBeLessThan(300);
    expect((await get(url)).status).toBe(401);
  });

  it('shows the disk used by recordings and the retention period', async () => {
    const lead = await server.login('2001');
    const usage = recordingUsageSchema.parse((await server.call('GET', '/api/v1/recordings/usage', lead)).body);
    expect(usage).toMatchObject({ files: 2, bytes: 1300, retentionDays: 730 });
    expect(usage.freeBytes).toBeGreaterThan(0);
  });

  it('ran the retention purge when the server started: nothing was old, and the audit says so', async () => {
    await expect.poll(() => server.db.prepare("SELECT detail FROM audit_log WHERE action = 'recordings.purge'").pluck().all()).toHaveLength(1);
    const detail = JSON.parse(server.db.prepare("SELECT detail FROM audit_log WHERE action = 'recordings.purge'").pluck().get() as string) as Record<
      string,
      unknown
    >;
    expect(detail).toMatchObject({ files: 0, bytes: 0, retentionDays: 730 });
  });
});
