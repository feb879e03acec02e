/**
 * When the team lead's board flags an agent or the queue. The lead may change the first two on the
 * screen; the ACW limit is the server's (--acw-limit), the queue limit is §3.2's average wait ≤ 40 s.
 * Portable: no Node or DOM.
 */
export interface BoardThresholds {
  /** A call (ringing excluded) longer than this is flagged. */
  longCallSec: number;
  /** 示忙 longer than this is flagged. */
  longNotReadySec: number;
  /** After-call work past this is over the limit. */
  acwLimitSec: number;
  /** The longest queue wait past this raises the alert. */
  queueWaitSec: number;
}

export const DEFAULT_BOARD_THRESHOLDS: BoardThresholds = {
  longCallSec: 600,
  longNotReadySec: 900,
  acwLimitSec: 30,
  queueWaitSec: 40,
};

/** Service level: the share of offered calls answered within these many seconds. */
export const SERVICE_LEVEL_SECONDS = [20, 40] as const;

export type AgentFlag = 'long_call' | 'long_not_ready' | 'acw_over';

/** The flags of one agent at `now` (ms), from their state and when it began. */
export function agentFlags(state: string, sinceMs: number, nowMs: number, t: BoardThresholds): AgentFlag[] {
  const sec = (nowMs - sinceMs) / 1000;
  if (state === 'talking' && sec > t.longCallSec) return ['long_call'];
  if (state === 'not_ready' && sec > t.longNotReadySec) return ['long_not_ready'];
  if (state === 'after_call_work' && sec > t.acwLimitSec) return ['acw_over'];
  return [];
}

/** Percent with two decimals, or null when nothing was offered. */
export function serviceLevel(within: number, offered: number): number | null {
  return offered > 0 ? Math.round((within / offered) * 10_000) / 100 : null;
}
