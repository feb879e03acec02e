import { create } from 'zustand';
import type { MetricsReport, MetricsSeriesResponse } from '../../../shared/api/metrics';
import type { MetricsAgentsResponse, MetricsHoursResponse } from '../../../shared/api/indicators';
import { routes } from '../../../shared/api/routes';
import type { PeriodKind } from '../../../shared/metrics/periods';
import { addDays, daysInMonth, localDate, monthOf, parseLocalDate, yearOf } from '../../../shared/time/local-date';
import { useSessionStore } from './session-store';

/** The team lead's indicators screen: one period and date, its report, trends and agents. */
interface IndicatorsState {
  period: PeriodKind;
  /** YYYY-MM-DD inside the period. */
  date: string;
  report: MetricsReport | undefined;
  /** The hours of the date and of the day before. */
  hours: MetricsHoursResponse | undefined;
  hoursBefore: MetricsHoursResponse | undefined;
  /** Each day of the date's month. */
  month: MetricsSeriesResponse | undefined;
  agents: MetricsAgentsResponse | undefined;
  loading: boolean;
  error: unknown;
  choose(period: PeriodKind, date: string): Promise<void>;
  reload(): Promise<void>;
  exportFile(what: 'indicators' | 'agents', format: 'csv' | 'xlsx'): Promise<void>;
}

/** Today in the browser's calendar; the server cuts the periods in the center's zone. */
export function todayText(): string {
  const now = new Date();
  return localDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

let generation = 0;

export const useIndicatorsStore = create<IndicatorsState>()((set, get) => ({
  period: 'day',
  date: todayText(),
  report: undefined,
  hours: undefined,
  hoursBefore: undefined,
  month: undefined,
  agents: undefined,
  loading: false,
  error: undefined,
  async choose(period, date) {
    set({ period, date });
    await get().reload();
  },
  async reload() {
    const { period, date } = get();
    const day = parseLocalDate(date);
    if (!day) return;
    const api = useSessionStore.getState().api;
    const mine = ++generation; // a slower answer to an earlier choice never overwrites a newer one
    set({ loading: true });
    const first = localDate(yearOf(day), monthOf(day), 1);
    const last = localDate(yearOf(day), monthOf(day), daysInMonth(yearOf(day), monthOf(day)));
    try {
      const [report, hours, hoursBefore, month, agents] = await Promise.all([
        api.call(routes.metrics.report, { query: { period, date } }),
        api.call(routes.metrics.hours, { query: { date } }),
        api.call(routes.metrics.hours, { query: { date: addDays(day, -1) } }),
        api.call(routes.metrics.series, { query: { period: 'day', from: first, to: last } }),
        api.call(routes.metrics.agents, { query: { period, date } }),
      ]);
      if (mine === generation) set({ report, hours, hoursBefore, month, agents, loading: false, error: undefined });
    } catch (error) {
      if (mine === generation) set({ loading: false, error });
    }
  },
  async exportFile(what, format) {
    const { period, date } = get();
    try {
      const { blob, fileName } = await useSessionStore
        .getState()
        .api.download(what === 'indicators' ? routes.metrics.report : routes.metrics.agents, { query: { period, date, format } });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      set({ error });
    }
  },
}));
