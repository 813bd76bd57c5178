-- Connected Stripe accounts, and the inbox of Stripe events each one sent us.

create table connections (
  id text primary key,
  name text not null check (length(name) between 1 and 100),
  method text not null check (method in ('api_key', 'oauth')),
  mode text not null check (mode in ('test', 'live')),
  stripe_account_id text not null,
  default_currency text not null,
  -- The API key (or OAuth access token), sealed with VOUCH_SECRET; never returned.
  secret_key_sealed text not null,
  key_last4 text not null,
  webhook_setup text not null check (webhook_setup in ('automatic', 'manual')),
  webhook_endpoint_id text,
  webhook_secret_sealed text,
  -- Accepted too while a rotated secret settles in.
  previous_webhook_secret_sealed text,
  status text not null default 'active' check (status in ('active', 'disconnected')),
  last_event_at timestamptz,
  -- Every event created before this instant has been fetched by reconciliation.
  reconciled_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  disconnected_at timestamptz
);

-- One live link to a Stripe account and mode at a time.
create unique index connections_account_idx on connections (stripe_account_id, mode) where status = 'active';

alter table campaigns add column connection_id text references connections (id);

create table stripe_events (
  connection_id text not null references connections (id),
  id text not null,
  type text not null,
  -- When Stripe created the event.
  created_at timestamptz not null,
  payload jsonb not null,
  source text not null check (source in ('webhook', 'reconciliation')),
  received_at timestamptz not null default now(),
  processed_at timestamptz,
  attempts integer not null default 0,
  last_error text,
  dead_at timestamptz,
  primary key (connection_id, id)
);

create index stripe_events_dead_idx on stripe_events (connection_id, dead_at) where dead_at is not null;
create index stripe_events_unprocessed_idx on stripe_events (connection_id, received_at)
  where processed_at is null and dead_at is null;
