import { create } from 'zustand';
import type { AuditEntryView } from '../../../shared/api/audit';
import { routes } from '../../../shared/api/routes';
import type { ApiClient } from '../services/api-client';
import { asApiError, resetOnSignOut, type AdminActionError } from './admin-action-error';
import { useSessionStore } from './session-store';
import { useConnectionStore } from './connection-store';
import { addDays } from '../../../shared/time/local-date';
import { startOfLocalDay } from '../../../shared/time/zoned';

/** The log's filter as the form holds it: a user id, an action family, the center's days YYYY-MM-DD. */
export interface AuditFilter {
  actorUserId: string;
  action: string;
  from: string;
  to: string;
}

export const AUDIT_PAGE_SIZE = 50;
const NO_FILTER: AuditFilter = { actorUserId: '', action: '', from: '', to: '' };

interface AuditState {
  filter: AuditFilter;
  /** Entries skipped before this page. */
  offset: number;
  entries: AuditEntryView[];
  hasMore: boolean;
  loading: boolean;
  error: AdminActionError<'load'> | undefined;
  setFilter(changes: Partial<AuditFilter>): void;
  /** Reads the page at `offset` (default: the first) under the current filter. */
  load(offset?: number): Promise<void>;
  nextPage(): Promise<void>;
  previousPage(): Promise<void>;
  reset(): void;
}

export interface AuditDeps {
  api(): ApiClient;
  /** The center's time zone: the filter's days are the center's days, not the PC's. */
  timeZone(): string;
}

/** The start of a center day (YYYY-MM-DD in the center's zone) as an ISO instant; a range ends at the next day's start. */
export const dayStart = (day: string, timeZone: string, plusDays = 0): string => new Date(startOfLocalDay(addDays(day, plusDays), timeZone)).toISOString();

const EMPTY = { filter: NO_FILTER, offset: 0, entries: [], hasMore: false, loading: false, error: undefined };

/** 审计日志: newest first, a page at a time, filtered by who, what and when. */
export const createAuditStore = ({ api, timeZone }: AuditDeps) =>
  create<AuditState>()((set, get) => ({
    ...EMPTY,
    setFilter: (changes) => set({ filter: { ...get().filter, ...changes } }),
    async load(offset = 0) {
      const { filter } = get();
      set({ loading: true });
      try {
        const { entries, hasMore } = await api().call(routes.audit.list, {
          query: {
            actorUserId: filter.actorUserId || undefined,
            action: filter.action || undefined,
            from: filter.from ? dayStart(filter.from, timeZone()) : undefined,
            to: filter.to ? dayStart(filter.to, timeZone(), 1) : undefined,
            limit: AUDIT_PAGE_SIZE,
            offset,
          },
        });
        set({ entries, hasMore, offset, loading: false, error: undefined });
      } catch (error) {
        set({ loading: false, error: { action: 'load', error: asApiError(error) } });
      }
    },
    nextPage: () => get().load(get().offset + AUDIT_PAGE_SIZE),
    previousPage: () => get().load(Math.max(0, get().offset - AUDIT_PAGE_SIZE)),
    reset: () => set(EMPTY),
  }));

export const useAuditStore = createAuditStore({ api: () => useSessionStore.getState().api, timeZone: () => useConnectionStore.getState().timeZone });
resetOnSignOut(useAuditStore, useSessionStore);
