import { create } from 'zustand';
import type { ForcedBy } from '../../../shared/api/supervision';
import { onServerEvent } from './connection-store';
import { useSessionStore } from './session-store';

interface ForcedNoticeState {
  /** undefined: nothing pushed yet (the desk reads the loaded state); null: the last change was the agent's own. */
  forced: { by: ForcedBy; state: string; reason: string | null } | null | undefined;
}

/** The agent's own state changes as pushed, kept for the notice of who forced it and why. */
export const useForcedNoticeStore = create<ForcedNoticeState>()(() => ({
  forced: undefined,
}));

onServerEvent((event) => {
  if (event.type === 'hello') return useForcedNoticeStore.setState({ forced: undefined });
  if (event.type !== 'acd.agent_state' || event.workNumber !== useSessionStore.getState().user?.workNumber) return;
  useForcedNoticeStore.setState({
    forced: event.forcedBy ? { by: event.forcedBy, state: event.state, reason: event.reason } : null,
  });
});
