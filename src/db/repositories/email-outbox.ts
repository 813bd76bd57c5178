import { type Insertable, sql } from 'kysely';
import type { EmailStatus } from '../../domain/email-templates.js';
import type { Executor } from '../database.js';
import type { EmailAttemptRow, EmailAttemptsTable, EmailOutboxRow, EmailOutboxTable } from '../tables.js';

export type OutboxChanges = {
  status: EmailStatus;
  next_attempt_at: Date;
  last_error: string | null;
  subject: string | null;
  html: string | null;
  text: string | null;
  message_id: string | null;
  sent_at?: Date | undefined;
};

export function emailOutboxRepository(db: Executor) {
  return {
    /** Adds a mail unless one with its dedupe key exists; answers the stored row either way. */
    async enqueue(row: Insertable<EmailOutboxTable>): Promise<{ row: EmailOutboxRow; created: boolean }> {
      const inserted = await db
        .insertInto('email_outbox')
        .values(row)
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { row: inserted, created: true };
      const existing = await db
        .selectFrom('email_outbox')
        .selectAll()
        .where('dedupe_key', '=', row.dedupe_key)
        .executeTakeFirstOrThrow();
      return { row: existing, created: false };
    },

    /**
     * Takes up to `limit` mails due now that no sender holds, and holds them until `lockedUntil`. One
     * statement: two processes never take the same mail.
     */
    async claimDue(now: Date, lockedUntil: Date, limit: number): Promise<EmailOutboxRow[]> {
      const due = db
        .selectFrom('email_outbox')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .orderBy('next_attempt_at')
        .limit(limit)
        .forUpdate()
        .skipLocked();
      return db
        .updateTable('email_outbox')
        .set({ locked_until: lockedUntil })
        .where('id', 'in', due)
        .returningAll()
        .execute();
    },

    /** Keeps holding mails this process still works on. */
    async renew(ids: string[], lockedUntil: Date): Promise<void> {
      if (ids.length === 0) return;
      await db
        .updateTable('email_outbox')
        .set({ locked_until: lockedUntil })
        .where('id', 'in', ids)
        .where('status', '=', 'pending')
        .execute();
    },

    /** Counts the attempt, stores its outcome and releases the mail, in one statement. */
    async recordAttempt(
      id: string,
      changes: OutboxChanges,
      attempt: Omit<Insertable<EmailAttemptsTable>, 'outbox_id'>,
    ): Promise<void> {
      const update = db
        .updateTable('email_outbox')
        .set({ ...changes, attempts: sql`attempts + 1`, locked_until: null })
        .where('id', '=', id)
        .returning('id');
      await sql`
        with updated as (${update})
        insert into email_attempts (outbox_id, attempted_at, outcome, smtp_response, error, duration_ms)
        select id, ${attempt.attempted_at}, ${attempt.outcome}, ${attempt.smtp_response ?? null},
          ${attempt.error ?? null}, ${attempt.duration_ms} from updated
      `.execute(db);
    },

    async findById(id: string): Promise<EmailOutboxRow | undefined> {
      return db.selectFrom('email_outbox').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Mails, newest first, optionally of one campaign, send or status. */
    async list(query: {
      limit: number;
      startingAfter?: { created_at: Date; id: string } | undefined;
      campaignId?: string | undefined;
      sendId?: string | undefined;
      status?: EmailStatus | undefined;
    }): Promise<EmailOutboxRow[]> {
      let q = db
        .selectFrom('email_outbox')
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(query.limit + 1);
      if (query.campaignId) q = q.where('campaign_id', '=', query.campaignId);
      if (query.sendId) q = q.where('send_id', '=', query.sendId);
      if (query.status) q = q.where('status', '=', query.status);
      const after = query.startingAfter;
      if (after)
        q = q.where((eb) =>
          eb.or([
            eb('created_at', '<', after.created_at),
            eb.and([eb('created_at', '=', after.created_at), eb('id', '<', after.id)]),
          ]),
        );
      return q.execute();
    },

    async attempts(outboxId: string): Promise<EmailAttemptRow[]> {
      return db
        .selectFrom('email_attempts')
        .selectAll()
        .where('outbox_id', '=', outboxId)
        .orderBy('id')
        .execute();
    },

    /** How many mails of a send are in each status. */
    async countsBySend(sendId: string): Promise<Record<EmailStatus, number>> {
      const rows = await db
        .selectFrom('email_outbox')
        .select(['status', sql<number>`count(*)::int`.as('n')])
        .where('send_id', '=', sendId)
        .groupBy('status')
        .execute();
      const counts = { pending: 0, sent: 0, mailbox: 0, suppressed: 0, failed: 0 };
      for (const r of rows) counts[r.status] = r.n;
      return counts;
    },
  };
}
