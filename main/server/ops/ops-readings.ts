import type { ServerContext } from '../context.js';
import type { Acd } from '../acd/acd.js';
import type { SipStack } from '../sip/sip-stack.js';
import type { SipTrafficSnapshot } from '../sip/sip-traffic.js';

/** What the operations metrics show of the running modules; a part is absent when its module is. */
export interface OpsReadings {
  calls?: { inbound: number; followUp: number };
  sipDialogs?: number;
  queue?: { length: number; ringing: number; longestWaitSec: number };
  /** Agents signed in to the ACD, by state (ready, not_ready, ringing, talking, acw, …). */
  agentsByState?: Record<string, number>;
  /** Work numbers with a live SIP registration. */
  registeredAgents?: number;
  sip?: SipTrafficSnapshot;
}

/**
 * The only place the metrics read other modules' services, so a change in how services are
 * looked up (typed keys) touches this function alone. Read on each scrape: nothing is cached.
 */
export function readOps(services: ServerContext['services']): OpsReadings {
  const readings: OpsReadings = {};
  const calls = services.get('voice.callsInProgress') as (() => { inbound: number; followUp: number }) | undefined;
  if (calls) readings.calls = calls();
  const acd = services.get('acd') as Acd | undefined;
  if (acd) {
    const { length, ringing, longestWaitSec } = acd.queueSnapshot();
    readings.queue = { length, ringing, longestWaitSec };
    readings.agentsByState = {};
    for (const agent of acd.agents()) readings.agentsByState[agent.state] = (readings.agentsByState[agent.state] ?? 0) + 1;
  }
  const sip = services.get('sip') as SipStack | undefined;
  if (sip) {
    readings.registeredAgents = sip.registeredAgents().length;
    readings.sipDialogs = sip.core.activeCalls;
    readings.sip = sip.traffic.snapshot();
  }
  return readings;
}
