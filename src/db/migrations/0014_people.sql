-- Teammates: the people who sign in to the dashboard, each with a role (viewer < editor < admin < owner).
create table users (
  id text primary key,
  -- Stored trimmed and in lower case, so one address is one account however it is typed.
  email text not null unique check (email = lower(btrim(email)) and length(email) between 3 and 254),
  name text not null check (length(name) between 1 and 100),
  -- scrypt in the PHC format, parameters and salt included: $scrypt$ln=15,r=8,p=1$<salt>$<hash>.
  password_hash text not null check (password_hash like '$scrypt$%'),
  role text not null check (role in ('owner', 'admin', 'editor', 'viewer')),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  last_sign_in_at timestamptz
);

-- Signed-in sessions. The id is the SHA-256 digest of the random token in the cookie: the token itself is
-- never stored, so a copy of this table signs no one in.
create table sessions (
  id bytea primary key,
  user_id text not null references users (id) on delete cascade,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  -- The absolute end, however active the session is; the idle end is last_seen_at plus the idle timeout.
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index sessions_user_idx on sessions (user_id) where revoked_at is null;
create index sessions_ended_idx on sessions (expires_at);

-- Invitations to join as a teammate; the link's token is kept only as a digest. Accepted or revoked, once.
create table invites (
  id text primary key,
  email text not null check (email = lower(btrim(email)) and length(email) between 3 and 254),
  role text not null check (role in ('owner', 'admin', 'editor', 'viewer')),
  token_hash bytea not null unique,
  invited_by text references users (id) on delete set null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  revoked_at timestamptz,
  check (accepted_at is null or revoked_at is null)
);
create index invites_open_idx on invites (id desc) where accepted_at is null and revoked_at is null;

-- One-time links to create the first owner, made at start-up while no one can sign in (digests only).
-- Every API process makes its own; creating the owner deletes them all.
create table setup_tokens (
  token_hash bytea primary key,
  created_at timestamptz not null,
  expires_at timestamptz not null
);

-- Who changed what, and when. The actor is copied (not referenced) so entries outlive removed teammates and
-- revoked keys. Ids sort by time: the primary key read backwards is the newest-first listing.
create table audit_log (
  id text primary key,
  actor_kind text not null check (actor_kind in ('user', 'api_key', 'cli')),
  actor_id text not null,
  actor_label text not null,
  action text not null,
  object_type text not null,
  object_id text not null,
  data jsonb not null default '{}',
  created_at timestamptz not null
);
create index audit_log_actor_idx on audit_log (actor_id, id desc);
create index audit_log_object_idx on audit_log (object_type, object_id, id desc);

-- Secret keys act with a role; the keys made before roles existed keep doing everything they did (admin).
-- A publishable key reaches only the public endpoints whatever its role, so it is always viewer.
alter table api_keys add column role text not null default 'admin'
  check (role in ('admin', 'editor', 'viewer'));
update api_keys set role = 'viewer' where kind = 'publishable';
alter table api_keys add constraint api_keys_publishable_role check (kind = 'secret' or role = 'viewer');
