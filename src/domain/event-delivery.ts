/** How a connection's Stripe events reach Vouch. */
export type EventDelivery = 'webhooks' | 'polling' | 'both';

/**
 * Vouch's own endpoint: webhooks (reconciliation every few minutes catches what they miss). An endpoint made
 * by hand, or a Stripe CLI forwarding to this server: webhooks, and polling too, as such endpoints come and go.
 * No endpoint (Stripe refused it, typically because this server has no public URL): polling alone.
 */
export function eventDelivery(connection: {
  webhook_setup: 'automatic' | 'manual' | 'none';
  webhook_secret_sealed: string | null;
}): EventDelivery {
  if (connection.webhook_setup === 'automatic') return 'webhooks';
  return connection.webhook_secret_sealed ? 'both' : 'polling';
}

/** Seconds between polls of a connection's events while they go well. */
export const POLL_INTERVAL_MS = 2000;

/** The wait before the next poll after `failures` failed polls in a row: doubling, at most a minute. */
export function nextPollDelayMs(failures: number): number {
  return failures === 0 ? POLL_INTERVAL_MS : Math.min(POLL_INTERVAL_MS * 2 ** failures, 60_000);
}
