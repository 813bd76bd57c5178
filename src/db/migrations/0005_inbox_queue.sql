-- The inbox is its own queue: an event waiting to be applied is a row with no processed_at, taken by the
-- worker in order of available_at (when it may next be tried: on arrival, or after a failure's backoff).
-- One row per event: the webhook's acknowledgement waits for one insert, not an inbox row and a job.

alter table stripe_events add column available_at timestamptz not null default now();

drop index stripe_events_unprocessed_idx;
create index stripe_events_pending_idx on stripe_events (available_at)
  where processed_at is null and dead_at is null;
