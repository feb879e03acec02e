import { describe, expect, it } from 'vitest';
import { callbackNumberProblem, isCallbackNumber } from './callback-number.js';
import { restatementScript } from './restatement.js';

describe('callback number (§2.4-4/5)', () => {
  it('accepts numbers as people write them and refuses letters instead of dropping them', () => {
    for (const ok of ['13800138000', '0571-8888 1234', '+86 138 0013 8000']) expect(isCallbackNumber(ok), ok).toBe(true);
    for (const bad of ['abc-123', '138OO138000', '12', '--- ---']) expect(isCallbackNumber(bad), bad).toBe(false);
    expect(callbackNumberProblem({ category: 'inquiry', callbackNumber: 'abc-123' })).toBe('invalid');
  });

  it('requires one when the restatement promises a reply, and only then', () => {
    expect(callbackNumberProblem({ category: 'complaint', callbackNumber: '' })).toBe('required');
    expect(callbackNumberProblem({ category: 'suggestion', callbackNumber: '  ' })).toBe('required');
    expect(callbackNumberProblem({ category: 'inquiry', answeredOnCall: false })).toBe('required');
    expect(callbackNumberProblem({ category: 'inquiry', answeredOnCall: true, callbackNumber: '' })).toBeUndefined();
    expect(callbackNumberProblem({ category: 'complaint', callbackNumber: '13800138000' })).toBeUndefined();
  });

  it('never restates a number other than the one typed', () => {
    const script = restatementScript({ category: 'inquiry', topic: '余额', description: '', callbackNumber: 'abc-123' });
    expect(script).toContain('abc-123');
    expect(script).not.toMatch(/回电号码是123/);
  });
});
