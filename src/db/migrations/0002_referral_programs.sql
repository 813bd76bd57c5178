-- Referral programs: campaigns, the people referring (referrers), the people invited (leads),
-- each lead's timeline, and link clicks counted per referrer per hour.

create table campaigns (
  id text primary key,
  name text not null check (length(name) between 1 and 200),
  status text not null default 'draft' check (status in ('draft', 'live', 'paused', 'archived')),
  -- Where a referral link lands; null lands on the hosted friend page.
  destination_url text,
  -- Most participants (referrers plus leads that are not rejected); null means no limit.
  participant_limit integer check (participant_limit > 0),
  participant_count integer not null default 0 check (participant_count >= 0),
  allowed_origins text[] not null default '{}',
  cookie_days integer not null default 30 check (cookie_days between 1 and 730),
  auto_referral_codes boolean not null default false,
  settings jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz,
  check (participant_limit is null or participant_count <= participant_limit)
);

create table referrers (
  id text primary key,
  campaign_id text not null references campaigns (id),
  email text not null,
  email_normalized text not null,
  first_name text not null,
  last_name text,
  metadata jsonb not null default '{}',
  source text not null check (source in ('api', 'hosted_page', 'import', 'sync')),
  slug text not null unique,
  referral_code text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (campaign_id, email_normalized)
);

-- Codes are unique per campaign whatever their case.
create unique index referrers_code_idx on referrers (campaign_id, upper(referral_code)) where referral_code is not null;
create index referrers_campaign_idx on referrers (campaign_id, id desc);

create table leads (
  id text primary key,
  campaign_id text not null references campaigns (id),
  referrer_id text not null references referrers (id),
  email text not null,
  email_normalized text not null,
  first_name text,
  last_name text,
  metadata jsonb not null default '{}',
  source text not null check (source in ('api', 'browser', 'hosted_page', 'checkout', 'promotion_code', 'offline')),
  status text not null default 'pending'
    check (status in ('pending', 'qualified', 'unqualified', 'rejected', 'expired')),
  rejection_reason text
    check (rejection_reason in ('self_referral', 'already_lead', 'existing_customer', 'campaign_limit')),
  referred_at timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'rejected') = (rejection_reason is not null))
);

-- One friend is one lead per campaign; a rejected attempt is kept once per referrer, for the record.
create unique index leads_friend_idx on leads (campaign_id, email_normalized) where status <> 'rejected';
create unique index leads_rejected_idx on leads (campaign_id, referrer_id, email_normalized) where status = 'rejected';
create index leads_campaign_idx on leads (campaign_id, id desc);
create index leads_referrer_idx on leads (referrer_id, status);

create table lead_events (
  id text primary key,
  lead_id text not null references leads (id),
  type text not null,
  message text not null,
  status text not null,
  data jsonb not null default '{}',
  created_at timestamptz not null default now()
);

create index lead_events_lead_idx on lead_events (lead_id, id);

-- Narrow and append-friendly: one row per referrer per hour, incremented in batches.
create table clicks (
  referrer_id text not null references referrers (id),
  hour timestamptz not null,
  campaign_id text not null,
  count integer not null check (count > 0),
  primary key (referrer_id, hour)
);

create index clicks_campaign_idx on clicks (campaign_id, hour);
