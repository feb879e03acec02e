import { SoftphonePanel } from './SoftphonePanel';
import { ScriptsPanel } from './ScriptsPanel';
import { RecordPanel } from './RecordPanel';
import { WorkOrdersPanel } from './WorkOrdersPanel';
import { KnowledgePanel } from './KnowledgePanel';
import { VerificationPanel } from './VerificationPanel';
import { StateBar } from './StateBar';
import { AudioDevicesPanel } from './AudioDevicesPanel';
import { useDeskHotkeys } from '../../hotkeys/use-desk-hotkeys';
import { DeskOrderPanels } from './DeskOrderPanels';

/** The agent's working day in one window: phone on the left, the caller's matter in the middle, knowledge on the right. */
export function DeskScreen() {
  useDeskHotkeys();
  return (
    <div className="desk-screen">
    <StateBar />
    <main className="desk">
      <div className="desk__left">
        <SoftphonePanel />
        <VerificationPanel />
        <ScriptsPanel />
        <AudioDevicesPanel />
      </div>
      <div className="desk__center">
        <DeskOrderPanels />
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
