import { create } from 'zustand';
import type { BoardAgent, BoardQueue, ForceAgentRequest } from '../../../shared/api/supervision';
import { routes } from '../../../shared/api/routes';
import { DEFAULT_BOARD_THRESHOLDS, type BoardThresholds } from '../../../shared/supervision/board-thresholds';
import type { ApiError } from '../services/api-client';
import { onServerEvent } from './connection-store';
import { useSessionStore } from './session-store';

const THRESHOLDS_KEY = 'agent-desk.board-thresholds';

interface SupervisionState {
  /** The snapshot arrived on this socket: the board is live. */
  live: boolean;
  agents: Record<number, BoardAgent>;
  queue: BoardQueue | undefined;
  /** Server clock minus this PC's, so that times in state are the server's. */
  clockOffsetMs: number;
  thresholds: BoardThresholds;
  /** Wall-clock ms of the last pushed change (the e2e test reads how fast the board follows). */
  lastUpdateAt: number;
  error: ApiError | undefined;
  notice: { kind: 'forced' | 'after_call' | 'assigned'; workNumber: string } | undefined;
  setThresholds(t: Partial<Pick<BoardThresholds, 'longCallSec' | 'longNotReadySec'>>): void;
  force(agent: BoardAgent, request: ForceAgentRequest): Promise<boolean>;
  assign(callId: string, agent: BoardAgent): Promise<boolean>;
}

function savedThresholds(): BoardThresholds {
  try {
    const saved = JSON.parse(localStorage.getItem(THRESHOLDS_KEY) ?? '{}') as Partial<BoardThresholds>;
    const ok = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;
    return {
      ...DEFAULT_BOARD_THRESHOLDS,
      ...(ok(saved.longCallSec) ? { longCallSec: saved.longCallSec } : {}),
      ...(ok(saved.longNotReadySec) ? { longNotReadySec: saved.longNotReadySec } : {}),
    };
  } catch {
    return { ...DEFAULT_BOARD_THRESHOLDS };
  }
}

/** The team lead's live board: filled only by the events socket (a snapshot on join, then changes), never polled. */
export const useSupervisionStore = create<SupervisionState>()((set, get) => ({
  live: false,
  agents: {},
  queue: undefined,
  clockOffsetMs: 0,
  thresholds: savedThresholds(),
  lastUpdateAt: 0,
  error: undefined,
  notice: undefined,
  setThresholds(change) {
    const thresholds = { ...get().thresholds, ...change };
    localStorage.setItem(
      THRESHOLDS_KEY,
      JSON.stringify({
        longCallSec: thresholds.longCallSec,
        longNotReadySec: thresholds.longNotReadySec,
      }),
    );
    set({ thresholds });
  },
  async force(agent, request) {
    try {
      const { applied } = await useSessionStore.getState().api.call(routes.supervision.forceAgent, { params: { agentId: agent.agentId }, body: request });
      set({
        error: undefined,
        notice: {
          kind: applied === 'now' ? 'forced' : 'after_call',
          workNumber: agent.workNumber,
        },
      });
      return true;
    } catch (error) {
      set({ error: error as ApiError, notice: undefined });
      return false;
    }
  },
  async assign(callId, agent) {
    try {
      await useSessionStore.getState().api.call(routes.supervision.assignCall, { params: { callId }, body: { agentId: agent.agentId } });
      set({
        error: undefined,
        notice: { kind: 'assigned', workNumber: agent.workNumber },
      });
      return true;
    } catch (error) {
      set({ error: error as ApiError, notice: undefined });
      return false;
    }
  },
}));

// Rows and queue updates are applied together once per frame: a busy center sends dozens of
// changes a second, and the board renders each frame at most once.
const pending: {
  agents: BoardAgent[];
  queue: BoardQueue | undefined;
  serverTime: string | undefined;
} = { agents: [], queue: undefined, serverTime: undefined };
let scheduled = false;
function applyPending(): void {
  scheduled = false;
  const { agents, queue, serverTime } = pending;
  pending.agents = [];
  pending.queue = undefined;
  useSupervisionStore.setState((s) => ({
    agents: agents.length
      ? {
          ...s.agents,
          ...Object.fromEntries(agents.map((a) => [a.agentId, a])),
        }
      : s.agents,
    queue: queue ?? s.queue,
    clockOffsetMs: serverTime ? Date.parse(serverTime) - Date.now() : s.clockOffsetMs,
    lastUpdateAt: Date.now(),
  }));
}
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  // A hidden window gets no frames: a timer keeps its board current all the same.
  if (typeof document !== 'undefined' && document.visibilityState === 'visible') requestAnimationFrame(applyPending);
  else setTimeout(applyPending, 100);
}

onServerEvent((event) => {
  switch (event.type) {
    case 'hello':
      // A new socket (reconnect, sign-in, restarted server): a lead's snapshot follows at once.
      pending.agents = [];
      pending.queue = undefined;
      useSupervisionStore.setState({ live: false });
      return;
    case 'supervision.snapshot':
      pending.agents = [];
      pending.queue = undefined;
      useSupervisionStore.setState((s) => ({
        live: true,
        agents: Object.fromEntries(event.agents.map((a) => [a.agentId, a])),
        queue: event.queue,
        clockOffsetMs: Date.parse(event.serverTime) - Date.now(),
        thresholds: { ...s.thresholds, acwLimitSec: event.acwLimitSec },
        lastUpdateAt: Date.now(),
      }));
      return;
    case 'supervision.agent':
      pending.agents.push(event.agent);
      pending.serverTime = event.serverTime;
      schedule();
      return;
    case 'supervision.queue':
      pending.queue = event.queue;
      pending.serverTime = event.serverTime;
      schedule();
      return;
    default:
  }
});
