-- Email: templates per campaign, the outbox every mail goes through, each attempt, the suppression list and
-- once-off sends to chosen referrers.

-- A campaign's changes to its templates; a kind without a row uses the shipped default (see
-- src/domain/email-templates.ts), which is off for every kind but the sign-in link.
create table email_templates (
  campaign_id text not null references campaigns (id) on delete cascade,
  kind text not null check (kind in ('sign_in', 'welcome', 'friend_qualified', 'reward_issued', 'reward_reversed')),
  enabled boolean not null,
  subject text not null check (length(subject) between 1 and 300),
  html text not null check (length(html) between 1 and 100000),
  text text not null check (length(text) between 1 and 100000),
  updated_at timestamptz not null default now(),
  primary key (campaign_id, kind)
);
-- Domain events join only the enabled rows: with none, a mail-causing event costs nothing more.
create index email_templates_enabled_idx on email_templates (campaign_id, kind) where enabled;

-- Once-off sends: a message to chosen referrers of a campaign, at a rate.
create table email_sends (
  id text primary key,
  campaign_id text not null references campaigns (id) on delete cascade,
  subject text not null check (length(subject) between 1 and 300),
  html text not null check (length(html) between 1 and 100000),
  text text not null check (length(text) between 1 and 100000),
  audience jsonb not null,
  rate_per_minute integer not null check (rate_per_minute between 1 and 100000),
  recipient_count integer not null,
  created_by text,
  created_at timestamptz not null default now()
);

-- Every mail, written in the transaction of the change that causes it. dedupe_key names the cause
-- (`event:<domain event>:<kind>`, `send:<send>:<referrer>`, ...): one mail per cause, however often it is asked.
create table email_outbox (
  id text primary key default ('eml_' || replace(gen_random_uuid()::text, '-', '')),
  dedupe_key text not null unique,
  campaign_id text references campaigns (id) on delete cascade,
  referrer_id text references referrers (id) on delete set null,
  send_id text references email_sends (id) on delete cascade,
  kind text not null check (kind in ('sign_in', 'welcome', 'friend_qualified', 'reward_issued', 'reward_reversed', 'once_off')),
  to_address text not null check (length(to_address) between 3 and 254),
  -- What the template needs beyond the referrer and the campaign (a reward, a sign-in link).
  variables jsonb not null default '{}',
  -- pending: to send; sent: accepted by the SMTP server; mailbox: kept in the local mailbox (no SMTP);
  -- suppressed: not sent, the address is on the suppression list; failed: every attempt failed.
  status text not null default 'pending' check (status in ('pending', 'sent', 'mailbox', 'suppressed', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  -- Set while one process sends it; a dead sender's hold runs out and the mail is tried again.
  locked_until timestamptz,
  -- The mail as rendered at its last attempt (what the mailbox shows).
  subject text,
  html text,
  text text,
  message_id text,
  last_error text,
  sent_at timestamptz,
  created_at timestamptz not null default now()
);
create index email_outbox_due_idx on email_outbox (next_attempt_at) where status = 'pending';
create index email_outbox_created_idx on email_outbox (created_at desc, id desc);
create index email_outbox_campaign_idx on email_outbox (campaign_id, created_at desc);
-- Each referrer at most once per send.
create unique index email_outbox_send_recipient_idx on email_outbox (send_id, referrer_id) where send_id is not null;

create table email_attempts (
  id bigint generated always as identity primary key,
  outbox_id text not null references email_outbox (id) on delete cascade,
  attempted_at timestamptz not null,
  outcome text not null check (outcome in ('sent', 'mailbox', 'suppressed', 'temporary_failure', 'permanent_failure')),
  smtp_response text,
  error text,
  duration_ms integer not null
);
create index email_attempts_outbox_idx on email_attempts (outbox_id, id);

-- Addresses never mailed (but for a sign-in link they asked for), stored trimmed and in lower case.
create table email_suppressions (
  email text primary key check (email = lower(btrim(email)) and length(email) between 3 and 254),
  reason text not null check (reason in ('unsubscribed', 'manual', 'bounced')),
  campaign_id text references campaigns (id) on delete set null,
  created_at timestamptz not null default now()
);
