import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { DigestAuthenticator } from './digest.js';
import { systemClock } from '../clock.js';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

function authorization(nonce: string, password: string): string {
  const ha1 = md5(`1001:12329:${password}`);
  const ha2 = md5('REGISTER:sip:127.0.0.1');
  const response = md5(`${ha1}:${nonce}:00000001:abc:auth:${ha2}`);
  return `Digest username="1001", realm="12329", nonce="${nonce}", uri="sip:127.0.0.1", response="${response}", qop=auth, nc=00000001, cnonce="abc", algorithm=MD5`;
}

describe('digest after a server restart', () => {
  it('answers a right response to the previous process’s nonce with a fresh challenge, and a wrong one as wrong', () => {
    const before = new DigestAuthenticator(systemClock, '12329');
    const after = new DigestAuthenticator(systemClock, '12329');
    const oldNonce = /nonce="([^"]+)"/.exec(before.challenge())![1]!;
    const ha1s = () => [md5('1001:12329:secret')];
    expect(after.verify(authorization(oldNonce, 'secret'), 'REGISTER', ha1s, 'sip:127.0.0.1')).toMatchObject({ result: 'stale', username: '1001' });
    expect(after.verify(authorization(oldNonce, 'guess'), 'REGISTER', ha1s, 'sip:127.0.0.1')).toMatchObject({ result: 'wrong', reason: 'nonce not ours' });
  });
});
