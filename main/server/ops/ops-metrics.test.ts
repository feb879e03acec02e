import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSocket } from 'node:dgram';
import { SERVER_MODULES } from '../modules.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { opsModule, OPS_METRICS_PATH } from './ops-module.js';
import { renderPrometheus } from './prometheus-text.js';

const TOKEN = 'ops-token-for-the-test-0123';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A strict reader of the text format: every line a comment or a well-formed sample, every sample typed. */
function parsePrometheus(text: string): { samples: Sample[]; types: Map<string, string> } {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.trimEnd().split('\n')) {
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (gauge|counter)$/.exec(line);
    if (type) {
      expect(types.has(type[1]!), `one TYPE line for ${type[1]}`).toBe(false);
      types.set(type[1]!, type[2]!);
      continue;
    }
    if (/^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* \S/.test(line)) continue;
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (-?[0-9.e+-]+|NaN|[+-]Inf)$/.exec(line);
    expect(sample, `a well-formed line: ${line}`).not.toBeNull();
    const labels: Record<string, string> = {};
    for (const pair of (sample![3] ?? '').match(/[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*"/g) ?? []) {
      const eq = pair.indexOf('=');
      labels[pair.slice(0, eq)] = pair.slice(eq + 2, -1);
    }
    expect(types.has(sample![1]!), `${sample![1]} has a TYPE line before its samples`).toBe(true);
    samples.push({ name: sample![1]!, labels, value: Number(sample![4]) });
  }
  return { samples, types };
}

const value = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

describe('operations metrics over HTTP', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(SERVER_MODULES, { config: { demo: false, opsToken: TOKEN } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const scrape = (authorization?: string) => fetch(server.url + OPS_METRICS_PATH, { headers: authorization ? { authorization } : {} });

  it('refuses a scrape without the token, or with another one', async () => {
    const none = await scrape();
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((await scrape(`Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await scrape(TOKEN)).status).toBe(401);
  });

  it('answers the text format with calls, queue, agents, SIP counts, event-loop lag and disk use', async () => {
    // A malformed datagram and an OPTIONS ping, so that the SIP counters have something to count.
    const udp = createSocket('udp4');
    const send = (text: string) => new Promise<void>((done, fail) => udp.send(text, server.sipUdpPort, '127.0.0.1', (error) => (error ? fail(error) : done())));
    await send('HELLO not sip\r\n\r\n');
    await send(
      [
        'OPTIONS sip:12329@127.0.0.1 SIP/2.0',
        'Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK-ops1',
        'From: <sip:mon@127.0.0.1>;tag=1',
        'To: <sip:12329@127.0.0.1>',
        'Call-ID: ops-metrics-1',
        'CSeq: 1 OPTIONS',
        'Max-Forwards: 70',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n'),
    );
    udp.close();
    await new Promise((resolve) => setTimeout(resolve, 200));

    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const { samples, types } = parsePrometheus(await response.text());

    expect(value(samples, 'agent_desk_up')).toBe(1);
    expect(value(samples, 'agent_desk_calls_in_progress', { direction: 'inbound' })).toBe(0);
    expect(value(samples, 'agent_desk_queue_length')).toBe(0);
    expect(value(samples, 'agent_desk_agents_registered')).toBe(0);
    expect(
      samples
        .filter((s) => s.name === 'agent_desk_agents')
        .map((s) => s.labels.state)
        .sort(),
    ).toEqual(['after_call_work', 'not_ready', 'ready', 'ringing', 'signed_out', 'talking']);
    expect(types.get('agent_desk_sip_messages_received_total')).toBe('counter');
    expect(value(samples, 'agent_desk_sip_messages_received_total', { kind: 'OPTIONS' })).toBe(1);
    expect(value(samples, 'agent_desk_sip_messages_sent_total', { kind: '2xx' })).toBeGreaterThanOrEqual(1);
    expect(value(samples, 'agent_desk_sip_errors_total', { kind: 'malformed' })).toBe(1);
    expect(value(samples, 'agent_desk_sip_errors_total', { kind: 'send_failed' })).toBe(0);
    const p99 = value(samples, 'agent_desk_event_loop_lag_seconds', { quantile: '0.99' })!;
    expect(p99).toBeGreaterThan(0);
    expect(p99).toBeLessThan(5);
    // The database is in the data folder, so the folder is not empty; the filesystem has room.
    expect(value(samples, 'agent_desk_data_dir_bytes')).toBeGreaterThan(4096);
    expect(value(samples, 'agent_desk_data_dir_free_bytes')).toBeGreaterThan(0);
  });

  it('keeps the token out of the logs', () => {
    expect(JSON.stringify(server.logs)).not.toContain(TOKEN);
  });
});

describe('operations metrics switched off', () => {
  it('has no route when no ops token is configured', async () => {
    const server = await startTestServer([opsModule], { config: { demo: false } });
    try {
      const response = await fetch(server.url + OPS_METRICS_PATH, { headers: { authorization: 'Bearer anything-at-all-123' } });
      expect(response.status).toBe(404);
    } finally {
      await server.stop();
    }
  });
});

describe('the text format', () => {
  it('escapes label values and refuses bad names', () => {
    const text = renderPrometheus([{ name: 'x_total', help: 'a\nb', type: 'counter', samples: [{ labels: { kind: 'a"b\\c\nd' }, value: 2 }] }]);
    expect(text).toBe('# HELP x_total a\\nb\n# TYPE x_total counter\nx_total{kind="a\\"b\\\\c\\nd"} 2\n');
    expect(() => renderPrometheus([{ name: 'bad-name', help: 'h', type: 'gauge', samples: [] }])).toThrow(/bad metric name/);
  });
});
