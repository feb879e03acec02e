// Tests only: an ACD on a real SQLite file, a ManualClock, and a delegate the test answers by hand.
import { ManualClock } from '../clock.js';
import { AgentStateLog } from './agent-state-log.js';
import { insertAgentUser, openTempCallsDb, type TempCallsDb } from '../calls/calls-test-kit.js';
import type { ServerEvent } from '../../../shared/api/events/index.js';
import { Acd, type AcdCall, type AcdDelegate, type AcdOptions, type RingResult } from './acd.js';
import { ManualTimers, flushPromises } from './timers.js';

export interface PendingRing {
  agentId: number;
  callId: string;
  signal: AbortSignal;
  resolve(result: RingResult): void;
}

export class ScriptedDelegate implements AcdDelegate {
  readonly rings: PendingRing[] = [];
  readonly announcements: Array<{ callId: string; ahead: number; at: number }> = [];
  readonly acwEnds: Array<{ callId: string; agentId: number; at: number }> = [];
  constructor(private readonly clock: ManualClock) {}

  ringAgent(agentId: number, call: AcdCall, options: { signal: AbortSignal }): Promise<RingResult> {
    return new Promise((resolve) => this.rings.push({ agentId, callId: call.callId, signal: options.signal, resolve }));
  }
  acwEnded(callId: string, agentId: number): void {
    this.acwEnds.push({ callId, agentId, at: this.clock.now() });
  }
  announceQueuePosition(call: AcdCall, ahead: number): void {
    this.announcements.push({ callId: call.callId, ahead, at: this.clock.now() });
  }
  /** The latest ring of a call. */
  ringOf(callId: string): PendingRing {
    const ring = this.rings.filter((r) => r.callId === callId).at(-1);
    if (!ring) throw new Error(`${callId} never rang`);
    return ring;
  }
}

export const T0 = Date.parse('2026-03-02T09:00:00+08:00');

export interface AcdFixture {
  t: TempCallsDb;
  clock: ManualClock;
  timers: ManualTimers;
  acd: Acd;
  delegate: ScriptedDelegate;
  events: ServerEvent[];
  agents: number[];
  /** A call that left the IVR for 人工 enters the queue. */
  enqueue(callId: string, targetAgentId?: number): void;
  flush(): Promise<void>;
  close(): void;
}

export function acdFixture(agentCount: number, options: Partial<AcdOptions> = {}): AcdFixture {
  const t = openTempCallsDb();
  const clock = new ManualClock(T0);
  const timers = new ManualTimers(clock);
  const delegate = new ScriptedDelegate(clock);
  const events: ServerEvent[] = [];
  const acd = new Acd({ clock, timers, stateLog: new AgentStateLog(t.db, clock), delegate, events: { publish: (e) => events.push(e) }, options });
  const agents: number[] = [];
  for (let i = 1; i <= agentCount; i++) {
    const workNumber = String(1000 + i);
    const id = insertAgentUser(t.db, workNumber);
    acd.addAgent({ id, workNumber, displayName: `坐席${workNumber}` });
    acd.setRegistered(id, true);
    agents.push(id);
  }
  return {
    t,
    clock,
    timers,
    acd,
    delegate,
    events,
    agents,
    enqueue(callId, targetAgentId) {
      acd.enqueue({ callId, caller: '13800000000', ...(targetAgentId === undefined ? {} : { targetAgentId }) });
    },
    flush: flushPromises,
    close: () => t.close(),
  };
}
