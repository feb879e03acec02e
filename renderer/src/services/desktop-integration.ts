import { deskBridge } from './desk-bridge';
import { useSoftphoneStore } from '../stores/softphone-store';
import i18n from '../i18n';
import { performDeskAction } from './desk-actions';

/**
 * What the desktop adds when the desk runs inside the app: global answer/hang-up keys, a
 * notification and a flashing taskbar entry when a call rings while the window is in the back.
 * In a browser there is no bridge and this does nothing.
 */
export function startDesktopIntegration(): () => void {
  const bridge = deskBridge();
  if (!bridge) return () => {};
  // The same actions as the in-window keys, with the same §2.4-9 confirmation before hanging up.
  const offShortcut = bridge.onShortcut((action) => performDeskAction(action));
  const offStore = useSoftphoneStore.subscribe((state, previous) => {
    if (state.callState === previous.callState) return;
    if (state.callState === 'incoming') {
      if (document.hidden || !document.hasFocus()) {
        void bridge.showNotification({ title: i18n.t('softphone.state.incoming'), body: state.call?.remoteNumber ?? '' });
      }
      void bridge.flashWindow(true);
    } else if (previous.callState === 'incoming') {
      void bridge.flashWindow(false);
    }
  });
  return () => {
    offShortcut();
    offStore();
  };
}
