import type { z } from 'zod';

/** Events of this domain pushed on /api/v1/events; add z.object({ type: z.literal('…'), … }) entries. */
export const acdEventSchemas = [] as const satisfies readonly z.ZodObject[];
