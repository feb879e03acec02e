import { create } from 'zustand';
import { nextCallState, type CallEvent, type CallState } from '../softphone/call-state';
import { SipPhone, type IncomingCallInfo, type RegistrationState } from '../softphone/sip-phone';
import { listAudioDevices, routeAudio, type AudioDeviceLists } from '../softphone/audio-devices';
import { RINGBACK_TONE, Ringer } from '../softphone/ringer';
import { useSessionStore } from './session-store';
import { WORK_ORDER_HEADER } from '../../../shared/sip/desk-headers';
import { routes } from '../../../shared/api/routes';

export interface ActiveCall extends IncomingCallInfo {
  direction: 'inbound' | 'outbound';
  startedAt: number;
  answeredAt: number | undefined;
  endedAt: number | undefined;
  endedByRemote: boolean | undefined;
  /** A call the agent placed that never connected: the SIP status (486 busy, 480 no answer…). */
  failedStatus?: number | undefined;
  /** X-12329-Work-Order-Id of a follow-up call (回访). */
  workOrderId?: number | undefined;
  /** A call the agent placed: the far end's phone is ringing (180). */
  remoteRinging?: boolean | undefined;
  /** A call the agent placed: the carrier's own audio plays before the answer (183). */
  earlyMedia?: boolean | undefined;
}

export type SoftphoneHandoff = 'survey' | 'agent' | 'ivr' | undefined;

interface SoftphoneState {
  transportConnected: boolean;
  registration: RegistrationState;
  callState: CallState;
  call: ActiveCall | undefined;
  muted: boolean;
  held: boolean;
  devices: AudioDeviceLists;
  inputDeviceId: string | undefined;
  talkOutputId: string | undefined;
  ringOutputId: string | undefined;
  /** Calls this session where the agent hung up before the caller (§2.4-9). */
  hungUpFirstCount: number;
  /** Where the agent handed the current call (survey §2.4-11, a colleague, the IVR): their leg ended by design. */
  handoff: SoftphoneHandoff;
  /** A call that was in progress when this page last unloaded (reload, crash): shown as lost. */
  lostCall: { remoteNumber: string; callId: string | undefined } | undefined;
  dismissLostCall(): void;
  lastError: string | undefined;
  start(options: { serverUrl: string; workNumber: string; sipSecret: string; displayName: string }): Promise<void>;
  stop(): Promise<void>;
  answer(): Promise<void>;
  hangup(): Promise<void>;
  toggleMute(): void;
  toggleHold(): Promise<void>;
  sendDtmf(digit: string): Promise<void>;
  /** Places a call through the center's trunk; a work order id makes it that order's follow-up (回访). */
  dial(number: string, options?: { workOrderId?: number }): Promise<void>;
  refreshDevices(): Promise<void>;
  chooseDevice(kind: 'input' | 'talk' | 'ring', deviceId: string): Promise<void>;
  clearEndedCall(): void;
  /** §2.4-11: the caller goes to the survey IVR; the agent is released into after-call work. */
  handOffToSurvey(): Promise<void>;
  /** Hands the caller back to the self-service menu (to a colleague: transfer-store.ts). */
  transfer(target: 'ivr'): Promise<void>;
  /** RTP counters and the heard level of the current call. */
  callStats(): Promise<{ packetsReceived: number; packetsSent: number; packetsLost: number; level: number }>;
}

let phone: SipPhone | undefined;

// Survives a reload of the tab, so the desk can say which call the reload cut off.
const ACTIVE_CALL_KEY = 'agent-desk.active-call';
function readLostCall(): SoftphoneState['lostCall'] {
  try {
    const saved = sessionStorage.getItem(ACTIVE_CALL_KEY);
    sessionStorage.removeItem(ACTIVE_CALL_KEY);
    return saved ? (JSON.parse(saved) as SoftphoneState['lostCall']) : undefined;
  } catch {
    return undefined;
  }
}
let ringer: Ringer | undefined;
let ringback: Ringer | undefined;
let remoteAudio: HTMLAudioElement | undefined;

export const useSoftphoneStore = create<SoftphoneState>()((set, get) => {
  const move = (event: CallEvent) => set({ callState: nextCallState(get().callState, event) });
  const fail = (error: unknown) => set({ lastError: (error as Error).message });
  /** The server ends the agent's leg after a handoff; the flag keeps it from counting as hanging up first. */
  const handOff = async (kind: 'survey' | 'agent' | 'ivr', request: (callId: string) => Promise<unknown>) => {
    const callId = get().call?.callId;
    if (!callId || get().callState !== 'active') return;
    set({ handoff: kind, lastError: undefined });
    try {
      await request(callId);
    } catch (error) {
      set({ handoff: undefined });
      fail(error);
    }
  };

  return {
    transportConnected: false,
    registration: 'unregistered',
    callState: 'idle',
    call: undefined,
    muted: false,
    held: false,
    devices: { inputs: [], outputs: [] },
    inputDeviceId: undefined,
    talkOutputId: undefined,
    ringOutputId: undefined,
    hungUpFirstCount: 0,
    handoff: undefined,
    lostCall: readLostCall(),
    dismissLostCall: () => set({ lostCall: undefined }),
    lastError: undefined,

    async start(options) {
      if (phone) return;
      remoteAudio ??= Object.assign(document.createElement('audio'), { autoplay: true });
      ringer ??= new Ringer();
      ringback ??= new Ringer(RINGBACK_TONE);
      phone = new SipPhone(
        { ...options, sipPassword: options.sipSecret, remoteAudio },
        {
          onTransportChange: (transportConnected) => set({ transportConnected }),
          onRegistrationChange: (registration) => set({ registration }),
          onIncomingCall: (info) => {
            // One update, so that subscribers see the new state together with its call.
            set({
              callState: nextCallState(get().callState, 'invite-received'),
              call: { ...info, direction: 'inbound', startedAt: Date.now(), answeredAt: undefined, endedAt: undefined, endedByRemote: undefined },
              muted: false,
              held: false,
              handoff: undefined,
            });
            ringer?.start();
          },
          onCallEstablished: () => {
            ringer?.stop();
            ringback?.stop();
            const current = get().call;
            sessionStorage.setItem(ACTIVE_CALL_KEY, JSON.stringify({ remoteNumber: current?.remoteNumber ?? '', callId: current?.callId }));
            move('established');
            const call = get().call;
            if (call) set({ call: { ...call, answeredAt: Date.now() } });
          },
          onRemoteRinging: () => {
            const call = get().call;
            if (!call || call.remoteRinging) return;
            set({ call: { ...call, remoteRinging: true } });
            ringback?.start();
          },
          onCallIdentified: (callId) => {
            const call = get().call;
            if (call && call.callId !== callId) set({ call: { ...call, callId } });
          },
          onEarlyMedia: () => {
            ringback?.stop();
            const call = get().call;
            if (call) set({ call: { ...call, earlyMedia: true } });
          },
          onDialFailed: (status) => {
            const call = get().call;
            if (call) set({ call: { ...call, failedStatus: status } });
          },
          onCallEnded: (byRemote) => {
            ringer?.stop();
            ringback?.stop();
            sessionStorage.removeItem(ACTIVE_CALL_KEY);
            const { callState, call } = get();
            // §2.4-9 is about callers who rang the hotline; on a follow-up call the agent may end it.
            const wasTalking = (callState === 'active' || callState === 'held') && call?.direction === 'inbound';
            if (callState !== 'ended' && callState !== 'idle') move(byRemote ? 'remote-hangup' : 'hangup');
            set({
              call: call ? { ...call, endedAt: Date.now(), endedByRemote: byRemote } : undefined,
              hungUpFirstCount: get().hungUpFirstCount + (wasTalking && !byRemote && !get().handoff ? 1 : 0),
              muted: false,
              held: false,
            });
          },
        },
      );
      await phone.start();
    },

    async stop() {
      const current = phone;
      phone = undefined;
      ringer?.stop();
      await current?.stop();
      set({ transportConnected: false, registration: 'unregistered', callState: 'idle', call: undefined });
    },

    async answer() {
      if (!phone) return;
      move('answer');
      ringer?.stop();
      await phone.answer().catch(fail);
    },

    async hangup() {
      await phone?.hangup().catch(fail);
    },

    toggleMute() {
      const muted = !get().muted;
      phone?.setMuted(muted);
      set({ muted });
    },

    async toggleHold() {
      const held = !get().held;
      try {
        await phone?.setHeld(held);
        move(held ? 'hold' : 'resume');
        set({ held });
      } catch (error) {
        fail(error);
      }
    },

    async sendDtmf(digit) {
      await phone?.sendDtmf(digit).catch(fail);
    },

    async dial(number, options = {}) {
      if (!phone) return;
      // Work orders keep numbers as the caller said them ("0571-8888 1234"); SIP wants digits.
      const digits = number.replace(/[\s-]/g, '');
      const headers = options.workOrderId ? [`${WORK_ORDER_HEADER}: ${options.workOrderId}`] : [];
      move('dial');
      set({
        call: { remoteNumber: digits, remoteName: undefined, callId: undefined, ivrPath: [], direction: 'outbound', startedAt: Date.now(), answeredAt: undefined, endedAt: undefined, endedByRemote: undefined, workOrderId: options.workOrderId },
        muted: false,
        held: false,
        handoff: undefined,
        lastError: undefined,
      });
      await phone.dial(digits, headers).catch((error) => {
        fail(error);
        move('failed');
      });
    },

    async refreshDevices() {
      set({ devices: await listAudioDevices() });
    },

    async chooseDevice(kind, deviceId) {
      if (kind === 'input') {
        phone?.setInputDevice(deviceId);
        set({ inputDeviceId: deviceId });
      } else if (kind === 'talk') {
        if (remoteAudio) await routeAudio(remoteAudio, deviceId).catch(fail);
        // The ringback belongs where the call will be heard: the headset.
        if (ringback) await routeAudio(ringback.audioElement, deviceId).catch(fail);
        set({ talkOutputId: deviceId });
      } else {
        if (ringer) await routeAudio(ringer.audioElement, deviceId).catch(fail);
        set({ ringOutputId: deviceId });
      }
    },

    async handOffToSurvey() {
      await handOff('survey', (callId) => useSessionStore.getState().api.call(routes.calls.survey, { params: { callId } }));
    },

    async transfer(target) {
      await handOff(target, (callId) => useSessionStore.getState().api.call(routes.calls.transfer, { params: { callId }, body: { target } }));
    },

    async callStats() {
      const counts = (await phone?.stats()) ?? { packetsReceived: 0, packetsSent: 0, packetsLost: 0 };
      return { ...counts, level: phone?.remoteLevel() ?? 0 };
    },

    clearEndedCall() {
      if (get().callState === 'ended') set({ callState: 'idle', call: undefined });
    },
  };
});
