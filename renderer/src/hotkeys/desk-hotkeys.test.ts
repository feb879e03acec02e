import { describe, expect, it } from 'vitest';
import { hotkeyFor, isTextField, type KeyPress } from './desk-hotkeys';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  shiftKey: false,
  inTextField: false,
  ...extra,
});

describe('desk hotkeys', () => {
  it('maps the function keys to the call and state actions', () => {
    expect(['F2', 'F3', 'F4', 'F6', 'F7', 'F8'].map((k) => hotkeyFor(press(k)))).toEqual([
      'answer',
      'focus-search',
      'hangup',
      'toggle-mute',
      'toggle-hold',
      'toggle-ready',
    ]);
    expect(hotkeyFor(press('F5'))).toBeUndefined(); // reload stays the browser's
    expect(hotkeyFor(press('F4', { altKey: true }))).toBeUndefined(); // Alt+F4 closes the window
  });

  it('works from a text field too, so the agent can answer while typing the record', () => {
    expect(hotkeyFor(press('F2', { inTextField: true }))).toBe('answer');
    expect(hotkeyFor(press('k', { ctrlKey: true, inTextField: true }))).toBe('focus-search');
  });

  it('mirrors the app’s global Ctrl+Alt keys in the window', () => {
    expect(hotkeyFor(press('a', { ctrlKey: true, altKey: true }))).toBe('answer');
    expect(hotkeyFor(press('H', { ctrlKey: true, altKey: true }))).toBe('hangup');
    expect(hotkeyFor(press('r', { metaKey: true, altKey: true }))).toBe('toggle-ready');
    expect(hotkeyFor(press('a', { ctrlKey: true, altKey: true, shiftKey: true }))).toBeUndefined();
  });

  it('sends dial-pad digits only when no text field has the focus', () => {
    expect(hotkeyFor(press('5'))).toEqual({ dtmf: '5' });
    expect(hotkeyFor(press('#'))).toEqual({ dtmf: '#' });
    expect(hotkeyFor(press('5', { inTextField: true }))).toBeUndefined();
    expect(hotkeyFor(press('5', { ctrlKey: true }))).toBeUndefined();
    expect(hotkeyFor(press('x'))).toBeUndefined();
  });

  it('knows a text field when it sees one', () => {
    expect(isTextField({ tagName: 'INPUT' } as unknown as EventTarget)).toBe(true);
    expect(isTextField({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(isTextField({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(isTextField({ tagName: 'BUTTON', isContentEditable: false } as unknown as EventTarget)).toBe(false);
    expect(isTextField(null)).toBe(false);
  });
});
