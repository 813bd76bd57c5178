import { hashPassword } from '../crypto/passwords.js';
import type { Database, Executor } from '../db/database.js';
import { sessionsRepository } from '../db/repositories/sessions.js';
import { usersRepository } from '../db/repositories/users.js';
import type { UserRow } from '../db/tables.js';
import { passwordProblem, type User } from '../domain/accounts.js';
import { createId } from '../domain/ids.js';
import { normalizeEmail } from '../domain/people.js';
import type { Actor, Role } from '../domain/roles.js';
import { conflict, invalidParameter, notFound } from '../errors.js';
import { recordAudit } from './audit-log.js';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    object: 'user',
    email: row.email,
    name: row.name,
    role: row.role,
    created_at: row.created_at.toISOString(),
    last_sign_in_at: row.last_sign_in_at?.toISOString() ?? null,
  };
}

export const userActor = (user: { id: string; email: string }): Actor => ({
  kind: 'user',
  id: user.id,
  label: user.email,
});

const lastOwner = () =>
  conflict(
    'last_owner',
    'This is the only owner: make another teammate an owner first, so that someone can still manage the team.',
  );

function checkPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw invalidParameter('password', problem);
}

const emailTaken = (email: string) =>
  conflict('user_exists', `A teammate with the email ${email} exists already.`, 'email');

/**
 * Inserts a teammate with a password already hashed (hashing is slow: never inside a transaction, which
 * on the embedded database holds its only connection). Answers 409 `user_exists` for a taken email.
 */
export async function insertUser(
  db: Executor,
  input: { email: string; name: string; role: Role; passwordHash: string },
  at: Date,
): Promise<UserRow> {
  const email = normalizeEmail(input.email);
  const row = await usersRepository(db).insert({
    id: createId('usr', at.getTime()),
    email,
    name: input.name,
    password_hash: input.passwordHash,
    role: input.role,
    created_at: at,
    updated_at: at,
  });
  if (!row) throw emailTaken(email);
  return row;
}

/** Teammates: listing, roles, removal; and, from the CLI, creating one and resetting a password. */
export function usersService(deps: { database: Database; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  const db = deps.database.db;

  async function load(id: string): Promise<UserRow> {
    const row = await usersRepository(db).findById(id);
    if (!row) throw notFound('user', id);
    return row;
  }

  return {
    async list(limit: number, startingAfter?: string) {
      const rows = await usersRepository(db).list(limit, startingAfter);
      return { data: rows.slice(0, limit).map(toUser), hasMore: rows.length > limit };
    },

    async retrieve(id: string): Promise<User> {
      return toUser(await load(id));
    },

    /**
     * Changes a teammate's role, at once for every session they have. The owners are locked first, so two
     * owners demoting each other at the same time cannot leave the team without one.
     */
    async changeRole(id: string, role: Role, actor: Actor): Promise<User> {
      return db.transaction().execute(async (tx) => {
        const owners = await usersRepository(tx).lockOwners();
        const current = await usersRepository(tx).findById(id);
        if (!current) throw notFound('user', id);
        if (current.role === role) return toUser(current);
        if (current.role === 'owner' && owners.length === 1) throw lastOwner();
        const at = now();
        const row = await usersRepository(tx).setRole(id, role, at);
        const data = { email: current.email, from: current.role, to: role };
        await recordAudit(
          tx,
          actor,
          { action: 'teammate.role_changed', objectType: 'user', objectId: id, data },
          at,
        );
        return toUser(row!);
      });
    },

    /** Removes a teammate; their sessions end with them. The last owner cannot be removed. */
    async remove(id: string, actor: Actor): Promise<User> {
      return db.transaction().execute(async (tx) => {
        const owners = await usersRepository(tx).lockOwners();
        const current = await usersRepository(tx).findById(id);
        if (!current) throw notFound('user', id);
        if (current.role === 'owner' && owners.length === 1) throw lastOwner();
        await usersRepository(tx).delete(id);
        const at = now();
        const data = { email: current.email, role: current.role };
        await recordAudit(
          tx,
          actor,
          { action: 'teammate.removed', objectType: 'user', objectId: id, data },
          at,
        );
        return toUser(current);
      });
    },

    /** A teammate made by an operator (`vouch users create`), with the password they chose. */
    async create(
      input: { email: string; name: string; role: Role; password: string },
      actor: Actor,
    ): Promise<User> {
      checkPassword(input.password);
      const passwordHash = await hashPassword(input.password);
      return db.transaction().execute(async (tx) => {
        const at = now();
        const row = await insertUser(tx, { ...input, passwordHash }, at);
        const data = { email: row.email, role: row.role };
        await recordAudit(
          tx,
          actor,
          { action: 'teammate.created', objectType: 'user', objectId: row.id, data },
          at,
        );
        return toUser(row);
      });
    },

    /** A new password set by an operator (`vouch users reset-password`); every session of the teammate ends. */
    async resetPassword(
      email: string,
      password: string,
      actor: Actor,
    ): Promise<{ user: User; sessionsEnded: number }> {
      checkPassword(password);
      const passwordHash = await hashPassword(password);
      return db.transaction().execute(async (tx) => {
        const row = await usersRepository(tx).findByEmail(normalizeEmail(email));
        if (!row) throw notFound('user with the email', normalizeEmail(email), 'email');
        const at = now();
        await usersRepository(tx).setPassword(row.id, passwordHash, at);
        const sessionsEnded = await sessionsRepository(tx).revokeAll(row.id, at);
        const data = { email: row.email, sessions_ended: sessionsEnded };
        await recordAudit(
          tx,
          actor,
          { action: 'teammate.password_reset', objectType: 'user', objectId: row.id, data },
          at,
        );
        return { user: toUser(row), sessionsEnded };
      });
    },
  };
}

export type UsersService = ReturnType<typeof usersService>;
