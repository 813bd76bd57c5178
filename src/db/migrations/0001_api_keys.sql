-- API keys: secret keys (vch_sk_) for servers, publishable keys (vch_pk_) for browsers.
-- Only a SHA-256 digest of each key is stored; the key itself is shown once, at creation.
create table api_keys (
  id text primary key,
  name text not null check (length(name) between 1 and 100),
  kind text not null check (kind in ('secret', 'publishable')),
  secret_hash bytea not null unique,
  last_four text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

create index api_keys_created_idx on api_keys (id desc);

-- One row per run of the maintenance job, pruned after a week.
create table maintenance_runs (
  id text primary key,
  ran_at timestamptz not null default now(),
  pruned_rows integer not null default 0
);
