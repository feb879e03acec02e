import type { Clock } from '../clock.js';
import type { CallChannel } from './call-channel.js';

/** Named actions a flow may call; later work fills them in through the registry. */
export const IVR_ACTION_NAMES = [
  'verify-caller',
  'query-personal-account',
  'query-loan',
  'query-employer',
  'book-appointment',
  'sms-subscription',
  'policy-by-category',
  'outlets',
  'survey',
  // §2.3: after hours, a callback request becomes a work order (main/server/self-service).
  'callback-request',
] as const;
export type IvrActionName = (typeof IVR_ACTION_NAMES)[number];

export interface IvrActionContext {
  channel: CallChannel;
  /** The run's variables (collected digits, menu choices); an action may set more. */
  vars: Record<string, string>;
  /** The node's `params` from the flow. */
  params: Readonly<Record<string, unknown>>;
  clock: Clock;
  nodeId: string;
}

/**
 * An outcome name picks the node's `on.<outcome>` branch (else `next`); `exit` leaves the IVR
 * (action-transfer: to an agent or another service; hangup: the action ended the call).
 */
export type IvrActionResult = string | void | { outcome?: string; exit?: 'action-transfer' | 'hangup' };

export type IvrAction = (ctx: IvrActionContext) => Promise<IvrActionResult> | IvrActionResult;
export type IvrActionRegistry = Partial<Record<IvrActionName, IvrAction>>;
