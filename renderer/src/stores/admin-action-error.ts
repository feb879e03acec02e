import { ApiError } from '../services/api-client';

/** What an admin store keeps of a refused action: which one, on which row, and the server's error. */
export interface AdminActionError<A extends string> {
  action: A;
  /** The row acted on; undefined for the create form and the list. */
  id?: number | undefined;
  error: ApiError;
}

/** Anything thrown by a call as an ApiError (a failed fetch is a network error). */
export const asApiError = (error: unknown): ApiError => (error instanceof ApiError ? error : new ApiError(0, 'network_error', (error as Error).message));

/** An admin store forgets what it read when the session ends: the next person at the desk starts empty. */
export function resetOnSignOut(store: { getState(): { reset(): void } }, session: { subscribe(listener: (s: { status: string }) => void): unknown }): void {
  session.subscribe((s) => {
    if (s.status === 'signed-out') store.getState().reset();
  });
}

type SetError<A extends string> = (partial: { error: AdminActionError<A> | undefined }) => void;

/**
 * One change of an admin list (create, update, reset a password…): on success the list is read
 * again (the server decides what changed) and true returned; a refusal is kept for the form or
 * row that made it.
 */
export function changeThenReload<A extends string>(set: SetError<A>, reload: () => Promise<void>) {
  return async (action: A, id: number | undefined, run: () => Promise<unknown>): Promise<boolean> => {
    try {
      await run();
      set({ error: undefined });
      await reload();
      return true;
    } catch (error) {
      set({ error: { action, id, error: asApiError(error) } });
      return false;
    }
  };
}

/** Reads an admin list: `loading` meanwhile; a failure is kept as the 'load' error. */
export async function loadList<A extends string, S extends { loading: boolean; error: AdminActionError<A> | undefined }>(
  set: (partial: Partial<S>) => void,
  read: () => Promise<Partial<S>>,
): Promise<void> {
  set({ loading: true } as Partial<S>);
  try {
    set({ ...(await read()), loading: false });
  } catch (error) {
    set({ loading: false, error: { action: 'load' as A, error: asApiError(error) } } as Partial<S>);
  }
}
