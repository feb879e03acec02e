import { createSeededRandom } from '../../../shared/random/seeded-random.js';
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { ManualClock } from '../clock.js';
import type { SipFlow } from './flow.js';
import { parseSipMessage } from './parser.js';
import { Registrar } from './registrar.js';
import { UserAgentCore } from './user-agent-core.js';
import { FUZZ_SEEDS, mutate } from './sip-mutations-test-kit.js';

describe('fuzzing the parser and the user agent core', () => {
  it('5000 mutated, truncated and random messages never throw and leave a clear verdict', { timeout: 60_000 }, () => {
    const random = createSeededRandom(12329);
    const sent: string[] = [];
    const flow: SipFlow = {
      id: 'fuzz',
      transport: 'udp',
      reliable: false,
      remote: { address: '127.0.0.1', port: 5061 },
      local: { host: '127.0.0.1', port: 5060, viaTransport: 'UDP' },
      isOpen: () => true,
      send: (t) => sent.push(t),
    };
    const logger = pino({ level: 'silent' });
    const registrar = new Registrar({ credentials: () => undefined, clock: new ManualClock(0), logger });
    const core = new UserAgentCore({
      logger,
      registrar,
      timers: { T1: 500, T2: 4000, T4: 5000 },
      limits: { maxMessageBytes: 16384, maxHeaders: 128 },
      serviceNumbers: ['12329'],
    });
    core.delegate = { onIncomingCall: (call) => (random() < 0.5 ? call.answer('v=0\r\n') : call.reject(486)) };
    let rejected = 0;
    for (let i = 0; i < 5000; i++) {
      const input = mutate(Buffer.from(FUZZ_SEEDS[i % FUZZ_SEEDS.length]!), random);
      const result = parseSipMessage(input);
      if (!result.ok) {
        rejected++;
        expect(result.reason).toMatch(/\w/);
        expect([400, 513]).toContain(result.status);
      }
      const before = sent.length;
      expect(() => core.receive(input, flow)).not.toThrow();
      // A reply to a well-formed request is itself well formed; any reply has a status line.
      for (const text of sent.slice(before)) {
        expect(text).toMatch(/^(SIP\/2\.0 [1-6]\d\d |[A-Z]+ sip:)/);
        if (result.ok) expect(parseSipMessage(text).ok).toBe(true);
      }
    }
    expect(rejected).toBeGreaterThan(1000);
    core.close();
    registrar.close();
  });
});
