import { describe, expect, it } from 'vitest';
import { parseHighlight } from './highlight';

describe('parseHighlight', () => {
  it('splits marked and plain text and unescapes entities', () => {
    expect(parseHighlight('租房<mark>提取</mark>需要&lt;材料&gt; &amp; 证明')).toEqual([
      { text: '租房', marked: false },
      { text: '提取', marked: true },
      { text: '需要<材料> & 证明', marked: false },
    ]);
  });

  it('never turns text into markup: a script tag stays text', () => {
    const parts = parseHighlight('&lt;script&gt;alert(1)&lt;/script&gt;<mark>贷款</mark>');
    expect(parts[0]).toEqual({ text: '<script>alert(1)</script>', marked: false });
    expect(parts[1]).toEqual({ text: '贷款', marked: true });
  });
});
