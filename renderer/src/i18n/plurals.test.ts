import { describe, expect, it } from 'vitest';
import i18n from './index';
import en from './en.json';
import zh from './zh-CN.json';

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): Array<[string, string]> =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
const base = (key: string) => key.replace(/_(one|other|zero|few|many|two)$/, '');

describe('English numbers and plurals', () => {
  it('says "once" and "2 times", never "1 times"', async () => {
    const t = i18n.getFixedT('en');
    expect(t('softphone.hungUpFirstCount', { count: 1 })).toBe('Hung up before the caller once this session');
    expect(t('softphone.hungUpFirstCount', { count: 2 })).toBe('Hung up before the caller 2 times this session');
    expect(t('orderDesk.days', { count: 1 })).toBe('1 working day');
    expect(t('agentDesk.history.count', { count: 1 })).toBe('1 call');
  });

  it('gives every English "{{count}} <plural noun>" a singular form', () => {
    const keys = new Set(leaves(en as unknown as Tree).map(([k]) => k));
    const lacking = leaves(en as unknown as Tree)
      .filter(([key, text]) => /\{\{count\}\} [a-z]+s\b/.test(text) && !key.endsWith('_other'))
      .map(([key]) => key)
      .filter((key) => !keys.has(`${key}_one`));
    expect(lacking).toEqual([]);
  });

  it('has the same keys in both languages (plural forms aside)', () => {
    const names = (tree: Tree) => [...new Set(leaves(tree).map(([k]) => base(k)))].sort();
    expect(names(en as unknown as Tree)).toEqual(names(zh as unknown as Tree));
  });
});
