import { z } from 'zod';
import { isoTime } from './api-shapes.js';
import { leadSchema } from './lead.js';
import { type OutgoingEventType, PING_EVENT_TYPE } from './outgoing-webhooks.js';
import { referrerSchema } from './referrer.js';
import { rewardSchema } from './reward.js';
import { syncKindSchema, syncStatusSchema } from './sync-config.js';

/**
 * What each outgoing webhook event carries: the ids it concerns, then the object as the API shows it (the
 * same schema as the API's) or what happened.
 */

const ids = {
  campaign_id: z.string(),
  referrer_id: z.string(),
  lead_id: z.string(),
};

const leadEvent = z.object({ ...ids, lead: leadSchema });

const verdictEvent = z.object({
  ...ids,
  net_spend: z.number().describe("The friend's net spend after this verdict, in minor units"),
  stripe_object: z.string().nullable().describe('The Stripe object that caused it'),
  stripe_event: z.string().nullable().describe('The Stripe event that caused it'),
  cause: z.string().describe('What caused it, such as a payment, a refund or the window closing'),
});

const rewardEvent = z.object({ ...ids, reward: rewardSchema });

export const outgoingEventDataSchemas = {
  'referrer.created': z.object({
    campaign_id: ids.campaign_id,
    referrer_id: ids.referrer_id,
    referrer: referrerSchema,
  }),
  'lead.created': leadEvent,
  'lead.rejected': leadEvent,
  'lead.qualified': verdictEvent,
  'lead.unqualified': verdictEvent,
  'lead.expired': verdictEvent,
  'reward.issued': rewardEvent,
  'reward.reversed': rewardEvent,
  'sync.completed': z.object({
    campaign_id: ids.campaign_id,
    sync_id: z.string(),
    status: syncStatusSchema.describe('The sync status after this pass'),
    kind: syncKindSchema,
    dry_run: z.boolean(),
    stop_reason: z.string().nullable(),
    customers_seen: z.number(),
    referrers_created: z.number(),
    already_referrers: z.number(),
  }),
} satisfies Record<OutgoingEventType, z.ZodType>;

/** An outgoing event as sent: the same body on every attempt of a delivery. */
export function outgoingEventSchema<D extends z.ZodType>(data: D) {
  return z.object({
    id: z.string(),
    object: z.literal('event'),
    type: z.string(),
    created_at: isoTime,
    data,
  });
}

const body = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.object({ id: z.string(), object: z.literal('event'), type: z.literal(type), created_at: isoTime, data });

/** Every body an endpoint can receive, by type. */
const sentEventBodySchema = z.union([
  body('referrer.created', outgoingEventDataSchemas['referrer.created']),
  body('lead.created', outgoingEventDataSchemas['lead.created']),
  body('lead.rejected', outgoingEventDataSchemas['lead.rejected']),
  body('lead.qualified', outgoingEventDataSchemas['lead.qualified']),
  body('lead.unqualified', outgoingEventDataSchemas['lead.unqualified']),
  body('lead.expired', outgoingEventDataSchemas['lead.expired']),
  body('reward.issued', outgoingEventDataSchemas['reward.issued']),
  body('reward.reversed', outgoingEventDataSchemas['reward.reversed']),
  body('sync.completed', outgoingEventDataSchemas['sync.completed']),
  body(PING_EVENT_TYPE, z.object({ endpoint_id: z.string() })),
]);

/** A body stored by an earlier version in a shape this one no longer sends: shown as the text it was sent. */
const earlierEventBodySchema = z.object({
  id: z.string(),
  object: z.literal('event'),
  type: z.string(),
  created_at: z.string(),
  data: z.null().describe('null: this body has an earlier shape; `as_sent` holds it'),
  as_sent: z.string().describe('The body as it was sent, as JSON text'),
});

/** A delivery's body as the delivery log shows it. */
export const outgoingEventBodySchema = z.union([sentEventBodySchema, earlierEventBodySchema]);
export type OutgoingEventBody = z.infer<typeof outgoingEventBodySchema>;

/** Reads a stored delivery body through its type's schema. */
export function readEventBody(stored: Record<string, unknown>): OutgoingEventBody {
  const parsed = sentEventBodySchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  return {
    id: String(stored.id),
    object: 'event',
    type: String(stored.type),
    created_at: String(stored.created_at),
    data: null,
    as_sent: JSON.stringify(stored),
  };
}
