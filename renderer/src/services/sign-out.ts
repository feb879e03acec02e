import { useSessionStore } from '../stores/session-store';
import { useSoftphoneStore } from '../stores/softphone-store';

// Signing out spans the softphone and the session: kept here, so that neither store imports the other.

/** Unregisters the softphone while the session's SIP secret is still valid, then ends the session. */
export async function signOut(): Promise<void> {
  await useSoftphoneStore.getState().stop();
  await useSessionStore.getState().endSession();
}

/** A session the server no longer knows (401 on any call) signs the desk out, softphone first. */
export function startSessionLifecycle(): () => void {
  return useSessionStore.subscribe((state, previous) => {
    if (state.expired && !previous.expired) void signOut();
  });
}
