import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';

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

/** One visited IVR node; `label` (if any) is appended to calls.ivr_path. Never carries collected digits. */
export interface IvrStepRecord {
  nodeId: string;
  event: string;
  label?: string | undefined;
  digit?: string | undefined;
}

/** The statements every call's writer shares (prepared once per database). */
export class CallRecordStatements {
  readonly s: Record<string, Statement>;
  constructor(readonly db: Db) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      insertCall: p(`INSERT INTO calls (id, center_code, direction, caller, callee, transport, sip_call_id, work_order_id, arrived_at)
                     VALUES (@id, @centerCode, @direction, @caller, @callee, @transport, @sipCallId, @workOrderId, @at)`),
      event: p('INSERT INTO call_events (call_id, at, kind, data) VALUES (?, ?, ?, ?)'),
      appendPath: p("UPDATE calls SET ivr_path = json_insert(ivr_path, '$[#]', ?) WHERE id = ?"),
      ivrExit: p('UPDATE calls SET ivr_exit_at = ? WHERE id = ?'),
      offered: p('UPDATE calls SET offered_to_agent = 1, offered_at = COALESCE(offered_at, @at), queued_at = COALESCE(queued_at, @at) WHERE id = @id'),
      queued: p('UPDATE calls SET queued_at = COALESCE(queued_at, ?) WHERE id = ?'),
      ringStart: p('UPDATE calls SET ring_started_at = COALESCE(ring_started_at, ?) WHERE id = ?'),
      ringInsert: p('INSERT INTO call_ring_attempts (call_id, agent_id, started_at) VALUES (?, ?, ?)'),
      ringEnd: p('UPDATE call_ring_attempts SET ended_at = ?, outcome = ? WHERE call_id = ? AND agent_id = ? AND ended_at IS NULL'),
      ringEndAll: p('UPDATE call_ring_attempts SET ended_at = ?, outcome = ? WHERE call_id = ? AND ended_at IS NULL'),
      // Wait is measured to the first answer; the call names the agent who has it now.
      answered: p('UPDATE calls SET answered_at = COALESCE(answered_at, ?), agent_id = ? WHERE id = ? AND abandoned_at IS NULL'),
      agentNow: p('UPDATE calls SET agent_id = ? WHERE id = ?'),
      turnInsert: p('INSERT INTO call_agent_turns (call_id, agent_id, kind, started_at) VALUES (?, ?, ?, ?)'),
      turnEnd: p('UPDATE call_agent_turns SET ended_at = ?, end_reason = ? WHERE call_id = ? AND agent_id = ? AND ended_at IS NULL'),
      acwStart: p(
        'UPDATE call_agent_turns SET acw_started_at = ? WHERE id = (SELECT MAX(id) FROM call_agent_turns WHERE call_id = ? AND agent_id = ? AND acw_started_at IS NULL)',
      ),
      acwOpen: p(
        'SELECT id, acw_started_at AS startedAt FROM call_agent_turns WHERE call_id = ? AND agent_id = ? AND acw_started_at IS NOT NULL AND acw_ended_at IS NULL',
      ),
      acwEnd: p('UPDATE call_agent_turns SET acw_ended_at = ? WHERE id = ?'),
      acwSum: p('UPDATE calls SET acw_ms = acw_ms + ?, acw_count = acw_count + 1 WHERE id = ?'),
      talkEnded: p('UPDATE calls SET talk_ended_at = ? WHERE id = ? AND answered_at IS NOT NULL'),
      hungUp: p('UPDATE calls SET hung_up_at = ?, hangup_side = ? WHERE id = ? AND hung_up_at IS NULL'),
      abandoned: p('UPDATE calls SET abandoned_at = ?, abandon_stage = ? WHERE id = ? AND answered_at IS NULL AND abandoned_at IS NULL'),
      survey: p('UPDATE calls SET survey_result = ?, survey_at = ? WHERE id = ?'),
      recording: p('UPDATE calls SET recording_file = COALESCE(recording_file, ?) WHERE id = ?'),
      ended: p('UPDATE calls SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL'),
    };
  }
}

/**
 * The record of one call, written step by step as it happens (each step one small transaction,
 * so a crash loses at most the step in flight). Only the call's owner holds one
 * (voice/call-session.ts): nothing else writes a call's row.
 */
export class CallRecord {
  private readonly s: Record<string, Statement>;

  constructor(
    private readonly st: CallRecordStatements,
    private readonly clock: Clock,
    readonly callId: string,
  ) {
    this.s = st.s;
  }

  /** Creates the row. */
  static arrive(st: CallRecordStatements, clock: Clock, centerCode: string, call: ArrivedCall): CallRecord {
    const at = clock.now();
    st.db.transaction(() => {
      st.s.insertCall!.run({
        id: call.id,
        centerCode,
        direction: call.direction ?? 'inbound',
        caller: call.caller,
        callee: call.callee,
        transport: call.transport,
        sipCallId: call.sipCallId ?? null,
        workOrderId: call.workOrderId ?? null,
        at,
      });
      st.s.event!.run(call.id, at, 'arrived', null);
    })();
    return new CallRecord(st, clock, call.id);
  }

  private step(kind: string, data: unknown, write?: (at: number) => void): number {
    const at = this.clock.now();
    this.st.db.transaction(() => {
      write?.(at);
      this.s.event!.run(this.callId, at, kind, data === undefined ? null : JSON.stringify(data));
    })();
    return at;
  }

  /** Several steps of one moment (a call's ending) in one transaction: one commit, all or none. */
  together(steps: () => void): void {
    this.st.db.transaction(steps)();
  }

  /** A step worth keeping that changes no column (self-service bookings, transfers, holds). */
  note(kind: string, data?: unknown): void {
    this.step(kind, data);
  }

  ivrStep(step: IvrStepRecord): void {
    this.step('ivr', step, () => {
      if (step.label) this.s.appendPath!.run(step.label, this.callId);
    });
  }

  ivrExit(exit: string): void {
    this.step('ivr_exit', { exit }, (at) => this.s.ivrExit!.run(at, this.callId));
  }

  /** 人工 chosen in service hours: offered (callconnect's denominator) and queued at this instant. */
  offered(): void {
    this.step('offered', undefined, (at) => this.s.offered!.run({ at, id: this.callId }));
  }

  queued(): void {
    this.step('queued', undefined, (at) => this.s.queued!.run(at, this.callId));
  }

  ringStarted(agentId: number): void {
    this.step('ring_started', { agentId }, (at) => {
      this.s.ringStart!.run(at, this.callId);
      this.s.ringInsert!.run(this.callId, agentId, at);
    });
  }

  ringEnded(agentId: number, outcome: RingOutcome): void {
    this.step('ring_ended', { agentId, outcome }, (at) => this.s.ringEnd!.run(at, outcome, this.callId, agentId));
  }

  /** The first agent answered (kind 'answer', or 'outbound' for the agent who placed the call). */
  answered(agentId: number, kind: 'answer' | 'outbound' = 'answer'): void {
    this.step('answered', { agentId }, (at) => {
      this.s.answered!.run(at, agentId, this.callId);
      this.s.turnInsert!.run(this.callId, agentId, kind, at);
    });
  }

  /** A colleague joined (consult); they have the call only once the transfer completes. */
  agentJoined(agentId: number, kind: 'transfer' | 'consult'): void {
    this.step('agent_joined', { agentId, kind }, (at) => this.s.turnInsert!.run(this.callId, agentId, kind, at));
  }

  /** The call is now this agent's (a completed transfer). */
  handedTo(agentId: number): void {
    this.step('handed_to', { agentId }, () => this.s.agentNow!.run(agentId, this.callId));
  }

  agentLeft(agentId: number, reason: string): void {
    this.step('agent_left', { agentId, reason }, (at) => this.s.turnEnd!.run(at, reason, this.callId, agentId));
  }

  acwStarted(agentId: number): void {
    this.step('acw_started', { agentId }, (at) => this.s.acwStart!.run(at, this.callId, agentId));
  }

  /** Each agent's after-call work counts once, added to the call's sum as it ends. */
  acwEnded(agentId: number): void {
    this.step('acw_ended', { agentId }, (at) => {
      const open = this.s.acwOpen!.get(this.callId, agentId) as { id: number; startedAt: number } | undefined;
      if (!open) return;
      this.s.acwEnd!.run(at, open.id);
      this.s.acwSum!.run(at - open.startedAt, this.callId);
    });
  }

  /** The last agent stopped talking to the caller (hang-up, survey hand-off, back to the IVR). */
  talkEnded(): void {
    this.step('talk_ended', undefined, (at) => this.s.talkEnded!.run(at, this.callId));
  }

  hungUp(side: HangupSide): void {
    this.step('hung_up', { side }, (at) => this.s.hungUp!.run(at, side, this.callId));
  }

  /** The caller left before an agent answered; a ring in progress ends as 'abandoned'. */
  abandoned(stage: AbandonStage): void {
    this.step('abandoned', { stage }, (at) => {
      this.s.abandoned!.run(at, stage, this.callId);
      this.s.ringEndAll!.run(at, 'abandoned', this.callId);
    });
  }

  surveyResult(result: SurveyResult): void {
    this.step('survey', { result }, (at) => this.s.survey!.run(result, at, this.callId));
  }

  /** The first recording file is the call's; later segments (after a transfer) are events. */
  recordingFile(file: string): void {
    this.step('recording', { file }, () => this.s.recording!.run(file, this.callId));
  }

  ended(reason: string): void {
    this.step('ended', { reason }, (at) => {
      this.s.ended!.run(at, reason, this.callId);
      this.s.ringEndAll!.run(at, null, this.callId);
    });
  }
}
