import { useEffect } from 'react';
import { useSessionStore } from '../../stores/session-store';
import { useSoftphoneStore } from '../../stores/softphone-store';
import { useConnectionStore } from '../../stores/connection-store';
import { SoftphonePanel } from './SoftphonePanel';
import { ScriptsPanel } from './ScriptsPanel';
import { RecordPanel } from './RecordPanel';
import { WorkOrdersPanel } from './WorkOrdersPanel';
import { KnowledgePanel } from './KnowledgePanel';
import { VerificationPanel } from './VerificationPanel';

/** The agent's working day in one window: phone on the left, the caller's matter in the middle, knowledge on the right. */
export function DeskScreen() {
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

  return (
    <main className="desk">
      <div className="desk__left">
        <SoftphonePanel />
        <VerificationPanel />
        <ScriptsPanel />
      </div>
      <div className="desk__center">
        <RecordPanel />
        <WorkOrdersPanel />
      </div>
      <div className="desk__right">
        <KnowledgePanel />
      </div>
    </main>
  );
}
