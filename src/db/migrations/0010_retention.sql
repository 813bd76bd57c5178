-- Retention: partial indexes that let the prune-old-rows job find old, finished rows in small batches. Each
-- holds only finished rows (or clicks not yet rolled up), oldest first, so a batch reads little more than the
-- rows it removes.
-- Building them scans each table once under a lock that holds writes back meanwhile (seconds per million
-- rows); after that, each adds one small entry per row that enters it.

-- Processed inbox events, oldest applied first. Dead letters use stripe_events_dead_idx.
create index stripe_events_processed_idx on stripe_events (processed_at) where processed_at is not null;

-- Domain events already turned into deliveries.
create index domain_events_dispatched_idx on domain_events (created_at) where dispatched_at is not null;

-- Deliveries that are finished (succeeded or failed).
create index webhook_deliveries_finished_idx on webhook_deliveries (created_at) where status <> 'pending';

-- Hourly click rows (not at a UTC midnight): what is left to roll up into days once old enough.
create index clicks_hourly_idx on clicks (hour)
  where (hour at time zone 'UTC') <> date_trunc('day', hour at time zone 'UTC');
