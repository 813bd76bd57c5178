/**
 * How long logs are kept. History (payment facts, customer links, lead timelines, rewards) is never pruned;
 * these are the tables that only record how work went, and the hourly detail of clicks.
 */
export type RetentionSettings = {
  /** Processed Stripe inbox events, counted from when Stripe created and Vouch applied them. */
  stripeEventsDays: number;
  /** Dead-lettered Stripe events never replayed, counted from when they were dead-lettered. */
  deadStripeEventsDays: number;
  /** Domain events already turned into webhook deliveries. */
  domainEventsDays: number;
  /** Finished webhook deliveries (succeeded or failed) and their attempts, from creation and last attempt. */
  deliveriesDays: number;
  /** Hourly click rows; older ones are rolled up into one row per referrer per UTC day. */
  clicksDays: number;
  /** Mails no longer to be sent (sent, kept in the local mailbox, suppressed, failed) and their attempts. */
  emailsDays: number;
  /** Rows per statement: each statement is short and locks only the rows it removes. */
  batchSize: number;
  /** Pause between two full batches, so the hot paths (and PGlite's one connection) get their turn. */
  pauseMs: number;
};

/**
 * Stripe resends an event for up to 3 days and lists it for 30; reconciliation dedupes against the inbox, so
 * a processed event must outlive that window, or a listed copy would be taken for a new one.
 */
export const STRIPE_EVENT_WINDOW_DAYS = 30;

export const DEFAULT_RETENTION: RetentionSettings = {
  stripeEventsDays: 35,
  deadStripeEventsDays: 180,
  domainEventsDays: 30,
  deliveriesDays: 30,
  clicksDays: 90,
  emailsDays: 90,
  batchSize: 1000,
  pauseMs: 100,
};

export type RetentionCutoffs = {
  stripeEvents: Date;
  deadStripeEvents: Date;
  domainEvents: Date;
  deliveries: Date;
  /** The start of a UTC day: whole days are rolled up at once. */
  clicks: Date;
  emails: Date;
};

const DAY_MS = 86_400_000;

/** Rows older than these instants (and finished) may go; Stripe events never inside Stripe's window. */
export function retentionCutoffs(settings: RetentionSettings, now: Date): RetentionCutoffs {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const clicks = before(settings.clicksDays);
  return {
    stripeEvents: before(Math.max(settings.stripeEventsDays, STRIPE_EVENT_WINDOW_DAYS + 1)),
    deadStripeEvents: before(Math.max(settings.deadStripeEventsDays, STRIPE_EVENT_WINDOW_DAYS + 1)),
    domainEvents: before(settings.domainEventsDays),
    deliveries: before(settings.deliveriesDays),
    clicks: new Date(Math.floor(clicks.getTime() / DAY_MS) * DAY_MS),
    emails: before(settings.emailsDays),
  };
}
