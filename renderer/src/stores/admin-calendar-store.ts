import { create } from 'zustand';
import type { CalendarYearResponse } from '../../../shared/api/calendar';
import { routes } from '../../../shared/api/routes';
import { ApiError } from '../services/api-client';
import { useSessionStore } from './session-store';

interface AdminCalendarState {
  year: number | undefined;
  calendar: CalendarYearResponse | undefined;
  error: ApiError | undefined;
  /** The year just uploaded, and how many open work orders had their due dates counted again. */
  loaded: { year: number; recomputed: number } | undefined;
  /** The file last sent, parsed: its rows name what an error is about. */
  sent: unknown;
  show(year: number): Promise<void>;
  /** Uploads a year's file as the admin chose it (its text): checked here for JSON, then by the server. */
  upload(year: number, text: string): Promise<void>;
}

const api = () => useSessionStore.getState().api;
const asApiError = (error: unknown) => (error instanceof ApiError ? error : new ApiError(0, 'network_error', String(error)));

/** 系统管理 → 节假日: a year's working-day calendar, and the upload of the State Council's notice. */
export const useAdminCalendarStore = create<AdminCalendarState>()((set, get) => ({
  year: undefined,
  calendar: undefined,
  error: undefined,
  loaded: undefined,
  sent: undefined,
  async show(year) {
    set({ year });
    try {
      const calendar = await api().call(routes.calendar.get, { params: { year } });
      if (get().year === year) set({ calendar, error: undefined });
    } catch (error) {
      set({ error: asApiError(error) });
    }
  },
  async upload(year, text) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      set({ error: new ApiError(400, 'not_json', 'the file is not JSON'), loaded: undefined });
      return;
    }
    set({ sent: body });
    try {
      const result = await api().call(routes.calendar.put, { params: { year }, body });
      set({ year, calendar: result, error: undefined, loaded: { year, recomputed: result.recomputedWorkOrders.length } });
    } catch (error) {
      set({ error: asApiError(error), loaded: undefined });
    }
  },
}));
