import i18n from '../i18n';
import { useAgentStateStore } from '../stores/agent-state-store';
import { useSoftphoneStore, type ActiveCall } from '../stores/softphone-store';
import type { CallState } from '../softphone/call-state';
import type { ShortcutAction } from '../../../shared/ipc/contract';
import { askConfirm } from '../stores/confirm-store';

/** What a key or a desktop shortcut can ask of the desk. */
export type DeskAction = ShortcutAction | 'toggle-hold' | 'focus-search' | { dtmf: string };

/** §2.4-9: hanging up on a caller who is still there needs a deliberate confirmation. */
export function hangsUpOnCaller(callState: CallState, call: ActiveCall | undefined): boolean {
  // A team lead's monitor leg is not the caller's line: hanging it up leaves the call as it was.
  return (callState === 'active' || callState === 'held') && call?.direction === 'inbound' && !call.monitor;
}

/** Hangs up after the §2.4-9 confirmation (the desk's own dialog) where it applies; the button, F4 and the global key all come here. */
export async function hangUpWithCare(): Promise<void> {
  const phone = useSoftphoneStore.getState();
  if (hangsUpOnCaller(phone.callState, phone.call)) {
    const ok = await askConfirm({
      title: i18n.t('agentDesk.hangupFirst.title'),
      message: i18n.t('softphone.hangupFirstWarning'),
      confirmLabel: i18n.t('agentDesk.hangupFirst.confirm'),
      cancelLabel: i18n.t('agentDesk.hangupFirst.cancel'),
      danger: true,
    });
    // The caller may have hung up meanwhile: nothing left to hang up then.
    if (!ok || !hangsUpOnCaller(useSoftphoneStore.getState().callState, useSoftphoneStore.getState().call)) return;
  }
  await useSoftphoneStore.getState().hangup();
}

/** Carries out an action where the state allows it, and does nothing where it does not. */
export function performDeskAction(action: DeskAction): void {
  const phone = useSoftphoneStore.getState();
  const talking = phone.callState === 'active' || phone.callState === 'held';
  if (typeof action === 'object') {
    if (talking) void phone.sendDtmf(action.dtmf);
    return;
  }
  switch (action) {
    case 'answer':
      if (phone.callState === 'incoming') void phone.answer();
      return;
    case 'hangup':
      if (phone.callState !== 'idle' && phone.callState !== 'ended') void hangUpWithCare();
      return;
    case 'toggle-mute':
      if (talking) phone.toggleMute();
      return;
    case 'toggle-hold':
      if (talking) void phone.toggleHold();
      return;
    case 'toggle-ready':
      void useAgentStateStore.getState().toggleReady();
      return;
    case 'focus-search':
      document.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
      return;
  }
}
