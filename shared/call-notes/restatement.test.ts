import { describe, expect, it } from 'vitest';
import { groupPhoneNumber, restatementScript, workOrderCategoryFor } from './restatement.js';

describe('restatementScript', () => {
  it('restates a complaint with name, topic, description and callback number', () => {
    const text = restatementScript({
      category: 'complaint',
      topic: '提取业务办理慢',
      description: '上周在城西网点办理租房提取，等了两个小时。',
      callerName: '王先生',
      callbackNumber: '13800138000',
    });
    expect(text).toBe(
      '王先生，我跟您确认一下您反映的事项：您这次来电是投诉，关于“提取业务办理慢”。具体情况是：上周在城西网点办理租房提取，等了两个小时。您留的回电号码是138 0013 8000。我会按照规定尽快转达您的意见并在规定的时间内给您答复。请问以上记录是否准确？',
    );
  });

  it('leaves out what the agent did not fill and promises no answer for a plain query', () => {
    const text = restatementScript({ category: 'query', topic: '账户余额', description: '' });
    expect(text).toBe('我跟您确认一下您反映的事项：您这次来电是查询，关于“账户余额”。请问以上记录是否准确？');
  });
});

describe('workOrderCategoryFor (§2.4-7)', () => {
  it.each([
    [{ category: 'complaint' as const }, 'complaint'],
    [{ category: 'suggestion' as const }, 'suggestion'],
    [{ category: 'inquiry' as const, answeredOnCall: false }, 'inquiry'],
    [{ category: 'inquiry' as const, answeredOnCall: true }, undefined],
    [{ category: 'inquiry' as const }, undefined],
    [{ category: 'query' as const, answeredOnCall: false }, undefined],
    [{ category: 'other' as const }, undefined],
  ])('%o → %s', (note, expected) => expect(workOrderCategoryFor(note)).toBe(expected));
});

describe('groupPhoneNumber', () => {
  it('groups mobile numbers 3-4-4 and others by four', () => {
    expect(groupPhoneNumber('138-0013-8000')).toBe('138 0013 8000');
    expect(groupPhoneNumber('057187654321')).toBe('0571 8765 4321');
  });
});
