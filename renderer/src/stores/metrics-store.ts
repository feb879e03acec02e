import { create } from 'zustand';
import type { MetricsReport } from '../../../shared/api/metrics';
import { useSessionStore } from './session-store';
import { routes } from '../../../shared/api/routes';

interface MetricsState {
  report: MetricsReport | undefined;
  error: string | undefined;
  load(period?: MetricsReport['period']): Promise<void>;
}

export const useMetricsStore = create<MetricsState>()((set) => ({
  report: undefined,
  error: undefined,
  async load(period = 'day') {
    try {
      const report = await useSessionStore.getState().api.call(routes.metrics.report, { query: { period } });
      set({ report, error: undefined });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
}));
