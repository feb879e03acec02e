import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMediaEngine } from './create-media-engine.js';
import { MediaError, type MediaEngine, type MediaLeg } from './media-engine.js';
import { collectDigits, playAndCollect } from './collect-digits-test-kit.js';
import { offerSdp, rms, RtpFarEnd, tempDir, waitFor, writeToneWav } from './media-test-kit.js';
import { parseTelephoneEvent } from './rfc4733.js';

let engine: MediaEngine;
const dir = tempDir();
let tone500: string;
let tone200: string;
const farEnds: RtpFarEnd[] = [];

async function call(payloads?: { pt: number; name: string }[]): Promise<{ leg: MediaLeg; far: RtpFarEnd }> {
  const far = await RtpFarEnd.open();
  farEnds.push(far);
  const leg = await engine.answer({ callId: 'c1', remoteSdp: offerSdp({ port: far.port, payloads }) });
  far.sendTo(leg.localSdp);
  return { leg, far };
}

beforeAll(async () => {
  engine = await createMediaEngine({ host: '127.0.0.1' });
  tone500 = writeToneWav(dir, 'tone500.wav', { ms: 500 });
  tone200 = writeToneWav(dir, 'tone200.wav', { ms: 200, frequency: 600 });
});
afterEach(() => {
  for (const far of farEnds.splice(0)) far.close();
});
afterAll(() => engine.close());

describe('RTP leg: SDP', () => {
  it('answers PCMU with telephone-event, ptime 20 and sendrecv on the bound address', async () => {
    const { leg } = await call();
    expect(leg.kind).toBe('rtp');
    expect(leg.codec).toBe('PCMU');
    expect(leg.localSdp).toMatch(/^c=IN IP4 127\.0\.0\.1\r$/m);
    expect(leg.localSdp).toMatch(/^m=audio [1-9]\d* RTP\/AVP 0 101\r$/m);
    expect(leg.localSdp).toContain('a=rtpmap:0 PCMU/8000');
    expect(leg.localSdp).toContain('a=rtpmap:101 telephone-event/8000');
    expect(leg.localSdp).toContain('a=fmtp:101 0-16');
    expect(leg.localSdp).toContain('a=ptime:20');
    expect(leg.localSdp).toContain('a=sendrecv');
    await leg.close();
  });

  it("follows the offerer's order: PCMA first, dynamic telephone-event 96", async () => {
    const { leg } = await call([
      { pt: 8, name: 'PCMA' },
      { pt: 0, name: 'PCMU' },
      { pt: 96, name: 'telephone-event' },
    ]);
    expect(leg.codec).toBe('PCMA');
    expect(leg.localSdp).toMatch(/^m=audio \d+ RTP\/AVP 8 96\r$/m);
    await leg.close();
  });

  it('answers a hold offer with recvonly', async () => {
    const far = await RtpFarEnd.open();
    farEnds.push(far);
    const leg = await engine.answer({ callId: 'c1', remoteSdp: offerSdp({ port: far.port }) });
    const answer = await leg.updateRemote(offerSdp({ port: far.port, direction: 'sendonly' }));
    expect(answer).toContain('a=recvonly');
    expect(answer).toMatch(/^o=12329 \d+ 2 /m);
    await leg.close();
  });

  it('rejects malformed SDP and SDP without G.711 with clear errors', async () => {
    await expect(engine.answer({ callId: 'x', remoteSdp: 'hello' })).rejects.toMatchObject({ code: 'bad-sdp', message: expect.stringContaining('v=0') });
    await expect(engine.answer({ callId: 'x', remoteSdp: 'v=0\r\ns=x\r\n' })).rejects.toMatchObject({
      code: 'bad-sdp',
      message: expect.stringContaining('audio'),
    });
    await expect(engine.answer({ callId: 'x', remoteSdp: offerSdp({ port: 4000, payloads: [{ pt: 9, name: 'G722' }] }) })).rejects.toMatchObject({
      code: 'no-common-codec',
    });
    await expect(engine.answer({ callId: 'x', remoteSdp: offerSdp({ port: 4000 }).replace('RTP/AVP', 'RTP/SAVP') })).rejects.toBeInstanceOf(MediaError);
  });
});

describe('RTP leg: prompts', () => {
  it('plays a WAV paced in 20 ms packets with consecutive sequence numbers and timestamps', async () => {
    const { leg, far } = await call();
    const t0 = performance.now();
    expect(await leg.play([tone500])).toBe('completed');
    const elapsed = performance.now() - t0;
    await waitFor(() => far.received.length >= 25, 2000, '25 packets');
    const packets = far.received.filter((p) => p.payloadType === 0);
    expect(packets).toHaveLength(25);
    expect(packets[0]!.marker).toBe(true);
    for (let i = 1; i < packets.length; i++) {
      expect(packets[i]!.sequenceNumber).toBe((packets[i - 1]!.sequenceNumber + 1) & 0xffff);
      expect(packets[i]!.timestamp).toBe((packets[i - 1]!.timestamp + 160) >>> 0);
      expect(packets[i]!.payload.length).toBe(160);
    }
    expect(rms(far.decoded('PCMU', 0))).toBeGreaterThan(5000); // 12000-amplitude sine ≈ 8485
    expect(elapsed).toBeGreaterThan(400); // paced, not burst
    expect(leg.stats().packetsSent).toBe(25);
    await leg.close();
  });

  it('plays a sequence of files in the negotiated codec (PCMA)', async () => {
    const { leg, far } = await call([
      { pt: 8, name: 'PCMA' },
      { pt: 101, name: 'telephone-event' },
    ]);
    expect(await leg.play([tone200, tone200])).toBe('completed');
    await waitFor(() => far.received.length >= 20, 2000, '20 packets');
    expect(far.received.every((p) => p.payloadType === 8)).toBe(true);
    expect(rms(far.decoded('PCMA', 8))).toBeGreaterThan(5000);
    await leg.close();
  });

  it('rejects a WAV in another format, naming the file, before sending anything', async () => {
    const { leg, far } = await call();
    const wrongRate = writeToneWav(dir, 'wrong-rate.wav', { ms: 100, sampleRate: 16000 });
    await expect(leg.play([tone200, wrongRate])).rejects.toMatchObject({ code: 'bad-wav', message: expect.stringMatching(/wrong-rate\.wav.*16000 Hz/) });
    const notWav = join(dir, 'not.wav');
    writeFileSync(notWav, 'ID3 mp3 data');
    await expect(leg.play([notWav])).rejects.toThrow(/not\.wav: not a RIFF\/WAVE file/);
    await expect(leg.play([join(dir, 'missing.wav')])).rejects.toThrow(/missing\.wav: cannot read \(ENOENT\)/);
    expect(far.received).toHaveLength(0);
    await leg.close();
  });

  it('stops on abort, on stopPlayback and on close', async () => {
    const { leg } = await call();
    const controller = new AbortController();
    const first = leg.play([tone500], { signal: controller.signal });
    setTimeout(() => controller.abort(), 60);
    expect(await first).toBe('interrupted');
    const second = leg.play([tone500]);
    setTimeout(() => leg.stopPlayback(), 60);
    expect(await second).toBe('interrupted');
    const third = leg.play([tone500]);
    setTimeout(() => void leg.close(), 60);
    expect(await third).toBe('closed');
  });

  it('a prompt after a pause starts a talkspurt whose timestamp moved on by the pause (RFC 3550 §5.1)', async () => {
    const { leg, far } = await call();
    expect(await leg.play([tone200])).toBe('completed');
    await new Promise((r) => setTimeout(r, 300)); // the menu's silent wait for digits
    expect(await leg.play([tone200])).toBe('completed');
    await waitFor(() => far.received.length >= 20, 2000, 'both prompts');
    const [first, second] = [far.received.slice(0, 10), far.received.slice(10, 20)];
    expect(second[0]!.marker).toBe(true);
    expect(second[0]!.sequenceNumber).toBe((first[9]!.sequenceNumber + 1) & 0xffff);
    // ≥ 300 ms of samples between the last frame of the first and the first of the second (not 160).
    const jump = (second[0]!.timestamp - first[9]!.timestamp) >>> 0;
    expect(jump).toBeGreaterThanOrEqual(160 + 300 * 8);
    expect(jump).toBeLessThan(160 + 1000 * 8);
    await leg.close();
  });

  it('latches onto the source address of the first packets (symmetric RTP)', async () => {
    const sdpFar = await RtpFarEnd.open(); // the port written in the SDP, never used to send
    const realFar = await RtpFarEnd.open(); // the NATed port packets actually come from
    farEnds.push(sdpFar, realFar);
    const leg = await engine.answer({ callId: 'c2', remoteSdp: offerSdp({ port: sdpFar.port }) });
    realFar.sendTo(leg.localSdp);
    await realFar.sendTone('PCMU', 0, 60);
    await waitFor(() => leg.stats().packetsReceived >= 3, 2000, 'packets at the leg');
    realFar.sendRaw(Buffer.from([0x80, 200, 0, 1, 0, 0, 0, 0])); // RTCP-ish: ignored
    realFar.sendRaw(Buffer.from([1, 2, 3])); // garbage: ignored
    await leg.play([tone200]);
    await waitFor(() => realFar.received.length >= 10, 2000, 'prompt at the latched address');
    expect(sdpFar.received).toHaveLength(0);
    await leg.close();
  });

  it('once latched hears only that address; a re-INVITE to a new port is followed both ways', async () => {
    const { leg, far } = await call();
    const stray = await RtpFarEnd.open();
    const moved = await RtpFarEnd.open();
    farEnds.push(stray, moved);
    await far.sendTone('PCMU', 0, 60);
    await waitFor(() => leg.stats().packetsReceived >= 3, 2000, 'packets from the first far end');
    await new Promise((r) => setTimeout(r, 20)); // the socket connects to the latched address
    // Someone else's packets to the leg's port are not audio of this call (the socket is connected).
    const before = leg.stats().packetsReceived;
    stray.sendTo(leg.localSdp);
    await stray.sendTone('PCMU', 0, 60);
    await new Promise((r) => setTimeout(r, 50));
    expect(leg.stats().packetsReceived).toBe(before);
    // The far end moves (re-INVITE with a new port): the leg unlatches, hears it and answers there.
    await leg.updateRemote(offerSdp({ port: moved.port }));
    moved.sendTo(leg.localSdp);
    await moved.sendTone('PCMU', 0, 60);
    await waitFor(() => leg.stats().packetsReceived >= before + 3, 2000, 'packets from the moved far end');
    const heardBefore = far.received.length;
    await leg.play([tone200]);
    await waitFor(() => moved.received.length >= 10, 2000, 'prompt at the moved far end');
    expect(far.received.length).toBe(heardBefore);
    await leg.close();
  });
});

describe('RTP leg: DTMF', () => {
  it('reports an RFC 4733 digit once despite the three end packets, and a repeated digit twice', async () => {
    const { leg, far } = await call();
    const digits: string[] = [];
    leg.onDtmf((d, source) => digits.push(`${d}:${source}`));
    await far.sendDigit('5');
    await far.sendDigit('5');
    await far.sendDigit('#');
    await waitFor(() => digits.length >= 3, 2000, 'three digits');
    await new Promise((r) => setTimeout(r, 100));
    expect(digits).toEqual(['5:rfc4733', '5:rfc4733', '#:rfc4733']);
    await leg.close();
  });

  it('barge-in: a digit interrupts a prompt played with interruptOnDtmf', async () => {
    const { leg, far } = await call();
    const result = leg.play([tone500, tone500], { interruptOnDtmf: true });
    let sent: Promise<void> = Promise.resolve();
    setTimeout(() => (sent = far.sendDigit('1')), 100);
    expect(await result).toBe('interrupted');
    await sent;
    await leg.close();
  });

  it('collects digits from RFC 4733 and SIP INFO alike, with terminator, max and timeout', async () => {
    const { leg, far } = await call();
    const collecting = collectDigits(leg, { maxDigits: 6, timeoutMs: 3000, interDigitTimeoutMs: 2000, terminators: ['#'] });
    await far.sendDigit('1');
    leg.injectDtmf('2');
    await far.sendDigit('#');
    expect(await collecting).toEqual({ digits: '12', reason: 'terminator', terminator: '#' });

    const max = collectDigits(leg, { maxDigits: 2, timeoutMs: 3000 });
    leg.injectDtmf('7');
    leg.injectDtmf('8');
    expect(await max).toEqual({ digits: '78', reason: 'max' });

    expect(await collectDigits(leg, { maxDigits: 4, timeoutMs: 50 })).toEqual({ digits: '', reason: 'timeout' });
    const closed = collectDigits(leg, { maxDigits: 4, timeoutMs: 5000 });
    leg.injectDtmf('9');
    await leg.close();
    expect(await closed).toEqual({ digits: '9', reason: 'closed' });
  });

  it('sends a digit as RFC 4733: one timestamp, marker on the first, three end packets', async () => {
    const { leg, far } = await call();
    await leg.sendDtmf('9');
    await waitFor(() => far.received.length >= 8, 2000, 'eight event packets');
    const events = far.received.filter((p) => p.payloadType === 101);
    expect(events).toHaveLength(8);
    expect(new Set(events.map((p) => p.timestamp)).size).toBe(1);
    expect(events[0]!.marker).toBe(true);
    const parsed = events.map((p) => parseTelephoneEvent(p.payload)!);
    expect(parsed.every((e) => e.event === 9)).toBe(true);
    expect(parsed.map((e) => e.end)).toEqual([false, false, false, false, false, true, true, true]);
    expect(parsed[7]!.duration).toBe(800);
    await leg.close();
  });
});

describe('playAndCollect', () => {
  it('keeps the digit that interrupted the menu prompt and the ones after it', async () => {
    const { leg, far } = await call();
    const collecting = playAndCollect(leg, [tone500, tone500], { maxDigits: 3, timeoutMs: 3000, interDigitTimeoutMs: 1500 });
    await new Promise((r) => setTimeout(r, 80));
    await far.sendDigit('2');
    leg.injectDtmf('0');
    await far.sendDigit('1');
    expect(await collecting).toEqual({ digits: '201', reason: 'max' });
    await leg.close();
  });
});

describe('RTP port range', () => {
  it('takes even ports from the configured range and says when it is exhausted', async () => {
    const ranged = await createMediaEngine({ host: '127.0.0.1', rtpPorts: { min: 41000, max: 41003 } });
    try {
      const sdp = offerSdp({ port: 4000 });
      const ports = [];
      for (let i = 0; i < 2; i++) ports.push(Number(/^m=audio (\d+)/m.exec((await ranged.answer({ callId: 'p', remoteSdp: sdp })).localSdp)![1]));
      expect(ports.sort()).toEqual([41000, 41002]);
      await expect(ranged.answer({ callId: 'p', remoteSdp: sdp })).rejects.toMatchObject({ code: 'no-ports' });
    } finally {
      await ranged.close();
    }
  });
});
