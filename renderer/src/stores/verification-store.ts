import { create } from 'zustand';
import type { CallerProfile } from '../../../shared/api/verification';
import type { VerificationProgress } from '../../../shared/api/calls';
import { useSessionStore } from './session-store';
import { onServerEvent } from './connection-store';
import { routes } from '../../../shared/api/routes';

export type VerificationStatus = 'idle' | 'requesting' | VerificationProgress;

interface VerificationState {
  callId: string | undefined;
  status: VerificationStatus;
  attemptsLeft: number | undefined;
  profile: CallerProfile | undefined;
  error: string | undefined;
  /** §2.1: the caller keys account and PIN in the IVR; the agent hears and sees no digits. */
  start(callId: string): Promise<void>;
  reset(): void;
}

export const useVerificationStore = create<VerificationState>()((set) => ({
  callId: undefined,
  status: 'idle',
  attemptsLeft: undefined,
  profile: undefined,
  error: undefined,
  async start(callId) {
    set({ callId, status: 'requesting', profile: undefined, error: undefined, attemptsLeft: undefined });
    try {
      await useSessionStore.getState().api.call(routes.calls.verify, { params: { callId } });
    } catch (error) {
      set({ status: 'idle', error: (error as Error).message });
    }
  },
  reset: () => set({ callId: undefined, status: 'idle', profile: undefined, error: undefined, attemptsLeft: undefined }),
}));

onServerEvent((event) => {
  if (event.type !== 'call.verification') return;
  const state = useVerificationStore.getState();
  if (state.callId !== event.callId) return;
  useVerificationStore.setState({ status: event.outcome, attemptsLeft: event.attemptsLeft });
  if (event.outcome === 'verified' && event.subjectRef) {
    // Each look-up is audited by the server (who, whom, when, which call).
    void useSessionStore
      .getState()
      .api.call(routes.callers.get, { params: { subjectRef: event.subjectRef } })
      .then((profile) => useVerificationStore.setState({ profile }))
      .catch((error: Error) => useVerificationStore.setState({ error: error.message }));
  }
});
