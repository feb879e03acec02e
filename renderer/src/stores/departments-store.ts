import { create } from 'zustand';
import type { CreateDepartmentRequest, Department, UpdateDepartmentRequest } from '../../../shared/api/departments';
import { routes } from '../../../shared/api/routes';
import type { ApiClient } from '../services/api-client';
import { changeThenReload, loadList, resetOnSignOut, type AdminActionError } from './admin-action-error';
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
    const act = changeThenReload<DepartmentsAction>(set, () => get().load());
    return {
      ...EMPTY,
      load: () => loadList<DepartmentsAction, DepartmentsState>(set, () => api().call(routes.departments.list)),
      create: (department) => act('create', undefined, () => api().call(routes.departments.create, { body: department })),
      update: (id, changes) => act('update', id, () => api().call(routes.departments.update, { params: { id }, body: changes })),
      clearError: () => set({ error: undefined }),
      reset: () => set(EMPTY),
    };
  });

export const useDepartmentsStore = createDepartmentsStore({ api: () => useSessionStore.getState().api });
resetOnSignOut(useDepartmentsStore, useSessionStore);
