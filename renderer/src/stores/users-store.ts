import { create } from 'zustand';
import type { AdminUser, CreateUserRequest, Lockout, UpdateUserRequest } from '../../../shared/api/auth';
import { routes } from '../../../shared/api/routes';
import type { ApiClient } from '../services/api-client';
import { changeThenReload, loadList, resetOnSignOut, type AdminActionError } from './admin-action-error';
import { useSessionStore } from './session-store';

export type UsersAction = 'load' | 'create' | 'update' | 'password' | 'unlock';

interface UsersState {
  users: AdminUser[];
  /** Work numbers refused for failed sign-ins, also numbers nobody has (someone guessing). */
  lockouts: Lockout[];
  loading: boolean;
  /** The last refused action; cleared by the next success. */
  error: AdminActionError<UsersAction> | undefined;
  load(): Promise<void>;
  create(user: CreateUserRequest): Promise<boolean>;
  update(id: number, changes: UpdateUserRequest): Promise<boolean>;
  resetPassword(id: number, password: string): Promise<boolean>;
  unlock(id: number): Promise<boolean>;
  clearError(): void;
  reset(): void;
}

export interface UsersDeps {
  api(): ApiClient;
}

const EMPTY = { users: [], lockouts: [], loading: false, error: undefined };

/** 用户管理: the center's users and who is locked out; every change goes to the server, then the list reloads. */
export const createUsersStore = ({ api }: UsersDeps) =>
  create<UsersState>()((set, get) => {
    const act = changeThenReload<UsersAction>(set, () => get().load());
    return {
      ...EMPTY,
      load: () =>
        loadList<UsersAction, UsersState>(set, async () => {
          const [{ users }, { lockouts }] = await Promise.all([api().call(routes.users.list), api().call(routes.users.lockouts)]);
          return { users, lockouts };
        }),
      create: (user) => act('create', undefined, () => api().call(routes.users.create, { body: user })),
      update: (id, changes) => act('update', id, () => api().call(routes.users.update, { params: { id }, body: changes })),
      resetPassword: (id, password) => act('password', id, () => api().call(routes.users.setPassword, { params: { id }, body: { password } })),
      unlock: (id) => act('unlock', id, () => api().call(routes.users.unlock, { params: { id } })),
      clearError: () => set({ error: undefined }),
      reset: () => set(EMPTY),
    };
  });

export const useUsersStore = createUsersStore({ api: () => useSessionStore.getState().api });
resetOnSignOut(useUsersStore, useSessionStore);
