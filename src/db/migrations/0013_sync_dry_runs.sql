-- Syncs: every customer a sync has met, once, with where it stands. An ongoing sync meets a customer again and
-- again (its own write-backs come back as customer.updated, each catch-up pass lists everyone): its progress
-- counts each customer once, and moves a customer from one count to another only when its standing changes
-- (a skipped customer that later becomes a referrer). A dry run keeps the email of each referrer it would make,
-- so that a later customer with that email counts as already a referrer, as in the real run.
create table sync_customers (
  sync_id text not null references syncs (id),
  customer_id text not null,
  standing text not null
    check (standing in ('created', 'matched', 'missing_field', 'already_referrer', 'participant_limit', 'email_taken')),
  -- A dry run's would-be referrer: its normalized email; null otherwise.
  email_normalized text,
  primary key (sync_id, customer_id)
);

create index sync_customers_planned_idx on sync_customers (sync_id, email_normalized)
  where email_normalized is not null;

-- Ongoing syncs past their first pass have met every customer linked to their campaign and every customer
-- they skipped: recorded, so that those customers coming back are not counted again.
insert into sync_customers (sync_id, customer_id, standing)
select distinct s.id, l.customer_id, 'matched'
from syncs s
join customer_links l on l.connection_id = s.connection_id
join referrers r on r.id = l.referrer_id and r.campaign_id = s.campaign_id
where s.kind = 'ongoing' and not s.dry_run
  and (s.status = 'live' or (s.status = 'running' and s.passes > 1))
on conflict do nothing;

insert into sync_customers (sync_id, customer_id, standing)
select k.sync_id, k.customer_id, k.reason
from sync_skips k
join syncs s on s.id = k.sync_id
where s.kind = 'ongoing' and not s.dry_run
  and (s.status = 'live' or (s.status = 'running' and s.passes > 1))
on conflict do nothing;
