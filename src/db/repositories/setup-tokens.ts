import type { Executor } from '../database.js';

export function setupTokensRepository(db: Executor) {
  return {
    /** Stores a new token's digest and forgets those that expired. */
    async insert(tokenHash: Buffer, at: Date, expiresAt: Date): Promise<void> {
      await db.deleteFrom('setup_tokens').where('expires_at', '<=', at).execute();
      await db
        .insertInto('setup_tokens')
        .values({ token_hash: tokenHash, created_at: at, expires_at: expiresAt })
        .execute();
    },

    async valid(tokenHash: Buffer, at: Date): Promise<boolean> {
      const row = await db
        .selectFrom('setup_tokens')
        .select('token_hash')
        .where('token_hash', '=', tokenHash)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Once there is an owner, no set-up link works any more. */
    async deleteAll(): Promise<void> {
      await db.deleteFrom('setup_tokens').execute();
    },
  };
}
