import type { DeskAction } from '../services/desk-actions';

/** The keys of a keydown event that decide a hotkey, and whether the focus is in a text field. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** Typing into an input, a textarea, a select or contenteditable: digits are text there. */
  inTextField: boolean;
}

/**
 * In-window keys, in the browser and in the app. Function keys as call-center softphones use
 * them (they never clash with typing), the app's global Ctrl+Alt keys mirrored for browser users,
 * and the dial pad's digits while no text field has the focus.
 */
export const FUNCTION_KEYS: Readonly<Record<string, DeskAction>> = {
  F2: 'answer',
  F3: 'focus-search',
  F4: 'hangup',
  F6: 'toggle-mute',
  F7: 'toggle-hold',
  F8: 'toggle-ready',
};

const CTRL_ALT: Readonly<Record<string, DeskAction>> = { a: 'answer', h: 'hangup', m: 'toggle-mute', r: 'toggle-ready' };

export function hotkeyFor(press: KeyPress): DeskAction | undefined {
  const plain = !press.ctrlKey && !press.altKey && !press.metaKey;
  if (plain && !press.shiftKey && FUNCTION_KEYS[press.key]) return FUNCTION_KEYS[press.key];
  if ((press.ctrlKey || press.metaKey) && press.altKey && !press.shiftKey) return CTRL_ALT[press.key.toLowerCase()];
  if ((press.ctrlKey || press.metaKey) && !press.altKey && press.key.toLowerCase() === 'k') return 'focus-search';
  if (plain && !press.inTextField && /^[0-9*#]$/.test(press.key)) return { dtmf: press.key };
  return undefined;
}

export function isTextField(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const element = target as HTMLElement;
  return /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName) || element.isContentEditable === true;
}
