-- A referrer's page shows the Stripe customers that are that referrer: find them without reading every link.
create index customer_links_by_referrer_idx on customer_links (referrer_id) where referrer_id is not null;
