import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMediaEngine } from './create-media-engine.js';
import type { MediaEngine, MediaLeg } from './media-engine.js';
import { offerSdp, rms, RtpFarEnd, tempDir, waitFor } from './media-test-kit.js';
import { parseTelephoneEvent } from './rfc4733.js';

let engine: MediaEngine;
const dir = tempDir();
const farEnds: RtpFarEnd[] = [];

const PCMU = [
  { pt: 0, name: 'PCMU' },
  { pt: 101, name: 'telephone-event' },
];
const PCMA = [
  { pt: 8, name: 'PCMA' },
  { pt: 101, name: 'telephone-event' },
];

async function leg(payloads: { pt: number; name: string }[]): Promise<{ leg: MediaLeg; far: RtpFarEnd }> {
  const far = await RtpFarEnd.open();
  farEnds.push(far);
  const l = await engine.answer({ callId: 'bridge', remoteSdp: offerSdp({ port: far.port, payloads }) });
  far.sendTo(l.localSdp);
  return { leg: l, far };
}

beforeAll(async () => {
  engine = await createMediaEngine({ host: '127.0.0.1' });
});
afterEach(() => {
  for (const far of farEnds.splice(0)) far.close();
});
afterAll(() => engine.close());

describe('bridge', () => {
  it('forwards audio both ways without transcoding when codecs match, with its own SSRC', async () => {
    const caller = await leg(PCMU);
    const agent = await leg(PCMU);
    const bridge = engine.bridge(caller.leg, agent.leg);
    await Promise.all([caller.far.sendTone('PCMU', 0, 200, 440), agent.far.sendTone('PCMU', 0, 200, 880)]);
    await waitFor(() => agent.far.received.length >= 10 && caller.far.received.length >= 10, 2000, 'audio both ways');
    expect(agent.far.received.every((p) => p.payloadType === 0 && p.ssrc !== 0x1234abcd)).toBe(true);
    expect(rms(agent.far.decoded('PCMU', 0))).toBeGreaterThan(5000);
    expect(rms(caller.far.decoded('PCMU', 0))).toBeGreaterThan(5000);
    const seqs = agent.far.received.map((p) => p.sequenceNumber);
    expect(seqs.slice(1).every((s, i) => s === ((seqs[i]! + 1) & 0xffff))).toBe(true);
    bridge.unbridge();
    await Promise.all([caller.leg.close(), agent.leg.close()]);
  });

  it('transcodes PCMU ↔ PCMA', async () => {
    const caller = await leg(PCMU);
    const agent = await leg(PCMA);
    engine.bridge(caller.leg, agent.leg);
    await Promise.all([caller.far.sendTone('PCMU', 0, 200), agent.far.sendTone('PCMA', 8, 200)]);
    await waitFor(() => agent.far.received.length >= 10 && caller.far.received.length >= 10, 2000, 'audio both ways');
    expect(agent.far.received.every((p) => p.payloadType === 8)).toBe(true);
    expect(caller.far.received.every((p) => p.payloadType === 0)).toBe(true);
    expect(rms(agent.far.decoded('PCMA', 8))).toBeGreaterThan(5000);
    expect(rms(caller.far.decoded('PCMU', 0))).toBeGreaterThan(5000);
    await Promise.all([caller.leg.close(), agent.leg.close()]);
  });

  it('re-sends digits as RFC 4733, and isolate() keeps the caller’s audio and digits from the agent', async () => {
    const caller = await leg(PCMU);
    const agent = await leg(PCMA);
    const bridge = engine.bridge(caller.leg, agent.leg);
    await caller.far.sendDigit('3');
    await waitFor(() => agent.far.received.filter((p) => p.payloadType === 101).length >= 8, 2000, 'forwarded digit');
    expect(parseTelephoneEvent(agent.far.received.find((p) => p.payloadType === 101)!.payload)!.event).toBe(3);

    bridge.isolate(caller.leg, true);
    const before = agent.far.received.length;
    const heardByIvr: string[] = [];
    caller.leg.onDtmf((d) => heardByIvr.push(d));
    await caller.far.sendDigit('1');
    caller.leg.injectDtmf('2'); // SIP INFO digits too
    await caller.far.sendTone('PCMU', 0, 200);
    await new Promise((r) => setTimeout(r, 200));
    expect(heardByIvr).toEqual(['1', '2']); // the IVR still gets them
    expect(agent.far.received.length).toBe(before); // the agent gets nothing

    bridge.isolate(caller.leg, false);
    await caller.far.sendTone('PCMU', 0, 100);
    await waitFor(() => agent.far.received.length > before, 2000, 'audio after isolation');
    await Promise.all([caller.leg.close(), agent.leg.close()]);
  });

  it('refuses a leg that is already bridged', async () => {
    const a = await leg(PCMU);
    const b = await leg(PCMU);
    const c = await leg(PCMU);
    const bridge = engine.bridge(a.leg, b.leg);
    expect(() => engine.bridge(a.leg, c.leg)).toThrow(/already bridged/);
    bridge.unbridge();
    expect(() => engine.bridge(a.leg, c.leg).unbridge()).not.toThrow();
    await Promise.all([a.leg.close(), b.leg.close(), c.leg.close()]);
  });

  it('records both sides to a stereo WAV with the right duration (caller left, agent right)', async () => {
    const caller = await leg(PCMU);
    const agent = await leg(PCMA);
    const bridge = engine.bridge(caller.leg, agent.leg);
    const file = join(dir, '2026', '01', '02', 'call-1.wav');
    bridge.startRecording(file);
    const t0 = performance.now();
    await caller.far.sendTone('PCMU', 0, 1000, 440);
    await agent.far.sendTone('PCMA', 8, 500, 880);
    await new Promise((r) => setTimeout(r, 100));
    const wall = performance.now() - t0;
    const result = await bridge.stopRecording();
    expect(result.file).toBe(file);
    expect(Math.abs(result.durationMs - wall) / wall).toBeLessThan(0.1);

    const wav = readFileSync(file);
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(wav.readUInt16LE(22)).toBe(2);
    expect(wav.readUInt32LE(24)).toBe(8000);
    expect(wav.readUInt16LE(34)).toBe(16);
    expect(wav.readUInt32LE(40)).toBe(wav.length - 44);
    const frames = (wav.length - 44) / 4;
    expect(Math.abs(frames / 8 - wall) / wall).toBeLessThan(0.1);
    const left = new Int16Array(frames);
    const right = new Int16Array(frames);
    for (let i = 0; i < frames; i++) {
      left[i] = wav.readInt16LE(44 + 4 * i);
      right[i] = wav.readInt16LE(46 + 4 * i);
    }
    // The caller spoke the first second, the agent the next half: each channel has its own speech.
    expect(rms(left.subarray(0, 7000))).toBeGreaterThan(4000);
    expect(rms(right.subarray(0, 7000))).toBeLessThan(500);
    expect(rms(right)).toBeGreaterThan(2000);
    await expect(bridge.stopRecording()).resolves.toEqual(result);
    await Promise.all([caller.leg.close(), agent.leg.close()]);
  });
});
