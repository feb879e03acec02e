// A conference as the desk will make it: the agent is a browser (WebRTC, SRTP), the caller and
// the colleague plain RTP (one in PCMA). Each side speaks its own tone; each hears the other two.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RtpPacket } from 'werift';
import { RTCPeerConnection, RTCRtpCodecParameters, RtpHeader, MediaStreamTrack } from 'werift';
import { createMediaEngine } from './create-media-engine.js';
import type { MediaEngine, MediaLeg } from './media-engine.js';
import { decode, encode } from './g711.js';
import { offerSdp, RtpFarEnd, sine, toneLevels, waitFor } from './media-test-kit.js';

const TONES = [400, 800, 1200];
const AMPLITUDE = 8000;
let engine: MediaEngine;

beforeAll(async () => {
  engine = await createMediaEngine({ host: '127.0.0.1' });
});
afterAll(() => engine.close());

async function rtpPeer(codec: 'PCMU' | 'PCMA'): Promise<{ far: RtpFarEnd; leg: MediaLeg }> {
  const far = await RtpFarEnd.open();
  const pt = codec === 'PCMU' ? 0 : 8;
  const leg = await engine.answer({ callId: 'conf', remoteSdp: offerSdp({ port: far.port, payloads: [{ pt, name: codec }] }) });
  far.sendTo(leg.localSdp);
  return { far, leg };
}

describe('audio mixer with a WebRTC member', () => {
  it('mixes a browser agent with two RTP parties both ways', async () => {
    const browser = new RTCPeerConnection({
      iceServers: [],
      iceAdditionalHostAddresses: ['127.0.0.1'],
      iceUseIpv6: false,
      codecs: { audio: [new RTCRtpCodecParameters({ mimeType: 'audio/PCMU', clockRate: 8000, channels: 1, payloadType: 0 })] },
    });
    const transceiver = browser.addTransceiver(new MediaStreamTrack({ kind: 'audio' }), { direction: 'sendrecv' });
    const heard: RtpPacket[] = [];
    browser.onTrack.subscribe((t) => t.onReceiveRtp.subscribe((rtp) => heard.push(rtp)));
    await browser.setLocalDescription(await browser.createOffer());
    if (browser.iceGatheringState !== 'complete') await new Promise<void>((r) => browser.iceGatheringStateChange.subscribe((s) => s === 'complete' && r()));
    const agent = await engine.answer({ callId: 'conf', remoteSdp: browser.localDescription!.sdp });
    await browser.setRemoteDescription({ type: 'answer', sdp: agent.localSdp });
    await waitFor(() => transceiver.sender.dtlsTransport?.state === 'connected', 10_000, 'DTLS connected');

    const caller = await rtpPeer('PCMU');
    const colleague = await rtpPeer('PCMA');
    const mixer = engine.mixer();
    for (const leg of [caller.leg, agent, colleague.leg]) mixer.add(leg);

    const browserSpeaks = async (): Promise<void> => {
      const pcm = sine(800, 800, AMPLITUDE);
      const start = performance.now();
      for (let i = 0, seq = 1; i + 160 <= pcm.length; i += 160, seq++) {
        const header = new RtpHeader({ payloadType: 0, sequenceNumber: seq, timestamp: i, ssrc: transceiver.sender.ssrc, marker: i === 0 });
        await transceiver.sender.dtlsTransport.sendRtp(encode('PCMU', pcm.subarray(i, i + 160)), header);
        await new Promise((r) => setTimeout(r, Math.max(0, start + (i + 160) / 8 - performance.now())));
      }
    };
    await Promise.all([browserSpeaks(), caller.far.sendTone('PCMU', 0, 800, 400, AMPLITUDE), colleague.far.sendTone('PCMA', 8, 800, 1200, AMPLITUDE)]);
    await new Promise((r) => setTimeout(r, 150));

    const atBrowser = toneLevels(Int16Array.from(heard.flatMap((p) => [...decode('PCMU', p.payload)])), TONES);
    const atCaller = toneLevels(caller.far.decoded('PCMU', 0), TONES);
    const atColleague = toneLevels(colleague.far.decoded('PCMA', 8), TONES);
    const hears = (levels: Record<number, number>, tones: number[]): void => {
      for (const tone of TONES) {
        if (tones.includes(tone)) expect(levels[tone], JSON.stringify(levels)).toBeGreaterThan(AMPLITUDE / 2);
        else expect(levels[tone], JSON.stringify(levels)).toBeLessThan(AMPLITUDE / 50);
      }
    };
    hears(atBrowser, [400, 1200]);
    hears(atCaller, [800, 1200]);
    hears(atColleague, [400, 800]);

    mixer.close();
    await Promise.all([caller.leg.close(), agent.close(), colleague.leg.close()]);
    caller.far.close();
    colleague.far.close();
    await browser.close();
  });
});
