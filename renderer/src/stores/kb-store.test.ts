import { describe, expect, it } from 'vitest';
import type { KbArticle } from '../../../shared/api/knowledge-base';
import { stubBrowserGlobals } from '../test-kit/browser-globals';

stubBrowserGlobals();
const { useKbStore } = await import('./kb-store');

describe('KB store (§2.4-6)', () => {
  it('closes the open article when the agent types a new question', () => {
    useKbStore.setState({ query: '租房提取', article: { id: 1, title: '租房提取住房公积金' } as KbArticle, articleUpdated: true });
    useKbStore.getState().setQuery('贷款额度');
    expect(useKbStore.getState()).toMatchObject({ query: '贷款额度', article: undefined, articleUpdated: false });
  });

  it('keeps the article open when the query is set again unchanged (a KB change refreshes the results)', () => {
    useKbStore.setState({ query: '贷款额度', article: { id: 2, title: '贷款额度' } as KbArticle });
    useKbStore.getState().setQuery('贷款额度');
    expect(useKbStore.getState().article?.id).toBe(2);
  });
});
