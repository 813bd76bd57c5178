import { type Insertable, sql } from 'kysely';
import type { Executor } from '../database.js';
import type { Role, UserRow, UsersTable } from '../tables.js';

export function usersRepository(db: Executor) {
  return {
    /** Inserts the teammate unless one has the email already (then undefined). */
    async insert(row: Insertable<UsersTable>): Promise<UserRow | undefined> {
      return db
        .insertInto('users')
        .values(row)
        .onConflict((oc) => oc.column('email').doNothing())
        .returningAll()
        .executeTakeFirst();
    },

    async findById(id: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** By normalised email (see `normalizeEmail`). */
    async findByEmail(email: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    },

    async any(): Promise<boolean> {
      const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
      return row !== undefined;
    },

    /**
     * Locks the whole table against new teammates until the transaction ends, so that two first-owner
     * set-ups at once cannot both find it empty. Reads still go on.
     */
    async lockAgainstInserts(): Promise<void> {
      await sql`lock table users in share row exclusive mode`.execute(db);
    },

    /**
     * Locks every owner's row for the rest of the transaction and answers their ids. A change that could leave
     * no owner takes this first: a concurrent one waits, then sees the owners as they are after the first.
     */
    async lockOwners(): Promise<string[]> {
      const rows = await db
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'owner')
        .forUpdate()
        .execute();
      return rows.map((r) => r.id);
    },

    /** Newest first; one row more than `limit` tells there is another page. */
    async list(limit: number, startingAfter?: string): Promise<UserRow[]> {
      let q = db
        .selectFrom('users')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (startingAfter) q = q.where('id', '<', startingAfter);
      return q.execute();
    },

    async setRole(id: string, role: Role, at: Date): Promise<UserRow | undefined> {
      return db
        .updateTable('users')
        .set({ role, updated_at: at })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },

    async setPassword(id: string, passwordHash: string, at: Date): Promise<void> {
      await db
        .updateTable('users')
        .set({ password_hash: passwordHash, updated_at: at })
        .where('id', '=', id)
        .execute();
    },

    async signedIn(id: string, at: Date): Promise<void> {
      await db.updateTable('users').set({ last_sign_in_at: at }).where('id', '=', id).execute();
    },

    /** Removes the teammate; their sessions go with them (on delete cascade). */
    async delete(id: string): Promise<UserRow | undefined> {
      return db.deleteFrom('users').where('id', '=', id).returningAll().executeTakeFirst();
    },
  };
}
