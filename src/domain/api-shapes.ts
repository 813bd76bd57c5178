import { z } from 'zod';

/** Pieces several resources share, as the API and the outgoing webhooks show them. */

export const isoTime = z.string().describe('ISO 8601, UTC');

/** Metadata as stored and shown: the API and the imports only ever store strings. */
export const storedMetadataSchema = z
  .record(z.string(), z.string())
  .describe('Your own key-value pairs (strings)');

export type StoredMetadata = z.infer<typeof storedMetadataSchema>;

/** The details of a timeline entry or event: flat, each value a string, number, boolean or null. */
export const detailsSchema = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
  .describe('Details of what happened: Stripe object and event ids, amounts, reasons');

export type Details = z.infer<typeof detailsSchema>;

export const moneySchema = z.object({
  amount: z.number().describe('Minor units'),
  currency: z.string().describe('Lower-case ISO code'),
});

export type Money = z.infer<typeof moneySchema>;

/** One entry of a lead's or a reward's timeline. */
export const timelineEntrySchema = z.object({
  id: z.string(),
  type: z.string(),
  message: z.string().describe('What happened and why, in words'),
  status: z.string().describe('The status after this event'),
  data: detailsSchema,
  created_at: isoTime,
});

export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** A timeline entry as stored (its details JSON read back with the schema) to as it is shown. */
export function toTimelineEntry(entry: {
  id: string;
  type: string;
  message: string;
  status: string;
  data: unknown;
  created_at: Date;
}): TimelineEntry {
  return {
    id: entry.id,
    type: entry.type,
    message: entry.message,
    status: entry.status,
    data: detailsSchema.parse(entry.data),
    created_at: entry.created_at.toISOString(),
  };
}
