import { beforeEach, describe, expect, it } from 'vitest';
import type { SipPhoneDelegate } from '../softphone/sip-phone';
import { MemoryStorage } from '../test-kit/browser-globals';
import { createSoftphoneStore, type SoftphoneDeps, type SoftphonePhone } from './softphone-store';

// The store drives SIP.js through SipPhone; here the store is built over a scripted phone and
// silent ringers, so the test plays the SIP side (invite, answer, hang-up, refusal) and checks
// what the store makes of it.
function fakeSoftphone() {
  const phone = {
    delegate: undefined as SipPhoneDelegate | undefined,
    dialled: [] as Array<{ number: string; headers: string[] }>,
    hangups: 0,
  };
  const tones: Array<{ src: string; playing: boolean }> = [];
  const fake: SoftphonePhone = {
    start: async () => undefined,
    stop: async () => undefined,
    answer: async () => undefined,
    hangup: async () => void phone.hangups++,
    dial: async (number, headers = []) => void phone.dialled.push({ number, headers }),
    setMuted: () => undefined,
    setHeld: async () => undefined,
    sendDtmf: async () => undefined,
    setInputDevice: () => undefined,
    stats: async () => ({ packetsReceived: 0, packetsSent: 0, packetsLost: 0 }),
    remoteLevel: () => 0,
  };
  const deps: SoftphoneDeps = {
    phoneFactory: (_options, delegate) => {
      phone.delegate = delegate;
      return fake;
    },
    ringer: (src = './ringtone.wav') => {
      const tone = { src, playing: false };
      tones.push(tone);
      return { audioElement: {} as HTMLAudioElement, start: () => void (tone.playing = true), stop: () => void (tone.playing = false) };
    },
    remoteAudio: () => ({}) as HTMLAudioElement,
    listAudioDevices: async () => ({ inputs: [], outputs: [] }),
    routeAudio: async () => true,
    storage: new MemoryStorage(),
  };
  return { phone, tones, deps };
}

describe('softphone store', () => {
  let phone: ReturnType<typeof fakeSoftphone>['phone'];
  let tones: ReturnType<typeof fakeSoftphone>['tones'];
  let useSoftphoneStore: ReturnType<typeof createSoftphoneStore>;

  beforeEach(async () => {
    const fake = fakeSoftphone();
    ({ phone, tones } = fake);
    useSoftphoneStore = createSoftphoneStore(fake.deps);
    await useSoftphoneStore.getState().start({ serverUrl: 'http://127.0.0.1:8329', workNumber: '1001', sipSecret: 's', displayName: '张敏' });
  });

  const store = () => useSoftphoneStore.getState();

  it('dials a work order number as digits, with the order named for the server (回访)', async () => {
    await store().dial('0571-8888 1234', { workOrderId: 42 });
    expect(phone.dialled).toEqual([{ number: '057188881234', headers: ['X-12329-Work-Order-Id: 42'] }]);
    expect(store().callState).toBe('dialing');
    expect(store().call).toMatchObject({ direction: 'outbound', remoteNumber: '057188881234', workOrderId: 42 });
  });

  it("plays the ringback while the citizen's phone rings, and stops it on the answer", async () => {
    await store().dial('13900000000', { workOrderId: 7 });
    phone.delegate!.onRemoteRinging!();
    expect(store().call?.remoteRinging).toBe(true);
    expect(tones.filter((t) => t.src === './ringback.wav').map((t) => t.playing)).toEqual([true]);
    phone.delegate!.onCallEstablished!();
    expect(tones.find((t) => t.src === './ringback.wav')!.playing).toBe(false);
  });

  it("stops the desk's own ringback once the carrier's early audio plays", async () => {
    await store().dial('13900000000');
    phone.delegate!.onRemoteRinging!();
    phone.delegate!.onEarlyMedia!();
    expect(store().call).toMatchObject({ remoteRinging: true, earlyMedia: true });
    expect(tones.find((t) => t.src === './ringback.wav')!.playing).toBe(false);
  });

  it('keeps the refusal of a call that never connected, for the card to explain', async () => {
    await store().dial('13900000000', { workOrderId: 7 });
    phone.delegate!.onDialFailed!(486, 'Busy Here');
    phone.delegate!.onCallEnded!(true);
    expect(store().callState).toBe('ended');
    expect(store().call).toMatchObject({ failedStatus: 486 });
    expect(store().hungUpFirstCount).toBe(0);
  });

  it('counts hanging up first on a caller (§2.4-9), never on a call the agent placed', async () => {
    await store().dial('13900000000');
    phone.delegate!.onCallEstablished!();
    expect(store().callState).toBe('active');
    phone.delegate!.onCallEnded!(false);
    expect(store().hungUpFirstCount).toBe(0);

    store().clearEndedCall();
    phone.delegate!.onIncomingCall!({ remoteNumber: '13800138000', remoteName: undefined, callId: 'c1', ivrPath: ['人工'] });
    await store().answer();
    phone.delegate!.onCallEstablished!();
    phone.delegate!.onCallEnded!(false);
    expect(store().hungUpFirstCount).toBe(1);
    expect(store().call).toMatchObject({ direction: 'inbound', endedByRemote: false });
  });

  it('keeps a handed-over call from counting as hanging up first, and undoes the mark when the server refuses', async () => {
    phone.delegate!.onIncomingCall!({ remoteNumber: '13800138000', remoteName: undefined, callId: 'c2', ivrPath: [] });
    await store().answer();
    phone.delegate!.onCallEstablished!();
    await store().handOff('survey', async (callId) => {
      expect(callId).toBe('c2');
    });
    expect(store().handoff).toBe('survey');
    phone.delegate!.onCallEnded!(false);
    expect(store().hungUpFirstCount).toBe(0);

    store().clearEndedCall();
    phone.delegate!.onIncomingCall!({ remoteNumber: '13800138000', remoteName: undefined, callId: 'c3', ivrPath: [] });
    await store().answer();
    phone.delegate!.onCallEstablished!();
    await store().handOff('ivr', async () => {
      throw new Error('call_not_found');
    });
    expect(store()).toMatchObject({ handoff: undefined, lastError: 'call_not_found' });
  });

  it('remembers the live call across a reload of the tab, and reports it once as lost', async () => {
    const fake = fakeSoftphone();
    const before = createSoftphoneStore(fake.deps);
    await before.getState().start({ serverUrl: 'http://127.0.0.1:8329', workNumber: '1001', sipSecret: 's', displayName: '张敏' });
    fake.phone.delegate!.onIncomingCall!({ remoteNumber: '13800138000', remoteName: undefined, callId: 'c4', ivrPath: [] });
    await before.getState().answer();
    fake.phone.delegate!.onCallEstablished!();
    // The page reloads: a new store over the same tab storage.
    expect(createSoftphoneStore(fake.deps).getState().lostCall).toEqual({ remoteNumber: '13800138000', callId: 'c4' });
    expect(createSoftphoneStore(fake.deps).getState().lostCall).toBeUndefined();
  });
});
