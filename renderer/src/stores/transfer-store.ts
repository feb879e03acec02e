import { create } from 'zustand';
import type { CallTransferEvent, TransferFailure } from '../../../shared/api/events/calls';
import type { ConsultAction } from '../../../shared/api/calls';
import type { ApiError } from '../services/api-client';
import { useSessionStore } from './session-store';
import { onServerEvent } from './connection-store';
import { useSoftphoneStore } from './softphone-store';
import { routes } from '../../../shared/api/routes';

export type TransferStage = 'idle' | 'requesting' | CallTransferEvent['stage'];

interface TransferState {
  callId: string | undefined;
  colleague: string | undefined;
  /** Whom it rings: a colleague (by work number) or a department's extension (by name). */
  targetKind: 'agent' | 'department';
  mode: 'blind' | 'consult';
  stage: TransferStage;
  /** Why the colleague did not take it (pushed by the server once they were rung). */
  reason: TransferFailure | undefined;
  /** A refusal before anything changed (409 colleague_not_ready …), or a failed action. */
  error: ApiError | Error | undefined;
  /** Rings a colleague while the caller holds with music: 'blind' hands over as they answer, 'consult' lets the two talk first. */
  start(callId: string, workNumber: string, mode: 'blind' | 'consult'): Promise<void>;
  /** Rings a department's extension through the center's trunk (its name is what the card shows). */
  startDepartment(callId: string, department: { id: number; name: string }, mode: 'blind' | 'consult'): Promise<void>;
  /** While consulting: complete the transfer, join all three, or go back to the caller. */
  act(action: ConsultAction): Promise<void>;
  reset(): void;
}

const IDLE = { callId: undefined, colleague: undefined, targetKind: 'agent' as const, stage: 'idle' as const, reason: undefined, error: undefined };

export const useTransferStore = create<TransferState>()((set, get) => ({
  ...IDLE,
  mode: 'blind',
  async start(callId, workNumber, mode) {
    set({ callId, colleague: workNumber, targetKind: 'agent', mode, stage: 'requesting', reason: undefined, error: undefined });
    try {
      const result = await useSessionStore.getState().api.call(routes.calls.transfer, { params: { callId }, body: { target: 'agent', workNumber, mode } });
      // An event may already have moved it on (a fast answer).
      if (get().stage === 'requesting') set({ stage: result.stage });
    } catch (error) {
      set({ stage: 'idle', error: error as Error });
    }
  },
  async startDepartment(callId, department, mode) {
    set({ callId, colleague: department.name, targetKind: 'department', mode, stage: 'requesting', reason: undefined, error: undefined });
    try {
      const result = await useSessionStore
        .getState()
        .api.call(routes.calls.transfer, { params: { callId }, body: { target: 'department', departmentId: department.id, mode } });
      if (get().stage === 'requesting') set({ stage: result.stage });
    } catch (error) {
      set({ stage: 'idle', error: error as Error });
    }
  },
  async act(action) {
    const callId = get().callId;
    if (!callId) return;
    try {
      await useSessionStore.getState().api.call(routes.calls.consult, { params: { callId }, body: { action } });
    } catch (error) {
      set({ error: error as Error });
    }
  },
  reset: () => set(IDLE),
}));

onServerEvent((event) => {
  if (event.type !== 'call.transfer') return;
  const state = useTransferStore.getState();
  if (state.callId !== event.callId) return;
  useTransferStore.setState({ stage: event.stage, reason: event.reason, mode: event.mode });
  // Handed over: the server hangs up this desk's leg by design, not the agent before the caller.
  if (event.stage === 'completed') useSoftphoneStore.setState({ handoff: state.targetKind === 'department' ? 'department' : 'agent' });
});

// A new call starts with no transfer on the card.
useSoftphoneStore.subscribe((s, previous) => {
  if (s.call?.callId !== previous.call?.callId && useTransferStore.getState().callId !== s.call?.callId) useTransferStore.getState().reset();
});
