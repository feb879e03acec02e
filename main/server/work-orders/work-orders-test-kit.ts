import { TRANSITIONS, type WorkOrderAction, type WorkOrderState } from '../../../shared/work-orders/state-machine.js';
import type { TestServer } from '../auth/server-test-kit.js';

/** Tests only: everything a transition may need, so any action can be taken with one body. */
export const FULL_BODY = {
  comment: '说明理由',
  department: '贷款科',
  resolution: '已按政策办理',
  reply: '已电话告知来电人',
  replyResult: 'satisfied',
  days: 2,
};

/** The shortest list of actions from draft to a state, found in the transition table. */
export function pathTo(state: WorkOrderState): WorkOrderAction[] {
  const paths = new Map<WorkOrderState, WorkOrderAction[]>([['draft', []]]);
  const queue: WorkOrderState[] = ['draft'];
  while (queue.length) {
    const from = queue.shift()!;
    for (const t of TRANSITIONS.filter((x) => x.from === from)) {
      if (paths.has(t.to)) continue;
      paths.set(t.to, [...paths.get(from)!, t.action]);
      queue.push(t.to);
    }
  }
  const path = paths.get(state);
  if (!path) throw new Error(`no path to ${state}`);
  return path;
}

export async function createOrder(server: TestServer, token: string, body: Record<string, unknown> = {}): Promise<number> {
  const res = await server.call('POST', '/api/v1/work-orders', token, {
    category: 'complaint',
    title: '提取进度',
    description: '来电人反映提取一周未到账',
    callbackNumber: '13800000000',
    ...body,
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as number;
}

export async function act(server: TestServer, token: string, id: number, action: WorkOrderAction, extra: Record<string, unknown> = FULL_BODY) {
  return server.call('POST', `/api/v1/work-orders/${id}/transitions`, token, { action, ...extra });
}

/** Without --demo: 贷款科 as a department (the admin's token), so that orders can be dispatched. */
export async function addLoanDepartment(server: TestServer, admin: string): Promise<void> {
  const res = await server.call('POST', '/api/v1/departments', admin, { code: 'loan', name: '贷款科' });
  if (res.status !== 201) throw new Error(`department failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** An order created by `creator` and driven by `token` (an admin) into `state`; nobody confirms their own order. */
export async function orderIn(server: TestServer, token: string, state: WorkOrderState, creator: string): Promise<number> {
  const id = await createOrder(server, creator);
  for (const action of pathTo(state)) {
    const res = await act(server, token, id, action);
    if (res.status !== 200) throw new Error(`${action} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return id;
}
