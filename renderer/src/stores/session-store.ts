import { create } from 'zustand';
import { apiErrorSchema } from '../../../shared/api/errors';
import { useConnectionStore } from './connection-store';

export type SignInError = 'required' | 'notAvailable' | { message: string };

interface SessionState {
  workNumber: string;
  submitting: boolean;
  error: SignInError | undefined;
  setWorkNumber(value: string): void;
  signIn(workNumber: string, password: string): Promise<void>;
}

export const useSessionStore = create<SessionState>()((set) => ({
  workNumber: '',
  submitting: false,
  error: undefined,
  setWorkNumber: (workNumber) => set({ workNumber, error: undefined }),
  async signIn(workNumber, password) {
    if (!workNumber.trim() || !password) return set({ error: 'required' });
    set({ submitting: true, error: undefined });
    const serverUrl = useConnectionStore.getState().serverUrl ?? window.location.origin;
    try {
      const response = await fetch(`${serverUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ workNumber: workNumber.trim(), password }),
      });
      if (response.status === 404) return set({ error: 'notAvailable' });
      if (!response.ok) {
        const body = apiErrorSchema.safeParse(await response.json().catch(() => undefined));
        return set({ error: { message: body.success ? body.data.message : `HTTP ${response.status}` } });
      }
    } catch (error) {
      set({ error: { message: (error as Error).message } });
    } finally {
      set({ submitting: false });
    }
  },
}));
