-- A publishable key may be limited to some campaigns; null reaches every campaign.
alter table api_keys add column campaign_ids text[];

-- What a browser is given for a sign-up instead of the lead itself: an opaque reference, not time-ordered,
-- the same for a new and a known email. The snippet puts it in Stripe's client_reference_id.
alter table leads add column receipt_id text;
create unique index leads_receipt_idx on leads (receipt_id) where receipt_id is not null;

-- Whether a participant holds one of the campaign's places. People who signed up on a public surface (a
-- browser with the publishable key, a hosted page) take a place only once Stripe vouches for them, when the
-- campaign counts verified participants only.
alter table leads add column counted boolean not null default true;
update leads set counted = false where status = 'rejected';
alter table referrers add column counted boolean not null default true;
alter table campaigns add column participant_limit_counts text not null default 'verified'
  check (participant_limit_counts in ('verified', 'all'));

-- Rate limits shared by every process: hits per key in the current fixed window. Counters, not records:
-- unlogged (a crash may reset them), pruned by the maintenance job.
create unlogged table rate_limit_windows (
  key text primary key,
  window_start timestamptz not null,
  hits integer not null
);

-- Work a person waits on (a friend's or a referrer's Stripe customer), held by a short lease that its
-- worker renews while it runs: a worker that dies lets another take the task over within seconds.
create table tasks (
  id text primary key,
  kind text not null check (kind in ('stripe_lead_customer', 'stripe_referrer_customer')),
  subject_id text not null,
  -- Bumped each time the task is asked for again, so a run that started earlier does not delete it.
  generation integer not null default 1,
  available_at timestamptz not null,
  locked_until timestamptz,
  attempts integer not null default 0,
  last_error text,
  failed_at timestamptz,
  created_at timestamptz not null,
  unique (kind, subject_id)
);
create index tasks_due_idx on tasks (available_at) where failed_at is null;

-- Jobs of the same work queued before this version are carried over, so an upgrade loses none.
do $$
begin
  if to_regclass('pgboss.job') is not null then
    insert into tasks (id, kind, subject_id, available_at, created_at)
    select distinct on (kind, subject_id) 'tsk_' || substr(md5(random()::text || j.id::text), 1, 26), kind,
      subject_id, now(), now()
    from (
      select id, 'stripe_lead_customer' as kind, data ->> 'lead_id' as subject_id
      from pgboss.job where name = 'stripe-lead-customer' and state in ('created', 'retry', 'active')
      union all
      select id, 'stripe_referrer_customer', data ->> 'referrer_id'
      from pgboss.job where name = 'stripe-referrer-customer' and state in ('created', 'retry', 'active')
    ) j
    where subject_id is not null
    on conflict (kind, subject_id) do nothing;
  end if;
end $$;
