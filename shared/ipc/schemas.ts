import { z } from 'zod';
import type { IpcInvokeChannel } from './contract.js';

/** Argument schemas, one per invoke channel; main rejects any call that does not parse. */
export const ipcArgSchemas = {
  'desk:get-app-info': z.tuple([]),
  'desk:show-notification': z.tuple([z.object({ title: z.string().min(1).max(120), body: z.string().max(500) }).strict()]),
  'desk:open-external': z.tuple([z.string().max(2048)]),
  'desk:flash-window': z.tuple([z.boolean()]),
} satisfies Record<IpcInvokeChannel, z.ZodType>;

export const shortcutActionSchema = z.enum(['answer', 'hangup', 'toggle-mute', 'toggle-ready']);
