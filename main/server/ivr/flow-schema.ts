import { z } from 'zod';
import { IVR_ACTION_NAMES } from './ivr-actions.js';

/** The shape of a call flow (resources/ivr/*.json). References between nodes are checked in flow-loader.ts. */
const nodeId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a node id: lower-case letters, digits and -');
const varName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'a variable name');

/** A recorded prompt id, or a variable read out with shared/number-reading. */
export const promptItemSchema = z.union([z.string().min(1), z.strictObject({ say: z.enum(['digits', 'integer', 'amount', 'date']), var: varName })]);
export type PromptItem = z.infer<typeof promptItemSchema>;
const prompts = z.array(promptItemSchema).min(1);

const label = z.string().min(1).optional();
const timeoutMs = z.number().int().min(500).max(60_000).optional();
const maxRetries = z.number().int().min(0).max(5).optional();

/** bargeIn: a key pressed during the prompt stops it and is kept for the next menu (a caller who knows the menu is not held back). */
const promptNode = z.strictObject({ type: z.literal('prompt'), label, prompts, next: nodeId, bargeIn: z.boolean().optional() });

const menuOption = z.strictObject({
  next: nodeId,
  /** Appended to the call's ivr_path when chosen (业务查询, 个人贷款…). */
  label,
  /** Variables set by this choice (e.g. the login type). */
  set: z.record(varName, z.string()).optional(),
});

/** One digit → next node; `*` back (to `back`, else the previous menu), `#` repeat. */
const menuNode = z.strictObject({
  type: z.literal('menu'),
  label,
  prompts,
  options: z.record(z.string().regex(/^[0-9]$/, 'a digit 0-9 (* and # are back and repeat)'), menuOption),
  back: nodeId.optional(),
  timeoutMs,
  maxRetries,
  /** Where a caller goes after maxRetries + 1 timeouts or invalid digits; defaults.fallback otherwise. */
  fallback: nodeId.optional(),
});

const collectNode = z.strictObject({
  type: z.literal('collect'),
  label,
  prompts,
  variable: varName,
  maxDigits: z.number().int().min(1).max(32),
  minDigits: z.number().int().min(1).max(32).optional(),
  timeoutMs,
  interDigitTimeoutMs: timeoutMs,
  terminators: z.array(z.enum(['#', '*'])).optional(),
  /** PINs: the digits are dropped after the next action and never leave the run. */
  secret: z.boolean().optional(),
  maxRetries,
  fallback: nodeId.optional(),
  next: nodeId,
});

const conditionNode = z.strictObject({
  type: z.literal('condition'),
  label,
  /** service-hours: §2.3, 人工 in business hours on working days. */
  when: z.union([z.strictObject({ serviceHours: z.literal(true) }), z.strictObject({ variable: varName, equals: z.string() })]),
  then: nodeId,
  else: nodeId,
});

// No prompts: the announcement (请稍候) is the queue's, played while the call already rings an agent.
const queueNode = z.strictObject({ type: z.literal('queue'), label });
const hangupNode = z.strictObject({ type: z.literal('hangup'), label, prompts: prompts.optional() });
/** The end of a sub-flow (verification, greeting): the caller goes back to whoever started it. */
const returnNode = z.strictObject({ type: z.literal('return'), label, prompts: prompts.optional() });
const gotoNode = z.strictObject({ type: z.literal('goto'), label, next: nodeId });
const actionNode = z.strictObject({
  type: z.literal('action'),
  label,
  action: z.enum(IVR_ACTION_NAMES),
  params: z.record(z.string(), z.unknown()).optional(),
  /** outcome → node; an outcome not listed goes to `next`. */
  on: z.record(z.string(), nodeId).optional(),
  next: nodeId,
});

export const flowNodeSchema = z.discriminatedUnion('type', [
  promptNode,
  menuNode,
  collectNode,
  conditionNode,
  queueNode,
  hangupNode,
  returnNode,
  gotoNode,
  actionNode,
]);
export type FlowNode = z.infer<typeof flowNodeSchema>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
export const serviceHoursSchema = z.strictObject({
  /** Used only for a year the working-day calendar lacks: 1 = Monday … 7 = Sunday. */
  weekdays: z.array(z.number().int().min(1).max(7)).min(1),
  periods: z.array(z.strictObject({ from: hhmm, to: hhmm })).min(1),
});
export type ServiceHoursConfig = z.infer<typeof serviceHoursSchema>;

export const flowSchema = z.strictObject({
  id: z.string().min(1),
  version: z.number().int().min(1),
  /** Named starting points: main (an inbound call), survey, verification, greeting… */
  entries: z.record(z.string(), nodeId).refine((e) => 'main' in e, 'needs a main entry'),
  defaults: z.strictObject({
    timeoutMs: z.number().int().min(500).max(60_000),
    interDigitTimeoutMs: z.number().int().min(500).max(60_000),
    maxRetries: z.number().int().min(0).max(5),
    invalidPrompts: prompts,
    timeoutPrompts: prompts,
    fallback: nodeId,
  }),
  serviceHours: serviceHoursSchema,
  nodes: z.record(nodeId, flowNodeSchema),
});
export type Flow = z.infer<typeof flowSchema>;

/** Every node reference of a node, as field path → target. */
export function nodeReferences(node: FlowNode): Array<[string, string]> {
  switch (node.type) {
    case 'prompt':
    case 'goto':
      return [['next', node.next]];
    case 'menu':
      return [
        ...Object.entries(node.options).map(([d, o]): [string, string] => [`options.${d}.next`, o.next]),
        ...(node.back ? [['back', node.back] as [string, string]] : []),
        ...(node.fallback ? [['fallback', node.fallback] as [string, string]] : []),
      ];
    case 'collect':
      return [['next', node.next], ...(node.fallback ? [['fallback', node.fallback] as [string, string]] : [])];
    case 'condition':
      return [
        ['then', node.then],
        ['else', node.else],
      ];
    case 'action':
      return [['next', node.next], ...Object.entries(node.on ?? {}).map(([k, v]): [string, string] => [`on.${k}`, v])];
    case 'queue':
    case 'hangup':
    case 'return':
      return [];
  }
}

/** Every prompt item of a node, as field path → item. */
export function nodePrompts(node: FlowNode): Array<[string, PromptItem]> {
  const list = 'prompts' in node && node.prompts ? node.prompts : [];
  return list.map((p, i): [string, PromptItem] => [`prompts.${i}`, p]);
}
