const PLAN_REFUSALS = ['international', 'premium', 'service', 'long-distance', 'not-in-plan', 'unknown'] as const;

/**
 * The i18n key that explains a call the server refused: the dial plan's reason travels in the SIP
 * reason phrase ("Forbidden (international number not in the dial plan)"); other refusals by status.
 */
export function dialFailureKey(status: number, reason: string | undefined, knownStatuses: readonly number[]): string {
  const plan = /\(([a-z-]+) number not in the dial plan\)/.exec(reason ?? '')?.[1];
  if (status === 403 && plan) return `agentDesk.dial.refused.${(PLAN_REFUSALS as readonly string[]).includes(plan) ? plan : 'unknown'}`;
  return `softphone.dialFailed.${knownStatuses.includes(status) ? String(status) : 'other'}`;
}

/** What a desk may send as a number to dial: digits, with the spaces and dashes people type. */
export function isDiallable(text: string): boolean {
  return /^[0-9][0-9\s-]{1,30}$/.test(text.trim()) && text.replace(/\D/g, '').length >= 3;
}
