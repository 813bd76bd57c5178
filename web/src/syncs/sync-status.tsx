import { StatusBadge } from '../ui/status-badge';
import type { Sync } from './queries';

const COLORS = {
  running: 'blue',
  live: 'teal',
  completed: 'green',
  stopped: 'yellow',
  cancelled: 'gray',
  failed: 'red',
};

export function SyncStatusBadge({ status }: { status: Sync['status'] }) {
  return <StatusBadge status={status} colors={COLORS} />;
}

export const KIND_LABEL: Record<Sync['kind'], string> = {
  one_time: 'One-time',
  ongoing: 'Ongoing',
};
