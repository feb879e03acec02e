import { z } from 'zod';
import { NETWORK_MODES } from './network.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
/** §2.3 人工 hours as the server runs them (shared/time/service-hours.ts), or round the clock. */
export const centerServiceHoursSchema = z.union([
  z.literal('always'),
  z.object({ weekdays: z.array(z.number().int().min(1).max(7)), periods: z.array(z.object({ from: hhmm, to: hhmm })) }),
]);
export type CenterServiceHours = z.infer<typeof centerServiceHoursSchema>;

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  name: z.literal('agent-desk-12329'),
  version: z.string(),
  startedAt: z.string(),
  uptimeSeconds: z.number().nonnegative(),
  /** Absent on a province or ministry server: it takes no calls. */
  sip: z.object({ websocketPath: z.literal('/sip'), udpPort: z.number().int() }).optional(),
  /**
   * The center this server runs — on a province or ministry server, the area it supervises (its
   * GB/T 2260 code and name); the desk shows times in its zone, whatever the PC's zone.
   */
  center: z.object({
    code: z.string(),
    name: z.string(),
    timeZone: z.string(),
    /** Absent on a server started without the voice module (no IVR, so no 人工 hours). */
    serviceHours: centerServiceHoursSchema.optional(),
  }),
  /** What this server is in the supervision network (§3.1): a province or ministry server takes no calls. */
  network: z.object({ mode: z.enum(NETWORK_MODES), code: z.string() }).optional(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
