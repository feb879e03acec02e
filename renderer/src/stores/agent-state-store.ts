import { create } from 'zustand';
import type { AgentSnapshot, SetAgentStateRequest } from '../../../shared/api/acd';
import { routes } from '../../../shared/api/routes';
import { canRequestState, type NotReadyReason, type SelfServiceState } from '../../../shared/acd/agent-state-machine';
import { useSessionStore } from './session-store';
import { onServerEvent, useConnectionStore } from './connection-store';
import { usesPhone } from '../services/role-homes';
import { ApiError } from '../services/api-client';

const failure = (error: unknown) => ({ error: (error as Error).message, errorCode: error instanceof ApiError ? error.code : undefined });

interface AgentStateState {
  me: AgentSnapshot | undefined;
  error: string | undefined;
  /** The server's code of the last refusal (wrap_up_required…), for a translated sentence. */
  errorCode: string | undefined;
  load(): Promise<void>;
  setState(request: SetAgentStateRequest): Promise<void>;
  endAcw(): Promise<void>;
  /** The 示忙 reason picked in the state bar; F8 uses it too. */
  notReadyReason: NotReadyReason;
  setNotReadyReason(reason: NotReadyReason): void;
  /** F8: 就绪 ↔ 示忙 (with the picked reason); from 话后处理 it ends ACW, from 签出 it signs in ready. */
  toggleReady(): Promise<void>;
}

export const useAgentStateStore = create<AgentStateState>()((set, get) => ({
  me: undefined,
  error: undefined,
  errorCode: undefined,
  notReadyReason: '小休',
  setNotReadyReason: (notReadyReason) => set({ notReadyReason }),
  async toggleReady() {
    const state = get().me?.state ?? 'signed_out';
    if (state === 'ringing' || state === 'talking') return;
    if (state === 'after_call_work') return get().endAcw();
    if (state === 'ready') return get().setState({ state: 'not_ready', reason: get().notReadyReason });
    return get().setState({ state: 'ready' });
  },
  async load() {
    try {
      const { agents } = await useSessionStore.getState().api.call(routes.acd.agents);
      const workNumber = useSessionStore.getState().user?.workNumber;
      set({ me: agents.find((a) => a.workNumber === workNumber), error: undefined });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  async setState(request) {
    const current = get().me?.state;
    // The shared state machine refuses here what the server would refuse with a 409.
    if (current && !canRequestState(current, request.state as SelfServiceState)) return set({ error: `cannot go from ${current} to ${request.state}` });
    try {
      const { agent } = await useSessionStore.getState().api.call(routes.acd.setState, { body: request });
      set({ me: agent, error: undefined, errorCode: undefined });
    } catch (error) {
      set(failure(error));
    }
  },
  async endAcw() {
    try {
      const { agent } = await useSessionStore.getState().api.call(routes.acd.endAcw);
      set({ me: agent, error: undefined, errorCode: undefined });
    } catch (error) {
      set(failure(error));
    }
  },
}));

onServerEvent((event) => {
  // A (re)connected event stream may face a restarted server: ask for the state afresh.
  if (event.type === 'hello') {
    const session = useSessionStore.getState();
    if (session.status === 'signed-in' && usesPhone(session.user?.role, useConnectionStore.getState().networkMode)) void useAgentStateStore.getState().load();
    return;
  }
  if (event.type !== 'acd.agent_state') return;
  const me = useAgentStateStore.getState().me;
  if (me && me.agentId === event.agentId) {
    useAgentStateStore.setState({ me: { ...me, state: event.state, reason: event.reason, since: event.since, callId: event.callId } });
  } else if (!me && event.workNumber === useSessionStore.getState().user?.workNumber) {
    void useAgentStateStore.getState().load();
  }
});
