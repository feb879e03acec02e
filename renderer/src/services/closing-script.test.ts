import { describe, expect, it } from 'vitest';
import zh from '../i18n/zh-CN.json';
import en from '../i18n/en.json';
import { closingVariant } from './closing-script';

describe('closing words (§2.4-8): one variant, never the alternatives read out', () => {
  it('fits the matter of the call', () => {
    expect(closingVariant({ category: 'complaint' })).toBe('opinion');
    expect(closingVariant({ category: 'suggestion' })).toBe('suggestion');
    expect(closingVariant({ category: 'inquiry', answeredOnCall: false })).toBe('solve');
    expect(closingVariant({ category: 'inquiry' })).toBe('answered');
    expect(closingVariant({ category: 'query', workOrderId: null })).toBe('answered');
    expect(closingVariant({ category: 'complaint', workOrderId: 12 })).toBe('opinion');
    expect(closingVariant(undefined)).toBe('answered');
  });

  it('has no alternative in brackets in either language', () => {
    for (const variants of [zh.agentDesk.closing, en.agentDesk.closing]) {
      for (const text of Object.values(variants)) expect(text).not.toMatch(/（或|（建议）|\(suggestion\)| or solve/);
    }
    expect(zh.agentDesk.closing.opinion).toContain('转达您的意见，在规定的时间内给您答复');
  });
});
