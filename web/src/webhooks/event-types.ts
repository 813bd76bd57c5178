import type { EventType } from './queries';

/**
 * The event types an endpoint may subscribe to, as the API documents them (the enum of `event_types` in the
 * OpenAPI document). The type check below fails when the API gains or loses one, so this list cannot drift.
 */
export const EVENT_TYPES = [
  'referrer.created',
  'lead.created',
  'lead.qualified',
  'lead.unqualified',
  'lead.expired',
  'lead.rejected',
  'reward.issued',
  'reward.reversed',
  'sync.completed',
] as const satisfies readonly EventType[];

type Missing = Exclude<EventType, (typeof EVENT_TYPES)[number]>;
const everyTypeListed: [Missing] extends [never] ? true : Missing = true;
void everyTypeListed;
