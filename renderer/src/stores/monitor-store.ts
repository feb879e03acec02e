import { create } from 'zustand';
import type { MonitorEndReason, MonitorMode } from '../../../shared/api/calls';
import { routes } from '../../../shared/api/routes';
import type { CallMonitorEvent } from '../../../shared/api/events/calls';
import type { ApiError } from '../services/api-client';
import { useSessionStore } from './session-store';
import { onServerEvent } from './connection-store';

/**
 * A team lead's listen / whisper / barge on one call at a time (the server refuses a second), and
 * on an agent's desk the 班长监听中 notice (pushed only where the center shows it).
 * idle → requesting → ringing (the lead's softphone rings and answers itself) → active → idle.
 */
export type MonitorStage = 'idle' | 'requesting' | 'ringing' | 'active';

interface MonitorState {
  /** The call this lead monitors (or is starting to). */
  callId: string | undefined;
  mode: MonitorMode | undefined;
  stage: MonitorStage;
  /** Why the last monitoring ended (the call ended, was transferred, the lead hung up…). */
  ended: MonitorEndReason | undefined;
  error: ApiError | Error | undefined;
  /** On an agent's desk: a lead is on this agent's call now. */
  monitoredBy: { callId: string; leadWorkNumber: string } | undefined;
  start(callId: string, mode: MonitorMode): Promise<void>;
  /** Another mode on the same call, without redialling. */
  switchTo(mode: MonitorMode): Promise<void>;
  stop(): Promise<void>;
  reset(): void;
}

export const useMonitorStore = create<MonitorState>()((set, get) => ({
  callId: undefined,
  mode: undefined,
  stage: 'idle',
  ended: undefined,
  error: undefined,
  monitoredBy: undefined,
  async start(callId, mode) {
    if (get().stage !== 'idle') return;
    set({ callId, mode, stage: 'requesting', ended: undefined, error: undefined });
    try {
      const result = await useSessionStore.getState().api.call(routes.calls.startMonitor, { params: { callId }, body: { mode } });
      // The started event may have come first.
      if (get().callId === callId && get().stage === 'requesting') set({ stage: result.stage });
    } catch (error) {
      set({ callId: undefined, mode: undefined, stage: 'idle', error: error as Error });
    }
  },
  async switchTo(mode) {
    const { callId, stage, mode: previous } = get();
    if (!callId || stage === 'idle' || stage === 'requesting' || mode === previous) return;
    set({ mode, error: undefined });
    try {
      await useSessionStore.getState().api.call(routes.calls.switchMonitor, { params: { callId }, body: { mode } });
    } catch (error) {
      set({ mode: previous, error: error as Error });
    }
  },
  async stop() {
    const { callId, stage } = get();
    if (!callId || stage === 'idle') return;
    try {
      await useSessionStore.getState().api.call(routes.calls.stopMonitor, { params: { callId } });
      if (get().callId === callId) set({ callId: undefined, mode: undefined, stage: 'idle', ended: 'stopped' });
    } catch (error) {
      set({ error: error as Error });
    }
  },
  reset: () => set({ callId: undefined, mode: undefined, stage: 'idle', ended: undefined, error: undefined, monitoredBy: undefined }),
}));

/** What a call.monitor event changes for the signed-in user `me` (the lead's own monitoring, or the agent's notice). */
export function applyMonitorEvent(event: CallMonitorEvent, me: number | undefined): void {
  const state = useMonitorStore.getState();
  // The lead's own monitoring, also when started from another tab or before a reload: the server's word wins.
  if (event.lead.userId === me && (event.callId === state.callId || state.stage === 'idle')) {
    if (event.stage === 'started' || event.stage === 'switched') useMonitorStore.setState({ callId: event.callId, stage: 'active', mode: event.mode });
    else if (event.stage === 'ended' && event.callId === state.callId)
      useMonitorStore.setState({ callId: undefined, mode: undefined, stage: 'idle', ended: event.reason });
  }
  if (event.agentId === me) {
    if (event.stage === 'ended') {
      if (state.monitoredBy?.callId === event.callId) useMonitorStore.setState({ monitoredBy: undefined });
    } else if (event.stage !== 'ringing') useMonitorStore.setState({ monitoredBy: { callId: event.callId, leadWorkNumber: event.lead.workNumber } });
  }
}

onServerEvent((event) => {
  if (event.type === 'call.monitor') applyMonitorEvent(event, useSessionStore.getState().user?.id);
});
