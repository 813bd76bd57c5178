import type { Database, Executor } from '../db/database.js';
import { type AuditLogQuery, auditLogRepository } from '../db/repositories/audit-log.js';
import type { AuditLogRow } from '../db/tables.js';
import { type AuditData, type AuditEntry, auditDataSchema } from '../domain/accounts.js';
import { createId } from '../domain/ids.js';
import type { Actor } from '../domain/roles.js';

/** One change worth an audit entry: `campaign.updated` of campaign cmp_..., with what changed. */
export type AuditEvent = { action: string; objectType: string; objectId: string; data?: AuditData };

/**
 * Writes one audit entry through `db`: the transaction of the change it records, so that a change and its
 * entry are kept or lost together. `data` must never hold a secret (keys, passwords, webhook secrets).
 * Without an actor (work Vouch does by itself, tests) nothing is written; every change made through the API
 * or the CLI has one.
 */
export async function recordAudit(
  db: Executor,
  actor: Actor | undefined,
  event: AuditEvent,
  at: Date,
): Promise<void> {
  if (!actor) return;
  await auditLogRepository(db).insert({
    id: createId('aud', at.getTime()),
    actor_kind: actor.kind,
    actor_id: actor.id,
    actor_label: actor.label,
    action: event.action,
    object_type: event.objectType,
    object_id: event.objectId,
    data: JSON.stringify(event.data ?? {}),
    created_at: at,
  });
}

export function toAuditEntry(row: AuditLogRow): AuditEntry {
  return {
    id: row.id,
    object: 'audit_entry',
    actor: { kind: row.actor_kind, id: row.actor_id, label: row.actor_label },
    action: row.action,
    object_type: row.object_type,
    object_id: row.object_id,
    data: auditDataSchema.parse(row.data),
    created_at: row.created_at.toISOString(),
  };
}

export function auditLogService(database: Database) {
  return {
    async list(query: AuditLogQuery) {
      const rows = await auditLogRepository(database.db).list(query);
      return { data: rows.slice(0, query.limit).map(toAuditEntry), hasMore: rows.length > query.limit };
    },
  };
}

export type AuditLogService = ReturnType<typeof auditLogService>;
