import { create } from 'zustand';
import type { MetricsReport } from '../../../shared/api/metrics';
import { useSessionStore } from './session-store';

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
      // Hand-written until the metrics routes join the table (their responses have no schemas yet; docs/architecture.md).
      // eslint-disable-next-line no-restricted-syntax
      const report = await useSessionStore.getState().api.get<MetricsReport>('/api/v1/metrics', { period });
      set({ report, error: undefined });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
}));
