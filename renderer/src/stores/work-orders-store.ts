import { create } from 'zustand';
import type { WorkOrder, WorkOrderListResponse } from '../../../shared/api/work-orders';
import { useSessionStore } from './session-store';
import { onServerEvent } from './connection-store';

interface WorkOrdersState {
  orders: WorkOrder[];
  loading: boolean;
  error: string | undefined;
  load(): Promise<void>;
  /** §2.5-4: the agent tells the caller the solution, then records the reply. */
  reply(id: number, reply: string): Promise<void>;
  close(id: number): Promise<void>;
}

export const useWorkOrdersStore = create<WorkOrdersState>()((set, get) => {
  const transition = async (id: number, body: Record<string, string>) => {
    try {
      await useSessionStore.getState().api.post(`/api/v1/work-orders/${id}/transitions`, body);
      await get().load();
    } catch (error) {
      set({ error: (error as Error).message });
    }
  };
  return {
    orders: [],
    loading: false,
    error: undefined,
    async load() {
      set({ loading: true });
      try {
        const { workOrders } = await useSessionStore.getState().api.get<WorkOrderListResponse>('/api/v1/work-orders', { mine: 1, limit: 100 });
        set({ orders: workOrders, loading: false, error: undefined });
      } catch (error) {
        set({ loading: false, error: (error as Error).message });
      }
    },
    reply: (id, reply) => transition(id, { action: 'reply', reply }),
    close: (id) => transition(id, { action: 'close' }),
  };
});

// Any change to an order the agent may see refreshes the list (the server filters by role).
onServerEvent((event) => {
  const changed = event.type === 'work-order.changed' || event.type === 'work-order.follow-up';
  if (changed && useSessionStore.getState().status === 'signed-in') void useWorkOrdersStore.getState().load();
});
