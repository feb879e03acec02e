import { create } from 'zustand';
import type { CreateDepartmentRequest, Department, UpdateDepartmentRequest } from '../../../shared/api/departments';
import { routes } from '../../../shared/api/routes';
import type { ApiClient } from '../services/api-client';
import { asApiError, resetOnSignOut, type AdminActionError } from './admin-action-error';
import { useSessionStore } from './session-store';

export type DepartmentsAction = 'load' | 'create' | 'update';

interface DepartmentsState {
  departments: Department[];
  loading: boolean;
  error: AdminActionError<DepartmentsAction> | undefined;
  load(): Promise<void>;
  create(department: CreateDepartmentRequest): Promise<boolean>;
  /** Rename, set the extension, disable or enable. */
  update(id: number, changes: UpdateDepartmentRequest): Promise<boolean>;
  clearError(): void;
  reset(): void;
}

export interface DepartmentsDeps {
  api(): ApiClient;
}

const EMPTY = { departments: [], loading: false, error: undefined };

/** 部门: the departments work orders go to and agents transfer callers to. */
export const createDepartmentsStore = ({ api }: DepartmentsDeps) =>
  create<DepartmentsState>()((set, get) => {
    const act = async (action: DepartmentsAction, id: number | undefined, run: () => Promise<unknown>): Promise<boolean> => {
      try {
        await run();
        set({ error: undefined });
        await get().load();
        return true;
      } catch (error) {
        set({ error: { action, id, error: asApiError(error) } });
        return false;
      }
    };
    return {
      ...EMPTY,
      async load() {
        set({ loading: true });
        try {
          const { departments } = await api().call(routes.departments.list);
          set({ departments, loading: false });
        } catch (error) {
          set({ loading: false, error: { action: 'load', error: asApiError(error) } });
        }
      },
      create: (department) => act('create', undefined, () => api().call(routes.departments.create, { body: department })),
      update: (id, changes) => act('update', id, () => api().call(routes.departments.update, { params: { id }, body: changes })),
      clearError: () => set({ error: undefined }),
      reset: () => set(EMPTY),
    };
  });

export const useDepartmentsStore = createDepartmentsStore({ api: () => useSessionStore.getState().api });
resetOnSignOut(useDepartmentsStore, useSessionStore);
