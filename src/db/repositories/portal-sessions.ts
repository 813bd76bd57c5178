import type { Insertable } from 'kysely';
import type { Executor } from '../database.js';
import type { PortalSessionRow, PortalSessionsTable } from '../tables.js';

export function portalSessionsRepository(db: Executor) {
  return {
    async insert(row: Insertable<PortalSessionsTable>): Promise<PortalSessionRow> {
      return db.insertInto('portal_sessions').values(row).returningAll().executeTakeFirstOrThrow();
    },

    /**
     * Marks a sign-in link used and returns it, when it is unused and unexpired at `at`; one statement, so
     * two opens of one link at once open it once.
     */
    async takeLink(tokenHash: Buffer, at: Date): Promise<PortalSessionRow | undefined> {
      return db
        .updateTable('portal_sessions')
        .set({ used_at: at })
        .where('token_hash', '=', tokenHash)
        .where('kind', '=', 'link')
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .returningAll()
        .executeTakeFirst();
    },

    /** A browser session that has not expired at `at`. */
    async findBrowser(tokenHash: Buffer, at: Date): Promise<PortalSessionRow | undefined> {
      return db
        .selectFrom('portal_sessions')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('kind', '=', 'browser')
        .where('expires_at', '>', at)
        .executeTakeFirst();
    },

    /** Why a link does not open: unknown, used, or expired (for the page that says so). */
    async findLink(tokenHash: Buffer): Promise<PortalSessionRow | undefined> {
      return db
        .selectFrom('portal_sessions')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('kind', '=', 'link')
        .executeTakeFirst();
    },

    /** Removes sessions and links that expired before `before`; how many. */
    async prune(before: Date): Promise<number> {
      const result = await db
        .deleteFrom('portal_sessions')
        .where('expires_at', '<', before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
