import { create } from 'zustand';
import { loginResponseSchema, type User } from '../../../shared/api/auth';
import { routes } from '../../../shared/api/routes';
import { ApiClient, ApiError } from '../services/api-client';
import { useConnectionStore } from './connection-store';
import { useSoftphoneStore } from './softphone-store';

/** The three the form says itself, or what else the server answered (translated by its code, shown at its field). */
export type SignInError = 'required' | 'invalidCredentials' | 'tooManyAttempts' | ApiError;

interface SessionState {
  status: 'signed-out' | 'signing-in' | 'signed-in';
  workNumber: string;
  user: User | undefined;
  token: string | undefined;
  /** Secret for SIP digest auth, kept in memory and in this tab's session storage only. */
  sipSecret: string | undefined;
  error: SignInError | undefined;
  api: ApiClient;
  setWorkNumber(value: string): void;
  signIn(workNumber: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  restore(): Promise<void>;
}

const STORAGE_KEY = 'agent-desk.session';

function serverUrl(): string {
  return useConnectionStore.getState().serverUrl ?? window.location.origin;
}

export const useSessionStore = create<SessionState>()((set, get) => {
  const clientFor = (token: string | undefined) =>
    new ApiClient({ baseUrl: serverUrl(), token, onUnauthenticated: () => token && get().status === 'signed-in' && void get().signOut() });

  return {
    status: 'signed-out',
    workNumber: '',
    user: undefined,
    token: undefined,
    sipSecret: undefined,
    error: undefined,
    api: new ApiClient({ baseUrl: window.location.origin }),
    setWorkNumber: (workNumber) => set({ workNumber, error: undefined }),

    async signIn(workNumber, password) {
      if (!workNumber.trim() || !password) return set({ error: 'required' });
      set({ status: 'signing-in', error: undefined });
      try {
        // Parsed in production too: the token and SIP secret are kept, so their shape is checked.
        const login = loginResponseSchema.parse(await clientFor(undefined).call(routes.auth.login, { body: { workNumber: workNumber.trim(), password } }));
        const sipSecret = login.sipSecret;
        sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ token: login.token, sipSecret }));
        set({ status: 'signed-in', token: login.token, user: login.user, sipSecret, api: clientFor(login.token) });
        useConnectionStore.getState().authenticate(login.token);
      } catch (error) {
        const e = error instanceof ApiError ? error : new ApiError(0, 'network_error', (error as Error).message);
        const mapped: SignInError = e.status === 401 ? 'invalidCredentials' : e.status === 429 ? 'tooManyAttempts' : e;
        set({ status: 'signed-out', error: mapped });
      }
    },

    async signOut() {
      const { api, token } = get();
      // Unregister while the session's SIP secret is still valid, then end the session.
      await useSoftphoneStore.getState().stop();
      sessionStorage.removeItem(STORAGE_KEY);
      set({ status: 'signed-out', token: undefined, user: undefined, sipSecret: undefined, api: clientFor(undefined) });
      useConnectionStore.getState().authenticate(undefined);
      if (token) await api.call(routes.auth.logout).catch(() => undefined);
    },

    /** After a reload: the tab's session comes back if the server still knows the token. */
    async restore() {
      const saved = sessionStorage.getItem(STORAGE_KEY);
      if (!saved) return;
      let parsed: { token?: string; sipSecret?: string };
      try {
        parsed = JSON.parse(saved) as { token?: string; sipSecret?: string };
      } catch {
        sessionStorage.removeItem(STORAGE_KEY);
        return;
      }
      if (!parsed.token) return;
      const api = clientFor(parsed.token);
      try {
        const me = await api.call(routes.auth.me);
        set({ status: 'signed-in', token: parsed.token, user: me.user, sipSecret: parsed.sipSecret, api, workNumber: me.user.workNumber });
        useConnectionStore.getState().authenticate(parsed.token);
      } catch {
        sessionStorage.removeItem(STORAGE_KEY);
      }
    },
  };
});
