import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ROOT } from '../app-root.js';
import { REASON_PHRASES, reasonPhrase } from './reason-phrases.js';
import { buildResponse } from './serializer.js';
import { SipHeaders } from './message.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

describe('SIP reason phrases (issue 12 item 7)', () => {
  it('come from the RFC table, unknown codes as the x00 of their class', () => {
    const request = {
      headers: new SipHeaders([
        ['Via', 'SIP/2.0/UDP a;branch=z9hG4bK1'],
        ['CSeq', '1 INVITE'],
      ]),
    };
    expect(buildResponse(request, 407).reason).toBe('Proxy Authentication Required');
    expect(buildResponse(request, 422).reason).toBe('Session Interval Too Small');
    expect(buildResponse(request, 489).reason).toBe('Bad Event');
    expect(reasonPhrase(499)).toBe('Bad Request');
    expect(reasonPhrase(599)).toBe('Server Internal Error');
    expect(Object.values(REASON_PHRASES)).not.toContain('Error');
  });

  it('every status the server sends is in the table, and a custom reason starts with its phrase', () => {
    const found: Array<{ file: string; status: number; reason?: string }> = [];
    const pattern = /(?:buildResponse\([^,()]+,\s*|\.reject\(|refuse\(\w+,\s*\w+,\s*)(\d{3})(?:,\s*(?:\{[^}]*?reason:\s*)?[`'"]([^`'"$]*))?/g;
    for (const file of sources(join(APP_ROOT, 'main/server'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(pattern)) found.push({ file, status: Number(m[1]), ...(m[2] !== undefined ? { reason: m[2] } : {}) });
    }
    expect(found.length).toBeGreaterThan(30);
    for (const f of found) {
      expect(REASON_PHRASES[f.status], `${f.file}: ${f.status}`).toBeDefined();
      if (f.reason !== undefined) expect(f.reason.startsWith(REASON_PHRASES[f.status]!), `${f.file}: ${f.status} ${f.reason}`).toBe(true);
    }
  });
});
