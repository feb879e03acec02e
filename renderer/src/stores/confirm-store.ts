import { create } from 'zustand';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  /** A destructive choice is shown in red (hanging up on a caller). */
  danger?: boolean;
}

interface ConfirmState {
  request: ConfirmRequest | undefined;
  resolve: ((ok: boolean) => void) | undefined;
  /** Closes the dialog with the agent's answer. */
  answer(ok: boolean): void;
}

/** The desk's own confirmation dialog (never the browser's confirm()): one question at a time. */
export const useConfirmStore = create<ConfirmState>()((set, get) => ({
  request: undefined,
  resolve: undefined,
  answer(ok) {
    const { resolve } = get();
    set({ request: undefined, resolve: undefined });
    resolve?.(ok);
  },
}));

/** Asks the agent; a question still open is answered "no" by the new one. */
export function askConfirm(request: ConfirmRequest): Promise<boolean> {
  useConfirmStore.getState().resolve?.(false);
  return new Promise((resolve) => useConfirmStore.setState({ request, resolve }));
}
