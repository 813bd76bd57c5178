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

create index revenue_days_day_idx on revenue_days (day);
create index revenue_days_referrer_idx on revenue_days (referrer_id, day);

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
  insert into revenue_days (campaign_id, referrer_id, day, currency, amount)
  select l.campaign_id, l.referrer_id, c.day, c.currency, sum(c.amount)
  from unnest(changes) as c
  join customer_links cl
    on cl.connection_id = c.connection_id and cl.customer_id = c.customer_id and cl.lead_id is not null
   and (c.lead_id is null or cl.lead_id = c.lead_id)
  join leads l on l.id = cl.lead_id
  group by 1, 2, 3, 4
  having sum(c.amount) <> 0
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

-- The overview counts leads, qualifications, sign-ups and rewards over a time range.
create index leads_created_idx on leads (campaign_id, created_at);
create index leads_qualified_idx on leads (campaign_id, qualified_at) where qualified_at is not null;
create index referrers_created_idx on referrers (campaign_id, created_at);
create index rewards_issued_idx on rewards (campaign_id, issued_at) where issued_at is not null;
