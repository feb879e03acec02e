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
