import { create } from 'zustand';
import type { LostCaller } from '../../../shared/api/supervision';
import { routes } from '../../../shared/api/routes';
import type { ApiError } from '../services/api-client';
import { onServerEvent } from './connection-store';
import { useSessionStore } from './session-store';
import { useSoftphoneStore } from './softphone-store';

interface LostCallersState {
  /** YYYY-MM-DD in the center's zone; undefined: today. */
  date: string | undefined;
  shownDate: string | undefined;
  callers: LostCaller[];
  /** The desk's small panel lists today's open ones; the lead's list every one of the date. */
  openOnly: boolean;
  error: ApiError | undefined;
  load(options?: { date?: string | undefined; openOnly?: boolean }): Promise<void>;
  /** Marks the caller called back (by me, now) and dials them through the softphone (the follow-up call path). */
  callBack(callId: string): Promise<void>;
}

export const useLostCallersStore = create<LostCallersState>()((set, get) => ({
  date: undefined,
  shownDate: undefined,
  callers: [],
  openOnly: false,
  error: undefined,
  async load(options = {}) {
    const date = 'date' in options ? options.date : get().date;
    const openOnly = options.openOnly ?? get().openOnly;
    set({ date, openOnly });
    try {
      const body = await useSessionStore.getState().api.call(routes.supervision.lostCallers, { query: { date, open: openOnly ? '1' : undefined } });
      set({ callers: body.callers, shownDate: body.date, error: undefined });
    } catch (error) {
      set({ error: error as ApiError });
    }
  },
  async callBack(callId) {
    try {
      const { number } = await useSessionStore.getState().api.call(routes.supervision.callBack, { params: { callId } });
      set({ error: undefined });
      await get().load();
      await useSoftphoneStore.getState().dial(number);
    } catch (error) {
      set({ error: error as ApiError });
      await get().load();
    }
  },
}));

// A busy minute loses several callers: the list reloads once for a burst, a second after its first.
let reload: ReturnType<typeof setTimeout> | undefined;
onServerEvent((event) => {
  if (event.type !== 'supervision.lost-caller' || reload) return;
  reload = setTimeout(() => {
    reload = undefined;
    if (useSessionStore.getState().status === 'signed-in') void useLostCallersStore.getState().load();
  }, 1_000);
});
