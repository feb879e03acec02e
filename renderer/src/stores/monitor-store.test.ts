import { beforeEach, describe, expect, it, vi } from 'vitest';
import { stubBrowserGlobals } from '../test-kit/browser-globals';
import type { CallMonitorEvent } from '../../../shared/api/events/calls';

stubBrowserGlobals();

const { useMonitorStore, applyMonitorEvent } = await import('./monitor-store');

/** The requests the store sent, and the answers the server gives (status, body), in order. */
const sent: Array<{ method: string; url: string; body: unknown }> = [];
let answers: Array<[number, unknown]> = [];
vi.stubGlobal('fetch', async (url: string, init: { method: string; body?: string }) => {
  sent.push({ method: init.method, url, body: init.body === undefined ? undefined : JSON.parse(init.body) });
  const [status, body] = answers.shift() ?? [500, { code: 'internal', message: 'no answer scripted' }];
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
});

const LEAD = 7;
const AGENT = 3;
const event = (stage: CallMonitorEvent['stage'], extra: Partial<CallMonitorEvent> = {}): CallMonitorEvent => ({
  type: 'call.monitor',
  callId: 'c1',
  agentId: AGENT,
  lead: { userId: LEAD, workNumber: '2001' },
  mode: 'listen',
  stage,
  agentNotified: true,
  ...extra,
});

describe('monitor store', () => {
  beforeEach(() => {
    sent.length = 0;
    answers = [];
    useMonitorStore.getState().reset();
  });

  it('start → ringing → started by the event → switch without redialling → stop', async () => {
    answers.push([200, { callId: 'c1', mode: 'listen', stage: 'ringing' }]);
    await useMonitorStore.getState().start('c1', 'listen');
    expect(sent.at(-1)).toMatchObject({ method: 'POST', url: 'http://127.0.0.1:8329/api/v1/calls/c1/monitor', body: { mode: 'listen' } });
    expect(useMonitorStore.getState()).toMatchObject({ callId: 'c1', mode: 'listen', stage: 'ringing' });

    applyMonitorEvent(event('started'), LEAD);
    expect(useMonitorStore.getState().stage).toBe('active');

    answers.push([200, { callId: 'c1', mode: 'whisper', stage: 'active' }]);
    await useMonitorStore.getState().switchTo('whisper');
    expect(sent.at(-1)).toMatchObject({ method: 'PATCH', body: { mode: 'whisper' } });
    expect(useMonitorStore.getState().mode).toBe('whisper');

    answers.push([200, { stopped: true }]);
    await useMonitorStore.getState().stop();
    expect(sent.at(-1)).toMatchObject({ method: 'DELETE', url: 'http://127.0.0.1:8329/api/v1/calls/c1/monitor' });
    expect(useMonitorStore.getState()).toMatchObject({ callId: undefined, stage: 'idle', ended: 'stopped' });
  });

  it('a refusal keeps nothing started and carries the server code; a failed switch keeps the mode', async () => {
    answers.push([409, { code: 'monitor_lead_busy', message: 'busy' }]);
    await useMonitorStore.getState().start('c1', 'barge');
    expect(useMonitorStore.getState()).toMatchObject({ callId: undefined, stage: 'idle' });
    expect(useMonitorStore.getState().error).toMatchObject({ status: 409, code: 'monitor_lead_busy' });

    answers.push([200, { callId: 'c1', mode: 'listen', stage: 'active' }]);
    await useMonitorStore.getState().start('c1', 'listen');
    answers.push([404, { code: 'call_not_found', message: 'gone' }]);
    await useMonitorStore.getState().switchTo('barge');
    expect(useMonitorStore.getState()).toMatchObject({ mode: 'listen', stage: 'active' });
    expect(useMonitorStore.getState().error).toMatchObject({ code: 'call_not_found' });
  });

  it('the call ending (or a transfer) ends the monitoring on the lead’s desk with the reason', async () => {
    answers.push([200, { callId: 'c1', mode: 'listen', stage: 'ringing' }]);
    await useMonitorStore.getState().start('c1', 'listen');
    applyMonitorEvent(event('started'), LEAD);
    applyMonitorEvent(event('ended', { callId: 'other', reason: 'call_ended' }), LEAD); // another call: nothing
    expect(useMonitorStore.getState().stage).toBe('active');
    applyMonitorEvent(event('ended', { reason: 'transferred' }), LEAD);
    expect(useMonitorStore.getState()).toMatchObject({ callId: undefined, stage: 'idle', ended: 'transferred' });
  });

  it('a monitoring started elsewhere (another tab, before a reload) is taken up from the events', () => {
    applyMonitorEvent(event('switched', { mode: 'barge' }), LEAD);
    expect(useMonitorStore.getState()).toMatchObject({ callId: 'c1', stage: 'active', mode: 'barge' });
    applyMonitorEvent(event('started', { callId: 'c9' }), 99); // another lead's: not mine
    expect(useMonitorStore.getState().callId).toBe('c1');
  });

  it('on the agent’s desk: monitored from started to ended, not while the lead’s phone rings, never for another agent', () => {
    applyMonitorEvent(event('ringing'), AGENT);
    expect(useMonitorStore.getState().monitoredBy).toBeUndefined();
    applyMonitorEvent(event('started'), AGENT);
    expect(useMonitorStore.getState().monitoredBy).toEqual({ callId: 'c1', leadWorkNumber: '2001' });
    applyMonitorEvent(event('started', { agentId: 99, callId: 'c2' }), AGENT);
    expect(useMonitorStore.getState().monitoredBy?.callId).toBe('c1');
    applyMonitorEvent(event('ended', { reason: 'stopped' }), AGENT);
    expect(useMonitorStore.getState().monitoredBy).toBeUndefined();
  });
});
