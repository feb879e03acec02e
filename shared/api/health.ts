import { z } from 'zod';

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  name: z.literal('agent-desk-12329'),
  version: z.string(),
  startedAt: z.string(),
  uptimeSeconds: z.number().nonnegative(),
  sip: z.object({ websocketPath: z.literal('/sip'), udpPort: z.number().int() }),
  /** The center this server runs; the desk shows times in its zone, whatever the PC's zone. */
  center: z.object({ code: z.string(), name: z.string(), timeZone: z.string() }),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
