import { AGENT_STATES } from '../../../shared/acd/agent-state-machine.js';
import type { DiskUsage } from './disk-usage.js';
import type { OpsReadings } from './ops-readings.js';
import type { MetricFamily } from './prometheus-text.js';

export interface EventLoopLag {
  /** Seconds, over the interval since the previous scrape. */
  p50: number;
  p99: number;
  max: number;
}

/** The metric families of GET /metrics/prometheus, all prefixed agent_desk_. */
export function opsMetricFamilies(readings: OpsReadings, lag: EventLoopLag, disk: DiskUsage | undefined, uptimeSeconds: number): MetricFamily[] {
  const families: MetricFamily[] = [
    { name: 'agent_desk_up', help: 'The server answers (always 1 when scraped).', type: 'gauge', samples: [{ value: 1 }] },
    { name: 'agent_desk_uptime_seconds', help: 'Seconds since the server started.', type: 'gauge', samples: [{ value: Math.round(uptimeSeconds) }] },
  ];
  if (readings.calls) {
    families.push({
      name: 'agent_desk_calls_in_progress',
      help: "Calls in progress: inbound (IVR, queue or with an agent) and agents' follow-up calls.",
      type: 'gauge',
      samples: [
        { labels: { direction: 'inbound' }, value: readings.calls.inbound },
        { labels: { direction: 'follow_up' }, value: readings.calls.followUp },
      ],
    });
    families.push({
      name: 'agent_desk_calls_shed_total',
      help: 'New inbound calls refused by overload control (503 + Retry-After), by reason.',
      type: 'counter',
      samples: Object.entries(readings.calls.shed).map(([reason, value]) => ({ labels: { reason }, value })),
    });
  }
  if (readings.sipDialogs !== undefined)
    families.push({
      name: 'agent_desk_sip_calls_active',
      help: 'SIP calls the stack holds (a caller with an agent is two: caller leg and agent leg).',
      type: 'gauge',
      samples: [{ value: readings.sipDialogs }],
    });
  if (readings.queue) {
    families.push(
      { name: 'agent_desk_queue_length', help: 'Callers waiting for an agent.', type: 'gauge', samples: [{ value: readings.queue.length }] },
      { name: 'agent_desk_queue_ringing', help: 'Queued calls ringing an agent now.', type: 'gauge', samples: [{ value: readings.queue.ringing }] },
      {
        name: 'agent_desk_queue_longest_wait_seconds',
        help: 'Wait of the longest-waiting caller in the queue.',
        type: 'gauge',
        samples: [{ value: readings.queue.longestWaitSec }],
      },
    );
  }
  if (readings.agentsByState) {
    const byState = readings.agentsByState;
    families.push({
      name: 'agent_desk_agents',
      help: 'Agents known to the ACD, by state.',
      type: 'gauge',
      samples: AGENT_STATES.map((state) => ({ labels: { state }, value: byState[state] ?? 0 })),
    });
  }
  if (readings.registeredAgents !== undefined)
    families.push({
      name: 'agent_desk_agents_registered',
      help: 'Work numbers with a live SIP registration (softphones).',
      type: 'gauge',
      samples: [{ value: readings.registeredAgents }],
    });
  if (readings.sip) {
    const counts = (record: Record<string, number>) =>
      Object.entries(record)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([kind, value]) => ({ labels: { kind }, value }));
    families.push(
      {
        name: 'agent_desk_sip_messages_received_total',
        help: 'SIP messages received, by method or response class.',
        type: 'counter',
        samples: counts(readings.sip.received),
      },
      {
        name: 'agent_desk_sip_messages_sent_total',
        help: 'SIP messages sent (retransmissions included), by method or response class.',
        type: 'counter',
        samples: counts(readings.sip.sent),
      },
      { name: 'agent_desk_sip_errors_total', help: 'SIP messages refused or lost, by kind.', type: 'counter', samples: counts(readings.sip.errors) },
    );
  }
  families.push({
    name: 'agent_desk_event_loop_lag_seconds',
    help: 'Event-loop delay since the previous scrape (perf_hooks monitorEventLoopDelay); audio suffers above about 0.02.',
    type: 'gauge',
    samples: [
      { labels: { quantile: '0.5' }, value: lag.p50 },
      { labels: { quantile: '0.99' }, value: lag.p99 },
      { labels: { quantile: '1' }, value: lag.max },
    ],
  });
  if (disk) {
    families.push(
      {
        name: 'agent_desk_data_dir_bytes',
        help: 'Bytes of all files in the data folder (database, recordings, backups).',
        type: 'gauge',
        samples: [{ value: disk.usedBytes }],
      },
      { name: 'agent_desk_data_dir_free_bytes', help: "Free bytes on the data folder's filesystem.", type: 'gauge', samples: [{ value: disk.freeBytes }] },
    );
  }
  return families;
}
