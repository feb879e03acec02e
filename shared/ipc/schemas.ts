import { z } from 'zod';
import type { IpcInvokeChannel } from './contract.js';

/** The workstation's server choice, as saved in the app's settings file and sent by the desk. */
export const serverSettingsSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('embedded') }).strict(),
  z.object({ mode: z.literal('remote'), serverUrl: z.string().min(1).max(2048) }).strict(),
]);

/** Argument schemas, one per invoke channel; main rejects any call that does not parse. */
export const ipcArgSchemas = {
  'desk:get-app-info': z.tuple([]),
  'desk:show-notification': z.tuple([z.object({ title: z.string().min(1).max(120), body: z.string().max(500) }).strict()]),
  'desk:open-external': z.tuple([z.string().max(2048)]),
  'desk:flash-window': z.tuple([z.boolean()]),
  'desk:get-server-settings': z.tuple([]),
  'desk:check-server': z.tuple([z.string().max(2048)]),
  'desk:save-server-settings': z.tuple([serverSettingsSchema]),
  'desk:relaunch': z.tuple([]),
} satisfies Record<IpcInvokeChannel, z.ZodType>;

export const shortcutActionSchema = z.enum(['answer', 'hangup', 'toggle-mute', 'toggle-ready']);
