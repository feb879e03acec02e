import type { Role } from '../api/auth.js';

/** §2.5: 草稿 → 待审核 → 已派发 → 办理中 → 已办结 → 已回复 → 已关闭; a draft may be voided (已作废). */
export const WORK_ORDER_STATES = ['draft', 'pending_approval', 'dispatched', 'in_progress', 'resolved', 'replied', 'closed', 'voided'] as const;
export type WorkOrderState = (typeof WORK_ORDER_STATES)[number];

export const STATE_LABELS: Record<WorkOrderState, string> = {
  draft: '草稿',
  pending_approval: '待审核',
  dispatched: '已派发',
  in_progress: '办理中',
  resolved: '已办结',
  replied: '已回复',
  closed: '已关闭',
  voided: '已作废',
};

export const WORK_ORDER_ACTIONS = [
  'submit',
  'void',
  'reject',
  'dispatch',
  'return',
  'accept',
  'request_extension',
  'grant_extension',
  'deny_extension',
  'resolve',
  'reject_resolution',
  'reply',
  'close',
  'reopen',
] as const;
export type WorkOrderAction = (typeof WORK_ORDER_ACTIONS)[number];

/** The fields a transition cannot do without (a reason, a department, a solution, a reply and its result, days asked). */
export type RequiredField = 'comment' | 'department' | 'resolution' | 'reply' | 'replyResult' | 'days';

export interface WorkOrderTransition {
  from: WorkOrderState;
  action: WorkOrderAction;
  to: WorkOrderState;
  /** Roles that may take it; center_admin may take every one. */
  roles: readonly Role[];
  requires?: readonly RequiredField[];
  /** Department roles may take it only on orders dispatched to their own department. */
  ownDepartment?: boolean;
  label: string;
}

const HOTLINE: readonly Role[] = ['agent', 'team_lead', 'center_admin'];
const LEADERS: readonly Role[] = ['team_lead', 'department_leader', 'center_admin'];
const HANDLERS: readonly Role[] = ['department_handler', 'center_admin'];
/** More time is granted by the department leader (§2.5-5 limits), never by the handler alone. */
const DEPARTMENT_LEADERS: readonly Role[] = ['department_leader', 'center_admin'];

/** Every legal transition, and nothing else: what is not here is a 409. */
export const TRANSITIONS: readonly WorkOrderTransition[] = [
  { from: 'draft', action: 'submit', to: 'pending_approval', roles: HOTLINE, label: '提交审核' },
  // A draft opened by mistake (or a duplicate) is voided: it counts nowhere.
  { from: 'draft', action: 'void', to: 'voided', roles: HOTLINE, requires: ['comment'], label: '作废' },
  // §2.5-2: the leader confirms the order and forwards it to the department in one step.
  { from: 'pending_approval', action: 'dispatch', to: 'dispatched', roles: LEADERS, requires: ['department'], label: '审核派发' },
  { from: 'pending_approval', action: 'reject', to: 'draft', roles: LEADERS, requires: ['comment'], label: '驳回' },
  { from: 'dispatched', action: 'accept', to: 'in_progress', roles: HANDLERS, ownDepartment: true, label: '受理' },
  // A misrouted order goes back for re-dispatch.
  { from: 'dispatched', action: 'return', to: 'pending_approval', roles: HANDLERS, ownDepartment: true, requires: ['comment'], label: '退回' },
  // More time: the handler asks with a reason, the leader grants (the due date moves) or refuses.
  {
    from: 'in_progress',
    action: 'request_extension',
    to: 'in_progress',
    roles: HANDLERS,
    ownDepartment: true,
    requires: ['days', 'comment'],
    label: '申请延期',
  },
  { from: 'in_progress', action: 'grant_extension', to: 'in_progress', roles: DEPARTMENT_LEADERS, label: '同意延期' },
  { from: 'in_progress', action: 'deny_extension', to: 'in_progress', roles: DEPARTMENT_LEADERS, requires: ['comment'], label: '不同意延期' },
  // §2.5-3: the solution returns to the hotline.
  { from: 'in_progress', action: 'resolve', to: 'resolved', roles: HANDLERS, ownDepartment: true, requires: ['resolution'], label: '办结' },
  { from: 'resolved', action: 'reject_resolution', to: 'in_progress', roles: HOTLINE, requires: ['comment'], label: '退回重办' },
  // §2.5-4: the agent tells the caller.
  { from: 'resolved', action: 'reply', to: 'replied', roles: HOTLINE, requires: ['reply', 'replyResult'], label: '回复来电人' },
  { from: 'replied', action: 'close', to: 'closed', roles: HOTLINE, label: '关闭' },
  { from: 'closed', action: 'reopen', to: 'pending_approval', roles: LEADERS, requires: ['comment'], label: '重新打开' },
];

/** Who may open a new order: the hotline. */
export const CREATE_ROLES: readonly Role[] = ['agent', 'team_lead', 'center_admin'];

/** States past the department's work: neither overdue nor nearly due any more. */
export const DONE_STATES: readonly WorkOrderState[] = ['resolved', 'replied', 'closed', 'voided'];

/** Who confirms (§2.5-2): the leader always; team leads when the center allows it. Never one's own order. */
export const APPROVAL_ACTIONS: readonly WorkOrderAction[] = ['dispatch', 'reject'];

export function findTransition(from: WorkOrderState, action: WorkOrderAction): WorkOrderTransition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.action === action);
}

/** Actions a role may take from a state (department scope aside), for the desk's buttons. */
export function actionsFor(state: WorkOrderState, role: Role): WorkOrderAction[] {
  return TRANSITIONS.filter((t) => t.from === state && t.roles.includes(role)).map((t) => t.action);
}
