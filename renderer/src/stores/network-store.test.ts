import { describe, expect, it } from 'vitest';
import { routes } from '../../../shared/api/routes';
import type { RouteShape } from '../../../shared/api/route';
import { stubBrowserGlobals } from '../test-kit/browser-globals';
import { centerCounts, missing, overview, scriptedApi, series, type RecordedCall } from '../test-kit/network-fixtures';

stubBrowserGlobals();
const { createNetworkStore } = await import('./network-store');

const TODAY = '2026-11-20';
const ministry = overview('ministry', '000000', '住房和城乡建设部', [
  { code: '330000', name: '浙江省', counts: centerCounts(100, 90, 30) },
  { code: '320000', name: '江苏省', counts: centerCounts(100, 80, 50) },
]);
const zhejiang = overview('province', '330000', '浙江省', [
  { code: '330100', name: '杭州市', counts: centerCounts(60, 55, 30) },
  { code: '330200', name: '宁波市', counts: centerCounts(40, 35, 30) },
]);

function build(extra: Array<[RouteShape, (args: RecordedCall['args']) => unknown]> = []) {
  const saved: string[] = [];
  const answers = new Map<RouteShape, (args: RecordedCall['args']) => unknown>([
    [routes.network.overview, (args) => (args?.query?.under === '330000' ? zhejiang : ministry)],
    [routes.network.missing, () => missing([{ code: '320000', name: '江苏省', missingDays: ['2026-11-02'] }])],
    [routes.network.series, (args) => series(String(args?.query?.code), '杭州市', [{ date: '2026-11-02', counts: centerCounts(10, 9, 20) }])],
    ...extra,
  ]);
  const scripted = scriptedApi(answers);
  const store = createNetworkStore({ api: () => scripted.api, save: (_blob, name) => saved.push(name), today: () => TODAY });
  const asked = (route: RouteShape) => scripted.calls.filter((c) => c.route === route).map((c) => c.args?.query);
  return { store, scripted, saved, asked };
}

describe('network store (issue 16: the province and ministry screen)', () => {
  it('starts on today and the day; reads the table and the missing days of the server’s own level', async () => {
    const { store, asked } = build();
    expect(store.getState()).toMatchObject({ period: 'day', date: TODAY, trail: [] });
    await store.getState().choose('day', '2026-11-02');
    expect(asked(routes.network.overview)).toEqual([{ period: 'day', date: '2026-11-02', under: undefined }]);
    expect(asked(routes.network.missing)).toEqual([{ from: '2026-11-02', to: '2026-11-02', under: undefined }]);
    expect(asked(routes.network.series)).toEqual([]);
    expect(store.getState().overview?.level).toBe('ministry');
    expect(store.getState().missing?.children[0]?.missingDays).toEqual(['2026-11-02']);
    expect(store.getState().loading).toBe(false);
  });

  it('drills down ministry → province → center and back along the breadcrumb', async () => {
    const { store, asked } = build();
    await store.getState().choose('week', '2026-11-04');
    await store.getState().open({ code: '330000', name: '浙江省', kind: 'province' });
    expect(store.getState().trail.map((c) => c.code)).toEqual(['330000']);
    expect(asked(routes.network.overview).at(-1)).toEqual({ period: 'week', date: '2026-11-04', under: '330000' });
    // The ISO week of Wednesday 2026-11-04: Monday 11-02 to Sunday 11-08.
    expect(asked(routes.network.missing).at(-1)).toEqual({ from: '2026-11-02', to: '2026-11-08', under: '330000' });
    expect(store.getState().overview?.name).toBe('浙江省');
    // The screen still knows it is the ministry's (its title, its breadcrumb's first step).
    expect(store.getState().home).toEqual({ level: 'ministry', code: '000000', name: '住房和城乡建设部' });

    await store.getState().open({ code: '330100', name: '杭州市', kind: 'center' });
    expect(store.getState().trail.map((c) => c.code)).toEqual(['330000', '330100']);
    // A week's trend: the 30 days up to its Sunday.
    expect(asked(routes.network.series)).toEqual([{ code: '330100', from: '2026-10-10', to: '2026-11-08' }]);
    expect(store.getState().series?.code).toBe('330100');
    // Another center of the same province replaces the first, the province stays.
    await store.getState().open({ code: '330200', name: '宁波市', kind: 'center' });
    expect(store.getState().trail.map((c) => c.code)).toEqual(['330000', '330200']);

    await store.getState().goTo(1);
    expect(store.getState()).toMatchObject({ series: undefined });
    expect(store.getState().trail.map((c) => c.code)).toEqual(['330000']);
    await store.getState().goTo(0);
    expect(store.getState().trail).toEqual([]);
    expect(asked(routes.network.overview).at(-1)).toEqual({ period: 'week', date: '2026-11-04', under: undefined });
  });

  it('asks a running period up to today only, and a period not begun for no missing days at all', async () => {
    const { store, asked } = build();
    await store.getState().choose('month', TODAY);
    expect(asked(routes.network.missing).at(-1)).toEqual({ from: '2026-11-01', to: TODAY, under: undefined });
    await store.getState().open({ code: '330100', name: '杭州市', kind: 'center' });
    expect(asked(routes.network.series).at(-1)).toEqual({ code: '330100', from: '2026-11-01', to: TODAY });
    await store.getState().goTo(0);
    const before = asked(routes.network.missing).length;
    await store.getState().choose('year', '2027-03-01');
    expect(asked(routes.network.missing)).toHaveLength(before);
    expect(store.getState().missing).toEqual({ children: [] });
  });

  it('keeps the newest choice when an earlier, slower answer comes last', async () => {
    let releaseSlow: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (releaseSlow = resolve));
    const { store } = build([
      [
        routes.network.overview,
        async (args) => {
          if (args?.query?.date === '2026-11-01') await slow;
          return args?.query?.date === '2026-11-01' ? zhejiang : ministry;
        },
      ],
    ]);
    const first = store.getState().choose('day', '2026-11-01');
    await store.getState().choose('day', '2026-11-02');
    releaseSlow();
    await first;
    expect(store.getState().overview?.level).toBe('ministry');
    expect(store.getState().date).toBe('2026-11-02');
  });

  it('keeps a failed read as its error (the screen translates it) and clears it on the next good one', async () => {
    let fail = true;
    const { store } = build([
      [
        routes.network.overview,
        () => {
          if (fail) throw new Error('down');
          return ministry;
        },
      ],
    ]);
    await store.getState().reload();
    expect((store.getState().error as Error).message).toBe('down');
    fail = false;
    await store.getState().reload();
    expect(store.getState().error).toBeUndefined();
  });

  it('sorts best first on a new column, then the other way; exports the table shown', async () => {
    const { store, scripted, saved } = build();
    expect(store.getState().sort).toEqual({ column: 'callconnect', direction: 'desc' });
    store.getState().sortBy('waittimeavg');
    expect(store.getState().sort).toEqual({ column: 'waittimeavg', direction: 'asc' });
    store.getState().sortBy('waittimeavg');
    expect(store.getState().sort).toEqual({ column: 'waittimeavg', direction: 'desc' });

    await store.getState().choose('month', '2026-10-15');
    await store.getState().open({ code: '330000', name: '浙江省', kind: 'province' });
    await store.getState().exportFile('xlsx');
    expect(scripted.downloads).toEqual([{ path: '/api/v1/network/export', query: { period: 'month', date: '2026-10-15', format: 'xlsx', under: '330000' } }]);
    expect(saved).toEqual(['network-xlsx']);
  });

  it('reset goes back to today, the top level and the default sort', async () => {
    const { store } = build();
    await store.getState().choose('year', '2025-06-01');
    await store.getState().open({ code: '330000', name: '浙江省', kind: 'province' });
    store.getState().sortBy('name');
    store.getState().reset();
    expect(store.getState()).toMatchObject({ period: 'day', date: TODAY, trail: [], overview: undefined, sort: { column: 'callconnect', direction: 'desc' } });
  });
});
