import { create } from 'zustand';
import type { NetworkChild } from '../../../shared/api/network';
import { routes } from '../../../shared/api/routes';
import type { ApiClient } from '../services/api-client';
import { useSessionStore } from './session-store';

/**
 * The parent's registry (issue 16, 系统管理 → 下级单位): the centers (or provinces) registered by
 * their GB/T 2260 code, and their feed tokens. A token is shown once, right after it is issued:
 * the server keeps only its hash, so the store forgets it when the admin closes it.
 */
export interface NetworkRegistryState {
  children: NetworkChild[];
  /** The code typed in the register form. */
  code: string;
  /** The token just issued, until the admin closes it. */
  issued: { code: string; token: string } | undefined;
  /** The issued token went to the clipboard, or could not. */
  copied: 'yes' | 'failed' | undefined;
  /** Which action failed, for the message beside it. */
  error: { action: 'load' | 'register' | 'issue' | 'revoke'; error: unknown } | undefined;
  busy: boolean;
  load(): Promise<void>;
  setCode(code: string): void;
  register(): Promise<void>;
  issueToken(code: string): Promise<void>;
  revokeToken(code: string): Promise<void>;
  copyToken(): Promise<void>;
  closeToken(): void;
  reset(): void;
}

export interface NetworkRegistryDeps {
  api(): Pick<ApiClient, 'call'>;
  /** Writes text to the clipboard (rejects where the browser refuses). */
  copy(text: string): Promise<void>;
}

export const createNetworkRegistryStore = ({ api, copy }: NetworkRegistryDeps) =>
  create<NetworkRegistryState>()((set, get) => {
    const initial = { children: [], code: '', issued: undefined, copied: undefined, error: undefined, busy: false };
    /** Runs one action; the list is read again afterwards, as the server now has it. */
    const act = async (action: 'register' | 'issue' | 'revoke', run: () => Promise<void>) => {
      set({ busy: true, error: undefined });
      try {
        await run();
        set({ busy: false });
      } catch (error) {
        set({ busy: false, error: { action, error } });
        return;
      }
      await get().load();
    };
    return {
      ...initial,
      async load() {
        try {
          const { children } = await api().call(routes.network.children);
          set({ children });
        } catch (error) {
          set({ error: { action: 'load', error } });
        }
      },
      setCode: (code) => set({ code: code.replace(/\s/g, ''), error: get().error?.action === 'register' ? undefined : get().error }),
      register: () =>
        act('register', async () => {
          await api().call(routes.network.registerChild, { body: { code: get().code } });
          set({ code: '' });
        }),
      issueToken: (code) =>
        act('issue', async () => {
          const { token } = await api().call(routes.network.issueToken, { params: { code } });
          set({ issued: { code, token }, copied: undefined });
        }),
      revokeToken: (code) =>
        act('revoke', async () => {
          await api().call(routes.network.revokeToken, { params: { code } });
          if (get().issued?.code === code) set({ issued: undefined });
        }),
      async copyToken() {
        const token = get().issued?.token;
        if (!token) return;
        try {
          await copy(token);
          set({ copied: 'yes' });
        } catch {
          set({ copied: 'failed' });
        }
      },
      closeToken: () => set({ issued: undefined, copied: undefined }),
      reset: () => set(initial),
    };
  });

export const useNetworkRegistryStore = createNetworkRegistryStore({
  api: () => useSessionStore.getState().api,
  copy: (text) => navigator.clipboard.writeText(text),
});
