import { z } from 'zod';

export const systemEventSchemas = [z.object({ type: z.literal('hello'), version: z.string(), serverTime: z.string() })] as const;
