import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NUMBER_PROMPTS } from '../../../shared/number-reading/number-reading.js';
import { FlowError, parseFlow } from './flow-loader.js';
import { FLOW_FILE, PROMPTS_DIR } from './ivr-test-kit.js';

const base = () => ({
  id: 't',
  version: 1,
  entries: { main: 'menu' },
  defaults: { timeoutMs: 5000, interDigitTimeoutMs: 3000, maxRetries: 2, invalidPrompts: ['invalid'], timeoutPrompts: ['timeout'], fallback: 'bye' },
  serviceHours: { weekdays: [1, 2, 3, 4, 5], periods: [{ from: '09:00', to: '17:00' }] },
  nodes: {
    menu: { type: 'menu', prompts: ['menu-main'], options: { '1': { next: 'bye', label: 'x' } } },
    bye: { type: 'hangup', prompts: ['goodbye'] },
  } as Record<string, unknown>,
});

function issuesOf(text: string, promptExists?: (id: string) => boolean): string[] {
  try {
    parseFlow(text, { source: 'test.json', ...(promptExists ? { promptExists } : {}) });
  } catch (error) {
    expect(error).toBeInstanceOf(FlowError);
    return (error as FlowError).issues;
  }
  throw new Error('the flow was accepted');
}

describe('flow validation', () => {
  it('accepts a small valid flow', () => {
    expect(parseFlow(JSON.stringify(base())).warnings).toEqual([]);
  });

  it('names the node and field of an unknown reference', () => {
    const f = base();
    f.nodes.menu = { type: 'menu', prompts: ['menu-main'], options: { '1': { next: 'guid' } }, fallback: 'nowhere' };
    expect(issuesOf(JSON.stringify(f))).toEqual([
      "node 'menu', field 'options.1.next': unknown node 'guid'",
      "node 'menu', field 'fallback': unknown node 'nowhere'",
    ]);
  });

  it('names a missing prompt recording', () => {
    const f = base();
    f.nodes.bye = { type: 'hangup', prompts: ['goodbye', 'no-such-prompt'] };
    expect(issuesOf(JSON.stringify(f), (id) => id !== 'no-such-prompt')).toEqual([
      "node 'bye', field 'prompts.1': missing prompt 'no-such-prompt' (no recording)",
    ]);
  });

  it('finds duplicate keys that JSON.parse would silently drop', () => {
    const text = JSON.stringify(base(), null, 2).replace('"bye": {', '"bye": { "type": "goto", "next": "menu" },\n    "bye": {');
    expect(issuesOf(text)).toEqual(["node 'bye': duplicate key 'bye'"]);
    const inOptions = JSON.stringify(base()).replace('"options":{"1":{"next":"bye","label":"x"}', '"options":{"1":{"next":"bye"},"1":{"next":"menu"}');
    expect(issuesOf(inOptions)).toEqual(["node 'menu', field 'options.1': duplicate key '1'"]);
  });

  it('warns about unreachable nodes', () => {
    const f = base();
    f.nodes.lost = { type: 'goto', next: 'menu' };
    expect(parseFlow(JSON.stringify(f)).warnings).toEqual(["node 'lost' is unreachable from every entry"]);
  });

  it('reports shape errors with the node and field', () => {
    const f = base();
    f.nodes.menu = { type: 'menu', prompts: [], options: { x: { next: 'bye' } } };
    f.nodes.act = { type: 'action', action: 'launch-rocket', next: 'bye' };
    const issues = issuesOf(JSON.stringify(f));
    expect(issues).toContainEqual(expect.stringMatching(/^node 'menu', field 'prompts': /));
    expect(issues).toContainEqual(expect.stringMatching(/^node 'menu', field 'options.x': /));
    expect(issues).toContainEqual(expect.stringMatching(/^node 'act', field 'action': /));
  });

  it('refuses a flow without a main entry, and text that is not JSON', () => {
    const f = base() as { entries: Record<string, string> };
    f.entries = { survey: 'menu' };
    expect(issuesOf(JSON.stringify(f))).toEqual(["field 'entries': needs a main entry"]);
    expect(issuesOf('{ "id": ')[0]).toMatch(/^not valid JSON/);
  });

  it('the error message names the file', () => {
    expect(() => parseFlow('[]', { source: 'resources/ivr/x.json' })).toThrow(/invalid IVR flow resources\/ivr\/x.json/);
  });
});

describe('prompt recordings', () => {
  const list = JSON.parse(readFileSync(resolve(PROMPTS_DIR, 'prompts.json'), 'utf8')) as Record<string, string>;
  const files = readdirSync(PROMPTS_DIR)
    .filter((f) => f.endsWith('.wav'))
    .map((f) => f.slice(0, -4));

  it('has one 8 kHz mono 16-bit PCM WAV per prompt text, and no other', () => {
    expect(files.sort()).toEqual(Object.keys(list).sort());
    for (const id of files) {
      const wav = readFileSync(resolve(PROMPTS_DIR, `${id}.wav`));
      expect(wav.toString('ascii', 0, 4), id).toBe('RIFF');
      expect([wav.readUInt16LE(20), wav.readUInt16LE(22), wav.readUInt32LE(24), wav.readUInt16LE(34)], id).toEqual([1, 1, 8000, 16]);
    }
  });

  it('records every prompt number reading may ask for, and the flow file names only recorded ones', () => {
    for (const id of NUMBER_PROMPTS) expect(list, id).toHaveProperty(id);
    expect(() => parseFlow(readFileSync(FLOW_FILE, 'utf8'), { promptExists: (id) => id in list })).not.toThrow();
  });
});
