import { useSoftphoneStore } from '../stores/softphone-store';
import { useRecordStore } from '../stores/record-store';
import { useSessionStore } from '../stores/session-store';

/**
 * Wires the stores of one call together: a ringing call starts its record; signing in brings
 * back an unsaved draft. Stores stay unaware of each other.
 */
export function startCallLifecycle(): () => void {
  const offPhone = useSoftphoneStore.subscribe((state, previous) => {
    if (state.callState === 'incoming' && previous.callState !== 'incoming') {
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
