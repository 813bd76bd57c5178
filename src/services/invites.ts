import { hashPassword } from '../crypto/passwords.js';
import { newToken, tokenDigest } from '../crypto/tokens.js';
import type { Database } from '../db/database.js';
import { invitesRepository } from '../db/repositories/invites.js';
import { usersRepository } from '../db/repositories/users.js';
import type { InviteRow } from '../db/tables.js';
import type { Invite } from '../domain/accounts.js';
import { createId } from '../domain/ids.js';
import { normalizeEmail } from '../domain/people.js';
import type { Actor, Role } from '../domain/roles.js';
import { conflict, notFound, VouchError } from '../errors.js';
import { recordAudit } from './audit-log.js';
import { type SharedRateLimiter, WRONG_LINK_TOKENS } from './rate-limits.js';
import type { SessionsService, StartedSession } from './sessions.js';
import { insertUser, userActor } from './users.js';

const INVITE_TTL_MS = 7 * 24 * 60 * 60_000;

function toInvite(row: InviteRow): Invite {
  return {
    id: row.id,
    object: 'invite',
    email: row.email,
    role: row.role,
    invited_by: row.invited_by,
    created_at: row.created_at.toISOString(),
    expires_at: row.expires_at.toISOString(),
  };
}

/** Refuses an invitation that can no longer be accepted, saying why. */
function refuseClosed(row: InviteRow, at: Date): void {
  if (row.accepted_at)
    throw conflict(
      'invite_accepted',
      'This invitation was accepted already; sign in with its email instead.',
    );
  if (row.revoked_at)
    throw new VouchError(
      410,
      'invalid_request_error',
      'invite_revoked',
      'This invitation was withdrawn; ask an owner for a new one.',
    );
  if (row.expires_at <= at)
    throw new VouchError(
      410,
      'invalid_request_error',
      'invite_expired',
      'This invitation has expired (after 7 days); ask an owner for a new one.',
    );
}

/** Invitations to join as a teammate: a link with a one-time token, valid for 7 days. */
export function invitesService(deps: {
  database: Database;
  sessions: SessionsService;
  limiter: SharedRateLimiter;
  publicUrl: string;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const db = deps.database.db;

  /** The invitation a link's token opens; wrong tokens count towards the client's limit. */
  async function open(token: string, clientIp: string): Promise<InviteRow> {
    deps.limiter.check(WRONG_LINK_TOKENS, clientIp);
    const row = await invitesRepository(db).findByToken(tokenDigest(token));
    if (!row) {
      await deps.limiter.hit(WRONG_LINK_TOKENS, clientIp);
      throw new VouchError(
        404,
        'invalid_request_error',
        'invite_invalid',
        'This invitation link is not valid; check that it was copied whole.',
        'token',
      );
    }
    refuseClosed(row, now());
    return row;
  }

  return {
    /** A new invitation, whose link is in this answer only. A new one for an email replaces the open ones. */
    async create(input: { email: string; role: Role }, actor: Actor): Promise<Invite & { url: string }> {
      const email = normalizeEmail(input.email);
      if (await usersRepository(db).findByEmail(email))
        throw conflict('user_exists', `${email} is a teammate already; change their role instead.`, 'email');
      const token = newToken();
      const at = now();
      const row = await db.transaction().execute(async (tx) => {
        await invitesRepository(tx).revokeOpenFor(email, at);
        const inserted = await invitesRepository(tx).insert({
          id: createId('inv', at.getTime()),
          email,
          role: input.role,
          token_hash: tokenDigest(token),
          invited_by: actor.kind === 'user' ? actor.id : null,
          created_at: at,
          expires_at: new Date(at.getTime() + INVITE_TTL_MS),
        });
        const data = { email, role: input.role };
        await recordAudit(
          tx,
          actor,
          { action: 'teammate.invited', objectType: 'invite', objectId: inserted.id, data },
          at,
        );
        return inserted;
      });
      return { ...toInvite(row), url: `${deps.publicUrl}/dashboard/invite?token=${token}` };
    },

    /** Invitations still open (not accepted, withdrawn or expired), newest first. */
    async list(limit: number, startingAfter?: string) {
      const rows = await invitesRepository(db).listOpen(now(), limit, startingAfter);
      return { data: rows.slice(0, limit).map(toInvite), hasMore: rows.length > limit };
    },

    /** Withdraws an open invitation; withdrawing it again changes nothing. */
    async revoke(id: string, actor: Actor): Promise<Invite> {
      const at = now();
      return db.transaction().execute(async (tx) => {
        const row = await invitesRepository(tx).revoke(id, at);
        if (row) {
          const data = { email: row.email, role: row.role };
          await recordAudit(
            tx,
            actor,
            { action: 'teammate.invite_revoked', objectType: 'invite', objectId: id, data },
            at,
          );
          return toInvite(row);
        }
        const existing = await invitesRepository(tx).findById(id);
        if (!existing) throw notFound('invite', id);
        if (existing.accepted_at)
          throw conflict(
            'invite_accepted',
            'This invitation was accepted already; remove the teammate instead.',
          );
        return toInvite(existing);
      });
    },

    /** What the invitation page shows before the invitee chooses a password. */
    async lookup(token: string, clientIp: string) {
      const row = await open(token, clientIp);
      return {
        object: 'invite' as const,
        email: row.email,
        role: row.role,
        expires_at: row.expires_at.toISOString(),
      };
    },

    /** Makes the invitee a teammate with the invitation's role, once, and signs them in. */
    async accept(
      input: { token: string; name: string; password: string },
      clientIp: string,
    ): Promise<StartedSession> {
      await open(input.token, clientIp);
      const passwordHash = await hashPassword(input.password);
      const user = await db.transaction().execute(async (tx) => {
        // Two accepts of one link at once: the second waits here, then finds it accepted.
        const invite = await invitesRepository(tx).lockByToken(tokenDigest(input.token));
        if (!invite) throw notFound('invite', 'token', 'token');
        const at = now();
        refuseClosed(invite, at);
        const row = await insertUser(
          tx,
          { email: invite.email, name: input.name, role: invite.role, passwordHash },
          at,
        );
        await invitesRepository(tx).accepted(invite.id, at);
        const data = { email: row.email, role: row.role, user_id: row.id };
        await recordAudit(
          tx,
          userActor(row),
          { action: 'teammate.invite_accepted', objectType: 'invite', objectId: invite.id, data },
          at,
        );
        return row;
      });
      return deps.sessions.start({ id: user.id, email: user.email, name: user.name, role: user.role });
    },
  };
}

export type InvitesService = ReturnType<typeof invitesService>;
