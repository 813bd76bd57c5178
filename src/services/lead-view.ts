import type { LeadEventRow, LeadRow, LeadSource, RejectionReason } from '../db/tables.js';

export type LeadEvent = {
  id: string;
  type: string;
  message: string;
  status: string;
  data: Record<string, unknown>;
  created_at: string;
};

export type Lead = {
  id: string;
  object: 'lead';
  campaign_id: string;
  referrer_id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  metadata: Record<string, unknown>;
  source: LeadSource;
  status: LeadRow['status'];
  rejection_reason: RejectionReason | null;
  referred_at: string;
  created_at: string;
  updated_at: string;
  timeline?: LeadEvent[];
};

export const toLeadEvent = (row: LeadEventRow): LeadEvent => ({
  id: row.id,
  type: row.type,
  message: row.message,
  status: row.status,
  data: row.data,
  created_at: row.created_at.toISOString(),
});

export function toLead(row: LeadRow, timeline?: LeadEventRow[]): Lead {
  return {
    id: row.id,
    object: 'lead',
    campaign_id: row.campaign_id,
    referrer_id: row.referrer_id,
    email: row.email,
    first_name: row.first_name,
    last_name: row.last_name,
    metadata: row.metadata,
    source: row.source,
    status: row.status,
    rejection_reason: row.rejection_reason,
    referred_at: row.referred_at.toISOString(),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    ...(timeline ? { timeline: timeline.map(toLeadEvent) } : {}),
  };
}
