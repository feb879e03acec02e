// Tests only: runs e2e/sipp/self-service-*.xml callers. Debian's dtmf_2833_<d>.pcap files share
// one SSRC and one RTP timestamp per digit, so a receiver (RFC 4733 §2.5.1.2, rfc4733.ts) takes a
// repeated digit for a retransmission. Each key press of a scenario is therefore its own pcap,
// k<NN>-<key>.pcap, written here from Debian's with the key's event code and a unique timestamp.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SIPP_SCENARIOS, runSipp } from '../sip/sipp-test-kit.js';

const TEMPLATE = '/usr/share/sip-tester/dtmf_2833_0.pcap';
const EVENTS: Record<string, number> = { star: 10, hash: 11, ...Object.fromEntries([...'0123456789'].map((d) => [d, Number(d)])) };

/** A copy of Debian's digit pcap with another event code, timestamp and sequence numbers. */
export function dtmfPcap(key: string, index: number): Buffer {
  const pcap = Buffer.from(readFileSync(TEMPLATE));
  const event = EVENTS[key];
  if (event === undefined) throw new Error(`no DTMF key ${key}`);
  for (let off = 24, n = 0; off < pcap.length; n++) {
    const length = pcap.readUInt32LE(off + 8);
    const udp = off + 16 + 14 + 20; // pcap record header, Ethernet, IPv4 (no options)
    const rtp = udp + 8;
    pcap.writeUInt16LE(0, udp + 6); // UDP checksum 0: not computed (IPv4 allows it)
    pcap.writeUInt16BE((index * 16 + n) & 0xffff, rtp + 2);
    pcap.writeUInt32BE(100_000 + index * 4_000, rtp + 4);
    pcap.writeUInt8(event, rtp + 12);
    off += 16 + length;
  }
  return pcap;
}

export interface SippCallerRun {
  code: number | null;
  output: string;
  errors: string;
}

/** SIPp as callers on UDP to 127.0.0.1:port with the scenario's key presses prepared in its folder. */
export async function runDtmfCaller(scenario: string, port: number, args: string[] = [], timeoutMs = 90_000): Promise<SippCallerRun> {
  const xml = readFileSync(join(SIPP_SCENARIOS, scenario), 'utf8');
  const prepare = (dir: string) => {
    for (const m of xml.matchAll(/play_pcap_audio="(k(\d+)-(\w+)\.pcap)"/g)) writeFileSync(join(dir, m[1]!), dtmfPcap(m[3]!, Number(m[2])));
  };
  const run = await runSipp(scenario, port, ['-timeout', `${Math.round(timeoutMs / 1000) - 5}s`, ...args], timeoutMs, prepare);
  return { code: run.code, output: run.stdout + run.stderr, errors: run.errors };
}
