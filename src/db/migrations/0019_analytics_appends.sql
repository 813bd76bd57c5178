-- The day totals of 0016 took each change as an upsert into the day's one row: every transaction that stored
-- a payment or qualified a lead held its campaign's row for the day until it committed, so concurrent writers
-- of one campaign waited for each other. Now a change is appended as a row of its own (unfolded), which waits
-- for no one; the readers already add up every row of a key, and `fold_analytics()` (the fold-analytics job,
-- every minute) replaces the rows of each key that has unfolded ones with their sum.
alter table campaign_days drop constraint campaign_days_pkey;
alter table campaign_days add column folded boolean not null default true;
alter table campaign_days alter column folded set default false;
create index campaign_days_key_idx on campaign_days (campaign_id, day);
create index campaign_days_unfolded_idx on campaign_days (campaign_id, day) where not folded;

alter table revenue_days drop constraint revenue_days_pkey;
alter table revenue_days add column folded boolean not null default true;
alter table revenue_days alter column folded set default false;
create index revenue_days_key_idx on revenue_days (campaign_id, day, referrer_id, currency);
create index revenue_days_unfolded_idx on revenue_days (campaign_id, day, referrer_id, currency) where not folded;

alter table campaign_revenue_days drop constraint campaign_revenue_days_pkey;
alter table campaign_revenue_days add column folded boolean not null default true;
alter table campaign_revenue_days alter column folded set default false;
create index campaign_revenue_days_key_idx on campaign_revenue_days (campaign_id, day, currency);
create index campaign_revenue_days_unfolded_idx on campaign_revenue_days (campaign_id, day, currency)
  where not folded;

-- The two functions every trigger calls are PL/pgSQL now, not SQL: a session plans their statements once
-- instead of at every call, and a statement that changes no total (a payment of a customer no lead is linked
-- to, the usual case) returns at once.
create or replace function add_revenue(changes revenue_change[]) returns void
language plpgsql as $$
begin
  if cardinality(changes) = 0 then
    return;
  end if;
  with per_referrer as (
    select l.campaign_id, l.referrer_id, c.day, c.currency, sum(c.amount) as amount
    from unnest(changes) as c
    join customer_links cl
      on cl.connection_id = c.connection_id and cl.customer_id = c.customer_id and cl.lead_id is not null
     and (c.lead_id is null or cl.lead_id = c.lead_id)
    join leads l on l.id = cl.lead_id
    group by 1, 2, 3, 4
    having sum(c.amount) <> 0
  ), per_campaign as (
    insert into campaign_revenue_days (campaign_id, day, currency, amount)
    select campaign_id, day, currency, sum(amount) from per_referrer
    group by 1, 2, 3
  )
  insert into revenue_days (campaign_id, referrer_id, day, currency, amount)
  select campaign_id, referrer_id, day, currency, amount from per_referrer;
end
$$;

create or replace function add_campaign_days(changes campaign_day_change[]) returns void
language plpgsql as $$
begin
  if cardinality(changes) = 0 then
    return;
  end if;
  insert into campaign_days (campaign_id, day, sign_ups, leads, leads_qualified, qualified, rewards_issued)
  select campaign_id, day, sum(sign_ups), sum(leads), sum(leads_qualified), sum(qualified), sum(rewards_issued)
  from unnest(changes)
  group by 1, 2
  having (sum(sign_ups), sum(leads), sum(leads_qualified), sum(qualified), sum(rewards_issued)) <> (0, 0, 0, 0, 0);
end
$$;

-- Most payments are not a referred customer's: the statement's rows are looked up once, and when none has a
-- lead nothing more is done.
create or replace function payments_revenue_inserted() returns trigger
language plpgsql as $$
begin
  if not exists (
    select 1 from new_rows p
    join customer_links cl
      on cl.connection_id = p.connection_id and cl.customer_id = p.customer_id and cl.lead_id is not null
  ) then
    return null;
  end if;
  perform add_revenue(array(select c from new_rows p, charge_revenue(p, 1) c));
  return null;
end
$$;

-- Folds in one statement per table: a reader sees the rows before or after, the same sums either way. Rows
-- appended by transactions that commit meanwhile stay unfolded until the next fold. Returns the rows folded.
create function fold_analytics() returns integer
language sql as $$
  with days_keys as (
    select distinct campaign_id, day from campaign_days where not folded
  ), days_gone as (
    delete from campaign_days d using days_keys k
    where d.campaign_id = k.campaign_id and d.day = k.day
    returning d.*
  ), days_folded as (
    insert into campaign_days (campaign_id, day, sign_ups, leads, leads_qualified, qualified, rewards_issued,
      folded)
    select campaign_id, day, sum(sign_ups), sum(leads), sum(leads_qualified), sum(qualified), sum(rewards_issued),
      true
    from days_gone
    group by 1, 2
    having (sum(sign_ups), sum(leads), sum(leads_qualified), sum(qualified), sum(rewards_issued)) <> (0, 0, 0, 0, 0)
  ), revenue_keys as (
    select distinct campaign_id, day, referrer_id, currency from revenue_days where not folded
  ), revenue_gone as (
    delete from revenue_days r using revenue_keys k
    where r.campaign_id = k.campaign_id and r.day = k.day and r.referrer_id = k.referrer_id
      and r.currency = k.currency
    returning r.*
  ), revenue_folded as (
    insert into revenue_days (campaign_id, referrer_id, day, currency, amount, folded)
    select campaign_id, referrer_id, day, currency, sum(amount), true
    from revenue_gone
    group by 1, 2, 3, 4
    having sum(amount) <> 0
  ), campaign_revenue_keys as (
    select distinct campaign_id, day, currency from campaign_revenue_days where not folded
  ), campaign_revenue_gone as (
    delete from campaign_revenue_days r using campaign_revenue_keys k
    where r.campaign_id = k.campaign_id and r.day = k.day and r.currency = k.currency
    returning r.*
  ), campaign_revenue_folded as (
    insert into campaign_revenue_days (campaign_id, day, currency, amount, folded)
    select campaign_id, day, currency, sum(amount), true
    from campaign_revenue_gone
    group by 1, 2, 3
    having sum(amount) <> 0
  )
  select ((select count(*) from days_gone) + (select count(*) from revenue_gone)
    + (select count(*) from campaign_revenue_gone))::int
$$;
