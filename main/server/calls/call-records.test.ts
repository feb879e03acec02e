import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { CallRecords } from './call-records.js';
import { TEST_CENTER, insertAgentUser, openTempCallsDb, type TempCallsDb } from './calls-test-kit.js';

const T0 = Date.parse('2026-03-02T09:00:00+08:00');

interface CallRow {
  [k: string]: unknown;
}

describe('CallRecords', () => {
  let t: TempCallsDb;
  let clock: ManualClock;
  let records: CallRecords;
  let agent: number;
  const row = (id: string) => t.db.prepare('SELECT * FROM calls WHERE id = ?').get(id) as CallRow;
  const tick = () => clock.advance(1000);

  beforeEach(() => {
    t = openTempCallsDb();
    clock = new ManualClock(T0);
    records = new CallRecords(t.db, clock, TEST_CENTER);
    agent = insertAgentUser(t.db, '1001');
  });
  afterEach(() => t.close());

  const arrive = (id: string) => records.arrived({ id, caller: '13800000000', callee: '12329', transport: 'udp', sipCallId: `sip-${id}` });

  it('writes every timestamp of a full call, in order', () => {
    arrive('c1');
    tick();
    records.ivrStep('c1', { nodeId: 'main', event: 'choice', digit: '2', label: '业务查询' });
    tick();
    records.ivrStep('c1', { nodeId: 'query', event: 'choice', digit: '2', label: '个人贷款' });
    records.ivrStep('c1', { nodeId: 'query', event: 'enter' });
    tick();
    records.ivrStep('c1', { nodeId: 'agent', event: 'enter', label: '人工' });
    records.ivrExit('c1', 'queue');
    records.offeredToAgent('c1');
    records.queued('c1');
    tick();
    records.ringStarted('c1', agent);
    tick();
    records.ringEnded('c1', agent, 'answered');
    records.answered('c1', agent);
    tick();
    records.recordingFile('c1', 'recordings/2026/03/02/c1.wav');
    records.hungUp('c1', 'agent');
    records.acwStarted('c1');
    tick();
    records.surveyResult('c1', 1);
    tick();
    records.acwEnded('c1');
    records.ended('c1', 'normal');

    const r = row('c1');
    expect(r).toMatchObject({ center_code: TEST_CENTER, caller: '13800000000', sip_call_id: 'sip-c1', offered_to_agent: 1, agent_id: agent, hangup_side: 'agent', survey_result: 1, recording_file: 'recordings/2026/03/02/c1.wav', end_reason: 'normal', abandoned_at: null });
    expect(JSON.parse(r.ivr_path as string)).toEqual(['业务查询', '个人贷款', '人工']);
    const order = ['arrived_at', 'ivr_exit_at', 'queued_at', 'ring_started_at', 'answered_at', 'hung_up_at', 'acw_started_at', 'survey_at', 'acw_ended_at', 'ended_at'];
    const times = order.map((k) => r[k] as number);
    for (const [i, v] of times.entries()) expect(v, order[i]).toBeTypeOf('number');
    for (let i = 1; i < times.length; i++) expect(times[i]!, `${order[i]} after ${order[i - 1]}`).toBeGreaterThanOrEqual(times[i - 1]!);
    expect(r.answered_at).toBe(T0 + 5000);
    expect(r.queued_at).toBe(T0 + 3000);

    const ring = t.db.prepare('SELECT * FROM call_ring_attempts WHERE call_id = ?').all('c1');
    expect(ring).toEqual([expect.objectContaining({ agent_id: agent, started_at: T0 + 4000, ended_at: T0 + 5000, outcome: 'answered' })]);
    const kinds = t.db.prepare('SELECT kind FROM call_events WHERE call_id = ? ORDER BY id').pluck().all('c1');
    expect(kinds).toEqual(['arrived', 'ivr', 'ivr', 'ivr', 'ivr', 'ivr_exit', 'offered', 'queued', 'ring_started', 'ring_ended', 'answered', 'recording', 'hung_up', 'acw_started', 'survey', 'acw_ended', 'ended']);
  });

  it('records an abandon while ringing and closes the ring attempt as abandoned', () => {
    arrive('c2');
    records.offeredToAgent('c2');
    records.queued('c2');
    tick();
    records.ringStarted('c2', agent);
    tick();
    records.abandoned('c2', 'ringing');
    records.hungUp('c2', 'caller');
    // A late answer cannot contradict the abandon (the table's CHECK would refuse it).
    records.answered('c2', agent);
    const r = row('c2');
    expect(r).toMatchObject({ abandon_stage: 'ringing', abandoned_at: T0 + 2000, answered_at: null, hangup_side: 'caller' });
    expect(t.db.prepare('SELECT outcome, ended_at FROM call_ring_attempts WHERE call_id = ?').get('c2')).toEqual({ outcome: 'abandoned', ended_at: T0 + 2000 });
  });

  it('keeps the first queue entry and first ring when a call is re-queued', () => {
    arrive('c3');
    records.queued('c3');
    tick();
    records.ringStarted('c3', agent);
    tick();
    records.ringEnded('c3', agent, 'missed');
    records.queued('c3');
    tick();
    records.ringStarted('c3', agent);
    expect(row('c3')).toMatchObject({ queued_at: T0, ring_started_at: T0 + 1000 });
    expect(t.db.prepare('SELECT outcome FROM call_ring_attempts WHERE call_id = ? ORDER BY id').pluck().all('c3')).toEqual(['missed', null]);
  });

  it('logs agent state changes', () => {
    records.agentState(agent, 'ready', null, null);
    tick();
    records.agentState(agent, 'not_ready', '小休', null);
    expect(t.db.prepare('SELECT state, reason, at FROM agent_state_log WHERE agent_id = ? ORDER BY id').all(agent)).toEqual([
      { state: 'ready', reason: null, at: T0 },
      { state: 'not_ready', reason: '小休', at: T0 + 1000 },
    ]);
  });

  it('closes calls left open by a crash as lost, after reopening the database', () => {
    arrive('done');
    records.ended('done', 'normal');
    arrive('half');
    records.queued('half');
    records.ringStarted('half', agent);
    records.agentState(agent, 'ringing', null, 'half');
    t.crash();

    const db = t.reopen();
    clock.advance(60_000);
    const recovered = new CallRecords(db, clock, TEST_CENTER).recoverAfterRestart();
    expect(recovered).toEqual({ calls: 1, agents: [{ agentId: agent, state: 'ringing', reason: null }] });
    expect(row('half')).toMatchObject({ ended_at: T0 + 60_000, end_reason: 'server_restart', queued_at: T0, ring_started_at: T0 });
    expect(row('done')).toMatchObject({ end_reason: 'normal', ended_at: T0 });
    expect(db.prepare('SELECT ended_at FROM call_ring_attempts WHERE call_id = ?').pluck().get('half')).toBe(T0 + 60_000);
    expect(db.prepare('SELECT state, reason FROM agent_state_log WHERE agent_id = ? ORDER BY id DESC LIMIT 1').get(agent)).toEqual({ state: 'signed_out', reason: 'server_restart' });
    // A second start finds nothing left to close.
    expect(new CallRecords(db, clock, TEST_CENTER).recoverAfterRestart()).toEqual({ calls: 0, agents: [] });
  });
});
