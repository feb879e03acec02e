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
import { CallHistoryPanel } from './CallHistoryPanel';
import { ServiceHoursBanner } from './ServiceHoursBanner';
import { ConfirmDialog } from '../ConfirmDialog';
import { ForcedNotice } from '../supervision/ForcedNotice';
import { LostCallersPanel } from '../supervision/LostCallersPanel';

/**
 * The agent's working day in one window, without scrolling at 1366×768: the phone, the caller
 * (verified data, today's calls), the record, and the knowledge base, each in its own column.
 */
export function DeskScreen() {
  useDeskHotkeys();
  return (
    <div className="desk-screen">
      <StateBar />
      <ServiceHoursBanner />
      <ForcedNotice />
      <main className="desk">
        <div className="desk__left">
          <SoftphonePanel />
          <LostCallersPanel compact />
          <ScriptsPanel />
          <AudioDevicesPanel />
        </div>
        <div className="desk__caller" data-testid="caller-column">
          <VerificationPanel />
          <DeskOrderPanels />
          <CallHistoryPanel />
        </div>
        <div className="desk__center">
          <RecordPanel />
          <WorkOrdersPanel />
        </div>
        <div className="desk__right">
          <KnowledgePanel />
        </div>
      </main>
      <ConfirmDialog />
    </div>
  );
}
