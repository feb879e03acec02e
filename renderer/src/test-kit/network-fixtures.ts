// Tests only: network answers as the server sends them (checked against the contract's schemas, so
// a fixture cannot drift from shared/api/network.ts), and an API client that records each call.
import { missingResponseSchema, overviewResponseSchema, seriesResponseSchema, type OverviewResponse } from '../../../shared/api/network';
import type { RouteShape } from '../../../shared/api/route';
import { computeIndicators } from '../../../shared/metrics/indicators';
import { emptyRawCounts, rollUp, type RawCounts } from '../../../shared/metrics/raw-counts';

export const counts = (over: Partial<RawCounts>): RawCounts => ({ ...emptyRawCounts(), ...over });

/** A center's counts with a chosen answer rate, wait and satisfaction. */
export function centerCounts(offered: number, answered: number, waitSeconds: number, satisfied = answered): RawCounts {
  return counts({
    callTotal: offered + 2,
    offered,
    answered,
    abandoned: offered - answered,
    talkMsSum: answered * 120_000,
    waitMsSum: answered * waitSeconds * 1000,
    acwMsSum: answered * 20_000,
    acwCount: answered,
    surveyResponses: answered,
    surveySatisfied: satisfied,
  });
}

export function overview(
  level: OverviewResponse['level'],
  code: string,
  name: string,
  rows: Array<{ code: string; name: string; counts: RawCounts; reportedDays?: number; expectedDays?: number }>,
  period: OverviewResponse['period'] = { kind: 'day', label: '2026-11-02', from: '2026-11-02', to: '2026-11-02' },
): OverviewResponse {
  const total = rollUp(rows.map((r) => r.counts));
  return overviewResponseSchema.parse({
    level,
    code,
    name,
    period,
    rows: rows.map((r) => ({
      code: r.code,
      name: r.name,
      counts: r.counts,
      indicators: computeIndicators(r.counts),
      reportedDays: r.reportedDays ?? 1,
      expectedDays: r.expectedDays ?? 1,
    })),
    total: { counts: total, indicators: computeIndicators(total) },
  });
}

export const missing = (children: Array<{ code: string; name: string; missingDays: string[] }>) => missingResponseSchema.parse({ children });

export const series = (code: string, name: string, days: Array<{ date: string; counts: RawCounts | null }>) =>
  seriesResponseSchema.parse({ code, name, days: days.map((d) => ({ ...d, indicators: d.counts ? computeIndicators(d.counts) : null })) });

export interface RecordedCall {
  route: RouteShape;
  args: { query?: Record<string, unknown>; params?: Record<string, unknown>; body?: unknown } | undefined;
}

/**
 * An API client whose answers a test gives per route (a function of the call's arguments); it
 * records every call, and a route without an answer fails as the server would (404).
 */
export function scriptedApi(answers: Map<RouteShape, (args: RecordedCall['args']) => unknown>) {
  const calls: RecordedCall[] = [];
  const downloads: Array<{ path: string; query: Record<string, string> }> = [];
  return {
    calls,
    downloads,
    api: {
      call: (async (route: RouteShape, args?: RecordedCall['args']) => {
        calls.push({ route, args });
        const answer = answers.get(route);
        if (!answer) throw Object.assign(new Error(`no answer for ${route.path}`), { status: 404 });
        return answer(args);
      }) as never,
      download: (async (route: RouteShape, args?: { query?: Record<string, string> }) => {
        const query = args?.query ?? {};
        downloads.push({ path: route.path, query });
        return { blob: new Blob(['x']), fileName: `network-${query.format}` };
      }) as never,
    },
  };
}
