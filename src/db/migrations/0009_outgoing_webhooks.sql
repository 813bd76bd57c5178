-- Outgoing webhooks: the business's endpoints, one delivery per endpoint and domain event, and each attempt.

-- A domain event without dispatched_at still has to be turned into deliveries. Events recorded before this
-- version are history: they are marked dispatched so that a new endpoint is not sent the past.
alter table domain_events add column dispatched_at timestamptz;
update domain_events set dispatched_at = created_at;
create index domain_events_undispatched_idx on domain_events (id) where dispatched_at is null;

create table webhook_endpoints (
  id text primary key,
  url text not null,
  description text,
  event_types text[] not null,
  -- Sealed with VOUCH_SECRET (not hashed): every delivery is signed with it.
  secret_sealed text not null,
  -- After a rotation the previous secret also signs, until it expires.
  previous_secret_sealed text,
  previous_secret_expires_at timestamptz,
  status text not null default 'active' check (status in ('active', 'disabled')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table webhook_deliveries (
  id text primary key,
  endpoint_id text not null references webhook_endpoints (id) on delete cascade,
  event_id text not null,
  event_type text not null,
  -- The event as sent (id, object, type, created_at, data): every attempt sends the same event.
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz,
  -- Set while one process sends it, so no other sends the same attempt; a dead sender's lease runs out.
  locked_until timestamptz,
  last_status_code integer,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  unique (endpoint_id, event_id)
);

create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_endpoint_idx on webhook_deliveries (endpoint_id, id);

create table webhook_attempts (
  id bigint generated always as identity primary key,
  delivery_id text not null references webhook_deliveries (id) on delete cascade,
  trigger text not null check (trigger in ('automatic', 'replay', 'test')),
  attempted_at timestamptz not null,
  status_code integer,
  error text,
  duration_ms integer not null
);

create index webhook_attempts_delivery_idx on webhook_attempts (delivery_id, id);
