import { create } from 'zustand';
import type { ServiceHoursResponse } from '../../../shared/api/service-hours';
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
      // eslint-disable-next-line no-restricted-syntax -- merged this wave before its route joined shared/api/routes.ts (issue 10)
      const hours = await useSessionStore.getState().api.get<ServiceHoursResponse>('/api/v1/service-hours');
      set({ open: hours.open, periods: hours.periods });
    } catch {
      // Unknown: no banner rather than a wrong one.
    }
  },
}));
