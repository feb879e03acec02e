// §2.3 人工 hours in force: the admin's saved schedule (else the IVR flow's default), with the
// holiday calendar, unless the operator pinned them with --service-hours. Saved at run time: the
// IVR asks isOpen() on every call, and the closed-hours prompt is spoken anew from the schedule.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { AuditService } from '../audit/audit-service.js';
import type { WorkingCalendar } from '../../../shared/calendar/working-calendar.js';
import { createScheduleCheck, scheduleOf, type ServiceHours } from '../../../shared/time/service-hours.js';
import type { ServiceHoursResponse, ServiceSchedule } from '../../../shared/api/service-hours.js';
import type { CenterServiceHours } from '../../../shared/api/health.js';
import { closedHoursSentence } from '../ivr/hours-sentence.js';
import { localDateOf } from '../../../shared/time/zoned.js';
import { synthesizePrompt } from '../ivr/tts/synthesize.js';
import { MADE_BY_SERVICE_HOURS, type ReplacementMeta } from '../ivr-admin/prompt-replacements.js';
import { ServiceScheduleStore } from './service-schedule-store.js';

/** The IVR prompt the schedule speaks (resources/ivr/12329.json agent-closed, closed-last). */
export const CLOSED_PROMPT_ID = 'agent-closed';

export interface ServiceScheduleDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  audit: AuditService;
  calendar: WorkingCalendar | undefined;
  timeZone: string;
  /** The IVR flow's serviceHours: the default before an admin saves. */
  flowHours: ServiceHours;
  /** --service-hours: 'always' or "08:30-12:00,…" (wins over everything; the admin is told). */
  flag: string | undefined;
  /** <data dir>/prompts/zh: where the spoken closed-hours prompt goes. */
  madeDir: string;
  /** The TTS entry point (tests pass a failing one). */
  speak?: (text: string, outFile: string) => Promise<void>;
}

export type ServiceScheduleService = ReturnType<typeof createServiceSchedule>;

const asSchedule = (hours: ServiceHours): ServiceSchedule => ({
  weekly: scheduleOf(hours).weekly.map((w) => ({ weekday: w.weekday, periods: w.periods.map((p) => ({ ...p })) })),
  exceptions: [],
});

function flagHours(flow: ServiceHours, flag: string): ServiceHours {
  const periods = flag.split(',').map((p) => {
    const [from, to] = p.split('-') as [string, string];
    return { from, to };
  });
  return { weekdays: flow.weekdays, periods };
}

export function createServiceSchedule(deps: ServiceScheduleDeps) {
  const store = new ServiceScheduleStore(deps.db);
  const speak = deps.speak ?? synthesizePrompt;
  const promptFile = join(deps.madeDir, `${CLOSED_PROMPT_ID}.wav`);
  const textFile = join(deps.madeDir, `${CLOSED_PROMPT_ID}.txt`);
  // The note the 语音导航 list reads beside a replaced prompt (ivr-admin/prompt-replacements.ts).
  const noteFile = join(deps.madeDir, `${CLOSED_PROMPT_ID}.json`);
  const dayKind = deps.calendar ? (d: string) => deps.calendar!.dayKind(d) : undefined;

  let saved = store.load();
  const schedule = (): ServiceSchedule =>
    deps.flag && deps.flag !== 'always' ? asSchedule(flagHours(deps.flowHours, deps.flag)) : (saved ?? asSchedule(deps.flowHours));
  const compile = () => (deps.flag === 'always' ? () => true : createScheduleCheck(schedule(), deps.timeZone, dayKind));
  let check = compile();
  const madeText = () => (existsSync(promptFile) && existsSync(textFile) ? readFileSync(textFile, 'utf8') : undefined);

  const today = () => localDateOf(deps.clock.now(), deps.timeZone);
  // The sentence names the coming week's dated exceptions, so it changes with the date: the first
  // call of a new day has it spoken again (in the background; that call hears yesterday's).
  let spokenFor: string | undefined;

  /** Speaks the closed-hours sentence of the saved schedule; on failure the shipped prompt plays (never stale hours). */
  const makePrompt = async (): Promise<void> => {
    if (!saved) return;
    spokenFor = today();
    const text = closedHoursSentence(saved, spokenFor);
    if (madeText() === text) return;
    try {
      await speak(text, promptFile);
      writeFileSync(textFile, text);
      const note: ReplacementMeta = { source: 'text', text, fileName: null, updatedAt: deps.clock.now(), updatedBy: MADE_BY_SERVICE_HOURS };
      writeFileSync(noteFile, JSON.stringify(note, null, 2));
      deps.logger.info({ event: 'closed_prompt_made', text }, 'closed-hours prompt spoken from the saved schedule');
    } catch (error) {
      rmSync(promptFile, { force: true });
      rmSync(textFile, { force: true });
      rmSync(noteFile, { force: true });
      deps.logger.warn({ event: 'closed_prompt_failed', err: error }, 'the closed-hours prompt could not be made: the shipped recording plays');
    }
  };

  const respeakOnNewDay = () => {
    if (saved && spokenFor !== undefined && spokenFor !== today()) void makePrompt();
  };

  const describe = (): ServiceHoursResponse => {
    respeakOnNewDay();
    const s = schedule();
    const firstOpen = s.weekly.find((w) => w.weekday <= 5 && w.periods.length) ?? s.weekly.find((w) => w.periods.length);
    const text = closedHoursSentence(s, today());
    return {
      open: check(deps.clock.now()),
      always: deps.flag === 'always',
      periods: (firstOpen?.periods ?? []).map((p) => ({ from: p.from, to: p.to })),
      source: deps.flag ? 'flag' : saved ? 'saved' : 'flow',
      schedule: { weekly: s.weekly.map((w) => ({ weekday: w.weekday, periods: [...w.periods] })), exceptions: [...s.exceptions] },
      closedPromptText: text,
      closedPromptMade: madeText() === text,
    };
  };

  return {
    isOpen: (ms: number): boolean => {
      respeakOnNewDay();
      return check(ms);
    },
    describe,
    /**
     * The desk's /healthz view (weekdays open, a working day's periods), read live so that the
     * sign-out warning follows a save without a restart.
     */
    centerHours(): CenterServiceHours {
      if (deps.flag === 'always') return 'always';
      return {
        get weekdays() {
          return schedule()
            .weekly.filter((w) => w.periods.length)
            .map((w) => w.weekday);
        },
        get periods() {
          return describe().periods;
        },
      };
    },
    /** At start: a saved schedule whose prompt is missing (a new data dir, a TTS installed since) gets it. */
    makePromptIfMissing: makePrompt,

    /** Replaces the schedule (one transaction with its audit entry), applies it at once, then speaks the prompt. */
    async save(actorUserId: number, next: ServiceSchedule): Promise<ServiceHoursResponse> {
      const before = saved;
      deps.db.transaction(() => {
        store.save(next, deps.clock.now(), actorUserId);
        deps.audit.record({
          actorUserId,
          action: 'service_hours.save',
          entityType: 'service_hours',
          entityId: null,
          detail: {
            weekly: Object.fromEntries(next.weekly.map((w) => [w.weekday, w.periods.map((p) => `${p.from}-${p.to}`).join(',') || 'closed'])),
            exceptions: next.exceptions.map((e) => `${e.date} ${e.periods.map((p) => `${p.from}-${p.to}`).join(',') || 'closed'}`),
            replaced: before ? 'saved' : 'flow',
          },
        });
      })();
      saved = store.load();
      check = compile();
      await makePrompt();
      return describe();
    },
  };
}
