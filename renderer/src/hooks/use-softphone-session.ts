import { useEffect } from 'react';
import { useSessionStore } from '../stores/session-store';
import { useSoftphoneStore } from '../stores/softphone-store';
import { useConnectionStore } from '../stores/connection-store';

/** The softphone lives as long as the session, whichever screen is shown. */
export function useSoftphoneSession(): void {
  const user = useSessionStore((s) => s.user);
  const sipSecret = useSessionStore((s) => s.sipSecret);
  const serverUrl = useConnectionStore((s) => s.serverUrl);
  const startPhone = useSoftphoneStore((s) => s.start);
  const stopPhone = useSoftphoneStore((s) => s.stop);

  useEffect(() => {
    if (!user || !sipSecret || !serverUrl) return;
    void startPhone({ serverUrl, workNumber: user.workNumber, sipSecret, displayName: user.displayName });
    return () => void stopPhone();
  }, [user, sipSecret, serverUrl, startPhone, stopPhone]);
}
