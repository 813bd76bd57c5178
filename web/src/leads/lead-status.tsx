import type { MantineColor } from '@mantine/core';
import { StatusBadge } from '../ui/status-badge';
import type { LeadStatus } from './queries';

/** Every status a lead can have, its colour and what it means (the typecheck fails when the API gains one). */
export const LEAD_STATUSES: Record<LeadStatus, { color: MantineColor; label: string }> = {
  pending: { color: 'blue', label: 'Pending' },
  qualified: { color: 'green', label: 'Qualified' },
  unqualified: { color: 'orange', label: 'Unqualified' },
  rejected: { color: 'red', label: 'Rejected' },
  expired: { color: 'gray', label: 'Expired' },
};

const COLORS = Object.fromEntries(Object.entries(LEAD_STATUSES).map(([s, { color }]) => [s, color]));

export function LeadStatusBadge({ status }: { status: LeadStatus }) {
  return <StatusBadge status={status} colors={COLORS} />;
}
