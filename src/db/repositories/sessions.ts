import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../database.js';
import type { Role, SessionsTable } from '../tables.js';

export type SessionWithUser = Selectable<SessionsTable> & {
  email: string;
  name: string;
  role: Role;
};

export function sessionsRepository(db: Executor) {
  return {
    async insert(row: Insertable<SessionsTable>): Promise<void> {
      await db.insertInto('sessions').values(row).execute();
    },

    /** The session with this digest and its teammate, ended or not (the caller tells which). */
    async find(id: Buffer): Promise<SessionWithUser | undefined> {
      return db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .selectAll('sessions')
        .select(['users.email', 'users.name', 'users.role'])
        .where('sessions.id', '=', id)
        .executeTakeFirst();
    },

    /** Records use at most once a minute per session, so checking a session stays a read on most requests. */
    async touch(id: Buffer, at: Date): Promise<void> {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: at })
        .where('id', '=', id)
        .where('last_seen_at', '<', new Date(at.getTime() - 60_000))
        .execute();
    },

    async revoke(id: Buffer, at: Date): Promise<number> {
      const result = await db
        .updateTable('sessions')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Ends every session of the teammate that has not ended; answers how many. */
    async revokeAll(userId: string, at: Date): Promise<number> {
      const result = await db
        .updateTable('sessions')
        .set({ revoked_at: at })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Forgets sessions that ended (expired or signed out) before `before`. */
    async prune(before: Date): Promise<number> {
      const result = await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', '<', before), eb('revoked_at', '<', before)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
