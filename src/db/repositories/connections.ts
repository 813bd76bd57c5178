import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../database.js';
import type { ConnectionRow, ConnectionsTable } from '../tables.js';

export function connectionsRepository(db: Executor) {
  return {
    async insert(row: Insertable<ConnectionsTable>): Promise<ConnectionRow | undefined> {
      return db
        .insertInto('connections')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
    },

    async findById(id: string): Promise<ConnectionRow | undefined> {
      return db.selectFrom('connections').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async findByIds(ids: string[]): Promise<ConnectionRow[]> {
      if (ids.length === 0) return [];
      return db.selectFrom('connections').selectAll().where('id', 'in', ids).execute();
    },

    async findActiveByAccount(accountId: string, mode: 'test' | 'live'): Promise<ConnectionRow | undefined> {
      return db
        .selectFrom('connections')
        .selectAll()
        .where('stripe_account_id', '=', accountId)
        .where('mode', '=', mode)
        .where('status', '=', 'active')
        .executeTakeFirst();
    },

    /** Active connections without Vouch's own webhook endpoint whose next events poll is due. */
    async dueForPolling(now: Date): Promise<string[]> {
      const rows = await db
        .selectFrom('connections')
        .select('id')
        .where('status', '=', 'active')
        .where('webhook_setup', '<>', 'automatic')
        .where((eb) => eb.or([eb('events_poll_due_at', 'is', null), eb('events_poll_due_at', '<=', now)]))
        .execute();
      return rows.map((r) => r.id);
    },

    /** The account's most recent connection that was disconnected, to reconnect it as it was. */
    async findDisconnectedByAccount(
      accountId: string,
      mode: 'test' | 'live',
    ): Promise<ConnectionRow | undefined> {
      return db
        .selectFrom('connections')
        .selectAll()
        .where('stripe_account_id', '=', accountId)
        .where('mode', '=', mode)
        .where('status', '=', 'disconnected')
        .orderBy('id', 'desc')
        .executeTakeFirst();
    },

    async listActive(): Promise<ConnectionRow[]> {
      return db.selectFrom('connections').selectAll().where('status', '=', 'active').orderBy('id').execute();
    },

    async list(limit: number, startingAfter?: string): Promise<ConnectionRow[]> {
      let q = db
        .selectFrom('connections')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (startingAfter) q = q.where('id', '<', startingAfter);
      return q.execute();
    },

    async update(id: string, changes: Updateable<ConnectionsTable>): Promise<ConnectionRow | undefined> {
      return db
        .updateTable('connections')
        .set(changes)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },

    /** Makes a disconnected connection active again with `changes`; undefined if it is not disconnected. */
    async reactivate(id: string, changes: Updateable<ConnectionsTable>): Promise<ConnectionRow | undefined> {
      return db
        .updateTable('connections')
        .set({ ...changes, status: 'active', disconnected_at: null })
        .where('id', '=', id)
        .where('status', '=', 'disconnected')
        .returningAll()
        .executeTakeFirst();
    },

    async touchLastEvent(id: string, at: Date): Promise<void> {
      await db
        .updateTable('connections')
        .set({ last_event_at: at })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('last_event_at', 'is', null), eb('last_event_at', '<', at)]))
        .execute();
    },
  };
}
