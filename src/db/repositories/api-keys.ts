import { sql } from 'kysely';
import type { Executor } from '../database.js';
import type { ApiKeyRow, NewApiKeyRow } from '../tables.js';

export type ApiKeyListQuery = { limit: number; startingAfter?: string | undefined; includeRevoked: boolean };

export function apiKeysRepository(db: Executor) {
  return {
    async insert(row: NewApiKeyRow): Promise<ApiKeyRow> {
      return db.insertInto('api_keys').values(row).returningAll().executeTakeFirstOrThrow();
    },

    /** Inserts unless a key with the same digest exists; returns whether it was inserted. */
    async insertIfAbsent(row: NewApiKeyRow): Promise<boolean> {
      const result = await db
        .insertInto('api_keys')
        .values(row)
        .onConflict((oc) => oc.column('secret_hash').doNothing())
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    async findActiveByHash(hash: Buffer): Promise<ApiKeyRow | undefined> {
      return db
        .selectFrom('api_keys')
        .selectAll()
        .where('secret_hash', '=', hash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
    },

    async findById(id: string): Promise<ApiKeyRow | undefined> {
      return db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Newest first; fetches one extra row so the caller can tell whether there are more. */
    async list(query: ApiKeyListQuery): Promise<ApiKeyRow[]> {
      let q = db
        .selectFrom('api_keys')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(query.limit + 1);
      if (query.startingAfter) q = q.where('id', '<', query.startingAfter);
      if (!query.includeRevoked) q = q.where('revoked_at', 'is', null);
      return q.execute();
    },

    async revoke(id: string, at: Date): Promise<ApiKeyRow | undefined> {
      return db
        .updateTable('api_keys')
        .set({ revoked_at: sql<Date>`coalesce(revoked_at, ${at})` })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },

    /** Records use at most once a minute per key, so authentication stays a read on the hot path. */
    async touch(id: string, at: Date): Promise<void> {
      await db
        .updateTable('api_keys')
        .set({ last_used_at: at })
        .where('id', '=', id)
        .where((eb) =>
          eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', new Date(at.getTime() - 60_000))]),
        )
        .execute();
    },
  };
}

export type ApiKeysRepository = ReturnType<typeof apiKeysRepository>;
