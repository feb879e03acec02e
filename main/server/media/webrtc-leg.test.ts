import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RtpPacket } from 'werift';
import { RTCPeerConnection, RTCRtpCodecParameters, RtpHeader, MediaStreamTrack } from 'werift';
import { createMediaEngine } from './create-media-engine.js';
import type { MediaEngine } from './media-engine.js';
import { decode } from './g711.js';
import { buildTelephoneEvent } from './rfc4733.js';
import { rms, tempDir, waitFor, writeToneWav } from './media-test-kit.js';

// The far end is a second werift peer, standing in for SIP.js in a browser (Chromium offers
// opus first; our answer must pick PCMU and keep telephone-event's number).
function browserPeer(): RTCPeerConnection {
  return new RTCPeerConnection({
    iceServers: [],
    iceAdditionalHostAddresses: ['127.0.0.1'],
    iceUseIpv6: false,
    codecs: {
      audio: [
        new RTCRtpCodecParameters({ mimeType: 'audio/opus', clockRate: 48000, channels: 2, payloadType: 111 }),
        new RTCRtpCodecParameters({ mimeType: 'audio/PCMU', clockRate: 8000, channels: 1, payloadType: 0 }),
        new RTCRtpCodecParameters({ mimeType: 'audio/telephone-event', clockRate: 8000, channels: 1, payloadType: 126 }),
      ],
    },
  });
}

async function gathered(pc: RTCPeerConnection): Promise<string> {
  if (pc.iceGatheringState !== 'complete') await new Promise<void>((resolve) => pc.iceGatheringStateChange.subscribe((s) => s === 'complete' && resolve()));
  return pc.localDescription!.sdp;
}

let engine: MediaEngine;
const dir = tempDir();
let tone: string;

beforeAll(async () => {
  engine = await createMediaEngine({ host: '127.0.0.1' });
  tone = writeToneWav(dir, 'tone.wav', { ms: 600 });
});
afterAll(() => engine.close());

describe('WebRTC leg', () => {
  it('answers a browser offer, plays a prompt the browser hears, and detects its RFC 4733 digits', async () => {
    const browser = browserPeer();
    const track = new MediaStreamTrack({ kind: 'audio' });
    const transceiver = browser.addTransceiver(track, { direction: 'sendrecv' });
    const heard: RtpPacket[] = [];
    browser.onTrack.subscribe((t) => t.onReceiveRtp.subscribe((rtp) => heard.push(rtp)));
    await browser.setLocalDescription(await browser.createOffer());
    const offer = await gathered(browser);

    const leg = await engine.answer({ callId: 'w1', remoteSdp: offer });
    expect(leg.kind).toBe('webrtc');
    expect(leg.codec).toBe('PCMU');
    expect(leg.localSdp).toMatch(/a=candidate:.* 127\.0\.0\.1 /);
    expect(leg.localSdp).toMatch(/a=rtpmap:126 telephone-event\/8000/);
    expect(leg.localSdp).toContain('a=fingerprint:');
    await browser.setRemoteDescription({ type: 'answer', sdp: leg.localSdp });
    await waitFor(() => browser.connectionState === 'connected', 10_000, 'DTLS connected');
    await waitFor(() => transceiver.sender.dtlsTransport?.state === 'connected', 5000, 'our side connected');

    const digits: string[] = [];
    leg.onDtmf((d, source) => digits.push(`${d}:${source}`));
    const playing = leg.play([tone]);

    // Digit 4 from the browser: start, updates and three end packets with one timestamp.
    const dtls = transceiver.sender.dtlsTransport;
    let seq = 100;
    for (let i = 1; i <= 7; i++) {
      const end = i > 4;
      const header = new RtpHeader({ payloadType: 126, sequenceNumber: seq++, timestamp: 9000, ssrc: transceiver.sender.ssrc, marker: i === 1 });
      await dtls.sendRtp(buildTelephoneEvent({ event: 4, end, volume: 10, duration: Math.min(i, 4) * 160 }), header);
      await new Promise((r) => setTimeout(r, 20));
    }

    expect(await playing).toBe('completed');
    await waitFor(() => heard.length >= 25, 3000, 'prompt packets at the browser');
    const audio = heard.filter((p) => p.header.payloadType === 0);
    expect(audio.length).toBeGreaterThanOrEqual(28);
    const pcm = Int16Array.from(audio.flatMap((p) => [...decode('PCMU', p.payload)]));
    expect(rms(pcm)).toBeGreaterThan(5000);
    expect(digits).toEqual(['4:rfc4733']);

    // And digits towards the browser (agent keys through to the caller) use its number, 126.
    await leg.sendDtmf('7');
    await waitFor(() => heard.filter((p) => p.header.payloadType === 126).length >= 8, 3000, 'DTMF at the browser');
    expect(heard.filter((p) => p.header.payloadType === 126)[0]!.payload[0]).toBe(7);

    // Hold from the browser (re-INVITE with a=sendonly): we answer recvonly and stop sending.
    transceiver.setDirection('sendonly');
    await browser.setLocalDescription(await browser.createOffer());
    const holdAnswer = await leg.updateRemote(await gathered(browser));
    expect(holdAnswer).toContain('a=recvonly');
    await browser.setRemoteDescription({ type: 'answer', sdp: holdAnswer });
    const beforeHold = leg.stats().packetsSent;
    expect(await leg.play([tone])).toBe('completed');
    expect(leg.stats().packetsSent).toBe(beforeHold);

    await leg.close();
    await browser.close();
  });

  it('offers to a browser and completes with its answer', async () => {
    const leg = await engine.offer({ callId: 'w2', kind: 'webrtc' });
    expect(leg.localSdp).toMatch(/m=audio \d+ UDP\/TLS\/RTP\/SAVPF 0 8 101/);
    expect(leg.localSdp).toMatch(/a=candidate:/);
    const browser = browserPeer();
    const heard: RtpPacket[] = [];
    browser.onTrack.subscribe((t) => t.onReceiveRtp.subscribe((rtp) => heard.push(rtp)));
    await browser.setRemoteDescription({ type: 'offer', sdp: leg.localSdp });
    const tr = browser.getTransceivers()[0]!;
    tr.setDirection('sendrecv');
    await browser.setLocalDescription(await browser.createAnswer());
    await leg.setRemoteAnswer(await gathered(browser));
    await waitFor(() => browser.connectionState === 'connected', 10_000, 'connected');
    await new Promise((r) => setTimeout(r, 200));
    await leg.play([tone]);
    await waitFor(() => heard.length >= 25, 3000, 'prompt at the browser');
    expect(rms(Int16Array.from(heard.flatMap((p) => [...decode('PCMU', p.payload)])))).toBeGreaterThan(5000);
    await leg.close();
    await browser.close();
  });
});
