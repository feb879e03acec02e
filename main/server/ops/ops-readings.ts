import type { ServerContext } from '../context.js';
import { SERVICES } from '../services.js';
import type { SipTrafficSnapshot } from '../sip/sip-traffic.js';

/** What the operations metrics show of the running modules; a part is absent when its module is. */
export interface OpsReadings {
  calls?: { inbound: number; followUp: number; shed: Readonly<Record<string, number>> };
  sipDialogs?: number;
  queue?: { length: number; ringing: number; longestWaitSec: number };
  /** Agents signed in to the ACD, by state (ready, not_ready, ringing, talking, acw, …). */
  agentsByState?: Record<string, number>;
  /** Work numbers with a live SIP registration. */
  registeredAgents?: number;
  sip?: SipTrafficSnapshot;
}

/** The only place the metrics read other modules' services. Read on each scrape: nothing is cached. */
export function readOps(services: ServerContext['services']): OpsReadings {
  const readings: OpsReadings = {};
  const calls = services.get(SERVICES.calls);
  if (calls) readings.calls = { ...calls.inProgress(), shed: calls.shed() };
  const acd = services.get(SERVICES.acd);
  if (acd) {
    const { length, ringing, longestWaitSec } = acd.queueSnapshot();
    readings.queue = { length, ringing, longestWaitSec };
    readings.agentsByState = {};
    for (const agent of acd.agents()) readings.agentsByState[agent.state] = (readings.agentsByState[agent.state] ?? 0) + 1;
  }
  const sip = services.get(SERVICES.sip);
  if (sip) {
    readings.registeredAgents = sip.registeredAgents().length;
    readings.sipDialogs = sip.core.activeCalls;
    readings.sip = sip.traffic.snapshot();
  }
  return readings;
}
