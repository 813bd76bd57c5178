-- What Vouch learns from Stripe: which customer belongs to which lead or referrer, and the money facts
-- (charges, refunds, disputes) keyed by their Stripe ids. Facts only; totals are always recomputed.

create table customer_links (
  connection_id text not null references connections (id),
  customer_id text not null,
  lead_id text references leads (id),
  referrer_id text references referrers (id),
  how text not null check (how in ('created', 'matched_email', 'updated', 'checkout', 'promotion_code', 'metadata')),
  created_at timestamptz not null default now(),
  check ((lead_id is null) <> (referrer_id is null))
);

create unique index customer_links_lead_idx on customer_links (connection_id, customer_id, lead_id) where lead_id is not null;
create unique index customer_links_referrer_idx on customer_links (connection_id, customer_id, referrer_id)
  where referrer_id is not null;
create index customer_links_customer_idx on customer_links (connection_id, customer_id);
create index customer_links_by_lead_idx on customer_links (lead_id) where lead_id is not null;

create table payments (
  connection_id text not null references connections (id),
  charge_id text not null,
  customer_id text,
  amount bigint not null,
  currency text not null,
  -- In the account's default currency, from the balance transaction.
  settled_amount bigint not null,
  status text not null,
  created_at timestamptz not null,
  -- The Stripe event time of the version stored: an older event never overwrites a newer one.
  observed_at bigint not null,
  primary key (connection_id, charge_id)
);

create index payments_customer_idx on payments (connection_id, customer_id);

create table refunds (
  connection_id text not null references connections (id),
  refund_id text not null,
  charge_id text not null,
  amount bigint not null,
  settled_amount bigint not null,
  status text not null,
  created_at timestamptz not null,
  observed_at bigint not null,
  primary key (connection_id, refund_id)
);

create index refunds_charge_idx on refunds (connection_id, charge_id);

create table disputes (
  connection_id text not null references connections (id),
  dispute_id text not null,
  charge_id text not null,
  amount bigint not null,
  settled_amount bigint not null,
  status text not null,
  created_at timestamptz not null,
  observed_at bigint not null,
  primary key (connection_id, dispute_id)
);

create index disputes_charge_idx on disputes (connection_id, charge_id);

alter table leads add column qualified_at timestamptz;
alter table leads add column net_spend bigint not null default 0;

-- Things that happened in the domain (lead.qualified, ...), for rewards and outgoing webhooks to consume.
create table domain_events (
  id text primary key,
  type text not null,
  campaign_id text not null,
  lead_id text,
  referrer_id text,
  data jsonb not null default '{}',
  created_at timestamptz not null default now()
);

create index domain_events_type_idx on domain_events (type, id);
