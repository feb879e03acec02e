import { test, expect } from '../fixtures/test.js';
import { signIn } from '../fixtures/desk.js';
import { apiAs } from '../fixtures/api.js';

test.use({ serverArgs: ['--demo'] });

test('the agent searches the knowledge base in Chinese as they type and sees an edit pushed at once', async ({ page, server, consoleErrors }, testInfo) => {
  await signIn(page, server.url, '1003');
  await page.getByLabel('搜索知识库').fill('租房提取');
  const results = page.getByTestId('kb-results');
  await expect(results.getByRole('button').first()).toContainText('租房提取住房公积金');
  await expect(results.locator('mark').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('kb-search.png') });

  // Two-character queries, the most common kind, work too.
  await page.getByLabel('搜索知识库').fill('退休');
  await expect(results.getByRole('button').first()).toContainText('退休');

  await page.getByLabel('搜索知识库').fill('租房提取');
  await results.getByRole('button', { name: /租房提取住房公积金/ }).click();
  const article = page.getByTestId('kb-article');
  await expect(article.getByRole('heading')).toHaveText('租房提取住房公积金');

  // The center's admin edits the article; the open desk shows the new version without a reload.
  const admin = await apiAs(server.url, '9001');
  const id = (await admin.get<{ items: Array<{ id: number; title: string }> }>(`/api/v1/kb/search?q=${encodeURIComponent('租房提取')}`)).items.find(
    (i) => i.title === '租房提取住房公积金',
  )!.id;
  const current = await admin.get<{
    category: string;
    title: string;
    body: string;
    keywords: string[];
    effectiveFrom: string;
    expiresAt: string | null;
    version: number;
  }>(`/api/v1/kb/articles/${id}`);
  await admin.put(`/api/v1/kb/articles/${id}`, {
    expectedVersion: current.version,
    article: {
      category: current.category,
      title: current.title,
      body: `${current.body}\n（本条已于测试中更新）`,
      keywords: current.keywords,
      effectiveFrom: current.effectiveFrom,
      expiresAt: current.expiresAt,
    },
  });
  await expect(article.getByRole('status')).toHaveText('本文已更新为最新版本');
  await expect(article).toContainText('（本条已于测试中更新）');
  await expect(article).toContainText(`v${current.version + 1}`);
  expect(consoleErrors).toEqual([]);
});
