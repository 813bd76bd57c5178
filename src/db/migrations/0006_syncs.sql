-- Syncs: a campaign's existing Stripe customers brought in as referrers, their referral links written back.

create table syncs (
  id text primary key,
  campaign_id text not null references campaigns (id),
  connection_id text not null references connections (id),
  kind text not null check (kind in ('one_time', 'ongoing')),
  dry_run boolean not null default false,
  -- Inbound mapping, return mapping, name version, pace: as validated by the API.
  config jsonb not null,
  -- running: a pass over the customers (or its write-backs) is under way; live: an ongoing sync between
  -- passes; stopped: the participant limit was reached; cancelled: by the API.
  status text not null check (status in ('running', 'live', 'completed', 'stopped', 'cancelled', 'failed')),
  stop_reason text,
  -- The last customer of the last committed page of the current pass (Stripe lists newest first).
  cursor text,
  listing_done boolean not null default false,
  passes integer not null default 0,
  seen integer not null default 0,
  created integer not null default 0,
  matched integer not null default 0,
  skipped jsonb not null default '{}',
  written integer not null default 0,
  already_current integer not null default 0,
  write_failures integer not null default 0,
  last_error text,
  started_at timestamptz not null default now(),
  listing_done_at timestamptz,
  finished_at timestamptz,
  next_pass_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- One sync at work per campaign (a dry run included).
create unique index syncs_active_idx on syncs (campaign_id) where status in ('running', 'live');
create index syncs_campaign_idx on syncs (campaign_id, id desc);

create table sync_skips (
  sync_id text not null references syncs (id),
  customer_id text not null,
  reason text not null check (reason in ('missing_field', 'already_referrer', 'participant_limit', 'email_taken')),
  detail text,
  created_at timestamptz not null default now(),
  primary key (sync_id, customer_id)
);

-- Write-backs: one customers.update each, its parameters computed when queued. At most one waiting per
-- customer: a later change replaces the waiting parameters (debounce). The row id is the idempotency key.
create table sync_writes (
  id bigint generated always as identity primary key,
  sync_id text not null references syncs (id),
  customer_id text not null,
  referrer_id text not null references referrers (id),
  params jsonb not null,
  attempts integer not null default 0,
  last_error text,
  done_at timestamptz,
  created_at timestamptz not null default now()
);

create unique index sync_writes_waiting_idx on sync_writes (sync_id, customer_id) where done_at is null;
create index sync_writes_queue_idx on sync_writes (sync_id, id) where done_at is null;

alter table customer_links drop constraint customer_links_how_check;
alter table customer_links add constraint customer_links_how_check
  check (how in ('created', 'matched_email', 'updated', 'checkout', 'promotion_code', 'metadata', 'sync'));
