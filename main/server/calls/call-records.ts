import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import type { AgentState } from '../../../shared/acd/agent-state-machine.js';

export type HangupSide = 'caller' | 'agent' | 'system';
export type AbandonStage = 'ivr' | 'queue' | 'ringing';
export type RingOutcome = 'answered' | 'missed' | 'rejected' | 'abandoned';
export type SurveyResult = 1 | 2 | 3;

export interface ArrivedCall {
  id: string;
  direction?: 'inbound' | 'outbound';
  caller: string;
  callee: string;
  transport: 'udp' | 'ws';
  sipCallId?: string | null;
  /** A follow-up call placed from this work order (migration 0011). */
  workOrderId?: number | null;
}

/** An agent who was signed in when the server stopped, and the state they were in. */
export interface AgentAtRestart {
  agentId: number;
  state: AgentState;
  reason: string | null;
}

/** One visited IVR node; `label` (if any) is appended to calls.ivr_path. Never carries collected digits. */
export interface IvrStepRecord {
  nodeId: string;
  event: string;
  label?: string | undefined;
  digit?: string | undefined;
}

/**
 * The call record, written step by step (migration 0008): each method is one small transaction
 * committed at once, so that a crash loses at most the step in flight. Times come from the clock.
 * Steps that may repeat (queued after a transfer, a second ring) keep the first time where the
 * metrics need the first one (queue entry, first ring).
 */
export class CallRecords {
  private readonly s: Record<string, Statement>;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly centerCode: string,
  ) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      insertCall: p(`INSERT INTO calls (id, center_code, direction, caller, callee, transport, sip_call_id, work_order_id, arrived_at)
                     VALUES (@id, @centerCode, @direction, @caller, @callee, @transport, @sipCallId, @workOrderId, @at)`),
      event: p('INSERT INTO call_events (call_id, at, kind, data) VALUES (?, ?, ?, ?)'),
      appendPath: p("UPDATE calls SET ivr_path = json_insert(ivr_path, '$[#]', ?) WHERE id = ?"),
      ivrExit: p('UPDATE calls SET ivr_exit_at = ? WHERE id = ?'),
      offered: p('UPDATE calls SET offered_to_agent = 1 WHERE id = ?'),
      queued: p('UPDATE calls SET queued_at = COALESCE(queued_at, ?) WHERE id = ?'),
      ringStart: p('UPDATE calls SET ring_started_at = COALESCE(ring_started_at, ?) WHERE id = ?'),
      ringInsert: p('INSERT INTO call_ring_attempts (call_id, agent_id, started_at) VALUES (?, ?, ?)'),
      ringEnd: p('UPDATE call_ring_attempts SET ended_at = ?, outcome = ? WHERE call_id = ? AND agent_id = ? AND ended_at IS NULL'),
      ringEndAll: p('UPDATE call_ring_attempts SET ended_at = ?, outcome = ? WHERE call_id = ? AND ended_at IS NULL'),
      // A transferred call keeps its first answer (wait time) and names its last agent.
      answered: p('UPDATE calls SET answered_at = COALESCE(answered_at, ?), agent_id = ? WHERE id = ? AND abandoned_at IS NULL'),
      hungUp: p('UPDATE calls SET hung_up_at = ?, hangup_side = ? WHERE id = ? AND hung_up_at IS NULL'),
      abandoned: p('UPDATE calls SET abandoned_at = ?, abandon_stage = ? WHERE id = ? AND answered_at IS NULL AND abandoned_at IS NULL'),
      acwStarted: p('UPDATE calls SET acw_started_at = ? WHERE id = ?'),
      acwEnded: p('UPDATE calls SET acw_ended_at = ? WHERE id = ? AND acw_started_at IS NOT NULL AND acw_ended_at IS NULL'),
      survey: p('UPDATE calls SET survey_result = ?, survey_at = ? WHERE id = ?'),
      recording: p('UPDATE calls SET recording_file = ? WHERE id = ?'),
      ended: p('UPDATE calls SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL'),
      openCalls: p('SELECT id FROM calls WHERE ended_at IS NULL AND center_code = ?').pluck(),
      agentState: p('INSERT INTO agent_state_log (agent_id, state, reason, call_id, at) VALUES (?, ?, ?, ?, ?)'),
      signedInAgents: p(`SELECT l.agent_id AS agentId, l.state, l.reason FROM agent_state_log l
                          WHERE l.id = (SELECT MAX(id) FROM agent_state_log WHERE agent_id = l.agent_id) AND l.state <> 'signed_out'`),
    };
  }

  private step(callId: string, kind: string, data: unknown, write?: (at: number) => void): number {
    const at = this.clock.now();
    this.db.transaction(() => {
      write?.(at);
      this.s.event!.run(callId, at, kind, data === undefined ? null : JSON.stringify(data));
    })();
    return at;
  }

  arrived(call: ArrivedCall): void {
    const at = this.clock.now();
    this.db.transaction(() => {
      this.s.insertCall!.run({ id: call.id, centerCode: this.centerCode, direction: call.direction ?? 'inbound', caller: call.caller, callee: call.callee, transport: call.transport, sipCallId: call.sipCallId ?? null, workOrderId: call.workOrderId ?? null, at });
      this.s.event!.run(call.id, at, 'arrived', null);
    })();
  }

  ivrStep(callId: string, step: IvrStepRecord): void {
    this.step(callId, 'ivr', step, () => {
      if (step.label) this.s.appendPath!.run(step.label, callId);
    });
  }

  ivrExit(callId: string, exit: string): void {
    this.step(callId, 'ivr_exit', { exit }, (at) => this.s.ivrExit!.run(at, callId));
  }

  /** The caller chose 人工 inside service hours: counted in callconnect's denominator. */
  offeredToAgent(callId: string): void {
    this.step(callId, 'offered', undefined, () => this.s.offered!.run(callId));
  }

  queued(callId: string): void {
    this.step(callId, 'queued', undefined, (at) => this.s.queued!.run(at, callId));
  }

  ringStarted(callId: string, agentId: number): void {
    this.step(callId, 'ring_started', { agentId }, (at) => {
      this.s.ringStart!.run(at, callId);
      this.s.ringInsert!.run(callId, agentId, at);
    });
  }

  ringEnded(callId: string, agentId: number, outcome: RingOutcome): void {
    this.step(callId, 'ring_ended', { agentId, outcome }, (at) => this.s.ringEnd!.run(at, outcome, callId, agentId));
  }

  answered(callId: string, agentId: number): void {
    this.step(callId, 'answered', { agentId }, (at) => this.s.answered!.run(at, agentId, callId));
  }

  hungUp(callId: string, side: HangupSide): void {
    this.step(callId, 'hung_up', { side }, (at) => this.s.hungUp!.run(at, side, callId));
  }

  /** The caller left before an agent answered; a ring in progress ends as 'abandoned'. */
  abandoned(callId: string, stage: AbandonStage): void {
    this.step(callId, 'abandoned', { stage }, (at) => {
      this.s.abandoned!.run(at, stage, callId);
      this.s.ringEndAll!.run(at, 'abandoned', callId);
    });
  }

  acwStarted(callId: string): void {
    this.step(callId, 'acw_started', undefined, (at) => this.s.acwStarted!.run(at, callId));
  }

  acwEnded(callId: string): void {
    this.step(callId, 'acw_ended', undefined, (at) => this.s.acwEnded!.run(at, callId));
  }

  surveyResult(callId: string, result: SurveyResult): void {
    this.step(callId, 'survey', { result }, (at) => this.s.survey!.run(result, at, callId));
  }

  recordingFile(callId: string, file: string): void {
    this.step(callId, 'recording', { file }, () => this.s.recording!.run(file, callId));
  }

  ended(callId: string, reason: string): void {
    this.step(callId, 'ended', { reason }, (at) => {
      this.s.ended!.run(at, reason, callId);
      this.s.ringEndAll!.run(at, null, callId);
    });
  }

  /** A call cut by a crash or a reload: closed with the reason; what happened before stays as written. */
  markLost(callId: string, reason: string): void {
    this.step(callId, 'lost', { reason }, (at) => {
      this.s.ended!.run(at, reason, callId);
      this.s.ringEndAll!.run(at, null, callId);
    });
  }

  /**
   * At server start: every call still open was cut by a crash; every agent still signed in is
   * logged out at this instant (their desk is not back yet). Returns the calls closed and, for the
   * ACD to give back once a desk re-registers, the state each agent was in.
   */
  recoverAfterRestart(reason = 'server_restart'): { calls: number; agents: AgentAtRestart[] } {
    return this.db.transaction(() => {
      const calls = this.s.openCalls!.all(this.centerCode) as string[];
      for (const id of calls) this.markLost(id, reason);
      const agents = this.s.signedInAgents!.all() as AgentAtRestart[];
      for (const agent of agents) this.agentState(agent.agentId, 'signed_out', reason, null);
      return { calls: calls.length, agents };
    })();
  }

  agentState(agentId: number, state: AgentState, reason: string | null, callId: string | null): void {
    this.s.agentState!.run(agentId, state, reason, callId, this.clock.now());
  }
}
