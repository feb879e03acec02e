import { z } from 'zod';

/** Messages the server pushes on /api/v1/events. Later issues add agent, queue and call events. */
export const serverEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), version: z.string(), serverTime: z.string() }),
]);
export type ServerEvent = z.infer<typeof serverEventSchema>;
