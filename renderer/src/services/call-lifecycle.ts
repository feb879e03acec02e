import { useSoftphoneStore } from '../stores/softphone-store';
import { useRecordStore } from '../stores/record-store';
import { useSessionStore } from '../stores/session-store';

/**
 * Wires the stores of one call together: a ringing call starts its record; signing in brings
 * back an unsaved draft. Stores stay unaware of each other.
 */
export function startCallLifecycle(): () => void {
  const offPhone = useSoftphoneStore.subscribe((state, previous) => {
    // A team lead's monitor leg is someone else's call: no record of theirs starts for it.
    if (state.callState === 'incoming' && previous.callState !== 'incoming' && !state.call?.monitor) {
      useRecordStore.getState().startForCall(state.call?.callId, state.call?.remoteNumber);
    }
  });
  const offSession = useSessionStore.subscribe((state, previous) => {
    if (state.user && state.user !== previous.user) useRecordStore.getState().restoreDraft(state.user.workNumber);
  });
  return () => {
    offPhone();
    offSession();
  };
}
