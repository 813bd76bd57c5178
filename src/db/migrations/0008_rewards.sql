-- Rewards: what a qualified referral gives the referrer, the friend or both, through Stripe. One reward per
-- lead and recipient, whatever happens to the lead's qualification, so a duplicate qualification can never
-- give twice; each Stripe call is keyed by the reward's id, so a retry or a crash never gives twice either.

create table rewards (
  id text primary key,
  campaign_id text not null references campaigns (id),
  lead_id text not null references leads (id),
  referrer_id text not null references referrers (id),
  recipient text not null check (recipient in ('referrer', 'friend')),
  connection_id text not null references connections (id),
  kind text not null check (kind in ('coupon', 'balance_credit', 'promotion_code')),
  -- What it is worth in minor units of `currency` (a credit's amount, a coupon's amount off), when known.
  amount bigint check (amount > 0),
  currency text,
  coupon_id text,
  -- held: waits for the hold period; pending_approval: waits for a person; pending: to be issued;
  -- reversing: issued, to be taken back in Stripe.
  status text not null check (status in ('held', 'pending_approval', 'pending', 'issued', 'failed',
    'cancelled', 'reversing', 'reversed')),
  -- Why a reward was cancelled: the lead lost its qualification, or a cap or the budget was reached.
  cancel_reason text check (cancel_reason in ('unqualified', 'per_referrer_cap', 'budget', 'by_request')),
  issue_after timestamptz not null,
  -- The recipient's Stripe customer, and what Stripe made: a balance transaction, a promotion code, or the
  -- subscription the coupon was applied to.
  customer_id text,
  stripe_object text,
  promotion_code text,
  reversal_object text,
  -- Set when an issued reward could not be taken back in Stripe: the business decides.
  review text,
  attempts integer not null default 0,
  last_error text,
  issued_at timestamptz,
  cancelled_at timestamptz,
  reversed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (lead_id, recipient),
  check ((status = 'cancelled') = (cancel_reason is not null))
);

create index rewards_work_idx on rewards (campaign_id, issue_after) where status in ('held', 'pending', 'reversing');
create index rewards_campaign_idx on rewards (campaign_id, id desc);
create index rewards_referrer_idx on rewards (referrer_id, id desc);

create table reward_events (
  id text primary key,
  reward_id text not null references rewards (id),
  type text not null,
  message text not null,
  status text not null,
  data jsonb not null default '{}',
  created_at timestamptz not null default now()
);

create index reward_events_reward_idx on reward_events (reward_id, id);
