import type { LeadEventRow, LeadRow } from '../db/tables.js';
import { storedMetadataSchema, type TimelineEntry, toTimelineEntry } from '../domain/api-shapes.js';
import type { Lead } from '../domain/lead.js';

export type { Lead } from '../domain/lead.js';
export type LeadEvent = TimelineEntry;

export const toLeadEvent = (row: LeadEventRow): LeadEvent => toTimelineEntry(row);

/** The lead as the API and the `lead.created` and `lead.rejected` events show it. */
export function toLead(row: LeadRow, timeline?: LeadEventRow[]): Lead {
  return {
    id: row.id,
    object: 'lead',
    campaign_id: row.campaign_id,
    referrer_id: row.referrer_id,
    email: row.email,
    first_name: row.first_name,
    last_name: row.last_name,
    metadata: storedMetadataSchema.parse(row.metadata),
    source: row.source,
    status: row.status,
    rejection_reason: row.rejection_reason,
    referred_at: row.referred_at.toISOString(),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    ...(timeline ? { timeline: timeline.map(toLeadEvent) } : {}),
  };
}
