import { systemClock, type Clock } from '../clock.js';
import { readAmount, readDate, readDigits, readInteger } from '../../../shared/number-reading/number-reading.js';
import type { CallChannel, CollectResult } from './call-channel.js';
import type { Flow, FlowNode, PromptItem } from './flow-schema.js';
import type { IvrActionRegistry } from './ivr-actions.js';

/** queue: to 人工; return: a sub-flow (verification, greeting) ended, back to the agent. */
export type IvrExit = 'queue' | 'hangup' | 'caller-hangup' | 'action-transfer' | 'return';

/** One visited node or menu event; labels go to calls.ivr_path. Never carries collected digits. */
export interface IvrStep {
  nodeId: string;
  type: FlowNode['type'];
  event: 'enter' | 'choice' | 'invalid' | 'timeout' | 'back' | 'repeat' | 'fallback' | 'collected' | 'action' | 'action-missing' | 'action-error';
  /** Appended to the path (and ivr_path) when present. */
  label?: string;
  /** The menu digit pressed (menus only). */
  digit?: string;
  /** An action's outcome, or a collect's digit count. */
  detail?: string;
}

export interface IvrResult {
  exit: IvrExit;
  /** Labels of the way the caller went, e.g. 业务查询 → 个人贷款 → 人工. */
  path: string[];
  /** The node the caller left from. */
  nodeId: string;
  /** Variables set during the run, secret ones (PINs) removed. */
  vars: Record<string, string>;
}

export interface RunIvrOptions {
  actions?: IvrActionRegistry;
  clock?: Clock;
  /** §2.3 人工 hours: see createServiceHours(). */
  isInServiceHours: (ms: number) => boolean;
  onStep?: (step: IvrStep) => void;
  /** flow.entries key to start from; 'main' by default. */
  entry?: string;
  vars?: Record<string, string>;
}

/** A loop in a flow (goto → goto) must not spin forever on a live call. */
const MAX_NODE_VISITS = 1000;

/** The caller is gone: thrown by prompts and actions, the run ends as caller-hangup (never an action error). */
export class CallerHungUp extends Error {}

/** The prompts to play, with number variables read out (shared/number-reading). */
export function expandPrompts(items: readonly PromptItem[], vars: Readonly<Record<string, string>>): string[] {
  return items.flatMap((item) => {
    if (typeof item === 'string') return [item];
    const value = vars[item.var];
    if (value === undefined) return [];
    switch (item.say) {
      case 'digits':
        return readDigits(value);
      case 'integer':
        return readInteger(Number(value));
      case 'amount':
        return readAmount(value);
      case 'date':
        return readDate(value);
    }
  });
}

/** Runs a call flow on a channel until the caller leaves it; see IvrResult. */
export async function runIvr(flow: Flow, channel: CallChannel, options: RunIvrOptions): Promise<IvrResult> {
  const clock = options.clock ?? systemClock;
  const vars: Record<string, string> = { ...options.vars };
  const secrets = new Set<string>();
  const path: string[] = [];
  const menus: string[] = [];
  let closed = false;
  void channel.closed.then(() => (closed = true));

  const entry = options.entry ?? 'main';
  const start = flow.entries[entry];
  if (!start) throw new Error(`flow ${flow.id} has no entry '${entry}'`);
  let nodeId: string = start;

  const step = (s: IvrStep) => {
    if (s.label) path.push(s.label);
    options.onStep?.(s);
  };
  const result = (exit: IvrExit): IvrResult => ({ exit, path, nodeId, vars: Object.fromEntries(Object.entries(vars).filter(([k]) => !secrets.has(k))) });
  const play = async (items: readonly PromptItem[], interruptOnDtmf: boolean) => {
    const prompts = expandPrompts(items, vars);
    if (prompts.length && (await channel.play(prompts, { interruptOnDtmf })) === 'closed') throw new CallerHungUp();
  };
  const collect = async (items: readonly PromptItem[], o: Parameters<CallChannel['collectDigits']>[0]): Promise<CollectResult> => {
    await play(items, true);
    const r = await channel.collectDigits(o);
    if (r.reason === 'closed') throw new CallerHungUp();
    return r;
  };

  try {
    for (let visits = 0; ; visits++) {
      if (closed) return result('caller-hangup');
      if (visits >= MAX_NODE_VISITS) {
        await channel.hangup();
        return result('hangup');
      }
      const node: FlowNode = flow.nodes[nodeId]!;
      step({ nodeId, type: node.type, event: 'enter', ...(node.label ? { label: node.label } : {}) });
      const here: string = nodeId;
      const ev = (event: IvrStep['event'], extra: Partial<IvrStep> = {}) => step({ nodeId: here, type: node.type, event, ...extra });

      switch (node.type) {
        case 'prompt':
          await play(node.prompts, node.bargeIn === true);
          nodeId = node.next;
          break;
        case 'goto':
          nodeId = node.next;
          break;
        case 'queue':
          // Returns at once: the call is offered now, and the announcement plays while it is queued.
          return result('queue');
        case 'return':
          if (node.prompts) await play(node.prompts, false);
          return result('return');
        case 'hangup':
          if (node.prompts) await play(node.prompts, false);
          await channel.hangup();
          return result('hangup');
        case 'condition': {
          const holds: boolean = 'serviceHours' in node.when ? options.isInServiceHours(clock.now()) : vars[node.when.variable] === node.when.equals;
          nodeId = holds ? node.then : node.else;
          break;
        }
        case 'menu': {
          if (menus.at(-1) !== here) menus.push(here);
          const timeoutMs = node.timeoutMs ?? flow.defaults.timeoutMs;
          const maxRetries = node.maxRetries ?? flow.defaults.maxRetries;
          let failures = 0;
          let before: readonly PromptItem[] = [];
          for (;;) {
            const { digits } = await collect([...before, ...node.prompts], { maxDigits: 1, timeoutMs, interDigitTimeoutMs: timeoutMs, terminators: [] });
            before = [];
            const option = digits ? node.options[digits] : undefined;
            if (digits === '#') {
              ev('repeat', { digit: '#' });
              continue;
            }
            if (digits === '*') {
              menus.pop();
              ev('back', { digit: '*' });
              nodeId = node.back ?? menus.at(-1) ?? here;
              break;
            }
            if (option) {
              ev('choice', { digit: digits, ...(option.label ? { label: option.label } : {}) });
              Object.assign(vars, option.set);
              nodeId = option.next;
              break;
            }
            failures++;
            ev(digits ? 'invalid' : 'timeout', digits ? { digit: digits } : {});
            if (failures > maxRetries) {
              ev('fallback');
              nodeId = node.fallback ?? flow.defaults.fallback;
              break;
            }
            before = digits ? flow.defaults.invalidPrompts : flow.defaults.timeoutPrompts;
          }
          break;
        }
        case 'collect': {
          const timeoutMs = node.timeoutMs ?? flow.defaults.timeoutMs;
          const maxRetries = node.maxRetries ?? flow.defaults.maxRetries;
          const terminators = node.terminators ?? [];
          let failures = 0;
          let before: readonly PromptItem[] = [];
          nodeId = '';
          while (!nodeId) {
            const r = await collect([...before, ...node.prompts], {
              maxDigits: node.maxDigits,
              timeoutMs,
              interDigitTimeoutMs: node.interDigitTimeoutMs ?? flow.defaults.interDigitTimeoutMs,
              terminators,
            });
            if (r.digits.length >= (node.minDigits ?? 1)) {
              vars[node.variable] = r.digits;
              if (node.secret) secrets.add(node.variable);
              ev('collected', { detail: String(r.digits.length) });
              nodeId = node.next;
              break;
            }
            failures++;
            ev(r.digits.length || r.reason === 'terminator' ? 'invalid' : 'timeout');
            if (failures > maxRetries) {
              ev('fallback');
              nodeId = node.fallback ?? flow.defaults.fallback;
              break;
            }
            before = r.digits.length || r.reason === 'terminator' ? flow.defaults.invalidPrompts : flow.defaults.timeoutPrompts;
          }
          break;
        }
        case 'action': {
          const handler = options.actions?.[node.action];
          if (!handler) {
            ev('action-missing', { detail: node.action });
            await play(['service-unavailable'], false);
            nodeId = node.next;
            break;
          }
          let outcome: string | undefined;
          try {
            const r = await handler({ channel, vars, params: node.params ?? {}, clock, nodeId: here });
            if (typeof r === 'object' && r.exit) {
              ev('action', { detail: r.exit });
              return result(r.exit);
            }
            outcome = typeof r === 'string' ? r : r?.outcome;
            ev('action', outcome ? { detail: outcome } : {});
          } catch (error) {
            // Checked by type too: a play that saw the leg close can settle before `closed` is set.
            if (closed || error instanceof CallerHungUp) throw new CallerHungUp();
            outcome = 'error';
            ev('action-error', { detail: (error as Error).message });
            if (!node.on?.error) await play(['system-busy'], false);
          } finally {
            // A PIN serves the one action that checks it, then it is gone.
            for (const k of secrets) delete vars[k];
          }
          nodeId = (outcome !== undefined ? node.on?.[outcome] : undefined) ?? node.next;
          break;
        }
      }
    }
  } catch (error) {
    if (error instanceof CallerHungUp) return result('caller-hangup');
    throw error;
  }
}
