import { useEffect } from 'react';
import { useSessionStore } from '../stores/session-store';
import { useSoftphoneStore } from '../stores/softphone-store';
import { useConnectionStore } from '../stores/connection-store';
import { usesPhone } from '../services/role-homes';

/** The softphone lives as long as the session of a role that takes calls, whichever screen is shown. */
export function useSoftphoneSession(): void {
  const user = useSessionStore((s) => s.user);
  const sipSecret = useSessionStore((s) => s.sipSecret);
  const serverUrl = useConnectionStore((s) => s.serverUrl);
  const mode = useConnectionStore((s) => s.networkMode);
  const startPhone = useSoftphoneStore((s) => s.start);
  const stopPhone = useSoftphoneStore((s) => s.stop);

  useEffect(() => {
    // Department roles take no calls: no registration, no phone errors on their screen.
    if (!user || !sipSecret || !serverUrl || !usesPhone(user.role, mode)) return;
    void startPhone({ serverUrl, workNumber: user.workNumber, sipSecret, displayName: user.displayName });
    return () => void stopPhone();
  }, [user, sipSecret, serverUrl, mode, startPhone, stopPhone]);
}
