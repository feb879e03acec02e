import { create } from 'zustand';
import { loginResponseSchema, type User } from '../../../shared/api/auth';
import { routes } from '../../../shared/api/routes';
import { ApiClient, ApiError } from '../services/api-client';
import { useConnectionStore } from './connection-store';

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
  /** The server refused the session's token (401): services/sign-out.ts signs the desk out. */
  expired: boolean;
  setWorkNumber(value: string): void;
  signIn(workNumber: string, password: string): Promise<void>;
  /** Ends the session only; the desk signs out through services/sign-out.ts (softphone first). */
  endSession(): Promise<void>;
  restore(): Promise<void>;
}

const STORAGE_KEY = 'agent-desk.session';

/** What the session store is built from: the server's address, the events socket, the tab's storage. */
export interface SessionDeps {
  serverUrl(): string;
  /** Reconnects the live events with (or without) the session's token. */
  authenticate(token: string | undefined): void;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

export function browserSessionDeps(): SessionDeps {
  return {
    serverUrl: () => useConnectionStore.getState().serverUrl ?? window.location.origin,
    authenticate: (token) => useConnectionStore.getState().authenticate(token),
    // Looked up on use, so that building the store touches no browser global.
    storage: {
      getItem: (key) => sessionStorage.getItem(key),
      setItem: (key, value) => sessionStorage.setItem(key, value),
      removeItem: (key) => sessionStorage.removeItem(key),
    },
  };
}

export const createSessionStore = ({ serverUrl, authenticate, storage }: SessionDeps) =>
  create<SessionState>()((set, get) => {
    const clientFor = (token: string | undefined) =>
      new ApiClient({ baseUrl: serverUrl(), token, onUnauthenticated: () => token && get().status === 'signed-in' && set({ expired: true }) });

    return {
      status: 'signed-out',
      workNumber: '',
      user: undefined,
      token: undefined,
      sipSecret: undefined,
      error: undefined,
      api: new ApiClient({ baseUrl: window.location.origin }),
      expired: false,
      setWorkNumber: (workNumber) => set({ workNumber, error: undefined }),

      async signIn(workNumber, password) {
        if (!workNumber.trim() || !password) return set({ error: 'required' });
        set({ status: 'signing-in', error: undefined });
        try {
          // Parsed in production too: the token and SIP secret are kept, so their shape is checked.
          const login = loginResponseSchema.parse(await clientFor(undefined).call(routes.auth.login, { body: { workNumber: workNumber.trim(), password } }));
          const sipSecret = login.sipSecret;
          storage.setItem(STORAGE_KEY, JSON.stringify({ token: login.token, sipSecret }));
          set({ status: 'signed-in', token: login.token, user: login.user, sipSecret, api: clientFor(login.token), expired: false });
          authenticate(login.token);
        } catch (error) {
          const e = error instanceof ApiError ? error : new ApiError(0, 'network_error', (error as Error).message);
          const mapped: SignInError = e.status === 401 ? 'invalidCredentials' : e.status === 429 ? 'tooManyAttempts' : e;
          set({ status: 'signed-out', error: mapped });
        }
      },

      async endSession() {
        const { api, token } = get();
        storage.removeItem(STORAGE_KEY);
        set({ status: 'signed-out', token: undefined, user: undefined, sipSecret: undefined, api: clientFor(undefined), expired: false });
        authenticate(undefined);
        if (token) await api.call(routes.auth.logout).catch(() => undefined);
      },

      /** After a reload: the tab's session comes back if the server still knows the token. */
      async restore() {
        const saved = storage.getItem(STORAGE_KEY);
        if (!saved) return;
        let parsed: { token?: string; sipSecret?: string };
        try {
          parsed = JSON.parse(saved) as { token?: string; sipSecret?: string };
        } catch {
          storage.removeItem(STORAGE_KEY);
          return;
        }
        if (!parsed.token) return;
        const api = clientFor(parsed.token);
        try {
          const me = await api.call(routes.auth.me);
          set({ status: 'signed-in', token: parsed.token, user: me.user, sipSecret: parsed.sipSecret, api, workNumber: me.user.workNumber, expired: false });
          authenticate(parsed.token);
        } catch {
          storage.removeItem(STORAGE_KEY);
        }
      },
    };
  });

/** The desk's session. */
export const useSessionStore = createSessionStore(browserSessionDeps());
