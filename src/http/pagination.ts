import { z } from 'zod';
import { type IdPrefix, isId } from '../domain/ids.js';

/** Stripe-style list parameters for a resource whose ids carry `prefix`. */
export function listQuerySchema(prefix: IdPrefix, resource: string) {
  return z.strictObject({
    limit: z.coerce
      .number({ message: 'must be a whole number from 1 to 100' })
      .int('must be a whole number from 1 to 100')
      .min(1, 'must be a whole number from 1 to 100')
      .max(100, 'must be a whole number from 1 to 100')
      .default(10)
      .describe('How many objects to return, 1 to 100 (default 10).'),
    starting_after: z
      .string()
      .refine((v) => isId(prefix, v), {
        message: `must be the id of ${resource} (${prefix}_...) from a previous page`,
      })
      .optional()
      .describe('Cursor: the id of the last object on the previous page.'),
  });
}

export function listResponseSchema<T extends z.ZodType>(item: T) {
  return z.object({
    object: z.literal('list'),
    data: z.array(item),
    has_more: z.boolean(),
    url: z.string(),
  });
}

export function listResponse<T>(url: string, page: { data: T[]; hasMore: boolean }) {
  return { object: 'list' as const, data: page.data, has_more: page.hasMore, url };
}
