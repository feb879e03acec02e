import { create } from 'zustand';
import type { CallHistoryEntry } from '../../../shared/api/call-history';
import type { WrapUpCode } from '../../../shared/api/wrap-up';
import { routes } from '../../../shared/api/routes';
import { ApiError } from '../services/api-client';
import { useSessionStore } from './session-store';

interface CallHistoryState {
  /** Today's calls of this agent, newest first. */
  entries: CallHistoryEntry[];
  /** The center's active wrap-up codes, and whether one is required before leaving ACW. */
  codes: WrapUpCode[];
  required: boolean;
  /** Codes given on this desk, by call, until the history brings them back. */
  given: Record<string, number>;
  error: ApiError | undefined;
  load(): Promise<void>;
  loadCodes(): Promise<void>;
  /** The agent's wrap-up code for a call (again to change it). */
  setWrapUp(callId: string, codeId: number): Promise<boolean>;
}

const api = () => useSessionStore.getState().api;
const asApiError = (error: unknown) => (error instanceof ApiError ? error : new ApiError(0, 'network_error', (error as Error).message));

/** 今日通话 and the wrap-up codes given to them. */
export const useCallHistoryStore = create<CallHistoryState>()((set, get) => ({
  entries: [],
  codes: [],
  required: false,
  given: {},
  error: undefined,
  async load() {
    try {
      const { entries } = await api().call(routes.callHistory.today);
      set({ entries, error: undefined });
    } catch (error) {
      set({ error: asApiError(error) });
    }
  },
  async loadCodes() {
    try {
      const { codes, required } = await api().call(routes.wrapUp.list);
      set({ codes, required });
    } catch (error) {
      set({ error: asApiError(error) });
    }
  },
  async setWrapUp(callId, codeId) {
    try {
      await api().call(routes.callHistory.setWrapUp, { params: { callId }, body: { codeId } });
      set({ given: { ...get().given, [callId]: codeId }, error: undefined });
      void get().load();
      return true;
    } catch (error) {
      set({ error: asApiError(error) });
      return false;
    }
  },
}));
