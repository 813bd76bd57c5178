import { z } from 'zod';
import type { StripeEventRow } from '../db/tables.js';
import { timestamp } from './schemas.js';

/** An event of a connection's inbox, as the connection's inbox and a lead's failed events show it. */
export const stripeEventSchema = z.object({
  id: z.string(),
  object: z.literal('stripe_event'),
  connection_id: z.string(),
  type: z.string(),
  created_at: timestamp,
  received_at: timestamp,
  source: z.enum(['webhook', 'reconciliation', 'polling']).describe('How the event reached Vouch'),
  processed_at: timestamp.nullable(),
  attempts: z.number(),
  last_error: z.string().nullable(),
  dead_at: timestamp.nullable(),
});

export function presentStripeEvent(r: StripeEventRow): z.infer<typeof stripeEventSchema> {
  return {
    id: r.id,
    object: 'stripe_event',
    connection_id: r.connection_id,
    type: r.type,
    created_at: r.created_at.toISOString(),
    received_at: r.received_at.toISOString(),
    source: r.source,
    processed_at: r.processed_at?.toISOString() ?? null,
    attempts: r.attempts,
    last_error: r.last_error,
    dead_at: r.dead_at?.toISOString() ?? null,
  };
}
