import { useEffect, useRef } from 'react';
import { useConfirmStore } from '../stores/confirm-store';

/**
 * The open question of confirm-store as a modal dialog, keyboard-first: the confirm button has
 * the focus (Enter), Escape cancels, Tab stays inside, and the focus goes back where it was.
 */
export function ConfirmDialog() {
  const request = useConfirmStore((s) => s.request);
  const answer = useConfirmStore((s) => s.answer);
  const dialog = useRef<HTMLDivElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!request) return;
    const before = document.activeElement as HTMLElement | null;
    confirmButton.current?.focus();
    return () => before?.focus?.();
  }, [request]);
  if (!request) return null;

  const onKeyDown = (event: React.KeyboardEvent) => {
    // The desk's own keys (F2, F4, digits…) do nothing while a question is open.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      answer(false);
    } else if (event.key === 'Tab') {
      const buttons = [...(dialog.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
      const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
      const next = buttons[(i + (event.shiftKey ? buttons.length - 1 : 1)) % buttons.length];
      event.preventDefault();
      next?.focus();
    }
  };
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && answer(false)}>
      <div
        ref={dialog}
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-message"
        onKeyDown={onKeyDown}
        data-testid="confirm-dialog"
      >
        <h2 id="confirm-title" className="dialog__title">
          {request.title}
        </h2>
        <p id="confirm-message">{request.message}</p>
        <div className="dialog__buttons">
          <button type="button" className="button" onClick={() => answer(false)}>
            {request.cancelLabel}
          </button>
          <button ref={confirmButton} type="button" className={`button ${request.danger ? 'button--hangup' : 'button--primary'}`} onClick={() => answer(true)}>
            {request.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
