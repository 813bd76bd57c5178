-- Stripe events without a public URL: when Stripe refuses Vouch's webhook endpoint (or none is set up), the
-- connection is kept and Vouch pulls its events from Stripe's Events API into the same inbox.

-- 'none': Stripe refused to create the endpoint (no public URL); the reason is kept in webhook_error.
alter table connections drop constraint connections_webhook_setup_check;
alter table connections add constraint connections_webhook_setup_check
  check (webhook_setup in ('automatic', 'manual', 'none'));
alter table connections add column webhook_error text;

-- Polling: the newest event read so far (the cursor), when the last poll succeeded, and the last failure.
alter table connections add column events_cursor text;
alter table connections add column events_polled_at timestamptz;
alter table connections add column events_poll_error text;
alter table connections add column events_poll_failures integer not null default 0;
-- When the next poll is due: a few seconds after a good one, longer after each failure in a row.
alter table connections add column events_poll_due_at timestamptz;

-- Reconciliation's last failure and how many runs in a row failed, for health.
alter table connections add column reconcile_error text;
alter table connections add column reconcile_failures integer not null default 0;

alter table stripe_events drop constraint stripe_events_source_check;
alter table stripe_events add constraint stripe_events_source_check
  check (source in ('webhook', 'reconciliation', 'polling'));

-- Which Stripe customers had the friend's email when the lead was recorded (looked up then), so "already a
-- customer" is decided by what came first, not by Stripe's whole-second timestamps; null when not looked up.
alter table leads add column customers_at_signup text[];

-- A Stripe customer an owner links to a lead by hand (a friend who paid under another email).
alter table customer_links drop constraint customer_links_how_check;
alter table customer_links add constraint customer_links_how_check
  check (how in ('created', 'matched_email', 'updated', 'checkout', 'promotion_code', 'metadata', 'sync', 'manual'));
