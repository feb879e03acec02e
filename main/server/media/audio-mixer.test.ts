// The mixer against three real RTP peers on loopback, each speaking its own tone (the lead in
// PCMA): what each peer receives is measured per frequency (Goertzel), so "hears X" and "never
// hears Y" are both checked on the real packets.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMediaEngine } from './create-media-engine.js';
import type { AudioCodec, MediaEngine, MediaLeg } from './media-engine.js';
import { offerSdp, rms, RtpFarEnd, tempDir, toneLevels, waitFor, writeToneWav } from './media-test-kit.js';

let engine: MediaEngine;
const dir = tempDir('mixer-test-');
const farEnds: RtpFarEnd[] = [];
const TONES = [400, 800, 1200];
const AMPLITUDE = 8000;

interface Peer {
  leg: MediaLeg;
  far: RtpFarEnd;
  codec: AudioCodec;
  pt: number;
  tone: number;
}

async function peer(codec: AudioCodec, tone: number): Promise<Peer> {
  const far = await RtpFarEnd.open();
  farEnds.push(far);
  const pt = codec === 'PCMU' ? 0 : 8;
  const payloads = [
    { pt, name: codec },
    { pt: 101, name: 'telephone-event' },
  ];
  const leg = await engine.answer({ callId: 'mixer', remoteSdp: offerSdp({ port: far.port, payloads }) });
  far.sendTo(leg.localSdp);
  return { leg, far, codec, pt, tone };
}

/** caller 400 Hz (PCMU), agent 800 Hz (PCMU), lead 1200 Hz (PCMA). */
async function threePeers(): Promise<[Peer, Peer, Peer]> {
  return [await peer('PCMU', 400), await peer('PCMU', 800), await peer('PCMA', 1200)];
}

/** Every peer speaks its tone at once; returns what each one received meanwhile, per frequency. */
async function talk(peers: readonly Peer[], ms = 600): Promise<Record<number, number>[]> {
  const marks = peers.map((p) => p.far.received.length);
  await Promise.all(peers.map((p) => p.far.sendTone(p.codec, p.pt, ms, p.tone, AMPLITUDE)));
  await new Promise((r) => setTimeout(r, 120));
  return peers.map((p, i) => toneLevels(p.far.decoded(p.codec, p.pt, marks[i]), TONES));
}

/** Hears the tones listed (at least half their amplitude), and none of the others (below 2 %). */
function expectHears(levels: Record<number, number>, heard: readonly number[]): void {
  for (const tone of TONES) {
    if (heard.includes(tone)) expect(levels[tone], `${tone} Hz in ${JSON.stringify(levels)}`).toBeGreaterThan(AMPLITUDE / 2);
    else expect(levels[tone], `${tone} Hz in ${JSON.stringify(levels)}`).toBeLessThan(AMPLITUDE / 50);
  }
}

async function closeAll(peers: readonly Peer[]): Promise<void> {
  await Promise.all(peers.map((p) => p.leg.close()));
}

beforeAll(async () => {
  engine = await createMediaEngine({ host: '127.0.0.1' });
});
afterEach(() => {
  for (const far of farEnds.splice(0)) far.close();
});
afterAll(() => engine.close());

describe('audio mixer', () => {
  it('three-way conference: each peer hears the other two, never itself, in its own codec', async () => {
    const peers = await threePeers();
    const mixer = engine.mixer();
    for (const p of peers) mixer.add(p.leg);
    expect(mixer.members).toEqual(peers.map((p) => p.leg));
    const [caller, agent, lead] = await talk(peers);
    expectHears(caller!, [800, 1200]);
    expectHears(agent!, [400, 1200]);
    expectHears(lead!, [400, 800]);
    expect(peers[2].far.received.every((p) => p.payloadType === 8)).toBe(true);
    expect(peers[0].far.received.every((p) => p.payloadType === 0)).toBe(true);
    mixer.close();
    await closeAll(peers);
  });

  it('listen: the lead hears both, caller and agent hear each other and never the lead', async () => {
    const peers = await threePeers();
    const mixer = engine.mixer();
    mixer.add(peers[0].leg);
    mixer.add(peers[1].leg);
    mixer.add(peers[2].leg, { speaksTo: 'none' });
    const [caller, agent, lead] = await talk(peers);
    expectHears(caller!, [800]);
    expectHears(agent!, [400]);
    expectHears(lead!, [400, 800]);
    mixer.close();
    await closeAll(peers);
  });

  it('whisper: the agent hears the caller and the lead, the caller hears only the agent', async () => {
    const peers = await threePeers();
    const mixer = engine.mixer();
    mixer.add(peers[0].leg);
    mixer.add(peers[1].leg);
    mixer.add(peers[2].leg, { speaksTo: [peers[1].leg] });
    const [caller, agent, lead] = await talk(peers);
    expectHears(caller!, [800]);
    expectHears(agent!, [400, 1200]);
    expectHears(lead!, [400, 800]);
    mixer.close();
    await closeAll(peers);
  });

  it('speaksTo changes take effect mid-call: listen → barge → whisper', async () => {
    const peers = await threePeers();
    const mixer = engine.mixer();
    for (const p of peers) mixer.add(p.leg, { speaksTo: p === peers[2] ? 'none' : 'all' });
    expectHears((await talk(peers))[0]!, [800]);
    mixer.setSpeaksTo(peers[2].leg, 'all');
    expectHears((await talk(peers))[0]!, [800, 1200]);
    mixer.setSpeaksTo(peers[2].leg, [peers[1].leg]);
    const [caller, agent] = await talk(peers);
    expectHears(caller!, [800]);
    expectHears(agent!, [400, 1200]);
    expect(() => mixer.setSpeaksTo(peers[2].leg, 'everyone' as 'all')).toThrow(/speaksTo must be/);
    mixer.remove(peers[2].leg);
    expect(() => mixer.setSpeaksTo(peers[2].leg, 'all')).toThrow(/not in this mixer/);
    mixer.close();
    await closeAll(peers);
  });

  it('clips a loud sum instead of wrapping around', async () => {
    const peers = await threePeers();
    const mixer = engine.mixer();
    for (const p of peers) mixer.add(p.leg);
    for (const level of [30000, -30000]) {
      const mark = peers[2].far.received.length;
      const loud = new Int16Array(8 * 400).fill(level);
      await Promise.all([peers[0].far.sendSamples('PCMU', 0, loud), peers[1].far.sendSamples('PCMU', 0, loud)]);
      await new Promise((r) => setTimeout(r, 120));
      const heard = peers[2].far.decoded('PCMA', 8, mark);
      expect(heard.length).toBeGreaterThan(8 * 300);
      // 60000 wrapped to 16 bits would be −5536: every sample must stay at full scale, same sign.
      if (level > 0) expect(Math.min(...heard)).toBeGreaterThan(28000);
      else expect(Math.max(...heard)).toBeLessThan(-28000);
    }
    mixer.close();
    await closeAll(peers);
  });

  it('records the sum of the members that speak to all (never a listening lead) to a mono WAV of the wall-clock duration', async () => {
    const peers = await threePeers();
    const mixer = engine.mixer();
    mixer.add(peers[0].leg);
    mixer.add(peers[1].leg);
    mixer.add(peers[2].leg, { speaksTo: 'none' }); // a listening lead is not recorded
    const file = join(dir, '2026', '11', '30', 'conference.wav');
    mixer.startRecording(file);
    expect(() => mixer.startRecording(file)).toThrow(/already recording/);
    const t0 = performance.now();
    await talk(peers, 1000);
    const wall = performance.now() - t0;
    const result = await mixer.stopRecording();
    expect(result.file).toBe(file);
    expect(Math.abs(result.durationMs - wall) / wall).toBeLessThan(0.1);
    const wav = readFileSync(file);
    expect(wav.readUInt16LE(22)).toBe(1);
    expect(wav.readUInt32LE(24)).toBe(8000);
    expect(wav.readUInt32LE(40)).toBe(wav.length - 44);
    const samples = new Int16Array(wav.buffer.slice(wav.byteOffset + 44, wav.byteOffset + wav.length));
    const levels = toneLevels(samples, TONES);
    for (const tone of [400, 800]) expect(levels[tone], JSON.stringify(levels)).toBeGreaterThan(AMPLITUDE / 2);
    expect(levels[1200], JSON.stringify(levels)).toBeLessThan(AMPLITUDE / 50);
    await expect(mixer.stopRecording()).resolves.toEqual(result);
    mixer.close();
    await closeAll(peers);
  });

  it('moves legs bridge → mixer → new bridge; remove and close leave them open', async () => {
    const [a, b, c] = await threePeers();
    const bridge = engine.bridge(a.leg, b.leg);
    const mixer = engine.mixer();
    expect(() => mixer.add(a.leg)).toThrow(expect.objectContaining({ code: 'busy' }));
    bridge.unbridge();
    mixer.add(a.leg);
    mixer.add(b.leg);
    mixer.add(c.leg);
    expect(() => engine.bridge(a.leg, c.leg)).toThrow(expect.objectContaining({ code: 'busy' }));
    expect(() => engine.mixer().add(c.leg)).toThrow(expect.objectContaining({ code: 'busy' }));
    expect(() => mixer.add(c.leg)).toThrow(expect.objectContaining({ code: 'busy' }));

    mixer.remove(c.leg);
    mixer.remove(c.leg); // idempotent
    expect(mixer.members).toEqual([a.leg, b.leg]);
    const [, , cHeard] = await talk([a, b, c]);
    expectHears(cHeard!, []); // out of the mixer: c hears nobody
    mixer.close();
    mixer.close();
    expect(mixer.members).toEqual([]);
    expect(() => mixer.add(a.leg)).toThrow(expect.objectContaining({ code: 'closed' }));

    const after = engine.bridge(a.leg, c.leg);
    const mark = c.far.received.length;
    await a.far.sendTone('PCMU', 0, 300, 400, AMPLITUDE);
    await waitFor(() => c.far.received.length - mark >= 10, 2000, 'bridged audio after the mixer');
    expect(rms(c.far.decoded('PCMA', 8, mark))).toBeGreaterThan(3000);
    after.unbridge();
    await closeAll([a, b, c]);
  });

  it('a member that closes leaves by itself; a closed leg cannot join', async () => {
    const peers = await threePeers();
    const mixer = engine.mixer();
    for (const p of peers) mixer.add(p.leg);
    await peers[2].leg.close();
    await waitFor(() => mixer.members.length === 2, 1000, 'the closed leg to leave');
    expect(() => engine.mixer().add(peers[2].leg)).toThrow(expect.objectContaining({ code: 'closed' }));
    const [caller, agent] = await talk(peers.slice(0, 2));
    expectHears(caller!, [800]);
    expectHears(agent!, [400]);
    mixer.close();
    await closeAll(peers);
  });

  it('forwards no digits; hold and a prompt take over a member’s outgoing audio', async () => {
    const peers = await threePeers();
    const mixer = engine.mixer();
    for (const p of peers) mixer.add(p.leg);
    const digits: string[] = [];
    peers[0].leg.onDtmf((d) => digits.push(d));
    await peers[0].far.sendDigit('5');
    await waitFor(() => digits.length === 1, 1000, 'the digit on the caller leg');
    await new Promise((r) => setTimeout(r, 200));
    expect(peers[1].far.received.filter((p) => p.payloadType === 101)).toEqual([]);
    expect(peers[2].far.received.filter((p) => p.payloadType === 101)).toEqual([]);

    // The lead on hold gets comfort silence only; the others still hear the lead.
    peers[2].leg.setHold(true);
    let [caller, , lead] = await talk(peers);
    expectHears(lead!, []);
    expect(peers[2].far.received.length).toBeGreaterThan(20);
    expectHears(caller!, [800, 1200]);
    peers[2].leg.setHold(false);

    // A prompt on the caller replaces the mix towards the caller while it plays.
    const prompt = writeToneWav(dir, 'prompt-1000.wav', { frequency: 1000, ms: 2000 });
    const beforePrompt = peers[0].far.received.length;
    const playing = peers[0].leg.play([prompt]);
    // play() loads the file first: measure from its first frames on (nobody is talking yet).
    await waitFor(() => peers[0].far.received.length >= beforePrompt + 3, 2000, 'the prompt to start');
    const mark = peers[0].far.received.length;
    [caller, , lead] = await talk(peers);
    expectHears(lead!, [400, 800]);
    const heardByCaller = toneLevels(peers[0].far.decoded('PCMU', 0, mark), [...TONES, 1000]);
    expect(heardByCaller[1000]).toBeGreaterThan(6000);
    expectHears(heardByCaller, []);
    peers[0].leg.stopPlayback();
    await expect(playing).resolves.toBe('interrupted');
    mixer.close();
    await closeAll(peers);
  });
});
