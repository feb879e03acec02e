// Test-only helpers: generated WAVs, a node:dgram "far end" for plain RTP, RMS. Not used by the
// engine itself; tests and benchmarks import it.
import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AudioCodec } from './media-engine.js';
import { decode, encode } from './g711.js';
import { encodeWav } from './wav-file.js';
import { parseRtp, serializeRtp, type RtpPacket } from './rtp-packet.js';
import { buildTelephoneEvent, digitToEvent } from './rfc4733.js';

export function tempDir(prefix = 'media-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function sine(frequency: number, ms: number, amplitude = 12000, sampleRate = 8000): Int16Array {
  return Int16Array.from({ length: Math.round((sampleRate * ms) / 1000) }, (_, i) =>
    Math.round(amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate)),
  );
}

/** Writes a mono 16-bit sine WAV and returns its path. */
export function writeToneWav(dir: string, name: string, options: { frequency?: number; ms: number; sampleRate?: number; channels?: number }): string {
  const file = join(dir, name);
  const rate = options.sampleRate ?? 8000;
  writeFileSync(file, encodeWav(sine(options.frequency ?? 1000, options.ms, 12000, rate), rate, options.channels ?? 1));
  return file;
}

/**
 * Amplitude of the `frequency` component of `samples` (Goertzel): a sine of amplitude A gives
 * about A, other frequencies about 0 (exactly 0 when the window holds whole periods of both).
 */
export function toneAmplitude(samples: Int16Array, frequency: number, sampleRate = 8000): number {
  if (samples.length === 0) return 0;
  const coeff = 2 * Math.cos((2 * Math.PI * frequency) / sampleRate);
  let s1 = 0;
  let s2 = 0;
  for (const x of samples) {
    const s0 = x + coeff * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const power = Math.max(0, s1 * s1 + s2 * s2 - coeff * s1 * s2);
  return (2 * Math.sqrt(power)) / samples.length;
}

/** toneAmplitude() at each frequency, rounded: { 400: 7990, 800: 3, … }. */
export function toneLevels(samples: Int16Array, frequencies: readonly number[]): Record<number, number> {
  return Object.fromEntries(frequencies.map((f) => [f, Math.round(toneAmplitude(samples, f))]));
}

export function rms(samples: Int16Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const s of samples) sum += s * s;
  return Math.sqrt(sum / samples.length);
}

export function offerSdp(options: { port: number; address?: string; payloads?: { pt: number; name: string }[]; direction?: string }): string {
  const address = options.address ?? '127.0.0.1';
  const payloads = options.payloads ?? [
    { pt: 0, name: 'PCMU' },
    { pt: 8, name: 'PCMA' },
    { pt: 101, name: 'telephone-event' },
  ];
  return [
    'v=0',
    `o=sipp 1 1 IN IP4 ${address}`,
    's=test',
    `c=IN IP4 ${address}`,
    't=0 0',
    `m=audio ${options.port} RTP/AVP ${payloads.map((p) => p.pt).join(' ')}`,
    ...payloads.map((p) => `a=rtpmap:${p.pt} ${p.name}/8000`),
    ...payloads.filter((p) => p.name === 'telephone-event').map((p) => `a=fmtp:${p.pt} 0-16`),
    `a=${options.direction ?? 'sendrecv'}`,
    '',
  ].join('\r\n');
}

/** A plain RTP peer on 127.0.0.1, like SIPp's RTP side. */
export class RtpFarEnd {
  readonly received: RtpPacket[] = [];
  private seq = 1000;
  private ts = 50_000;
  private readonly ssrc = 0x1234abcd;
  private target: { port: number; address: string } | undefined;

  private constructor(readonly socket: Socket) {
    socket.on('message', (data) => {
      const p = parseRtp(data);
      if (p) this.received.push({ ...p, payload: Buffer.from(p.payload) });
    });
  }

  static async open(): Promise<RtpFarEnd> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    return new RtpFarEnd(socket);
  }

  get port(): number {
    return this.socket.address().port;
  }

  /** Where to send: the port from the leg's SDP. */
  sendTo(localSdp: string): void {
    const port = Number(/^m=audio (\d+)/m.exec(localSdp)![1]);
    const address = /^c=IN IP4 (\S+)/m.exec(localSdp)![1]!;
    this.target = { port, address };
  }

  send(packet: Omit<RtpPacket, 'ssrc' | 'sequenceNumber'> & { sequenceNumber?: number }): void {
    const data = serializeRtp({ ssrc: this.ssrc, sequenceNumber: packet.sequenceNumber ?? this.seq++, ...packet });
    this.socket.send(data, this.target!.port, this.target!.address);
  }

  sendRaw(data: Buffer): void {
    this.socket.send(data, this.target!.port, this.target!.address);
  }

  /** 20 ms audio frames of a sine, paced in real time. */
  async sendTone(codec: AudioCodec, payloadType: number, ms: number, frequency = 440, amplitude = 12000): Promise<void> {
    await this.sendSamples(codec, payloadType, sine(frequency, ms, amplitude));
  }

  /** Any 8 kHz linear audio as 20 ms frames, paced in real time. */
  async sendSamples(codec: AudioCodec, payloadType: number, pcm: Int16Array): Promise<void> {
    const start = performance.now();
    for (let i = 0; i + 160 <= pcm.length; i += 160) {
      this.send({ payloadType, marker: i === 0, timestamp: this.ts, payload: encode(codec, pcm.subarray(i, i + 160)) });
      this.ts += 160;
      const due = start + ((i + 160) / 160) * 20;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    }
  }

  /** One RFC 4733 digit the way phones send it: start, updates, three identical end packets. */
  async sendDigit(digit: string, payloadType = 101): Promise<void> {
    const event = digitToEvent(digit);
    const timestamp = this.ts;
    for (let i = 1; i <= 4; i++) {
      this.send({ payloadType, marker: i === 1, timestamp, payload: buildTelephoneEvent({ event, end: false, volume: 10, duration: i * 160 }) });
      await new Promise((r) => setTimeout(r, 20));
    }
    for (let i = 0; i < 3; i++)
      this.send({ payloadType, marker: false, timestamp, payload: buildTelephoneEvent({ event, end: true, volume: 10, duration: 640 }) });
    this.ts += 640;
  }

  /** Decoded audio of the packets received with this payload type (from packet index `from` on). */
  decoded(codec: AudioCodec, payloadType: number, from = 0): Int16Array {
    const frames = this.received
      .slice(from)
      .filter((p) => p.payloadType === payloadType)
      .map((p) => decode(codec, p.payload));
    const out = new Int16Array(frames.reduce((n, f) => n + f.length, 0));
    let offset = 0;
    for (const f of frames) {
      out.set(f, offset);
      offset += f.length;
    }
    return out;
  }

  close(): void {
    this.socket.close();
  }
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
