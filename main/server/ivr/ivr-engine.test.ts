import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { runIvr, type IvrStep } from './ivr-engine.js';
import type { IvrActionContext, IvrActionRegistry } from './ivr-actions.js';
import { createServiceHours } from '../../../shared/time/service-hours.js';
import { ScriptedChannel, type CallerMove } from './scripted-channel-test-kit.js';
import { loadStandardFlow } from './ivr-test-kit.js';

const { flow, warnings } = loadStandardFlow();
const MONDAY_10 = Date.parse('2026-03-02T10:00:00+08:00');
const MONDAY_20 = Date.parse('2026-03-02T20:00:00+08:00');
const TIMEOUT_FALLBACK = ['welcome', 'menu-main', 'timeout', 'menu-main', 'timeout', 'menu-main'];

async function run(
  moves: CallerMove[],
  options: { at?: number; actions?: IvrActionRegistry; entry?: string; vars?: Record<string, string>; isWorkingDay?: (d: string) => boolean } = {},
) {
  const channel = new ScriptedChannel(moves);
  const steps: IvrStep[] = [];
  const clock = new ManualClock(options.at ?? MONDAY_10);
  const result = await runIvr(flow, channel, {
    clock,
    isInServiceHours: createServiceHours(flow.serviceHours, 'Asia/Shanghai', options.isWorkingDay),
    onStep: (s) => steps.push(s),
    ...(options.actions ? { actions: options.actions } : {}),
    ...(options.entry ? { entry: options.entry } : {}),
    ...(options.vars ? { vars: options.vars } : {}),
  });
  return { result, channel, steps };
}

describe('the standard 12329 flow', () => {
  it('loads with every prompt recorded and every node reachable', () => {
    expect(warnings).toEqual([]);
    expect(Object.keys(flow.entries).sort()).toEqual(['greeting', 'main', 'survey', 'verification']);
  });

  it('0 in service hours → the 人工 queue', async () => {
    const { result, channel, steps } = await run(['0']);
    expect(result).toMatchObject({ exit: 'queue', path: ['人工'], nodeId: 'agent' });
    expect(channel.prompts).toEqual(['welcome', 'menu-main']);
    expect(steps.map((s) => `${s.nodeId}:${s.event}`)).toEqual(['welcome:enter', 'main:enter', 'main:choice', 'to-agent:enter', 'agent:enter']);
  });

  it('lets a key stop the welcome (barge-in) and queues at once on 0, with no announcement of its own', async () => {
    const { result, channel } = await run(['0']);
    expect(result.exit).toBe('queue');
    // welcome and menu-main both stop on a key; the 请稍候 announcement is the queue's (played while the agent rings).
    expect(channel.interruptible).toEqual([true, true]);
    expect(flow.nodes.agent).toEqual({ type: 'queue', label: '人工' });
  });

  it('0 outside service hours → the closed message and the callback offer; * or silence goes back to the main menu', async () => {
    const { result, channel } = await run(['0', '*', '0', 'timeout', 'hangup'], { at: MONDAY_20 });
    expect(result).toMatchObject({ exit: 'caller-hangup', path: ['非工作时间', '非工作时间'] });
    expect(channel.prompts).toEqual(['welcome', 'menu-main', 'agent-closed', 'callback-offer', 'menu-main', 'agent-closed', 'callback-offer', 'menu-main']);
  });

  it('0 on a holiday weekday is closed; on a 调休 Saturday it is open', async () => {
    const holiday = await run(['0', 'hangup'], { isWorkingDay: () => false });
    expect(holiday.channel.prompts).toContain('agent-closed');
    const saturday = Date.parse('2026-02-28T10:00:00+08:00');
    const workingSaturday = await run(['0'], { at: saturday, isWorkingDay: (d) => d === '2026-02-28' });
    expect(workingSaturday.result.exit).toBe('queue');
    const plainSaturday = await run(['0', 'hangup'], { at: saturday });
    expect(plainSaturday.result.exit).toBe('caller-hangup');
  });

  it('timeouts repeat the menu twice, then fall back to 人工', async () => {
    const { result, channel, steps } = await run(['timeout', 'timeout', 'timeout']);
    expect(channel.prompts).toEqual([...TIMEOUT_FALLBACK]);
    expect(result).toMatchObject({ exit: 'queue', path: ['人工'] });
    expect(steps.filter((s) => s.event === 'timeout')).toHaveLength(3);
    expect(steps.some((s) => s.event === 'fallback')).toBe(true);
  });

  it('the timeout fallback outside hours is the closed message with the callback offer, then goodbye', async () => {
    const { result, channel } = await run(['timeout', 'timeout', 'timeout', 'timeout'], { at: MONDAY_20 });
    expect(channel.prompts).toEqual([...TIMEOUT_FALLBACK, 'too-many-errors', 'agent-closed', 'callback-offer', 'goodbye']);
    expect(result.exit).toBe('hangup');
  });

  it('invalid digits: the invalid prompt twice, then the fallback', async () => {
    const { channel, steps } = await run(['9', '7', '8']);
    expect(channel.prompts).toEqual(['welcome', 'menu-main', 'invalid', 'menu-main', 'invalid', 'menu-main']);
    expect(steps.filter((s) => s.event === 'invalid').map((s) => s.digit)).toEqual(['9', '7', '8']);
  });

  it('a valid digit after mistakes is taken', async () => {
    const { result } = await run(['9', 'timeout', '3', 'hangup']);
    expect(result).toMatchObject({ exit: 'caller-hangup', path: ['业务受理'] });
  });

  it('* goes back to the previous menu and # repeats the current one', async () => {
    const { result, channel, steps } = await run(['1', '#', '*', '3', '*', '0']);
    expect(channel.prompts).toEqual(['welcome', 'menu-main', 'menu-guide', 'menu-guide', 'menu-main', 'menu-service', 'menu-main']);
    expect(result).toMatchObject({ exit: 'queue', path: ['业务指南', '业务受理', '人工'] });
    expect(steps.filter((s) => s.event === 'repeat' || s.event === 'back').map((s) => `${s.nodeId}${s.digit}`)).toEqual(['guide#', 'guide*', 'service*']);
  });

  it('a caller hanging up mid-menu leaves with the path so far', async () => {
    const { result } = await run(['1', '1', 'hangup']);
    expect(result).toMatchObject({ exit: 'caller-hangup', path: ['业务指南', '政策法规查询'], nodeId: 'policy-category' });
  });

  it('业务查询 checks identity first, then 个人贷款 → 人工; the PIN never leaves the run', async () => {
    const seen: Record<string, string>[] = [];
    const actions: IvrActionRegistry = {
      'verify-caller': ({ vars }: IvrActionContext) => {
        seen.push({ ...vars });
        return vars.pin === '123456' ? 'verified' : 'failed';
      },
      'query-loan': async ({ channel }) => {
        await channel.play(['loan-balance-is', 'num-5', 'num-wan', 'unit-yuan'], { interruptOnDtmf: true });
      },
    };
    const { result, channel, steps } = await run(['2', '2', '110101199003070011#', '654321', '110101199003070011#', '123456', '2', '0'], { actions });
    expect(result).toMatchObject({ exit: 'queue', path: ['业务查询', '个人贷款', '人工'] });
    expect(seen.map((v) => [v.loginType, v.account, v.pin])).toEqual([
      ['id-card', '110101199003070011', '654321'],
      ['id-card', '110101199003070011', '123456'],
    ]);
    expect(channel.prompts).toEqual([
      'welcome',
      'menu-main',
      'verify-login-type',
      'verify-account',
      'verify-pin',
      'verify-failed',
      'verify-account',
      'verify-pin',
      'verify-ok',
      'menu-query',
      'loan-balance-is',
      'num-5',
      'num-wan',
      'unit-yuan',
      'menu-query',
    ]);
    expect(result.vars.pin).toBeUndefined();
    expect(result.vars.account).toBe('110101199003070011');
    const logged = JSON.stringify(steps);
    expect(logged).not.toContain('123456');
    expect(logged).not.toContain('110101199003070011');
    expect(channel.collects.find((c) => c.maxDigits === 20)).toMatchObject({ terminators: ['#'] });
  });

  it('a flow action without a handler says the service is not available and carries on', async () => {
    const { channel, steps } = await run(['3', '4', 'hangup']);
    expect(channel.prompts).toEqual(['welcome', 'menu-main', 'menu-service', 'service-unavailable', 'menu-service']);
    expect(steps.find((s) => s.event === 'action-missing')).toMatchObject({ nodeId: 'sms', detail: 'sms-subscription' });
  });

  it('an action may transfer the caller out of the IVR', async () => {
    const { result } = await run(['3', '1'], {
      actions: { 'book-appointment': ({ vars }) => ({ exit: vars.appointment === 'loan' ? 'action-transfer' : 'hangup' }) },
    });
    expect(result).toMatchObject({ exit: 'action-transfer', path: ['业务受理', '贷款办理预约'], vars: { appointment: 'loan' } });
  });

  it('a failing action plays 系统繁忙 and goes on', async () => {
    const { channel, steps } = await run(['1', '2', 'hangup'], { actions: { outlets: () => Promise.reject(new Error('gateway down')) } });
    expect(channel.prompts).toEqual(['welcome', 'menu-main', 'menu-guide', 'system-busy', 'menu-guide']);
    expect(steps.find((s) => s.event === 'action-error')).toMatchObject({ detail: 'gateway down' });
  });

  it('the survey: 2 基本满意 is handed to the survey action, then thanks and hang-up', async () => {
    const results: string[] = [];
    const { result, channel } = await run(['2'], { entry: 'survey', actions: { survey: ({ vars }) => void results.push(vars.survey!) } });
    expect(results).toEqual(['2']);
    expect(result).toMatchObject({ exit: 'hangup', path: ['基本满意'] });
    expect(channel.prompts).toEqual(['survey-ask', 'survey-thanks']);
    expect(channel.hungUp).toBe(true);
  });

  it('the survey without an answer says goodbye after one repeat', async () => {
    const { result, channel } = await run(['timeout', 'timeout'], { entry: 'survey' });
    expect(result.exit).toBe('hangup');
    expect(channel.prompts).toEqual(['survey-ask', 'timeout', 'survey-ask', 'goodbye']);
  });

  it('agent-started verification returns to the agent', async () => {
    const { result } = await run(['4', '330100000123#', '000000'], { entry: 'verification', actions: { 'verify-caller': () => 'verified' } });
    expect(result).toMatchObject({ exit: 'return', nodeId: 'back-to-agent', vars: { loginType: 'employer-account' } });
  });

  it('the greeting is joined from recorded prompts: 您好，12329住房公积金热线 1007 号为您服务', async () => {
    const { result, channel } = await run([], { entry: 'greeting', vars: { workNumber: '1007' } });
    expect(result.exit).toBe('return');
    expect(channel.prompts).toEqual(['greeting-hello', 'num-1', 'num-0', 'num-0', 'num-7', 'greeting-at-service']);
  });
});
