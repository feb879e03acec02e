import { create } from 'zustand';
import type { TransitionRequest, UpdateWorkOrderRequest, WorkOrder, WorkOrderDetail } from '../../../shared/api/work-orders';
import { routes } from '../../../shared/api/routes';
import type { Department } from '../../../shared/api/departments';
import type { WorkOrderDueEvent } from '../../../shared/api/events/work-orders';
import { ApiError } from '../services/api-client';
import { useSessionStore } from './session-store';
import { onServerEvent } from './connection-store';

/** The search form's fields, as the query string sends them ('' = any). */
export interface WorkOrderSearch {
  id: string;
  callerNumber: string;
  category: string;
  state: string;
  department: string;
  agent: string;
  from: string;
  to: string;
  overdue: boolean;
  followUp: boolean;
}

export const EMPTY_SEARCH: WorkOrderSearch = {
  id: '',
  callerNumber: '',
  category: '',
  state: '',
  department: '',
  agent: '',
  from: '',
  to: '',
  overdue: false,
  followUp: false,
};
export const PAGE_SIZE = 20;

interface WorkOrdersState {
  /** The agent's own orders (the desk's panel). */
  orders: WorkOrder[];
  error: ApiError | undefined;
  search: WorkOrderSearch;
  results: WorkOrder[];
  total: number;
  page: number;
  searching: boolean;
  selected: WorkOrderDetail | undefined;
  /** The last refused step: the desk shows it translated, next to its field. */
  actionError: ApiError | undefined;
  busy: boolean;
  departments: Department[];
  /** 督办 notices pushed to this user, newest first, until dismissed. */
  notices: WorkOrderDueEvent[];
  dismissNotice(workOrderId: number): void;
  load(): Promise<void>;
  runSearch(search?: WorkOrderSearch, page?: number): Promise<void>;
  select(id: number | undefined): Promise<void>;
  /** One step of §2.5 on the selected order; true when the server took it. */
  act(id: number, body: TransitionRequest): Promise<boolean>;
  edit(id: number, body: UpdateWorkOrderRequest): Promise<boolean>;
  loadDepartments(): Promise<void>;
  clearActionError(): void;
  reply(id: number, reply: string): Promise<void>;
  close(id: number): Promise<void>;
}

const api = () => useSessionStore.getState().api;
const asApiError = (error: unknown) => (error instanceof ApiError ? error : new ApiError(0, 'network_error', (error as Error).message));

export const useWorkOrdersStore = create<WorkOrdersState>()((set, get) => {
  // After a step the order is fetched again as this user sees it now: one that left their
  // department (returned, say) closes instead of lingering.
  const after = async (id: number, detail: WorkOrderDetail) => {
    set({ selected: detail, actionError: undefined, busy: false });
    await Promise.all([get().select(id), get().load(), get().runSearch(get().search, get().page)]);
  };
  return {
    orders: [],
    error: undefined,
    search: EMPTY_SEARCH,
    results: [],
    total: 0,
    page: 0,
    searching: false,
    selected: undefined,
    actionError: undefined,
    busy: false,
    departments: [],
    notices: [],
    dismissNotice: (workOrderId) => set({ notices: get().notices.filter((n) => n.workOrderId !== workOrderId) }),

    async load() {
      try {
        const { workOrders } = await api().call(routes.workOrders.list, { query: { mine: 1, limit: 100 } });
        set({ orders: workOrders, error: undefined });
      } catch (error) {
        set({ error: asApiError(error) });
      }
    },

    async runSearch(search = get().search, page = 0) {
      set({ search, page, searching: true });
      const { id, overdue, followUp, ...rest } = search;
      try {
        const res = await api().call(routes.workOrders.list, {
          query: {
            ...rest,
            id: id.trim(),
            callerNumber: rest.callerNumber.trim(),
            agent: rest.agent.trim(),
            overdue: overdue ? 1 : undefined,
            followUp: followUp ? 1 : undefined,
            sort: 'created',
            limit: PAGE_SIZE,
            offset: page * PAGE_SIZE,
          },
        });
        set({ results: res.workOrders, total: res.total, searching: false, error: undefined });
      } catch (error) {
        set({ searching: false, results: [], total: 0, error: asApiError(error) });
      }
    },

    async select(id) {
      if (id === undefined) return set({ selected: undefined, actionError: undefined });
      try {
        set({ selected: await api().call(routes.workOrders.get, { params: { id } }), actionError: undefined });
      } catch (error) {
        // An order that left the user's department is no longer theirs to see.
        set({ selected: undefined, error: asApiError(error).status === 404 ? undefined : asApiError(error) });
      }
    },

    async act(id, body) {
      set({ busy: true, actionError: undefined });
      try {
        await after(id, await api().call(routes.workOrders.transition, { params: { id }, body }));
        return true;
      } catch (error) {
        set({ busy: false, actionError: asApiError(error) });
        return false;
      }
    },

    async edit(id, body) {
      set({ busy: true, actionError: undefined });
      try {
        await after(id, await api().call(routes.workOrders.edit, { params: { id }, body }));
        return true;
      } catch (error) {
        set({ busy: false, actionError: asApiError(error) });
        return false;
      }
    },

    async loadDepartments() {
      try {
        set({ departments: (await api().call(routes.departments.list)).departments });
      } catch (error) {
        set({ error: asApiError(error) });
      }
    },

    clearActionError: () => set({ actionError: undefined }),
    reply: async (id, reply) => void (await get().act(id, { action: 'reply', reply, replyResult: 'satisfied' })),
    close: async (id) => void (await get().act(id, { action: 'close' })),
  };
});

// Any change to an order the user may see refreshes what is shown (the server filters by role).
onServerEvent((event) => {
  if (event.type === 'work-order.due') {
    // The server sends these only to the people they name; one notice per order, the latest level.
    const notices = useWorkOrdersStore.getState().notices.filter((n) => n.workOrderId !== event.workOrderId);
    useWorkOrdersStore.setState({ notices: [event, ...notices].slice(0, 20) });
  }
  // A 督办 notice also changes how the order is shown (overdue): refresh like any change.
  const changed = event.type === 'work-order.changed' || event.type === 'work-order.follow-up' || event.type === 'work-order.due';
  if (!changed || useSessionStore.getState().status !== 'signed-in') return;
  const store = useWorkOrdersStore.getState();
  void store.load();
  void store.runSearch(store.search, store.page);
  if (store.selected?.id === event.workOrderId) void store.select(event.workOrderId);
});
