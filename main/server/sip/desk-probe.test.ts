// A desk phone over UDP that goes away says nothing: the server's OPTIONS probe is what notices.
// Real UDP both ways: a phone registers with digest, answers the probe while it is there, takes
// a call from the server, then its sockets close mid-call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { SERVICES } from '../services.js';
import { waitFor } from '../media/media-test-kit.js';
import { DeskPhone } from '../voice/desk-phone-test-kit.js';
import type { TerminationReason } from './call-states.js';
import { digestHa1 } from './digest.js';
import type { RegistrationEvent } from './registrar.js';
import { sipModule } from './sip-module.js';
import type { SipStack } from './sip-stack.js';
import { GOOD_SDP } from './sip-hardening-test-kit.js';

const CREDENTIALS: Record<string, { userId: number; ha1: string; displayName: string }> = {
  '1001': { userId: 1, ha1: digestHa1('1001', 'demo1001'), displayName: '张敏' },
  '1002': { userId: 2, ha1: digestHa1('1002', 'demo1002'), displayName: '李强' },
};

describe('the desk probe: a UDP desk phone that stops answering is lost', () => {
  let server: TestServer;
  let sip: SipStack;
  const events: RegistrationEvent[] = [];

  beforeAll(async () => {
    server = await startTestServer([sipModule({ credentials: (wn) => CREDENTIALS[wn] })], { config: { deskProbeSeconds: 1 } });
    sip = server.ctx.services.require(SERVICES.sip, 'test');
    sip.onRegistration((e) => events.push(e));
  });
  afterAll(() => server.stop());

  it('keeps a phone that answers; ends its bindings and the call on it once it answers no more', async () => {
    const phone = await DeskPhone.register(server, '1001');
    const other = await DeskPhone.register(server, '1002');
    // Three rounds of probes answered: still registered.
    await new Promise((r) => setTimeout(r, 3200));
    expect(sip.isRegistered('1001')).toBe(true);
    expect(events.filter((e) => e.type === 'unregistered')).toEqual([]);

    const call = sip.inviteAgent('1001', GOOD_SDP, { callerNumber: '13800138000' });
    let ended: TerminationReason | undefined;
    call.delegate = { onTerminated: (reason) => (ended = reason) };
    await phone.answer(await phone.ringing(), 0);
    expect((await call.result).answered).toBe(true);

    phone.unplug();
    const lostAt = Date.now();
    await waitFor(() => ended !== undefined, 5000, 'the call on the lost phone to end');
    expect(ended).toBe('flow-closed');
    expect(Date.now() - lostAt, 'found within two probe rounds').toBeLessThan(2600);
    expect(sip.isRegistered('1001')).toBe(false);
    expect(events.find((e) => e.type === 'unregistered' && e.workNumber === '1001')).toMatchObject({ reason: 'unreachable', transport: 'udp' });
    // The other phone, which still answers, is untouched.
    expect(sip.isRegistered('1002')).toBe(true);
    other.close();
  }, 20_000);
});
