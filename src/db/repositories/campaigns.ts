import type { Insertable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Executor } from '../database.js';
import type { CampaignRow, CampaignStatus, CampaignsTable } from '../tables.js';

export type CampaignListQuery = {
  limit: number;
  startingAfter?: string | undefined;
  status?: CampaignStatus | undefined;
  connectionId?: string | undefined;
};

export function campaignsRepository(db: Executor) {
  return {
    async insert(row: Insertable<CampaignsTable>): Promise<CampaignRow> {
      return db.insertInto('campaigns').values(row).returningAll().executeTakeFirstOrThrow();
    },

    async findById(id: string): Promise<CampaignRow | undefined> {
      return db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Locks the campaign row for the rest of the transaction: joins and sign-ups to it queue up here. */
    async lock(id: string): Promise<CampaignRow | undefined> {
      return db.selectFrom('campaigns').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    },

    async update(id: string, changes: Updateable<CampaignsTable>): Promise<CampaignRow | undefined> {
      return db.updateTable('campaigns').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
    },

    async list(query: CampaignListQuery): Promise<CampaignRow[]> {
      let q = db
        .selectFrom('campaigns')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(query.limit + 1);
      if (query.startingAfter) q = q.where('id', '<', query.startingAfter);
      if (query.status) q = q.where('status', '=', query.status);
      if (query.connectionId) q = q.where('connection_id', '=', query.connectionId);
      return q.execute();
    },

    /** Gives back places of participants that no longer count (a lead rejected later). */
    async releasePlaces(id: string, n: number): Promise<void> {
      await db
        .updateTable('campaigns')
        .set({ participant_count: sql`greatest(participant_count - ${n}, 0)` })
        .where('id', '=', id)
        .execute();
    },

    /**
     * Takes `n` participant places if the limit allows; false when it does not. Call with the row locked.
     */
    async takePlaces(id: string, n: number): Promise<boolean> {
      const row = await db
        .updateTable('campaigns')
        .set({ participant_count: sql`participant_count + ${n}` })
        .where('id', '=', id)
        .where((eb) =>
          eb.or([
            eb('participant_limit', 'is', null),
            eb('participant_count', '<=', sql<number>`participant_limit - ${n}`),
          ]),
        )
        .returning('participant_count')
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}
