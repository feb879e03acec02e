import { join } from 'node:path';
import type { ServerContext } from '../context.js';
import { loadFlowFile } from '../ivr/flow-loader.js';
import { runIvr, type IvrResult } from '../ivr/ivr-engine.js';
import { createServiceHours } from '../../../shared/time/service-hours.js';
import type { Flow, ServiceHoursConfig } from '../ivr/flow-schema.js';
import type { IvrActionRegistry } from '../ivr/ivr-actions.js';
import type { CallSession, IvrOutcome } from './call-session.js';
import type { PromptLibrary } from './prompt-library.js';
import { SERVICES } from '../services.js';

/** The flow's hours, or the operator's override (--service-hours). */
export function serviceHoursFor(flow: Flow, override: string | undefined): { config: ServiceHoursConfig; useCalendar: boolean } {
  if (!override) return { config: flow.serviceHours, useCalendar: true };
  if (override === 'always') return { config: { weekdays: [1, 2, 3, 4, 5, 6, 7], periods: [{ from: '00:00', to: '23:59' }] }, useCalendar: false };
  const periods = override.split(',').map((p) => {
    const [from, to] = p.split('-');
    return { from: from!, to: to === '24:00' ? '23:59' : to! };
  });
  return { config: { ...flow.serviceHours, periods }, useCalendar: true };
}

/** Whether 人工 is open at an instant: the flow's hours (or the override) on the center's working days. */
export function serviceHoursCheck(ctx: ServerContext, flow: Flow): (ms: number) => boolean {
  // The admin's schedule, read on each call so that a save applies to the next caller.
  const schedule = ctx.services.get(SERVICES.serviceSchedule);
  if (schedule) return (ms) => schedule.isOpen(ms);
  const calendar = ctx.services.get(SERVICES.calendar);
  const hours = serviceHoursFor(flow, ctx.config.serviceHours);
  return ctx.config.serviceHours === 'always'
    ? () => true
    : createServiceHours(hours.config, ctx.config.timeZone, hours.useCalendar && calendar ? (d) => calendar.isWorkingDay(d) : undefined);
}

/**
 * Runs resources/ivr/12329.json on callers: the self-service menu until 人工 or goodbye, each
 * step written to the call record (never the digits of a collect).
 */
export function createIvrRunner(ctx: ServerContext, prompts: PromptLibrary, actions: IvrActionRegistry = {}) {
  const promptsDir = join(ctx.config.resourcesDir, 'prompts', 'zh');
  const { flow, warnings } = loadFlowFile(join(ctx.config.resourcesDir, 'ivr', '12329.json'), promptsDir);
  for (const warning of warnings) ctx.logger.warn({ event: 'ivr-flow-warning' }, warning);
  const isInServiceHours = serviceHoursCheck(ctx, flow);
  // The desk reads the same hours (in /healthz) for its §2.4-10 sign-out warning.
  const hours = serviceHoursFor(flow, ctx.config.serviceHours);
  const schedule = ctx.services.get(SERVICES.serviceSchedule);
  ctx.services.provide(
    SERVICES.serviceHours,
    schedule ? schedule.centerHours() : ctx.config.serviceHours === 'always' ? 'always' : { weekdays: hours.config.weekdays, periods: hours.config.periods },
  );

  const run = async (session: CallSession, entry: string): Promise<IvrResult> => {
    return runIvr(flow, session.channel, {
      actions,
      clock: ctx.clock,
      isInServiceHours,
      entry,
      vars: { callId: session.callId },
      onStep: (step) => session.record.ivrStep({ nodeId: step.nodeId, event: step.event, label: step.label, digit: step.digit }),
    });
  };

  return {
    flow,
    isInServiceHours,
    async mainMenu(session: CallSession): Promise<IvrOutcome> {
      const result = await run(session, 'main');
      const exit = result.exit === 'queue' ? 'queue' : result.exit === 'caller-hangup' ? 'caller-hangup' : 'hangup';
      return { exit, path: result.path };
    },
  };
}
