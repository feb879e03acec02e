import { usesPhone } from '../services/role-homes';
import { create } from 'zustand';
import { useSessionStore } from './session-store';
import { routes } from '../../../shared/api/routes';
import { onServerEvent, useConnectionStore } from './connection-store';

interface QueueState {
  /** Callers waiting for an agent (not those already ringing one). */
  length: number;
  /** When the longest-waiting caller joined the queue (ms), for a wait that ticks on the desk. */
  oldestQueuedAt: number | undefined;
  load(): Promise<void>;
}

/** The queue at a glance on the state bar: pushed by the ACD (acd.queue), fetched on (re)connect. */
export const useQueueStore = create<QueueState>()((set) => ({
  length: 0,
  oldestQueuedAt: undefined,
  async load() {
    try {
      const q = await useSessionStore.getState().api.call(routes.acd.queue);
      set({ length: q.length, oldestQueuedAt: q.oldestQueuedAt ? Date.parse(q.oldestQueuedAt) : undefined });
    } catch {
      // The next acd.queue event brings it.
    }
  },
}));

onServerEvent((event) => {
  // Only roles that take calls see the queue on their state bar (a 质检 user would get 403).
  const session = useSessionStore.getState();
  if (event.type === 'hello' && session.status === 'signed-in' && usesPhone(session.user?.role, useConnectionStore.getState().networkMode))
    void useQueueStore.getState().load();
  if (event.type !== 'acd.queue') return;
  useQueueStore.setState({ length: event.length, oldestQueuedAt: event.oldestQueuedAt ? Date.parse(event.oldestQueuedAt) : undefined });
});
