import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../database.js';
import type { WebhookEndpointRow, WebhookEndpointsTable } from '../tables.js';

export function webhookEndpointsRepository(db: Executor) {
  return {
    async insert(row: Insertable<WebhookEndpointsTable>): Promise<WebhookEndpointRow> {
      return db.insertInto('webhook_endpoints').values(row).returningAll().executeTakeFirstOrThrow();
    },

    async findById(id: string): Promise<WebhookEndpointRow | undefined> {
      return db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async findMany(ids: string[]): Promise<WebhookEndpointRow[]> {
      if (ids.length === 0) return [];
      return db.selectFrom('webhook_endpoints').selectAll().where('id', 'in', ids).execute();
    },

    /** Newest first, Stripe-style: one row more than `limit` tells there is another page. */
    async list(limit: number, startingAfter?: string): Promise<WebhookEndpointRow[]> {
      let q = db
        .selectFrom('webhook_endpoints')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (startingAfter) q = q.where('id', '<', startingAfter);
      return q.execute();
    },

    /** Active endpoints with the types they subscribe to: who gets a delivery of each new event. */
    async active(): Promise<Array<Pick<WebhookEndpointRow, 'id' | 'event_types'>>> {
      return db
        .selectFrom('webhook_endpoints')
        .select(['id', 'event_types'])
        .where('status', '=', 'active')
        .execute();
    },

    async update(
      id: string,
      changes: Updateable<WebhookEndpointsTable>,
    ): Promise<WebhookEndpointRow | undefined> {
      return db
        .updateTable('webhook_endpoints')
        .set(changes)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },

    /** Deletes the endpoint with its delivery log; false when there was none. */
    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('webhook_endpoints').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
