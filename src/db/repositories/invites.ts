import type { Insertable } from 'kysely';
import type { Executor } from '../database.js';
import type { InviteRow, InvitesTable } from '../tables.js';

export function invitesRepository(db: Executor) {
  return {
    async insert(row: Insertable<InvitesTable>): Promise<InviteRow> {
      return db.insertInto('invites').values(row).returningAll().executeTakeFirstOrThrow();
    },

    async findById(id: string): Promise<InviteRow | undefined> {
      return db.selectFrom('invites').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async findByToken(tokenHash: Buffer): Promise<InviteRow | undefined> {
      return db.selectFrom('invites').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    },

    /** Locks the invite for the rest of the transaction: two accepts of one link queue up here. */
    async lockByToken(tokenHash: Buffer): Promise<InviteRow | undefined> {
      return db
        .selectFrom('invites')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .forUpdate()
        .executeTakeFirst();
    },

    /** Invites neither accepted, revoked nor expired at `at`, newest first, one more than `limit`. */
    async listOpen(at: Date, limit: number, startingAfter?: string): Promise<InviteRow[]> {
      let q = db
        .selectFrom('invites')
        .selectAll()
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', at)
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (startingAfter) q = q.where('id', '<', startingAfter);
      return q.execute();
    },

    /** Revokes the invite unless it was accepted or revoked already; undefined when there was none to revoke. */
    async revoke(id: string, at: Date): Promise<InviteRow | undefined> {
      return db
        .updateTable('invites')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
    },

    /** Revokes every open invite of an email (a new one replaces them). */
    async revokeOpenFor(email: string, at: Date): Promise<void> {
      await db
        .updateTable('invites')
        .set({ revoked_at: at })
        .where('email', '=', email)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .execute();
    },

    async accepted(id: string, at: Date): Promise<void> {
      await db.updateTable('invites').set({ accepted_at: at }).where('id', '=', id).execute();
    },
  };
}
