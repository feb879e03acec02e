import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { CALL_TRANSITIONS } from './call-states.js';
import { DIALOG_TRANSITIONS } from './dialog.js';
import { DigestAuthenticator, digestHa1, digestResponse, parseDigestCredentials } from './digest.js';
import { parseSipMessage } from './parser.js';
import { serialize } from './serializer.js';
import { IllegalTransitionError, StateMachine } from './state-machine.js';
import { CLIENT_INVITE_TRANSITIONS, SERVER_INVITE_TRANSITIONS, SERVER_NON_INVITE_TRANSITIONS } from './transaction-states.js';

describe('state tables', () => {
  it('refuse illegal moves of transactions, dialogs and calls', () => {
    const tx = new StateMachine('tx', SERVER_INVITE_TRANSITIONS, 'proceeding');
    tx.to('completed');
    expect(() => tx.to('accepted')).toThrow(IllegalTransitionError);
    expect(() => tx.to('proceeding')).toThrow(/completed → proceeding/);
    tx.to('confirmed');
    tx.to('terminated');
    expect(() => tx.to('confirmed')).toThrow(IllegalTransitionError);
    expect(new StateMachine('nit', SERVER_NON_INVITE_TRANSITIONS, 'completed').can('proceeding')).toBe(false);
    expect(new StateMachine('cit', CLIENT_INVITE_TRANSITIONS, 'accepted').can('completed')).toBe(false);
    const dialog = new StateMachine('dialog', DIALOG_TRANSITIONS, 'confirmed');
    expect(() => dialog.to('early')).toThrow(IllegalTransitionError);
    const call = new StateMachine('call', CALL_TRANSITIONS, 'established');
    expect(() => call.to('ringing')).toThrow(IllegalTransitionError);
    expect(new StateMachine('call', CALL_TRANSITIONS, 'offered').can('established')).toBe(false);
  });
});

describe('digest', () => {
  it('computes the RFC 2617 §3.5 example response', () => {
    const ha1 = digestHa1('Mufasa', 'Circle Of Life', 'testrealm@host.com');
    const response = digestResponse({
      ha1,
      nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
      method: 'GET',
      uri: '/dir/index.html',
      qop: 'auth',
      nc: '00000001',
      cnonce: '0a4f113b',
    });
    expect(response).toBe('6629fae49393a05397450978507c4ef1');
  });

  it('refuses forged nonces and calls an old one stale', () => {
    const clock = new ManualClock(1_000_000);
    const auth = new DigestAuthenticator(clock);
    const nonce = parseDigestCredentials(auth.challenge())!.nonce!;
    const ha1 = digestHa1('1001', 'pw');
    const creds = (n: string) =>
      `Digest username="1001", realm="12329", nonce="${n}", uri="sip:a", response="${digestResponse({ ha1, nonce: n, method: 'REGISTER', uri: 'sip:a' })}"`;
    expect(auth.verify(creds(nonce), 'REGISTER', () => [ha1], 'sip:a')).toEqual({ result: 'ok', username: '1001' });
    // A nonce we did not issue: a fresh challenge for a client that knows the secret (it may be
    // replaying the nonce of the server before a restart), a failure for one that does not.
    expect(auth.verify(creds(`${nonce.split('.')[0]}.forged`), 'REGISTER', () => [ha1], 'sip:a')).toMatchObject({ result: 'stale', username: '1001' });
    expect(auth.verify(creds(`${nonce.split('.')[0]}.forged`), 'REGISTER', () => [digestHa1('1001', 'other')], 'sip:a')).toMatchObject({
      result: 'wrong',
      reason: 'nonce not ours',
    });
    clock.advance(5 * 60_000 + 1);
    expect(auth.verify(creds(nonce), 'REGISTER', () => [ha1], 'sip:a')).toMatchObject({ result: 'stale', username: '1001' });
    expect(auth.verify('Basic abc', 'REGISTER', () => [ha1], 'sip:a')).toMatchObject({ result: 'wrong', reason: 'malformed Authorization' });
  });
});

describe('parser', () => {
  const base =
    'OPTIONS sip:12329@127.0.0.1 SIP/2.0\r\nv: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-1\r\nf: "张敏" <sip:1001@12329>;tag=a\r\nt: <tel:12329>\r\ni: abc\r\nCSeq: 7 OPTIONS\r\nl: 4\r\n\r\nbody';
  it('expands compact forms, reads tel: and all-digit hosts, and counts Content-Length in bytes', () => {
    const result = parseSipMessage(base);
    expect(result.ok).toBe(true);
    if (!result.ok || result.message.kind !== 'request') return;
    expect(result.message).toMatchObject({ method: 'OPTIONS', callId: 'abc', cseq: { seq: 7, method: 'OPTIONS' }, fromTag: 'a', body: 'body' });
    expect(result.message.from).toMatchObject({ displayName: '张敏', parsedUri: { user: '1001', host: '12329' } });
    expect(result.message.to.parsedUri).toMatchObject({ scheme: 'tel', user: '12329' });
    expect(serialize(result.message)).toContain('Content-Length: 4\r\n\r\nbody');
  });
  it('says what is wrong', () => {
    const bad = (text: string) => (parseSipMessage(text) as { reason: string }).reason;
    expect(bad(base.replace('i: abc\r\n', ''))).toBe('missing Call-ID');
    expect(bad(base.replace('l: 4', 'l: 40'))).toBe('Content-Length 40 larger than the body (4 bytes)');
    expect(bad(base.replace('CSeq: 7 OPTIONS', 'CSeq: 7 INVITE'))).toBe('CSeq method does not match the request method');
    expect(bad(base.replace('branch=z9hG4bK-1', 'branch=a@b'))).toBe('malformed Via');
    expect(bad(base.slice(0, 60))).toBe('no blank line after the headers (truncated message)');
    expect(bad('SIP/3.0 200 OK\r\n\r\n')).toBe('bad start line');
    expect(parseSipMessage(base.replace('\r\n\r\n', `\r\nX: ${'y'.repeat(17000)}\r\n\r\n`))).toMatchObject({ ok: false, status: 513 });
  });
});
