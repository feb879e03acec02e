// GET /api/v1/callers/:number/history: a caller's earlier work orders and calls, shown on the
// desk while that caller's call rings or is answered there (issue 11, §2.5 "find any order").
import { z } from 'zod';
import type { WorkOrderCategory } from '../work-orders/categories.js';
import type { WorkOrderState } from '../work-orders/state-machine.js';

export const CALLER_HISTORY_LIMIT = 10;

export const callerHistoryParamsSchema = z.object({ number: z.string().regex(/^\+?\d{3,20}$/, 'a phone number of 3–20 digits') });
/** Agents name the call at their desk; team leads and admins may look any caller up. */
export const callerHistoryQuerySchema = z.object({ callId: z.string().min(1).max(64).optional() });

export interface CallerHistoryOrder {
  id: number;
  category: WorkOrderCategory;
  state: WorkOrderState;
  title: string;
  createdAt: string;
  dueAt: string | null;
  overdue: boolean;
  department: string | null;
  /** The department's answer (§2.5-4: the agent gives it to the caller). */
  resolution: string | null;
}

export interface CallerHistoryCall {
  id: string;
  direction: 'inbound' | 'outbound';
  arrivedAt: string;
  answered: boolean;
  /** The agent who talked (inbound) or placed the follow-up call (outbound). */
  agentWorkNumber: string | null;
  talkSeconds: number | null;
  surveyResult: 1 | 2 | 3 | null;
  workOrderId: number | null;
}

export interface CallerHistoryResponse {
  number: string;
  /** Newest first, at most CALLER_HISTORY_LIMIT of each; the totals count all. */
  workOrders: CallerHistoryOrder[];
  calls: CallerHistoryCall[];
  totalWorkOrders: number;
  totalCalls: number;
}
