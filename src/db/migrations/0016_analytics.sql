-- Analytics rollups: what the overview reads, so a chart over a year of a busy campaign reads a few hundred
-- rows instead of every click and payment.
--
-- click_days: link clicks per campaign per UTC day, added to in the same statement that adds a batch of
-- clicks (clicks.ts). The retention job's move of hourly rows into day rows keeps each day's total, so it
-- leaves this table alone.
create table click_days (
  campaign_id text not null,
  day date not null,
  clicks bigint not null check (clicks >= 0),
  primary key (campaign_id, day)
);

create index click_days_day_idx on click_days (day);

insert into click_days (campaign_id, day, clicks)
select campaign_id, (hour at time zone 'UTC')::date, sum(count)
from clicks
group by 1, 2;

-- revenue_days: what referred customers (Stripe customers linked to a lead) paid, per campaign, referrer, UTC
-- day and currency of the charge, in minor units: a succeeded charge adds its amount on its day, a succeeded
-- refund takes its amount away on its own day. Kept by the statement-level triggers below, one statement's
-- work per statement that writes payments, refunds or customer links, whatever path writes them; each change
-- adds the difference it makes, so concurrent writers add up.
create table revenue_days (
  campaign_id text not null,
  referrer_id text not null,
  day date not null,
  currency text not null,
  amount bigint not null,
  primary key (campaign_id, day, referrer_id, currency)
);

create index revenue_days_referrer_idx on revenue_days (referrer_id, day);

-- The same per campaign, day and currency, for the figures of whole campaigns (a few rows a day).
create table campaign_revenue_days (
  campaign_id text not null,
  day date not null,
  currency text not null,
  amount bigint not null,
  primary key (campaign_id, day, currency)
);

create index campaign_revenue_days_day_idx on campaign_revenue_days (day);

-- Money a customer paid (or got back) on a day; lead_id set: for that lead only (a new link), else for every
-- lead the customer is linked to.
create type revenue_change as (
  connection_id text,
  customer_id text,
  lead_id text,
  day date,
  currency text,
  amount bigint
);

create function add_revenue(changes revenue_change[]) returns void
language sql as $$
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
    on conflict (campaign_id, day, currency)
    do update set amount = campaign_revenue_days.amount + excluded.amount
  )
  insert into revenue_days (campaign_id, referrer_id, day, currency, amount)
  select campaign_id, referrer_id, day, currency, amount from per_referrer
  on conflict (campaign_id, day, referrer_id, currency)
  do update set amount = revenue_days.amount + excluded.amount
$$;

-- What one charge brings, refunds included: its rows `sign` times (1 to add, -1 to take away).
create function charge_revenue(
  p payments, sign integer, for_lead text default null
) returns setof revenue_change
language sql stable as $$
  select p.connection_id, p.customer_id, for_lead, (p.created_at at time zone 'UTC')::date, p.currency,
    sign * p.amount
  where p.status = 'succeeded' and p.customer_id is not null
  union all
  select p.connection_id, p.customer_id, for_lead, (r.created_at at time zone 'UTC')::date, p.currency,
    -sign * r.amount
  from refunds r
  where p.customer_id is not null and r.connection_id = p.connection_id and r.charge_id = p.charge_id
    and r.status = 'succeeded'
$$;

create function payments_revenue_inserted() returns trigger
language plpgsql as $$
begin
  perform add_revenue(array(select c from new_rows p, charge_revenue(p, 1) c));
  return null;
end
$$;

create function payments_revenue_updated() returns trigger
language plpgsql as $$
begin
  perform add_revenue(array(
    select c from old_rows p, charge_revenue(p, -1) c
    union all
    select c from new_rows p, charge_revenue(p, 1) c));
  return null;
end
$$;

create trigger payments_revenue_insert after insert on payments
  referencing new table as new_rows for each statement execute function payments_revenue_inserted();
create trigger payments_revenue_update after update on payments
  referencing old table as old_rows new table as new_rows for each statement execute function payments_revenue_updated();

-- A refund counts once its charge is known (the charge brings its refunds when it comes later).
create function refund_revenue(r refunds, sign integer) returns setof revenue_change
language sql stable as $$
  select p.connection_id, p.customer_id, null::text, (r.created_at at time zone 'UTC')::date, p.currency,
    -sign * r.amount
  from payments p
  where p.connection_id = r.connection_id and p.charge_id = r.charge_id and p.customer_id is not null
    and r.status = 'succeeded'
$$;

create function refunds_revenue_inserted() returns trigger
language plpgsql as $$
begin
  perform add_revenue(array(select c from new_rows r, refund_revenue(r, 1) c));
  return null;
end
$$;

create function refunds_revenue_updated() returns trigger
language plpgsql as $$
begin
  perform add_revenue(array(
    select c from old_rows r, refund_revenue(r, -1) c
    union all
    select c from new_rows r, refund_revenue(r, 1) c));
  return null;
end
$$;

create trigger refunds_revenue_insert after insert on refunds
  referencing new table as new_rows for each statement execute function refunds_revenue_inserted();
create trigger refunds_revenue_update after update on refunds
  referencing old table as old_rows new table as new_rows for each statement execute function refunds_revenue_updated();

-- A customer newly linked to a lead brings what they had paid before.
create function customer_links_revenue_inserted() returns trigger
language plpgsql as $$
begin
  perform add_revenue(array(
    select c
    from new_rows cl
    join payments p on p.connection_id = cl.connection_id and p.customer_id = cl.customer_id,
    charge_revenue(p, 1, cl.lead_id) c
    where cl.lead_id is not null));
  return null;
end
$$;

create trigger customer_links_revenue_insert after insert on customer_links
  referencing new table as new_rows for each statement execute function customer_links_revenue_inserted();

insert into revenue_days (campaign_id, referrer_id, day, currency, amount)
select l.campaign_id, l.referrer_id, c.day, c.currency, sum(c.amount)
from payments p
cross join charge_revenue(p, 1) c
join customer_links cl
  on cl.connection_id = c.connection_id and cl.customer_id = c.customer_id and cl.lead_id is not null
join leads l on l.id = cl.lead_id
group by 1, 2, 3, 4
having sum(c.amount) <> 0;

insert into campaign_revenue_days (campaign_id, day, currency, amount)
select campaign_id, day, currency, sum(amount) from revenue_days group by 1, 2, 3;

-- campaign_days: per campaign and UTC day, referrers who joined (sign_ups), leads referred that are not
-- rejected (leads) and of those the ones qualified now (leads_qualified), leads that qualified that day and
-- still are (qualified), and rewards issued. Kept by statement-level triggers on referrers, leads and
-- rewards like revenue_days: each statement adds the difference it makes (an update that changes none of
-- these writes nothing).
create table campaign_days (
  campaign_id text not null,
  day date not null,
  sign_ups integer not null default 0,
  leads integer not null default 0,
  leads_qualified integer not null default 0,
  qualified integer not null default 0,
  rewards_issued integer not null default 0,
  primary key (campaign_id, day)
);

create index campaign_days_day_idx on campaign_days (day);

create type campaign_day_change as (
  campaign_id text,
  day date,
  sign_ups integer,
  leads integer,
  leads_qualified integer,
  qualified integer,
  rewards_issued integer
);

create function add_campaign_days(changes campaign_day_change[]) returns void
language sql as $$
  insert into campaign_days (campaign_id, day, sign_ups, leads, leads_qualified, qualified, rewards_issued)
  select campaign_id, day, sum(sign_ups), sum(leads), sum(leads_qualified), sum(qualified), sum(rewards_issued)
  from unnest(changes)
  group by 1, 2
  having (sum(sign_ups), sum(leads), sum(leads_qualified), sum(qualified), sum(rewards_issued)) <> (0, 0, 0, 0, 0)
  on conflict (campaign_id, day) do update set
    sign_ups = campaign_days.sign_ups + excluded.sign_ups,
    leads = campaign_days.leads + excluded.leads,
    leads_qualified = campaign_days.leads_qualified + excluded.leads_qualified,
    qualified = campaign_days.qualified + excluded.qualified,
    rewards_issued = campaign_days.rewards_issued + excluded.rewards_issued
$$;

create function lead_days(l leads, sign integer) returns setof campaign_day_change
language sql stable as $$
  select l.campaign_id, v.day, 0, v.leads, v.leads_qualified, v.qualified, 0
  from (values
    ((l.created_at at time zone 'UTC')::date, sign * (l.status <> 'rejected')::int,
      sign * (l.status = 'qualified')::int, 0),
    ((l.qualified_at at time zone 'UTC')::date, 0, 0, case when l.status = 'qualified' then sign else 0 end)
  ) as v(day, leads, leads_qualified, qualified)
  where v.day is not null
$$;

create function leads_days_inserted() returns trigger
language plpgsql as $$
begin
  perform add_campaign_days(array(select c from new_rows l, lead_days(l, 1) c));
  return null;
end
$$;

create function leads_days_updated() returns trigger
language plpgsql as $$
begin
  perform add_campaign_days(array(
    select c from old_rows l, lead_days(l, -1) c
    union all
    select c from new_rows l, lead_days(l, 1) c));
  return null;
end
$$;

create trigger leads_days_insert after insert on leads
  referencing new table as new_rows for each statement execute function leads_days_inserted();
create trigger leads_days_update after update on leads
  referencing old table as old_rows new table as new_rows for each statement execute function leads_days_updated();

create function referrers_days_inserted() returns trigger
language plpgsql as $$
begin
  perform add_campaign_days(array(
    select row(r.campaign_id, (r.created_at at time zone 'UTC')::date, 1, 0, 0, 0, 0)::campaign_day_change
    from new_rows r));
  return null;
end
$$;

create trigger referrers_days_insert after insert on referrers
  referencing new table as new_rows for each statement execute function referrers_days_inserted();

create function reward_days(r rewards, sign integer) returns setof campaign_day_change
language sql stable as $$
  select r.campaign_id, (r.issued_at at time zone 'UTC')::date, 0, 0, 0, 0, sign
  where r.issued_at is not null
$$;

create function rewards_days_inserted() returns trigger
language plpgsql as $$
begin
  perform add_campaign_days(array(select c from new_rows r, reward_days(r, 1) c));
  return null;
end
$$;

create function rewards_days_updated() returns trigger
language plpgsql as $$
begin
  perform add_campaign_days(array(
    select c from old_rows r, reward_days(r, -1) c
    union all
    select c from new_rows r, reward_days(r, 1) c));
  return null;
end
$$;

create trigger rewards_days_insert after insert on rewards
  referencing new table as new_rows for each statement execute function rewards_days_inserted();
create trigger rewards_days_update after update on rewards
  referencing old table as old_rows new table as new_rows for each statement execute function rewards_days_updated();

insert into campaign_days (campaign_id, day, sign_ups, leads, leads_qualified, qualified, rewards_issued)
select campaign_id, day, sum(sign_ups), sum(leads), sum(leads_qualified), sum(qualified), sum(rewards_issued)
from (
  select c.* from leads l, lead_days(l, 1) c
  union all
  select r.campaign_id, (r.created_at at time zone 'UTC')::date, 1, 0, 0, 0, 0 from referrers r
  union all
  select c.* from rewards r, reward_days(r, 1) c
) as changes
group by 1, 2
having (sum(sign_ups), sum(leads), sum(leads_qualified), sum(qualified), sum(rewards_issued)) <> (0, 0, 0, 0, 0);

-- The top referrers rank the leads of a period: these let Postgres read them from the index alone, for one
-- campaign or all.
create index leads_created_idx on leads (campaign_id, created_at) include (referrer_id, status);
create index leads_created_all_idx on leads (created_at) include (campaign_id, referrer_id, status);
create index leads_qualified_idx on leads (campaign_id, qualified_at) include (referrer_id, status)
  where qualified_at is not null;
create index leads_qualified_all_idx on leads (qualified_at) include (campaign_id, referrer_id, status)
  where qualified_at is not null;
