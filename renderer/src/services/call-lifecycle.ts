import { useSoftphoneStore } from '../stores/softphone-store';
import { useRecordStore } from '../stores/record-store';
import { useSessionStore } from '../stores/session-store';
import { useAgentStateStore } from '../stores/agent-state-store';
import { useVerificationStore } from '../stores/verification-store';
import { useKbStore } from '../stores/kb-store';
import { useTransferStore } from '../stores/transfer-store';
import { useCallHistoryStore } from '../stores/call-history-store';
import type { AgentState } from '../../../shared/acd/agent-state-machine';

/** Agent states that belong to one call; leaving them for any other ends that call on the desk. */
const CALL_STATES: ReadonlySet<AgentState> = new Set(['ringing', 'talking', 'after_call_work']);

/**
 * A clean slate for the next call: the call card, the verified caller, the KB search, the transfer
 * and the record of the last call leave the screen. An unsaved record is filed with its call
 * (reachable from 今日通话), never lost. The phone's own live call is never touched.
 */
export function clearLastCall(): void {
  const phone = useSoftphoneStore.getState();
  if (phone.callState !== 'idle' && phone.callState !== 'ended') return;
  phone.clearEndedCall();
  useVerificationStore.getState().reset();
  useTransferStore.getState().reset();
  const kb = useKbStore.getState();
  kb.closeArticle();
  kb.setQuery('');
  useRecordStore.getState().fileAway();
}

/**
 * Wires the stores of one call together: a ringing call starts its record; the verified name
 * goes into 来电人姓名; back to 就绪 (or 示忙) after the call, the desk is wiped for the next one;
 * signing in brings back an unsaved draft. Stores stay unaware of each other.
 */
export function startCallLifecycle(): () => void {
  const offPhone = useSoftphoneStore.subscribe((state, previous) => {
    // A team lead's monitor leg is someone else's call: no record of theirs starts for it.
    if (state.callState === 'incoming' && previous.callState !== 'incoming' && !state.call?.monitor) {
      useRecordStore.getState().startForCall(state.call?.callId, state.call?.remoteNumber);
    }
  });
  const offAgent = useAgentStateStore.subscribe((state, previous) => {
    const now = state.me?.state;
    const before = previous.me?.state;
    // After ACW only: a follow-up call that was never answered returns to 就绪 at once, and its
    // card must stay to say why (busy, refused).
    if (before === 'after_call_work' && now && !CALL_STATES.has(now)) clearLastCall();
    // The history files each call as it ends (ACW) and again when ACW ends (its wrap-up code).
    if (now !== before && (now === 'after_call_work' || (before && CALL_STATES.has(before) && !CALL_STATES.has(now ?? 'ready'))))
      void useCallHistoryStore.getState().load();
  });
  const offRecord = useRecordStore.subscribe((state, previous) => {
    if (state.saved && state.saved !== previous.saved) void useCallHistoryStore.getState().load();
  });
  const offVerification = useVerificationStore.subscribe((state, previous) => {
    const name = state.profile?.person?.name;
    if (!name || state.profile === previous.profile) return;
    const record = useRecordStore.getState();
    // The name the core system holds is the one to file; the agent may still correct it.
    if (record.draft.callId === state.callId && !record.draft.callerName?.trim()) record.update({ callerName: name });
  });
  const offSession = useSessionStore.subscribe((state, previous) => {
    if (state.user && state.user !== previous.user) useRecordStore.getState().restoreDraft(state.user.workNumber);
  });
  return () => {
    offPhone();
    offAgent();
    offVerification();
    offRecord();
    offSession();
  };
}
