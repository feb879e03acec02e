// Oracle test: the hand-rolled Via/CSeq parser against SIP.js's PEG grammar on a fixed corpus —
// the Via and CSeq values written in the repo's tests, generated variants and the fuzz corpus of
// sip-fuzz.test.ts (fixed seeds). Wherever the fast path decides, it must decide as the grammar.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../shared/random/seeded-random.js';
import { FALLBACK, fastCSeq, fastVia, parseCSeq, parseViaParm } from './fast-header-parser.js';
import { splitHeaderList } from './header-names.js';
import { FUZZ_SEEDS, mutate } from './sip-mutations-test-kit.js';
import { grammarCSeq, grammarVia } from './sip-grammar.js';

/** What an interpolation in a test's template string or a SIPp scenario typically stands for. */
function filled(text: string): string {
  return text
    .replace(/\$\{([^}]*)\}/g, (_, expr: string) => (/host|ip/i.test(expr) ? '127.0.0.1' : /branch|tag|id/i.test(expr) ? 'b7' : '7'))
    .replace(/\[(transport)\]/g, 'UDP')
    .replace(/\[(local_ip|remote_ip)\]/g, '127.0.0.1')
    .replace(/\[(local_port|remote_port|cseq)\]/g, '5061')
    .replace(/\[branch\]/g, 'z9hG4bK-1-0')
    .replace(/\[[a-z_]+\]/g, '7');
}

/** Via and CSeq values written in the repo: test strings ("Via: …\r\n"), our own Via lines, SIPp scenarios. */
function valuesFromRepo(): { vias: string[]; cseqs: string[] } {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(join(dir, entry.name));
      else if (/\.(ts|xml)$/.test(entry.name)) files.push(join(dir, entry.name));
    }
  };
  for (const dir of ['main', 'e2e']) walk(resolve(dir));
  const vias = new Set<string>();
  const cseqs = new Set<string>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const lineEnd = '\\\\r\\\\n|\\r?\\n|`';
    for (const m of source.matchAll(new RegExp(`(?:\\bVia|\\\\nv): ?([^'"\\\\\\n]*?)(?:${lineEnd})`, 'g'))) {
      for (const part of splitHeaderList(filled(m[1]!))) if (part.includes('/')) vias.add(part);
    }
    for (const m of source.matchAll(new RegExp(`\\bCSeq: ?([^'"\\\\\\n]*?)(?:${lineEnd})`, 'g'))) cseqs.add(filled(m[1]!).trim());
  }
  return { vias: [...vias], cseqs: [...cseqs] };
}

const PROTOCOLS = ['SIP/2.0', 'sip/2.0', 'SIP/3', 'FOO/1', 'SIPX/2.0', 'SIP/', 'SIP / 2.0'];
const TRANSPORTS = ['UDP', 'udp', 'TCP', 'TLS', 'SCTP', 'WS', 'wss', 'UDPX', 'TLS-SCTP', 'x-t', ''];
const HOSTS = [
  '127.0.0.1',
  '10.0.0.255',
  '256.1.1.1',
  '01.2.3.4',
  '1.2.3',
  '1.2.3.4.5',
  '1.2.3.4x',
  'example.com',
  'a-b.example.com',
  'pbx_1.lan',
  'a.b.',
  'h.',
  'x',
  '12329',
  '1.2.3.4.example.com',
  'host-',
  '-host',
  'exam ple',
  '[::1]',
  '[::]',
  '[2001:db8::1]',
  '[2001:db8:0:0:1:0:0:1]',
  '[fe80::1%eth0]',
  '[::ffff:192.0.2.1]',
  '[1::2:3]',
  '[1:2:3:4:5:6:7:8]',
  '[1:2:3:4:5:6:7:8:9]',
  '[12345::1]',
  '[::1',
  '::1',
  '[g::1]',
  '[1::]',
  '[1:2::3:4:5]',
  'ho\u00e9st',
  '',
];
const PORTS = ['', ':5060', ':0', ':65535', ':65536', ':99999', ':123456', ':', ':50x', ': 5060'];
const PARAMS = [
  ';branch=z9hG4bK-1',
  ';branch=z9hG4bK.a~b',
  ';Branch=X',
  ';branch',
  ';branch=',
  ';branch="q"',
  ';rport',
  ';rport=5061',
  ';rport=',
  ';RPORT=1',
  ';rport=abc',
  ';received=1.2.3.4',
  ';received=::1',
  ';received=[2001:db8::2]',
  ';received=example.com',
  ';received=1.2.3.4.5',
  ';maddr=224.0.0.1',
  ';maddr=example.com',
  ';maddr=abc_def',
  ';maddr=[::1]',
  ';maddr=256.0.0.1',
  ';ttl=1',
  ';ttl=255',
  ';ttl=1234',
  ';ttl=x',
  ';ttlx=3',
  ';x',
  ';x=',
  ';x=y',
  ';x="a b;c"',
  ';x="esc\\"q"',
  ';x="\u4e2d"',
  ';x=[::1]',
  ';x=[::1',
  ';x=a[',
  ';alias',
  ';;',
  ';',
  ' ;branch=a',
  '; branch=a',
  ';branch = a',
  ';x="bad\u0001"',
  ';x="open',
  ';rport;rport=7',
  ';branch=a;branch=b',
  ';received=1.2.3.4;received=foo',
];

function generatedVias(random: () => number, count: number): string[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const gap = random() < 0.9 ? ' ' : pick(['  ', '\t', '']);
    let via = `${pick(PROTOCOLS)}/${pick(TRANSPORTS)}${gap}${pick(HOSTS)}${random() < 0.6 ? pick(PORTS) : ''}`;
    const params = Math.floor(random() * 5);
    for (let k = 0; k < params; k++) via += pick(PARAMS);
    out.push(via);
  }
  return out;
}

/** Byte-level damage to a valid value: an inserted, replaced or dropped character. */
function damaged(value: string, random: () => number): string {
  const at = Math.floor(random() * (value.length + 1));
  const ch = ' \t;:=,"\\[]/@<>.x1\u00e9\r\n\u0000'.charAt(Math.floor(random() * 22));
  const roll = random();
  if (roll < 0.4) return value.slice(0, at) + ch + value.slice(at);
  if (roll < 0.8) return value.slice(0, at) + ch + value.slice(at + 1);
  return value.slice(0, at) + value.slice(at + 1);
}

/** Via and CSeq values of the fuzz corpus, framed as parser.ts frames them (unfolded, list split). */
function fuzzValues(): { vias: string[]; cseqs: string[] } {
  const random = createSeededRandom(12329);
  const vias: string[] = [];
  const cseqs: string[] = [];
  for (let i = 0; i < 5000; i++) {
    const text = mutate(Buffer.from(FUZZ_SEEDS[i % FUZZ_SEEDS.length]!), random).toString('utf8');
    const head = text.split('\r\n\r\n')[0]!;
    const lines: string[] = [];
    for (const line of head.split('\r\n')) {
      if ((line.startsWith(' ') || line.startsWith('\t')) && lines.length > 0) lines[lines.length - 1] += ` ${line.trim()}`;
      else lines.push(line);
    }
    for (const line of lines) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'via' || name === 'v') vias.push(...splitHeaderList(value));
      if (name === 'cseq') cseqs.push(value);
    }
  }
  return { vias, cseqs };
}

interface Tally {
  fast: number;
  fastRejected: number;
  fallback: number;
}

function compareVia(values: readonly string[]): Tally {
  const tally: Tally = { fast: 0, fastRejected: 0, fallback: 0 };
  for (const value of values) {
    const fast = fastVia(value);
    if (fast === FALLBACK) {
      tally.fallback++;
      continue;
    }
    if (fast === undefined) tally.fastRejected++;
    else tally.fast++;
    expect({ value, result: fast }).toStrictEqual({ value, result: grammarVia(value) });
  }
  return tally;
}

function compareCSeq(values: readonly string[]): Tally {
  const tally: Tally = { fast: 0, fastRejected: 0, fallback: 0 };
  for (const value of values) {
    const fast = fastCSeq(value);
    if (fast === FALLBACK) {
      tally.fallback++;
      continue;
    }
    if (fast === undefined) tally.fastRejected++;
    else tally.fast++;
    expect({ value, result: fast }).toStrictEqual({ value, result: grammarCSeq(value) });
  }
  return tally;
}

describe('fast Via/CSeq path against the PEG grammar (oracle)', () => {
  const repo = valuesFromRepo();

  it('parses every Via and CSeq written in the repo (tests, our own requests, SIPp scenarios) as the grammar does, without falling back', () => {
    expect(repo.vias.length).toBeGreaterThanOrEqual(8);
    expect(repo.cseqs.length).toBeGreaterThan(5);
    const via = compareVia(repo.vias);
    const cseq = compareCSeq(repo.cseqs);
    // The repo's headers are plain: none of them should need the grammar.
    expect(via.fallback).toBe(0);
    expect(cseq.fallback).toBe(0);
  });

  it('agrees with the grammar on 4,000 generated Via values and their damaged copies', { timeout: 120_000 }, () => {
    const random = createSeededRandom(3261);
    const generated = generatedVias(random, 2000);
    const tally = compareVia([...generated, ...generated.map((v) => damaged(v, random))]);
    if (process.env.DEBUG_ORACLE) console.log(tally);
    expect(tally.fast).toBeGreaterThan(100);
    expect(tally.fastRejected).toBeGreaterThan(700);
    expect(tally.fallback).toBeLessThan(tally.fast + tally.fastRejected);
  });

  it('agrees with the grammar on damaged copies of the repo CSeq values and odd methods', () => {
    const random = createSeededRandom(3262);
    const odd = [
      '1 INVITEX',
      '1 REFERRAL',
      '1 ACKNOWLEDGE',
      '1 invitex',
      '1 PRACK',
      '1 INFO',
      '0 X',
      '00012 BYE',
      '2147483647 BYE',
      '2147483648 BYE',
      '99999999999999999999999 BYE',
      '1 IN VITE',
      '1 INVITE ',
      ' 1 INVITE',
      '1\tINVITE',
      '1  INVITE',
      '1INVITE',
      '1 INV;TE',
      '-1 BYE',
      '1 BYE\u00e9',
    ];
    const values = [...repo.cseqs, ...odd];
    const tally = compareCSeq([...values, ...Array.from({ length: 2000 }, () => damaged(values[Math.floor(random() * values.length)]!, random))]);
    expect(tally.fastRejected).toBeGreaterThan(200);
  });

  it('agrees with the grammar on the Via and CSeq values of the fuzz corpus (seed 12329)', { timeout: 120_000 }, () => {
    const fuzz = fuzzValues();
    expect(fuzz.vias.length).toBeGreaterThan(2000);
    const via = compareVia(fuzz.vias);
    const cseq = compareCSeq(fuzz.cseqs);
    if (process.env.DEBUG_ORACLE) console.log({ via, cseq });
  });

  it('falls back to the grammar where the fast path does not decide, and both paths agree then', () => {
    const spaced = 'SIP / 2.0 / UDP host ; branch = z9hG4bK-1 ; rport';
    expect(fastVia(spaced)).toBe(FALLBACK);
    expect(parseViaParm(spaced)).toStrictEqual(grammarVia(spaced));
    expect(parseViaParm(spaced)?.branch).toBe('z9hG4bK-1');
    expect(fastCSeq('1 INVITE ')).toBe(FALLBACK);
    expect(parseCSeq('1 INVITE ')).toBeUndefined();
  });

  it('keeps the documented rules of the shared wrapper: port range, valueless params are null', () => {
    expect(parseViaParm('SIP/2.0/UDP 1.2.3.4:')).toBeUndefined();
    expect(parseViaParm('SIP/2.0/UDP 1.2.3.4:65536')).toBeUndefined();
    expect(parseViaParm('SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bK-a;rport;received=10.0.0.1;ttl=4;foo')).toStrictEqual({
      transport: 'UDP',
      host: '[2001:db8::1]',
      port: 5060,
      branch: 'z9hG4bK-a',
      params: { rport: null, foo: null, received: '10.0.0.1' },
    });
  });
});
