import { globalShortcut, type BrowserWindow } from 'electron';
import type { ShortcutAction } from '../../shared/ipc/contract.js';

/**
 * System-wide keys, so an agent can answer and hang up while another program has the focus.
 * Chosen not to collide with common office software (Ctrl+Alt+letter is rarely taken).
 */
export const GLOBAL_SHORTCUTS: Readonly<Record<ShortcutAction, string>> = {
  answer: 'CommandOrControl+Alt+A',
  hangup: 'CommandOrControl+Alt+H',
  'toggle-mute': 'CommandOrControl+Alt+M',
  'toggle-ready': 'CommandOrControl+Alt+R',
};

/** Registers the shortcuts; returns the ones the system refused (taken by another program). */
export function registerGlobalShortcuts(window: BrowserWindow): ShortcutAction[] {
  const refused: ShortcutAction[] = [];
  for (const [action, accelerator] of Object.entries(GLOBAL_SHORTCUTS) as Array<[ShortcutAction, string]>) {
    const ok = globalShortcut.register(accelerator, () => {
      if (!window.isDestroyed()) window.webContents.send('desk:shortcut', action);
    });
    if (!ok) refused.push(action);
  }
  return refused;
}

export function unregisterGlobalShortcuts(): void {
  globalShortcut.unregisterAll();
}
