import { create } from 'zustand';
import type { MissingResponse, OverviewResponse, SeriesResponse } from '../../../shared/api/network';
import { routes } from '../../../shared/api/routes';
import type { PeriodKind } from '../../../shared/metrics/periods';
import { localDate } from '../../../shared/time/local-date';
import type { ApiClient } from '../services/api-client';
import { nextSort, type Sort, type SortColumn } from '../components/network/network-table';
import { periodDates, trendRange } from '../components/network/network-series';
import { useSessionStore } from './session-store';

/** One step of the drill-down below the server's own level: a province, or a center. */
export interface Crumb {
  code: string;
  name: string;
  /** A center has no rows below it: its step shows its trend and days. */
  kind: 'province' | 'center';
}

/**
 * The province's and ministry's supervision screen (issue 16): one period and date, the table of
 * the level shown (the server's own, or a province drilled into from the ministry), its missing
 * days, and the trend of a center drilled into. Each action loads what the screen then shows.
 */
export interface NetworkState {
  period: PeriodKind;
  /** YYYY-MM-DD inside the period. */
  date: string;
  /** [] at the server's own level; [province], [center] or [province, center] below it. */
  trail: Crumb[];
  /** The server's own level (a ministry, or a province), as its first table said. */
  home: { level: OverviewResponse['level']; code: string; name: string } | undefined;
  overview: OverviewResponse | undefined;
  missing: MissingResponse | undefined;
  /** The center drilled into: its days over the trend range. */
  series: SeriesResponse | undefined;
  sort: Sort;
  loading: boolean;
  error: unknown;
  choose(period: PeriodKind, date: string): Promise<void>;
  /** Opens a row of the table: a province's centers, or a center's trend. */
  open(crumb: Crumb): Promise<void>;
  /** Back to a step of the breadcrumb: 0 is the server's own level. */
  goTo(depth: number): Promise<void>;
  sortBy(column: SortColumn): void;
  reload(): Promise<void>;
  exportFile(format: 'csv' | 'xlsx'): Promise<void>;
  reset(): void;
}

/** What the store is built from: the session's API client, how a file reaches the user, today. */
export interface NetworkDeps {
  api(): Pick<ApiClient, 'call' | 'download'>;
  save(blob: Blob, fileName: string): void;
  today(): string;
}

/** Today in the browser's calendar; the server cuts the periods in China Standard Time. */
export function browserToday(): string {
  const now = new Date();
  return localDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export function browserNetworkDeps(): NetworkDeps {
  return {
    api: () => useSessionStore.getState().api,
    save(blob, fileName) {
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    today: browserToday,
  };
}

/** The province whose centers the table lists (a ministry's drill-down), if any. */
export const underOf = (trail: readonly Crumb[]): string | undefined => trail.find((c) => c.kind === 'province')?.code;
/** The center drilled into, if any. */
export const centerOf = (trail: readonly Crumb[]): Crumb | undefined => trail.find((c) => c.kind === 'center');

const DEFAULT_SORT: Sort = { column: 'callconnect', direction: 'desc' };

export const createNetworkStore = ({ api, save, today }: NetworkDeps) =>
  create<NetworkState>()((set, get) => {
    let generation = 0; // a slower answer to an earlier choice never overwrites a newer one
    const initial = () => ({
      period: 'day' as PeriodKind,
      date: today(),
      trail: [] as Crumb[],
      home: undefined,
      overview: undefined,
      missing: undefined,
      series: undefined,
      sort: DEFAULT_SORT,
      loading: false,
      error: undefined,
    });

    return {
      ...initial(),
      async choose(period, date) {
        set({ period, date });
        await get().reload();
      },
      async open(crumb) {
        const trail = get().trail;
        // A center replaces a center; a province opens from the top only.
        const kept = trail.filter((c) => c.kind === 'province' && crumb.kind === 'center');
        set({ trail: [...kept, crumb], series: undefined });
        await get().reload();
      },
      async goTo(depth) {
        set({ trail: get().trail.slice(0, depth), series: undefined });
        await get().reload();
      },
      sortBy(column) {
        set({ sort: nextSort(get().sort, column) });
      },
      async reload() {
        const { period, date, trail } = get();
        const mine = ++generation;
        const under = underOf(trail);
        const center = centerOf(trail);
        const { from, to } = periodDates(period, date);
        // Days after today cannot have been reported yet: a period still running is asked up to today.
        const last = to > today() ? today() : to;
        const range = trendRange(period, date);
        const trend = { from: range.from, to: range.to > today() ? today() : range.to };
        set({ loading: true });
        try {
          const client = api();
          const [overview, missing, series] = await Promise.all([
            client.call(routes.network.overview, { query: { period, date, under } }),
            from <= last ? client.call(routes.network.missing, { query: { from, to: last, under } }) : { children: [] },
            center && trend.from <= trend.to ? client.call(routes.network.series, { query: { code: center.code, ...trend } }) : undefined,
          ]);
          if (mine !== generation) return;
          set({ overview, missing, series, loading: false, error: undefined });
          if (trail.length === 0) set({ home: { level: overview.level, code: overview.code, name: overview.name } });
        } catch (error) {
          if (mine === generation) set({ loading: false, error });
        }
      },
      async exportFile(format) {
        const { period, date, trail } = get();
        const under = underOf(trail);
        try {
          const { blob, fileName } = await api().download(routes.network.export, { query: { period, date, format, ...(under ? { under } : {}) } });
          save(blob, fileName);
        } catch (error) {
          set({ error });
        }
      },
      reset() {
        generation++;
        set(initial());
      },
    };
  });

/** The desk's supervision screen for province and ministry users. */
export const useNetworkStore = createNetworkStore(browserNetworkDeps());
