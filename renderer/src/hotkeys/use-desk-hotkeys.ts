import { useEffect } from 'react';
import { performDeskAction } from '../services/desk-actions';
import { hotkeyFor, isTextField } from './desk-hotkeys';

/** Listens for the desk's keys while the desk is shown. */
export function useDeskHotkeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat) return;
      const action = hotkeyFor({
        key: event.key,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        inTextField: isTextField(event.target),
      });
      if (!action) return;
      // F3 is the browser's find, Ctrl+K its search bar: the desk's own meaning wins.
      event.preventDefault();
      performDeskAction(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
