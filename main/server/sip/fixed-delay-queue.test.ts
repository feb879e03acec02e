import { afterEach, describe, expect, it, vi } from 'vitest';
import { FixedDelayQueue } from './transaction-timers.js';
import { TransactionLayer } from './transaction-layer.js';
import { parseSipMessage } from './parser.js';
import type { SipFlow } from './flow.js';
import type { IncomingRequest } from './message.js';
import { buildResponse } from './serializer.js';

afterEach(() => vi.useRealTimers());

describe('Timer J under one queue (issue 17)', () => {
  it('fires each item after the fixed delay, in order, and nothing after clear()', () => {
    vi.useFakeTimers();
    const queue = new FixedDelayQueue(1000);
    const fired: number[] = [];
    queue.add(() => fired.push(1));
    vi.advanceTimersByTime(400);
    queue.add(() => fired.push(2));
    vi.advanceTimersByTime(599);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual([1]);
    vi.advanceTimersByTime(400);
    expect(fired).toEqual([1, 2]);
    queue.add(() => fired.push(3));
    queue.clear();
    vi.advanceTimersByTime(5000);
    expect(fired).toEqual([1, 2]);
    expect(queue.size).toBe(0);
  });

  it('keeps a completed non-INVITE server transaction over UDP for 64·T1 (absorbing retransmissions), then forgets it', () => {
    vi.useFakeTimers();
    const layer = new TransactionLayer({ T1: 500, T2: 4000, T4: 5000 });
    const sent: string[] = [];
    const flow: SipFlow = {
      id: 'udp:127.0.0.1:5070',
      transport: 'udp',
      reliable: false,
      remote: { address: '127.0.0.1', port: 5070 },
      local: { host: '127.0.0.1', port: 5060, viaTransport: 'UDP' },
      isOpen: () => true,
      send: (text) => sent.push(text),
    };
    const parsed = parseSipMessage(
      'OPTIONS sip:12329@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-j1\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:12329@127.0.0.1>\r\nCall-ID: j1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n',
    );
    if (!parsed.ok) throw new Error(parsed.reason);
    const request = parsed.message as IncomingRequest;
    layer.createServer(request, flow).respond(buildResponse(request, 200));
    vi.advanceTimersByTime(64 * 500 - 1);
    layer.findServer(request)!.receiveRetransmission();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toBe(sent[0]);
    vi.advanceTimersByTime(1);
    expect(layer.findServer(request)).toBeUndefined();
    expect(layer.size.servers).toBe(0);
  });
});
