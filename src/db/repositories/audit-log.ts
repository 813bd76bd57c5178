import type { Insertable } from 'kysely';
import type { Executor } from '../database.js';
import type { AuditLogRow, AuditLogTable } from '../tables.js';

export type AuditLogQuery = {
  limit: number;
  startingAfter?: string | undefined;
  actorId?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
};

export function auditLogRepository(db: Executor) {
  return {
    async insert(row: Insertable<AuditLogTable>): Promise<void> {
      await db.insertInto('audit_log').values(row).execute();
    },

    /** Newest first; one row more than `limit` tells there is another page. */
    async list(query: AuditLogQuery): Promise<AuditLogRow[]> {
      let q = db
        .selectFrom('audit_log')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(query.limit + 1);
      if (query.startingAfter) q = q.where('id', '<', query.startingAfter);
      if (query.actorId) q = q.where('actor_id', '=', query.actorId);
      if (query.objectType) q = q.where('object_type', '=', query.objectType);
      if (query.objectId) q = q.where('object_id', '=', query.objectId);
      return q.execute();
    },
  };
}
