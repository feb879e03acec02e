import { routes } from '../../../shared/api/routes';
import { useSessionStore } from '../stores/session-store';
import { useSoftphoneStore } from '../stores/softphone-store';

// Handing the caller on needs the session's API and the softphone: kept here, so that neither
// store imports the other.

/** §2.4-11: the caller goes to the survey IVR; the agent is released into after-call work. */
export function handOffToSurvey(): Promise<void> {
  return useSoftphoneStore.getState().handOff('survey', (callId) => useSessionStore.getState().api.call(routes.calls.survey, { params: { callId } }));
}

/** Hands the caller back to the self-service menu (to a colleague: transfer-store.ts). */
export function transferToIvr(): Promise<void> {
  return useSoftphoneStore
    .getState()
    .handOff('ivr', (callId) => useSessionStore.getState().api.call(routes.calls.transfer, { params: { callId }, body: { target: 'ivr' } }));
}
