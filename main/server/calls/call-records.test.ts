import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { CallRecords, type CallRecord } from './call-records.js';
import { TEST_CENTER, insertAgentUser, openTempCallsDb, type TempCallsDb } from './calls-test-kit.js';

const T0 = Date.parse('2026-03-02T09:00:00+08:00');

interface CallRow {
  [k: string]: unknown;
}

describe("CallRecords and a call's CallRecord", () => {
  let t: TempCallsDb;
  let clock: ManualClock;
  let records: CallRecords;
  let agent: number;
  let colleague: number;
  const row = (id: string) => t.db.prepare('SELECT * FROM calls WHERE id = ?').get(id) as CallRow;
  const turns = (id: string) =>
    t.db
      .prepare('SELECT agent_id, kind, started_at, ended_at, end_reason, acw_started_at, acw_ended_at FROM call_agent_turns WHERE call_id = ? ORDER BY id')
      .all(id);
  const tick = (ms = 1000) => clock.advance(ms);

  beforeEach(() => {
    t = openTempCallsDb();
    clock = new ManualClock(T0);
    records = new CallRecords(t.db, clock, TEST_CENTER, 30_000);
    agent = insertAgentUser(t.db, '1001');
    colleague = insertAgentUser(t.db, '1002');
  });
  afterEach(() => t.close());

  const arrive = (id: string): CallRecord => records.arrive({ id, caller: '13800000000', callee: '12329', transport: 'udp', sipCallId: `sip-${id}` });

  it('writes every timestamp of a full call, in order', () => {
    const c1 = arrive('c1');
    tick();
    c1.ivrStep({ nodeId: 'main', event: 'choice', digit: '2', label: '业务查询' });
    tick();
    c1.ivrStep({ nodeId: 'query', event: 'choice', digit: '2', label: '个人贷款' });
    c1.ivrStep({ nodeId: 'query', event: 'enter' });
    tick();
    c1.ivrStep({ nodeId: 'agent', event: 'enter', label: '人工' });
    c1.ivrExit('queue');
    c1.offered();
    tick();
    c1.ringStarted(agent);
    tick();
    c1.ringEnded(agent, 'answered');
    c1.answered(agent);
    tick();
    c1.recordingFile('recordings/2026/03/02/c1.wav');
    c1.talkEnded();
    c1.agentLeft(agent, 'survey_handoff');
    c1.acwStarted(agent);
    tick();
    c1.surveyResult(1);
    c1.hungUp('caller');
    tick();
    c1.acwEnded(agent);
    c1.ended('survey_done');

    const r = row('c1');
    expect(r).toMatchObject({
      center_code: TEST_CENTER,
      caller: '13800000000',
      sip_call_id: 'sip-c1',
      offered_to_agent: 1,
      agent_id: agent,
      hangup_side: 'caller',
      survey_result: 1,
      recording_file: 'recordings/2026/03/02/c1.wav',
      end_reason: 'survey_done',
      abandoned_at: null,
      acw_ms: 2000,
      acw_count: 1,
    });
    expect(JSON.parse(r.ivr_path as string)).toEqual(['业务查询', '个人贷款', '人工']);
    const order = ['arrived_at', 'ivr_exit_at', 'offered_at', 'ring_started_at', 'answered_at', 'talk_ended_at', 'survey_at', 'ended_at'];
    const times = order.map((k) => r[k] as number);
    for (const [i, v] of times.entries()) expect(v, order[i]).toBeTypeOf('number');
    for (let i = 1; i < times.length; i++) expect(times[i]!, `${order[i]} after ${order[i - 1]}`).toBeGreaterThanOrEqual(times[i - 1]!);
    expect(r.answered_at).toBe(T0 + 5000);
    expect(r.offered_at).toBe(T0 + 3000);
    expect(r.queued_at).toBe(T0 + 3000);
    expect(turns('c1')).toEqual([
      {
        agent_id: agent,
        kind: 'answer',
        started_at: T0 + 5000,
        ended_at: T0 + 6000,
        end_reason: 'survey_handoff',
        acw_started_at: T0 + 6000,
        acw_ended_at: T0 + 8000,
      },
    ]);
    const kinds = t.db.prepare('SELECT kind FROM call_events WHERE call_id = ? ORDER BY id').pluck().all('c1');
    expect(kinds).toEqual([
      'arrived',
      'ivr',
      'ivr',
      'ivr',
      'ivr',
      'ivr_exit',
      'offered',
      'ring_started',
      'ring_ended',
      'answered',
      'recording',
      'talk_ended',
      'agent_left',
      'acw_started',
      'survey',
      'hung_up',
      'acw_ended',
      'ended',
    ]);
  });

  it("counts each agent's after-call work once on a transferred call, and talk to the last agent's end", () => {
    const c = arrive('t');
    c.offered();
    tick();
    c.ringStarted(agent);
    c.ringEnded(agent, 'answered');
    c.answered(agent);
    tick(5_000);
    c.ringStarted(colleague);
    tick(3_000);
    c.ringEnded(colleague, 'answered');
    c.agentJoined(colleague, 'transfer');
    c.handedTo(colleague);
    c.agentLeft(agent, 'transferred');
    c.acwStarted(agent);
    tick(10_000);
    c.acwEnded(agent);
    tick(49_000);
    c.talkEnded();
    c.agentLeft(colleague, 'call_ended');
    c.acwStarted(colleague);
    c.hungUp('caller');
    c.ended('caller_hangup');
    tick(20_000);
    c.acwEnded(colleague);
    c.acwEnded(colleague); // a second end for the same ACW changes nothing
    expect(row('t')).toMatchObject({ agent_id: colleague, hangup_side: 'caller', acw_ms: 30_000, acw_count: 2 });
    expect((row('t').talk_ended_at as number) - (row('t').answered_at as number)).toBe(67_000);
    expect(turns('t')).toEqual([
      {
        agent_id: agent,
        kind: 'answer',
        started_at: T0 + 1000,
        ended_at: T0 + 9000,
        end_reason: 'transferred',
        acw_started_at: T0 + 9000,
        acw_ended_at: T0 + 19_000,
      },
      {
        agent_id: colleague,
        kind: 'transfer',
        started_at: T0 + 9000,
        ended_at: T0 + 68_000,
        end_reason: 'call_ended',
        acw_started_at: T0 + 68_000,
        acw_ended_at: T0 + 88_000,
      },
    ]);
  });

  it('records an abandon while ringing and closes the ring attempt as abandoned', () => {
    const c2 = arrive('c2');
    c2.offered();
    tick();
    c2.ringStarted(agent);
    tick();
    c2.abandoned('ringing');
    c2.hungUp('caller');
    // A late answer cannot contradict the abandon (the table's CHECK would refuse it).
    c2.answered(agent);
    expect(row('c2')).toMatchObject({ abandon_stage: 'ringing', abandoned_at: T0 + 2000, answered_at: null, hangup_side: 'caller' });
    expect(t.db.prepare('SELECT outcome, ended_at FROM call_ring_attempts WHERE call_id = ?').get('c2')).toEqual({ outcome: 'abandoned', ended_at: T0 + 2000 });
  });

  it('keeps the first offer and first ring when a call is re-queued', () => {
    const c3 = arrive('c3');
    c3.offered();
    tick();
    c3.ringStarted(agent);
    tick();
    c3.ringEnded(agent, 'missed');
    c3.offered();
    tick();
    c3.ringStarted(agent);
    expect(row('c3')).toMatchObject({ offered_at: T0, queued_at: T0, ring_started_at: T0 + 1000 });
    expect(t.db.prepare('SELECT outcome FROM call_ring_attempts WHERE call_id = ? ORDER BY id').pluck().all('c3')).toEqual(['missed', null]);
  });

  describe('after a crash', () => {
    it('closes each open call at the cut as its phase says, after reopening the database', () => {
      const done = arrive('done');
      done.ended('normal');
      arrive('ivr');
      const queued = arrive('queued');
      queued.offered();
      const ringing = arrive('ringing');
      ringing.offered();
      ringing.ringStarted(agent);
      const talking = arrive('talking');
      talking.offered();
      talking.answered(colleague);
      records.heartbeat();
      tick(4_000);
      records.heartbeat(); // the last beat: the crash is after T0 + 4 s
      const cut = clock.now();
      t.crash();

      const db = t.reopen();
      clock.advance(600_000);
      expect(new CallRecords(db, clock, TEST_CENTER).recoverAfterRestart()).toEqual({ calls: 4 });
      const r = (id: string) =>
        db
          .prepare('SELECT abandon_stage, abandoned_at, answered_at, talk_ended_at, hung_up_at, hangup_side, ended_at, end_reason FROM calls WHERE id = ?')
          .get(id);
      expect(r('ivr')).toEqual({
        abandon_stage: 'ivr',
        abandoned_at: cut,
        answered_at: null,
        talk_ended_at: null,
        hung_up_at: cut,
        hangup_side: 'system',
        ended_at: cut,
        end_reason: 'server_restart',
      });
      expect(r('queued')).toMatchObject({ abandon_stage: 'queue', abandoned_at: cut, hangup_side: 'system' });
      expect(r('ringing')).toMatchObject({ abandon_stage: 'ringing', abandoned_at: cut, hangup_side: 'system' });
      // Talking: it keeps its answer and its talk up to the cut.
      expect(r('talking')).toEqual({
        abandon_stage: null,
        abandoned_at: null,
        answered_at: T0,
        talk_ended_at: cut,
        hung_up_at: cut,
        hangup_side: 'system',
        ended_at: cut,
        end_reason: 'server_restart',
      });
      expect(db.prepare("SELECT ended_at, end_reason FROM call_agent_turns WHERE call_id = 'talking'").get()).toEqual({
        ended_at: cut,
        end_reason: 'server_restart',
      });
      expect(db.prepare("SELECT ended_at, outcome FROM call_ring_attempts WHERE call_id = 'ringing'").get()).toEqual({ ended_at: cut, outcome: 'abandoned' });
      expect(db.prepare("SELECT end_reason, ended_at FROM calls WHERE id = 'done'").get()).toEqual({ end_reason: 'normal', ended_at: T0 });
      // A second start finds nothing left to close.
      expect(new CallRecords(db, clock, TEST_CENTER).recoverAfterRestart()).toEqual({ calls: 0 });
    });

    it('ends after-call work cut short at the cut, at most the ACW limit, and counts it', () => {
      const c = arrive('acw');
      c.offered();
      c.answered(agent);
      tick(60_000);
      c.talkEnded();
      c.agentLeft(agent, 'agent_hangup');
      c.acwStarted(agent);
      c.hungUp('agent');
      c.ended('agent_hangup');
      tick(12_000);
      records.heartbeat();
      const late = arrive('late-acw');
      late.answered(agent);
      late.talkEnded();
      late.agentLeft(agent, 'agent_hangup');
      late.acwStarted(agent);
      late.ended('agent_hangup');
      clock.advance(3_600_000);
      records.heartbeat(); // beats went on an hour: the limit caps the ACW
      t.crash();
      const db = t.reopen();
      new CallRecords(db, clock, TEST_CENTER, 30_000).recoverAfterRestart();
      expect(db.prepare("SELECT acw_ms, acw_count FROM calls WHERE id = 'acw'").get()).toEqual({ acw_ms: 30_000, acw_count: 1 });
      expect(db.prepare("SELECT acw_ms, acw_count FROM calls WHERE id = 'late-acw'").get()).toEqual({ acw_ms: 30_000, acw_count: 1 });
    });
  });
});
