import { IPC_INVOKE_CHANNELS, type IpcInvokeChannel, type IpcInvokeContract } from '../../../shared/ipc/contract.js';
import { ipcArgSchemas } from '../../../shared/ipc/schemas.js';
import { isAllowedNavigation } from '../security/url-guards.js';

export type IpcValidation<C extends IpcInvokeChannel> = { ok: true; channel: C; args: IpcInvokeContract[C]['args'] } | { ok: false; reason: string };

export interface IpcSender {
  /** URL of the frame that sent the message (event.senderFrame.url). */
  frameUrl: string | undefined;
  /** Whether that frame is the window's top frame. */
  isMainFrame: boolean;
}

export function isIpcInvokeChannel(channel: string): channel is IpcInvokeChannel {
  return (IPC_INVOKE_CHANNELS as readonly string[]).includes(channel);
}

/** Every renderer call passes here: known channel, the desk's top frame, arguments that parse. */
export function validateIpcInvoke(channel: string, sender: IpcSender, args: unknown[]): IpcValidation<IpcInvokeChannel> {
  if (!isIpcInvokeChannel(channel)) return { ok: false, reason: `unknown channel ${channel}` };
  if (!sender.isMainFrame) return { ok: false, reason: 'sender is not the top frame' };
  if (!sender.frameUrl || !isAllowedNavigation(sender.frameUrl)) return { ok: false, reason: `sender ${sender.frameUrl ?? '(none)'} is not the desk` };
  const parsed = ipcArgSchemas[channel].safeParse(args);
  if (!parsed.success) return { ok: false, reason: `bad arguments for ${channel}: ${parsed.error.issues.map((i) => i.message).join('; ')}` };
  return { ok: true, channel, args: parsed.data as IpcInvokeContract[typeof channel]['args'] };
}
