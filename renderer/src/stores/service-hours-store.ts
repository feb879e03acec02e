import { create } from 'zustand';
import type { ServiceHoursResponse } from '../../../shared/api/service-hours';
import { routes } from '../../../shared/api/routes';
import { useSessionStore } from './session-store';

interface ServiceHoursState {
  /** Undefined until the server said; the banner shows only a known "closed". */
  open: boolean | undefined;
  periods: ServiceHoursResponse['periods'];
  load(): Promise<void>;
}

/** Whether callers can reach 人工 now (the server applies the hours and the holiday calendar). */
export const useServiceHoursStore = create<ServiceHoursState>()((set) => ({
  open: undefined,
  periods: [],
  async load() {
    try {
      const hours = await useSessionStore.getState().api.call(routes.serviceHours.get);
      set({ open: hours.open, periods: hours.periods });
    } catch {
      // Unknown: no banner rather than a wrong one.
    }
  },
}));
