-- The referrer's portal. A sign-in link (kind 'link': minted by the business's server for its widget, or at
-- joining) opens the portal once, before it expires; opening it starts a browser session (kind 'browser')
-- kept in a cookie. Only the SHA-256 digest of each token is stored.
create table portal_sessions (
  id text primary key,
  kind text not null check (kind in ('link', 'browser')),
  campaign_id text not null references campaigns (id) on delete cascade,
  referrer_id text not null references referrers (id) on delete cascade,
  token_hash bytea not null unique,
  created_at timestamptz not null,
  expires_at timestamptz not null check (expires_at > created_at),
  -- A link is used once: the first open sets this, and a link with it set opens nothing.
  used_at timestamptz,
  check (kind = 'link' or used_at is null)
);
create index portal_sessions_referrer_idx on portal_sessions (referrer_id);
create index portal_sessions_expires_idx on portal_sessions (expires_at);
