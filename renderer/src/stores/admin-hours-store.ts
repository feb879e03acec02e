import { create } from 'zustand';
import type { HoursException, ServiceHoursResponse, ServiceSchedule, WeeklyDay } from '../../../shared/api/service-hours';
import { routes } from '../../../shared/api/routes';
import { ApiError } from '../services/api-client';
import { useSessionStore } from './session-store';

interface AdminHoursState {
  /** What the server applies now (open, source, the closed prompt's words). */
  current: ServiceHoursResponse | undefined;
  /** The schedule being edited. */
  schedule: ServiceSchedule | undefined;
  error: ApiError | undefined;
  saving: boolean;
  saved: boolean;
  /** Edited since loaded or saved: a late load must not undo the admin's edits. */
  dirty: boolean;
  load(): Promise<void>;
  setDay(weekday: number, periods: WeeklyDay['periods']): void;
  setException(index: number, exception: HoursException | undefined): void;
  addException(date: string): void;
  save(): Promise<void>;
}

const api = () => useSessionStore.getState().api;
const asApiError = (error: unknown) => (error instanceof ApiError ? error : new ApiError(0, 'network_error', String(error)));

/** 系统管理 → 服务时间: the weekly schedule and dated exceptions, saved at run time. */
export const useAdminHoursStore = create<AdminHoursState>()((set, get) => ({
  current: undefined,
  schedule: undefined,
  error: undefined,
  saving: false,
  saved: false,
  dirty: false,
  async load() {
    try {
      const current = await api().call(routes.serviceHours.get);
      set(get().dirty ? { current } : { current, schedule: current.schedule, error: undefined });
    } catch (error) {
      set({ error: asApiError(error) });
    }
  },
  setDay(weekday, periods) {
    const schedule = get().schedule;
    if (schedule)
      set({ schedule: { ...schedule, weekly: schedule.weekly.map((d) => (d.weekday === weekday ? { weekday, periods } : d)) }, saved: false, dirty: true });
  },
  setException(index, exception) {
    const schedule = get().schedule;
    if (!schedule) return;
    const exceptions = exception ? schedule.exceptions.map((e, i) => (i === index ? exception : e)) : schedule.exceptions.filter((_, i) => i !== index);
    set({ schedule: { ...schedule, exceptions }, saved: false, dirty: true });
  },
  addException(date) {
    const schedule = get().schedule;
    if (schedule) set({ schedule: { ...schedule, exceptions: [...schedule.exceptions, { date, periods: [], note: '' }] }, saved: false, dirty: true });
  },
  async save() {
    const schedule = get().schedule;
    if (!schedule) return;
    set({ saving: true });
    try {
      const current = await api().call(routes.serviceHours.put, { body: schedule });
      set({ current, schedule: current.schedule, error: undefined, saving: false, saved: true, dirty: false });
    } catch (error) {
      set({ error: asApiError(error), saving: false, saved: false });
    }
  },
}));
