import { create } from 'zustand';
import { nextCallState, type CallEvent, type CallState } from '../softphone/call-state';
import { SipPhone, type IncomingCallInfo, type RegistrationState, type SipPhoneDelegate, type SipPhoneOptions } from '../softphone/sip-phone';
import { listAudioDevices, routeAudio, type AudioDeviceLists } from '../softphone/audio-devices';
import { RINGBACK_TONE, Ringer } from '../softphone/ringer';
import { WORK_ORDER_HEADER } from '../../../shared/sip/desk-headers';

export interface ActiveCall extends IncomingCallInfo {
  direction: 'inbound' | 'outbound';
  startedAt: number;
  answeredAt: number | undefined;
  endedAt: number | undefined;
  endedByRemote: boolean | undefined;
  /** A call the agent placed that never connected: the SIP status (486 busy, 480 no answer…). */
  failedStatus?: number | undefined;
  /** Its SIP reason phrase: a dial-plan refusal says why ("international number not in the dial plan"). */
  failedReason?: string | undefined;
  /** X-12329-Work-Order-Id of a follow-up call (回访). */
  workOrderId?: number | undefined;
  /** A call the agent placed: the far end's phone is ringing (180). */
  remoteRinging?: boolean | undefined;
  /** A call the agent placed: the carrier's own audio plays before the answer (183). */
  earlyMedia?: boolean | undefined;
}

export type SoftphoneHandoff = 'survey' | 'agent' | 'department' | 'ivr' | undefined;

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
  /**
   * Hands the current call over (survey, IVR: services/call-handoffs.ts) through `request`; the
   * server then ends this leg by design, so it does not count as hanging up first.
   */
  handOff(kind: 'survey' | 'agent' | 'ivr', request: (callId: string) => Promise<unknown>): Promise<void>;
  /** RTP counters and the heard level of the current call. */
  callStats(): Promise<{ packetsReceived: number; packetsSent: number; packetsLost: number; level: number }>;
}

export type SoftphonePhone = Pick<
  SipPhone,
  'start' | 'stop' | 'answer' | 'hangup' | 'dial' | 'setMuted' | 'setHeld' | 'sendDtmf' | 'setInputDevice' | 'stats' | 'remoteLevel'
>;
export type SoftphoneRinger = Pick<Ringer, 'start' | 'stop' | 'audioElement'>;

/** What the softphone store is built from: the browser's parts in the desk, fakes in a test. */
export interface SoftphoneDeps {
  /** The SIP phone (SIP.js) of one session. */
  phoneFactory(options: SipPhoneOptions, delegate: SipPhoneDelegate): SoftphonePhone;
  /** A looped tone: the ringtone when no source is given, or RINGBACK_TONE. */
  ringer(src?: string): SoftphoneRinger;
  /** The element the far end is heard through. */
  remoteAudio(): HTMLAudioElement;
  listAudioDevices(): Promise<AudioDeviceLists>;
  routeAudio(element: HTMLMediaElement, deviceId: string | undefined): Promise<boolean>;
  /** This tab's session storage: the live call survives a reload there. */
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

export function browserSoftphoneDeps(): SoftphoneDeps {
  return {
    phoneFactory: (options, delegate) => new SipPhone(options, delegate),
    ringer: (src) => new Ringer(src),
    remoteAudio: () => Object.assign(document.createElement('audio'), { autoplay: true }),
    listAudioDevices,
    routeAudio,
    // Looked up on use, so that building the store touches no browser global.
    storage: {
      getItem: (key) => sessionStorage.getItem(key),
      setItem: (key, value) => sessionStorage.setItem(key, value),
      removeItem: (key) => sessionStorage.removeItem(key),
    },
  };
}

// Survives a reload of the tab, so the desk can say which call the reload cut off.
const ACTIVE_CALL_KEY = 'agent-desk.active-call';
function readLostCall(storage: SoftphoneDeps['storage']): SoftphoneState['lostCall'] {
  try {
    const saved = storage.getItem(ACTIVE_CALL_KEY);
    storage.removeItem(ACTIVE_CALL_KEY);
    return saved ? (JSON.parse(saved) as SoftphoneState['lostCall']) : undefined;
  } catch {
    return undefined;
  }
}

/** A softphone store over its own phone, ringers and audio element (none of them module globals). */
export const createSoftphoneStore = (deps: SoftphoneDeps) =>
  create<SoftphoneState>()((set, get) => {
    let phone: SoftphonePhone | undefined;
    let ringer: SoftphoneRinger | undefined;
    let ringback: SoftphoneRinger | undefined;
    let remoteAudio: HTMLAudioElement | undefined;
    const { storage } = deps;
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
      lostCall: readLostCall(storage),
      dismissLostCall: () => set({ lostCall: undefined }),
      lastError: undefined,

      async start(options) {
        if (phone) return;
        remoteAudio ??= deps.remoteAudio();
        ringer ??= deps.ringer();
        ringback ??= deps.ringer(RINGBACK_TONE);
        phone = deps.phoneFactory(
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
              // A team lead's monitor leg, which they asked for this moment: answered at once, no ringing.
              if (info.monitor) void get().answer();
              else ringer?.start();
            },
            onCallEstablished: () => {
              ringer?.stop();
              ringback?.stop();
              const current = get().call;
              storage.setItem(ACTIVE_CALL_KEY, JSON.stringify({ remoteNumber: current?.remoteNumber ?? '', callId: current?.callId }));
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
            onDialFailed: (status, reason) => {
              const call = get().call;
              if (call) set({ call: { ...call, failedStatus: status, failedReason: reason } });
            },
            onCallEnded: (byRemote) => {
              ringer?.stop();
              ringback?.stop();
              storage.removeItem(ACTIVE_CALL_KEY);
              const { callState, call } = get();
              // §2.4-9 is about callers who rang the hotline; on a follow-up call the agent may end it.
              const wasTalking = (callState === 'active' || callState === 'held') && call?.direction === 'inbound' && !call.monitor;
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
          call: {
            remoteNumber: digits,
            remoteName: undefined,
            callId: undefined,
            ivrPath: [],
            direction: 'outbound',
            startedAt: Date.now(),
            answeredAt: undefined,
            endedAt: undefined,
            endedByRemote: undefined,
            workOrderId: options.workOrderId,
          },
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
        set({ devices: await deps.listAudioDevices() });
      },

      async chooseDevice(kind, deviceId) {
        if (kind === 'input') {
          phone?.setInputDevice(deviceId);
          set({ inputDeviceId: deviceId });
        } else if (kind === 'talk') {
          if (remoteAudio) await deps.routeAudio(remoteAudio, deviceId).catch(fail);
          // The ringback belongs where the call will be heard: the headset.
          if (ringback) await deps.routeAudio(ringback.audioElement, deviceId).catch(fail);
          set({ talkOutputId: deviceId });
        } else {
          if (ringer) await deps.routeAudio(ringer.audioElement, deviceId).catch(fail);
          set({ ringOutputId: deviceId });
        }
      },

      handOff,

      async callStats() {
        const counts = (await phone?.stats()) ?? { packetsReceived: 0, packetsSent: 0, packetsLost: 0 };
        return { ...counts, level: phone?.remoteLevel() ?? 0 };
      },

      clearEndedCall() {
        if (get().callState === 'ended') set({ callState: 'idle', call: undefined });
      },
    };
  });

/** The desk's softphone. */
export const useSoftphoneStore = createSoftphoneStore(browserSoftphoneDeps());
