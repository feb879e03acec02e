import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SipPhoneDelegate } from '../softphone/sip-phone';
import { stubBrowserGlobals } from '../test-kit/browser-globals';

// The store drives SIP.js through SipPhone; here a scripted phone stands in for it, so the test
// plays the SIP side (invite, answer, hang-up, refusal) and checks what the store makes of it.
const phone = vi.hoisted(() => ({
  delegate: undefined as SipPhoneDelegate | undefined,
  dialled: [] as Array<{ number: string; headers: string[] }>,
  hangups: 0,
}));
vi.mock('../softphone/sip-phone', () => ({
  SipPhone: class {
    constructor(_options: unknown, delegate: SipPhoneDelegate) {
      phone.delegate = delegate;
    }
    async start() {}
    async stop() {}
    async dial(number: string, headers: string[]) {
      phone.dialled.push({ number, headers });
    }
    async hangup() {
      phone.hangups++;
    }
    async answer() {}
  },
}));
const tones = vi.hoisted(() => [] as Array<{ src: string; playing: boolean }>);
vi.mock('../softphone/ringer', () => ({
  RINGBACK_TONE: './ringback.wav',
  Ringer: class {
    audioElement = {};
    private readonly tone: { src: string; playing: boolean };
    constructor(src = './ringtone.wav') {
      this.tone = { src, playing: false };
      tones.push(this.tone);
    }
    start() {
      this.tone.playing = true;
    }
    stop() {
      this.tone.playing = false;
    }
  },
}));
vi.mock('../softphone/audio-devices', () => ({ listAudioDevices: async () => ({ inputs: [], outputs: [] }), routeAudio: async () => true }));

stubBrowserGlobals();
vi.stubGlobal('document', { createElement: () => ({}) });

const { useSoftphoneStore } = await import('./softphone-store');

describe('softphone store', () => {
  beforeEach(async () => {
    await useSoftphoneStore.getState().stop();
    useSoftphoneStore.setState({ hungUpFirstCount: 0, lastError: undefined });
    phone.dialled.length = 0;
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
});
