/** One call an agent took part in today, as their history lists it. */
export interface CallHistoryEntry {
  callId: string;
  direction: 'inbound' | 'outbound';
  /** answer, transfer, consult, outbound: how the agent came to the call. */
  kind: string;
  /** The caller (inbound) or the dialled number (outbound); masked (138****8000) for anyone but the agent. */
  number: string;
  startedAt: string;
  /** Seconds from the agent's answer (or dial) to the end of their part. */
  durationSeconds: number | null;
  /** How the agent's part ended (caller_hangup, agent_hangup, survey_handoff, transferred, …). */
  outcome: string | null;
  wrapUp: { codeId: number; code: string; label: string } | null;
  note: { id: number; category: string; topic: string } | null;
  workOrderId: number | null;
}

/** GET /api/v1/call-history?agent=workNumber: today's calls (center time zone), newest first. */
export interface CallHistoryResponse {
  day: string;
  entries: CallHistoryEntry[];
}
