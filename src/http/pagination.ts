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

/** A list that can also say how many objects its filters take in all (`include_total_count=true`). */
export function countedListResponseSchema<T extends z.ZodType>(item: T) {
  return listResponseSchema(item).extend({
    total_count: z
      .number()
      .optional()
      .describe('How many objects the filters take on every page; present with include_total_count=true'),
  });
}

export const includeTotalCountSchema = z
  .enum(['true', 'false'])
  .optional()
  .describe('true: the answer also has total_count, how many objects the filters take in all');

export function listResponse<T>(url: string, page: { data: T[]; hasMore: boolean; totalCount?: number }) {
  return {
    object: 'list' as const,
    data: page.data,
    has_more: page.hasMore,
    url,
    ...(page.totalCount !== undefined ? { total_count: page.totalCount } : {}),
  };
}
