/** The domain events a business can subscribe its webhook endpoints to. */
export const OUTGOING_EVENT_TYPES = [
  'referrer.created',
  'lead.created',
  'lead.qualified',
  'lead.unqualified',
  'lead.expired',
  'lead.rejected',
  'reward.issued',
  'reward.reversed',
  'sync.completed',
] as const;

export type OutgoingEventType = (typeof OUTGOING_EVENT_TYPES)[number];

/** The event `POST /v1/webhook_endpoints/{id}/test` sends; no endpoint subscribes to it. */
export const PING_EVENT_TYPE = 'ping';

/** Attempts a delivery gets before it is marked failed (it can still be replayed by hand). */
export const DEFAULT_MAX_ATTEMPTS = 8;

const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 12 * 60 * 60 * 1000;

/**
 * How long to wait after the `attempt`-th failed attempt (1-based) before the next: 30 s, then four times
 * longer each time (2 min, 8 min, 32 min, about 2 h, about 8.5 h), at most 12 h. With 8 attempts the last
 * is about 23 hours after the first.
 */
export function defaultRetryDelayMs(attempt: number): number {
  return Math.min(FIRST_RETRY_MS * 4 ** Math.max(0, attempt - 1), LONGEST_WAIT_MS);
}

export type DeliveryState = {
  status: 'pending' | 'succeeded' | 'failed';
  nextAttemptAt: Date | null;
};

/**
 * Where a delivery goes after an attempt. Automatic attempts retry with backoff until `maxAttempts`, then
 * fail. A replay that succeeds marks the delivery succeeded; one that fails changes nothing but the log (a
 * pending delivery keeps its schedule). A test ping is tried once.
 */
export function afterAttempt(input: {
  trigger: 'automatic' | 'replay' | 'test';
  ok: boolean;
  current: DeliveryState;
  /** Attempts so far, this one included. */
  attempts: number;
  maxAttempts: number;
  retryDelayMs: (attempt: number) => number;
  now: Date;
}): DeliveryState {
  if (input.ok) return { status: 'succeeded', nextAttemptAt: null };
  if (input.trigger === 'test') return { status: 'failed', nextAttemptAt: null };
  if (input.trigger === 'replay') return input.current;
  if (input.attempts >= input.maxAttempts) return { status: 'failed', nextAttemptAt: null };
  return {
    status: 'pending',
    nextAttemptAt: new Date(input.now.getTime() + input.retryDelayMs(input.attempts)),
  };
}
