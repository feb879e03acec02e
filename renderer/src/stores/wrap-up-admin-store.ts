import { create } from 'zustand';
import type { CreateWrapUpCodeRequest, UpdateWrapUpCodeRequest, WrapUpCode, WrapUpReportResponse } from '../../../shared/api/wrap-up';
import { routes } from '../../../shared/api/routes';
import type { ApiClient } from '../services/api-client';
import { asApiError, changeThenReload, loadList, resetOnSignOut, type AdminActionError } from './admin-action-error';
import { useSessionStore } from './session-store';

export type WrapUpAction = 'load' | 'create' | 'update' | 'settings' | 'report';

interface WrapUpAdminState {
  /** Every code, retired ones too (reports keep them). */
  codes: WrapUpCode[];
  /** Whether agents must give a code before leaving after-call work. */
  required: boolean;
  report: WrapUpReportResponse | undefined;
  loading: boolean;
  error: AdminActionError<WrapUpAction> | undefined;
  load(): Promise<void>;
  create(code: CreateWrapUpCodeRequest): Promise<boolean>;
  /** Relabel, reorder, retire or bring back. */
  update(id: number, changes: UpdateWrapUpCodeRequest): Promise<boolean>;
  setRequired(required: boolean): Promise<boolean>;
  /** Calls coded per code and per agent over the center's days from..to (YYYY-MM-DD). */
  loadReport(from: string, to: string): Promise<boolean>;
  clearError(): void;
  reset(): void;
}

export interface WrapUpAdminDeps {
  api(): ApiClient;
}

const EMPTY = { codes: [], required: false, report: undefined, loading: false, error: undefined };

/** 小结代码 as the center admin keeps them (the desk's picker reads the active ones through call-history-store). */
export const createWrapUpAdminStore = ({ api }: WrapUpAdminDeps) =>
  create<WrapUpAdminState>()((set, get) => {
    const act = changeThenReload<WrapUpAction>(set, () => get().load());
    return {
      ...EMPTY,
      load: () => loadList<WrapUpAction, WrapUpAdminState>(set, () => api().call(routes.wrapUp.list)),
      create: (code) => act('create', undefined, () => api().call(routes.wrapUp.create, { body: code })),
      update: (id, changes) => act('update', id, () => api().call(routes.wrapUp.update, { params: { id }, body: changes })),
      setRequired: (required) => act('settings', undefined, () => api().call(routes.wrapUp.settings, { body: { required } })),
      async loadReport(from, to) {
        try {
          const report = await api().call(routes.wrapUp.report, { query: { from, to } });
          set({ report, error: undefined });
          return true;
        } catch (error) {
          set({ error: { action: 'report', error: asApiError(error) } });
          return false;
        }
      },
      clearError: () => set({ error: undefined }),
      reset: () => set(EMPTY),
    };
  });

export const useWrapUpAdminStore = createWrapUpAdminStore({ api: () => useSessionStore.getState().api });
resetOnSignOut(useWrapUpAdminStore, useSessionStore);
