-- Referral codes as Stripe promotion codes: each campaign's coupon, one promotion code per referrer under
-- it, and every use of a referral code (at a Stripe checkout, on an invoice, or typed at a till).

-- A removed referrer keeps its history (leads, clicks) but no longer refers anyone.
alter table referrers add column removed_at timestamptz;

create table campaign_coupons (
  campaign_id text primary key references campaigns (id),
  connection_id text not null references connections (id),
  coupon_id text not null,
  -- created: Vouch made it in Stripe; existing: picked from the account's coupons.
  origin text not null check (origin in ('created', 'existing')),
  -- The coupon as Stripe last described it: amount_off, currency, percent_off, duration, ...
  details jsonb not null,
  -- Set when Stripe says the coupon was deleted: its codes no longer work at checkout.
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table promotion_codes (
  id text primary key,
  campaign_id text not null references campaigns (id),
  referrer_id text not null references referrers (id),
  connection_id text not null references connections (id),
  coupon_id text not null,
  -- The text a customer types: the referrer's referral code (null until the referrer is given one).
  code text,
  -- The rules it was made with (Stripe cannot change a promotion code's restrictions later).
  rules jsonb not null,
  stripe_id text,
  -- pending: to be made in Stripe; deactivating: to be switched off in Stripe; failed: see error_code.
  status text not null check (status in ('pending', 'active', 'deactivating', 'inactive', 'failed')),
  error_code text,
  last_error text,
  attempts integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- One current code per referrer and campaign; replaced codes stay, inactive, for the record.
create unique index promotion_codes_referrer_idx on promotion_codes (campaign_id, referrer_id)
  where status in ('pending', 'active', 'failed');
create unique index promotion_codes_stripe_idx on promotion_codes (connection_id, stripe_id)
  where stripe_id is not null;
create index promotion_codes_work_idx on promotion_codes (campaign_id, id)
  where status in ('pending', 'deactivating');

create table code_redemptions (
  id text primary key,
  campaign_id text not null references campaigns (id),
  referrer_id text not null references referrers (id),
  lead_id text references leads (id),
  promotion_code_id text references promotion_codes (id),
  source text not null check (source in ('checkout', 'invoice', 'offline')),
  -- The order the code paid for: a subscription (its first checkout and every renewal are one use), a
  -- checkout session, an invoice, or the till's own order reference.
  reference text not null,
  customer_id text,
  amount bigint,
  currency text,
  -- Whether the use counts for qualification; refusal says why not (a rule the use broke).
  counted boolean not null,
  refusal text check (refusal in ('expired', 'max_redemptions', 'minimum_amount', 'not_first_order',
    'already_lead', 'self_referral', 'campaign_limit', 'campaign_not_live', 'referrer_removed')),
  redeemed_at timestamptz not null,
  created_at timestamptz not null default now(),
  unique (campaign_id, reference),
  check (counted = (refusal is null))
);

create index code_redemptions_referrer_idx on code_redemptions (referrer_id, counted);
create index code_redemptions_lead_idx on code_redemptions (lead_id) where lead_id is not null;
