import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { dialFailureKey, isDiallable } from './dial-refusal';

const KNOWN = [403, 404, 480, 484, 486, 503, 603];

describe('dialling from the desk: refusals in the agent’s language', () => {
  it('tells a dial-plan refusal from "not signed in", both 403', () => {
    expect(dialFailureKey(403, 'Forbidden (international number not in the dial plan)', KNOWN)).toBe('agentDesk.dial.refused.international');
    expect(dialFailureKey(403, 'Forbidden (sign in (签入) before calling out)', KNOWN)).toBe('softphone.dialFailed.403');
    expect(dialFailureKey(486, 'Busy Here', KNOWN)).toBe('softphone.dialFailed.486');
    expect(dialFailureKey(500, '', KNOWN)).toBe('softphone.dialFailed.other');
    expect(i18n.getFixedT('zh-CN')('agentDesk.dial.refused.premium')).toContain('付费');
    expect(i18n.getFixedT('en')('agentDesk.dial.refused.international')).toBe('International numbers may not be called');
  });

  it('takes numbers as typed and refuses letters', () => {
    expect(isDiallable('0571-8888 1234')).toBe(true);
    expect(isDiallable('13800138000')).toBe(true);
    expect(isDiallable('abc-123')).toBe(false);
    expect(isDiallable('1')).toBe(false);
  });
});
