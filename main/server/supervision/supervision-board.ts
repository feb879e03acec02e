import type { Acd } from '../acd/acd.js';
import type { Clock } from '../clock.js';
import type { ServerEvent } from '../../../shared/api/events/index.js';
import type { AgentSnapshot } from '../../../shared/api/acd.js';
import type { BoardAgent, BoardQueue } from '../../../shared/api/supervision.js';
import { maskNumber } from '../../../shared/supervision/mask-number.js';
import { localDateOf, startOfLocalDay } from '../../../shared/time/zoned.js';
import type { AgentDay, BoardRepository } from './board-repository.js';

type SnapshotEvent = Extract<ServerEvent, { type: 'supervision.snapshot' }>;

/** Changes are gathered this long and sent together: a burst of events costs one row per agent. */
export const BOARD_FLUSH_MS = 50;

export interface SupervisionBoardDeps {
  acd: Acd;
  repo: BoardRepository;
  clock: Clock;
  timeZone: string;
  acwLimitSec: number;
  publish(event: ServerEvent): void;
}

/**
 * The team lead's live board. It holds no state of its own: the ACD owns agent states and the
 * queue, the call records own calls and today's figures. It listens to their events, notes which
 * agents (and whether the queue) changed, and pushes their rows a moment later, read afresh.
 */
export class SupervisionBoard {
  private readonly dirtyAgents = new Set<number>();
  private queueDirty = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Events the board sent (the benchmark's figure). */
  sent = 0;

  constructor(private readonly deps: SupervisionBoardDeps) {}

  /** Everything, for a lead whose socket just joined. */
  snapshot(): SnapshotEvent {
    const now = this.deps.clock.now();
    const days = this.deps.repo.agentDays(this.dayStart(now), now);
    return {
      type: 'supervision.snapshot',
      serverTime: new Date(now).toISOString(),
      acwLimitSec: this.deps.acwLimitSec,
      agents: this.deps.acd.agents().map((a) => this.row(a, days.get(a.agentId))),
      queue: this.queue(now),
    };
  }

  /** Every event of the hub passes here. */
  onEvent(event: ServerEvent): void {
    switch (event.type) {
      case 'acd.agent_state':
      case 'call.answered':
        this.dirtyAgents.add(event.agentId);
        this.queueDirty = true;
        break;
      case 'call.offered':
      case 'call.ended':
        if (event.agentId !== null) this.dirtyAgents.add(event.agentId);
        this.queueDirty = true;
        break;
      case 'acd.queue':
        this.queueDirty = true;
        break;
      default:
        return;
    }
    this.schedule();
  }

  /** Sends the rows of what changed (tests call it to skip the wait). */
  flush(): void {
    this.timer = undefined;
    if (this.stopped) return;
    const now = this.deps.clock.now();
    const serverTime = new Date(now).toISOString();
    const start = this.dayStart(now);
    for (const agentId of this.dirtyAgents) {
      let snapshot: AgentSnapshot;
      try {
        snapshot = this.deps.acd.agentSnapshot(agentId);
      } catch {
        continue;
      }
      const day = this.deps.repo.agentDays(start, now, agentId).get(agentId);
      this.send({
        type: 'supervision.agent',
        serverTime,
        agent: this.row(snapshot, day),
      });
    }
    this.dirtyAgents.clear();
    if (this.queueDirty) {
      this.queueDirty = false;
      this.send({
        type: 'supervision.queue',
        serverTime,
        queue: this.queue(now),
      });
    }
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => this.flush(), BOARD_FLUSH_MS);
    this.timer.unref();
  }

  private send(event: ServerEvent): void {
    this.sent++;
    this.deps.publish(event);
  }

  private dayStart(now: number): number {
    return startOfLocalDay(localDateOf(now, this.deps.timeZone), this.deps.timeZone);
  }

  private row(a: AgentSnapshot, day: AgentDay | undefined): BoardAgent {
    return {
      agentId: a.agentId,
      workNumber: a.workNumber,
      displayName: a.displayName,
      state: a.state,
      reason: a.reason,
      since: a.since,
      registered: a.registered,
      call: this.callOf(a),
      today: day ?? this.deps.repo.emptyDay(),
      forcedBy: a.forcedBy ?? null,
      pendingForce: a.pendingForce ?? null,
    };
  }

  private callOf(a: AgentSnapshot): BoardAgent['call'] {
    if (!a.callId || (a.state !== 'ringing' && a.state !== 'talking' && a.state !== 'after_call_work')) return null;
    const line = this.deps.repo.callLine(a.callId);
    if (!line) return null;
    const outbound = line.direction === 'outbound';
    let talkingSince: string | null = null;
    // The agent's talking state starts at the answer of an inbound call, at the dialling of a follow-up call.
    if (a.state === 'talking') talkingSince = outbound ? (line.answeredAt === null ? null : new Date(line.answeredAt).toISOString()) : a.since;
    return {
      callId: a.callId,
      number: maskNumber(outbound ? line.callee : line.caller),
      direction: line.direction,
      talkingSince,
    };
  }

  private queue(now: number): BoardQueue {
    const q = this.deps.acd.queueSnapshot();
    return {
      calls: q.calls.map((c) => ({
        callId: c.callId,
        number: maskNumber(this.deps.repo.callLine(c.callId)?.caller ?? ''),
        queuedAt: c.queuedAt,
        ahead: c.position - 1,
      })),
      ringing: q.ringing,
      today: this.deps.repo.queueDay(this.dayStart(now)),
    };
  }
}
