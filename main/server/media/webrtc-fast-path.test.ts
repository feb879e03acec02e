// The fast path between two real werift peers over loopback DTLS-SRTP: what it sends, werift
// decrypts; what werift sends, it delivers, and werift's own media stack no longer sees it.
import { afterEach, describe, expect, it } from 'vitest';
import { RTCPeerConnection, RTCRtpCodecParameters, RtpHeader, type RTCRtpTransceiver } from 'werift';
import { WebRtcFastPath } from './webrtc-fast-path.js';
import { parseRtp } from './rtp-packet.js';
import { waitFor } from './media-test-kit.js';

function peer(): RTCPeerConnection {
  return new RTCPeerConnection({
    iceServers: [],
    iceAdditionalHostAddresses: ['127.0.0.1'],
    iceUseIpv6: false,
    codecs: { audio: [new RTCRtpCodecParameters({ mimeType: 'audio/PCMU', clockRate: 8000, channels: 1, payloadType: 0 })] },
  });
}

async function gathered(pc: RTCPeerConnection): Promise<string> {
  if (pc.iceGatheringState !== 'complete') await new Promise<void>((resolve) => pc.iceGatheringStateChange.subscribe((s) => s === 'complete' && resolve()));
  return pc.localDescription!.sdp;
}

const open: RTCPeerConnection[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((pc) => pc.close()));
});

async function connectedPair(): Promise<{ ours: RTCRtpTransceiver; theirs: RTCRtpTransceiver; oursPc: RTCPeerConnection; theirsPc: RTCPeerConnection }> {
  const oursPc = peer();
  const theirsPc = peer();
  open.push(oursPc, theirsPc);
  const theirs = theirsPc.addTransceiver('audio', { direction: 'sendrecv' });
  await theirsPc.setLocalDescription(await theirsPc.createOffer());
  await oursPc.setRemoteDescription({ type: 'offer', sdp: await gathered(theirsPc) });
  const ours = oursPc.getTransceivers()[0]!;
  ours.setDirection('sendrecv');
  await oursPc.setLocalDescription(await oursPc.createAnswer());
  await theirsPc.setRemoteDescription({ type: 'answer', sdp: await gathered(oursPc) });
  await waitFor(() => oursPc.connectionState === 'connected' && theirsPc.connectionState === 'connected', 10_000, 'DTLS connected');
  return { ours, theirs, oursPc, theirsPc };
}

describe('WebRtcFastPath', () => {
  it('is not installed before DTLS is connected', () => {
    const pc = peer();
    open.push(pc);
    const transceiver = pc.addTransceiver('audio', { direction: 'sendrecv' });
    expect(WebRtcFastPath.install(transceiver.sender.dtlsTransport, () => {})).toBeUndefined();
  });

  it('carries RTP both ways with werift on the far end, and takes it away from werift on our side', async () => {
    const { ours, theirs, oursPc, theirsPc } = await connectedPair();
    const delivered: Buffer[] = [];
    const fast = WebRtcFastPath.install(ours.sender.dtlsTransport, (plain) => delivered.push(plain))!;
    expect(fast).toBeDefined();
    let weriftSawOnOurSide = 0;
    expect(oursPc.getTransceivers()[0]!.receiver.tracks.length).toBeGreaterThan(0); // the offer named their SSRC
    oursPc.getTransceivers()[0]!.receiver.tracks.forEach((t) => t.onReceiveRtp.subscribe(() => weriftSawOnOurSide++));
    const heard: { pt: number; seq: number; payload: Buffer }[] = [];
    theirsPc
      .getTransceivers()[0]!
      .receiver.tracks.forEach((t) =>
        t.onReceiveRtp.subscribe((rtp) => heard.push({ pt: rtp.header.payloadType, seq: rtp.header.sequenceNumber, payload: rtp.payload })),
      );
    // werift creates the remote track on the first packet: subscribe through onTrack as well.
    theirsPc.onTrack.subscribe((t) =>
      t.onReceiveRtp.subscribe((rtp) => heard.push({ pt: rtp.header.payloadType, seq: rtp.header.sequenceNumber, payload: rtp.payload })),
    );

    for (let i = 0; i < 10; i++) {
      fast.send({ payloadType: 0, marker: i === 0, sequenceNumber: 500 + i, timestamp: i * 160, ssrc: ours.sender.ssrc }, Buffer.alloc(160, i));
      const header = new RtpHeader({ payloadType: 0, sequenceNumber: 40 + i, timestamp: i * 160, ssrc: theirs.sender.ssrc });
      await theirs.sender.dtlsTransport.sendRtp(Buffer.alloc(160, 0x40 + i), header);
      await new Promise((r) => setTimeout(r, 20));
    }
    await waitFor(() => heard.length >= 10 && delivered.length >= 10, 3000, 'packets both ways');
    const unique = new Map(heard.map((h) => [h.seq, h]));
    expect([...unique.keys()].sort()).toEqual(Array.from({ length: 10 }, (_, i) => 500 + i));
    expect(unique.get(503)!.payload.equals(Buffer.alloc(160, 3))).toBe(true);
    const plain = delivered.map((d) => parseRtp(d)!);
    expect(plain.map((p) => p.sequenceNumber)).toEqual(Array.from({ length: 10 }, (_, i) => 40 + i));
    expect(plain[7]!.payload.equals(Buffer.alloc(160, 0x47))).toBe(true);
    expect(plain[0]!.ssrc).toBe(theirs.sender.ssrc);
    expect(weriftSawOnOurSide).toBe(0);
  });
});
