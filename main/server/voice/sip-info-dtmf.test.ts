import { describe, expect, it } from 'vitest';
import { digitFromSipInfo } from './sip-info-dtmf.js';

describe('digitFromSipInfo', () => {
  it.each([
    ['application/dtmf-relay', 'Signal=5\r\nDuration=160\r\n', '5'],
    ['application/dtmf-relay; charset=utf-8', 'signal= #\r\n', '#'],
    ['application/dtmf-relay', 'Signal=11\r\nDuration=100', '#'],
    ['application/dtmf', '*', '*'],
    ['application/dtmf', ' 7 \r\n', '7'],
  ])('%s %j → %s', (type, body, digit) => expect(digitFromSipInfo(type, body)).toBe(digit));

  it.each([
    ['application/dtmf-relay', 'Duration=160'],
    ['application/dtmf-relay', 'Signal=55'],
    ['application/dtmf', 'x'],
    ['text/plain', '5'],
  ])('ignores %s %j', (type, body) => expect(digitFromSipInfo(type, body)).toBeUndefined());
});
