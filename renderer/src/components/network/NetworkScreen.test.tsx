import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { stubBrowserGlobals } from '../../test-kit/browser-globals';
import { centerCounts, counts, missing, overview, series } from '../../test-kit/network-fixtures';

stubBrowserGlobals();
// The chart library reads the user agent when it loads (Node 20 has no navigator).
vi.stubGlobal('navigator', { userAgent: 'vitest' });

const { default: i18n } = await import('../../i18n');
const { NetworkScreenView } = await import('./NetworkScreen');
const { NetworkTable } = await import('./NetworkTable');
const { MissingPanel } = await import('./MissingPanel');
const { tableRows } = await import('./network-table');
const { useNetworkStore } = await import('../../stores/network-store');
const { ApiError } = await import('../../services/api-client');

const ministry = overview('ministry', '000000', '住房和城乡建设部', [
  { code: '330000', name: '浙江省', counts: centerCounts(100, 90, 30) },
  { code: '320000', name: '江苏省', counts: centerCounts(100, 80, 50), reportedDays: 25, expectedDays: 26 },
]);

/** Each body row as its cells' text; the breach marker read as "!". */
const cells = (html: string, selector: 'tbody' | 'tfoot' = 'tbody') => {
  const part = html.split(`<${selector}>`)[1]!.split(`</${selector}>`)[0]!;
  return [...part.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map(([, row]) =>
    [...row!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map(([, cell]) =>
      cell!
        .replace(/<span class="network-sr">[^<]*<\/span>/g, '!')
        .replace(/<[^>]+>/g, '')
        .trim(),
    ),
  );
};

const table = (sort = { column: 'callconnect' as const, direction: 'desc' as const }) =>
  renderToStaticMarkup(
    createElement(NetworkTable, {
      rows: tableRows(ministry.rows, sort),
      total: ministry.total,
      rowKind: 'provinces',
      sort,
      onSort: () => undefined,
      onOpen: () => undefined,
    }),
  );

describe('the supervision table as rendered', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows rank, code, name, the eight indicators in minutes and percent with breaches marked, and the days reported', () => {
    const html = table();
    expect(cells(html)).toEqual([
      ['1', '330000', '浙江省', '102', '2.00', '90.00', '11.11', '0.50', '0.33', '0.00', '100.00', '1/1'],
      ['2', '320000', '江苏省', '102', '2.00', '80.00!', '25.00!', '0.83!', '0.33', '0.00', '100.00', '25/26'],
    ]);
    // The total is recomputed from the summed counts: 170 of 200 answered = 85.00 %, at the limit.
    expect(cells(html, 'tfoot')).toEqual([['', '', '合计', '204', '2.00', '85.00', '17.65!', '0.66', '0.33', '0.00', '100.00', '26/27']]);
    expect(html).toContain('aria-sort="descending" data-column="callconnect"');
    expect(html).toContain('按接通率');
    expect(html).toContain('分钟 · ≤ 40 秒');
    expect(html).toContain('% · ≥ 85%');
    expect(html.match(/data-flag="breach"/g)).toHaveLength(4);
  });

  it('reads in English too, and sorted by name shows no rank', async () => {
    await i18n.changeLanguage('en');
    const html = table({ column: 'name', direction: 'asc' } as never);
    expect(cells(html).map((row) => row[0])).toEqual(['—', '—']);
    expect(html).toContain('Answer rate');
    expect(html).toContain('min · ≤ 40 s');
    expect(cells(html, 'tfoot')[0]![2]).toBe('Total');
  });

  it('lists who has not reported which days, consecutive days as one run', async () => {
    const html = renderToStaticMarkup(
      createElement(MissingPanel, {
        missing: missing([
          { code: '330200', name: '宁波市', missingDays: ['2026-11-03', '2026-11-04', '2026-11-05', '2026-11-09'] },
          { code: '330100', name: '杭州市', missingDays: [] },
        ]),
      }),
    );
    expect(html).toContain('data-code="330200"');
    expect(html).not.toContain('data-code="330100"');
    expect(html).toContain('4 天');
    expect(html).toContain('2026-11-03 至 2026-11-05、2026-11-09');
    await i18n.changeLanguage('en');
    expect(
      renderToStaticMarkup(createElement(MissingPanel, { missing: missing([{ code: '330200', name: '宁波市', missingDays: ['2026-11-03'] }]) })),
    ).toContain('1 day');
    expect(renderToStaticMarkup(createElement(MissingPanel, { missing: missing([]) }))).toContain('Every reporting unit has reported');
  });
});

describe('the supervision screen', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });
  const screen = () => renderToStaticMarkup(createElement(NetworkScreenView, { s: useNetworkStore.getState() }));

  it('at a ministry: its title, the nation as the breadcrumb, the provinces table and the missing panel', () => {
    useNetworkStore.setState({
      home: { level: 'ministry', code: '000000', name: '住房和城乡建设部' },
      overview: ministry,
      missing: missing([{ code: '320000', name: '江苏省', missingDays: ['2026-11-02'] }]),
    });
    const html = screen();
    expect(html).toContain('全国热线监管');
    expect(html).toContain('<span aria-current="page">全国</span>');
    expect(html).toContain('各省统计监管指标');
    expect(html).toContain('data-testid="network-missing"');
    expect(html).toContain('统计周期 2026-11-02（2026-11-02 至 2026-11-02）');
  });

  it('drilled into a center: the breadcrumb links back, the trend and the days replace the table', () => {
    const week = { kind: 'week' as const, label: '2026-W45', from: '2026-11-02', to: '2026-11-08' };
    const zhejiang = overview(
      'province',
      '330000',
      '浙江省',
      [{ code: '330100', name: '杭州市', counts: centerCounts(10, 9, 20), reportedDays: 1, expectedDays: 2 }],
      week,
    );
    useNetworkStore.setState({
      home: { level: 'ministry', code: '000000', name: '住房和城乡建设部' },
      overview: zhejiang,
      trail: [
        { code: '330000', name: '浙江省', kind: 'province' },
        { code: '330100', name: '杭州市', kind: 'center' },
      ],
      series: series('330100', '杭州市', [
        { date: '2026-11-01', counts: counts({ offered: 1, answered: 1 }) },
        { date: '2026-11-02', counts: counts({ offered: 10, answered: 9 }) },
        { date: '2026-11-03', counts: null },
      ]),
    });
    const html = screen();
    expect(html).toContain('全国热线监管');
    expect(html).toContain('>全国</button>');
    expect(html).toContain('>浙江省</button>');
    expect(html).toContain('<span aria-current="page">杭州市</span>');
    expect(html).not.toContain('data-testid="network-table"');
    expect(html).toContain('杭州市 逐日趋势');
    // The period's row first, then its days, newest first (the day before the week is on the chart only).
    expect(cells(html).map((row) => [row[0], row[3], row.at(-1)])).toEqual([
      ['2026-W45', '90.00', '1 天未报送'],
      ['2026-11-03', '—', '未报送'],
      ['2026-11-02', '90.00', ''],
    ]);
  });

  it('says why the figures are missing, in the user’s language', async () => {
    useNetworkStore.setState({ error: new ApiError(403, 'forbidden', 'forbidden') });
    expect(screen()).toContain('您没有这项操作的权限');
    useNetworkStore.setState({ error: new Error('boom') });
    await i18n.changeLanguage('en');
    expect(screen()).toContain('The supervision figures could not be read');
  });
});
