import { SoftphonePanel } from './SoftphonePanel';
import { ScriptsPanel } from './ScriptsPanel';
import { RecordPanel } from './RecordPanel';
import { WorkOrdersPanel } from './WorkOrdersPanel';
import { KnowledgePanel } from './KnowledgePanel';
import { VerificationPanel } from './VerificationPanel';
import { StateBar } from './StateBar';
import { AudioDevicesPanel } from './AudioDevicesPanel';
import { useDeskHotkeys } from '../../hotkeys/use-desk-hotkeys';
import { ForcedNotice } from '../supervision/ForcedNotice';
import { LostCallersPanel } from '../supervision/LostCallersPanel';

/** The agent's working day in one window: phone on the left, the caller's matter in the middle, knowledge on the right. */
export function DeskScreen() {
  useDeskHotkeys();
  return (
    <div className="desk-screen">
    <StateBar />
    <ForcedNotice />
    <main className="desk">
      <div className="desk__left">
        <SoftphonePanel />
        <VerificationPanel />
        <LostCallersPanel compact />
        <ScriptsPanel />
        <AudioDevicesPanel />
      </div>
      <div className="desk__center">
        <RecordPanel />
        <WorkOrdersPanel />
      </div>
      <div className="desk__right">
        <KnowledgePanel />
      </div>
    </main>
    </div>
  );
}
