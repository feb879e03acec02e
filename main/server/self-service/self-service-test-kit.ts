// Tests only: a real server (auth, calendar, gateway with demo data, verification, work orders)
// on a temp SQLite file, the standard flow, and the self-service actions on a scripted caller.
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { authModule } from '../auth/auth-module.js';
import { calendarModule } from '../work-orders/calendar-module.js';
import { workOrdersModule } from '../work-orders/work-orders-module.js';
import { PROVIDENT_FUND_MODULES } from '../gateway/provident-fund-modules.js';
import { CallRecords, type CallRecord } from '../calls/call-records.js';
import { ManualClock } from '../clock.js';
import { runIvr, type IvrStep } from '../ivr/ivr-engine.js';
import { createServiceHours } from '../../../shared/time/service-hours.js';
import { ScriptedChannel, type CallerMove } from '../ivr/scripted-channel-test-kit.js';
import { loadStandardFlow } from '../ivr/ivr-test-kit.js';
import { createSelfServiceActions } from './self-service-actions.js';
import { LogSmsSender } from './sms-sender.js';
import { SERVICES } from '../services.js';

/** Thursday 2026-04-30 10:00 in Shanghai: 劳动节 is 05-01..05-05, Saturday 05-09 is a 调休 working day. */
export const BEFORE_MAY_DAY = Date.parse('2026-04-30T10:00:00+08:00');

export interface Kit {
  server: TestServer;
  clock: ManualClock;
  sms: LogSmsSender;
  records: CallRecords;
  call(
    moves: CallerMove[],
    options?: { entry?: string; at?: number },
  ): Promise<{ channel: ScriptedChannel; steps: IvrStep[]; callId: string; result: Awaited<ReturnType<typeof runIvr>> }>;
  one<T>(sql: string, ...params: unknown[]): T;
  all<T>(sql: string, ...params: unknown[]): T[];
}

export async function startKit(): Promise<Kit> {
  const clock = new ManualClock(BEFORE_MAY_DAY);
  const server = await startTestServer([authModule, calendarModule, ...PROVIDENT_FUND_MODULES, workOrdersModule], { clock });
  const { ctx } = server;
  const records = new CallRecords(ctx.db, clock, ctx.config.centerCode);
  const live = new Map<string, CallRecord>();
  ctx.services.provide(SERVICES.calls, {
    recordOf: (callId) => live.get(callId),
    inProgress: () => ({ inbound: live.size, followUp: 0 }),
    shed: () => ({ calls_limit: 0, call_rate: 0, event_loop_lag: 0 }),
  });
  const sms = new LogSmsSender(ctx.logger);
  const actions = createSelfServiceActions(ctx, { sms });
  const { flow } = loadStandardFlow();
  const calendar = ctx.services.require(SERVICES.calendar, 'test');
  const isInServiceHours = createServiceHours(flow.serviceHours, 'Asia/Shanghai', (d) => calendar.isWorkingDay(d));
  let n = 0;
  return {
    server,
    clock,
    sms,
    records,
    async call(moves, options = {}) {
      if (options.at) clock.set(options.at);
      const callId = `test-call-${++n}`;
      live.set(callId, records.arrive({ id: callId, caller: '13800138000', callee: '12329', transport: 'udp' }));
      const channel = new ScriptedChannel(moves);
      const steps: IvrStep[] = [];
      const result = await runIvr(flow, channel, {
        actions,
        clock,
        isInServiceHours,
        vars: { callId },
        onStep: (s) => steps.push(s),
        ...(options.entry ? { entry: options.entry } : {}),
      });
      clock.set(BEFORE_MAY_DAY);
      return { channel, steps, callId, result };
    },
    one: <T>(sql: string, ...params: unknown[]) => ctx.db.prepare(sql).get(...params) as T,
    all: <T>(sql: string, ...params: unknown[]) => ctx.db.prepare(sql).all(...params) as T[],
  };
}
