import type { Database } from '../db/database.js';
import { emailOutboxRepository } from '../db/repositories/email-outbox.js';
import type { EmailAttemptRow, EmailOutboxRow } from '../db/tables.js';
import type { EmailStatus } from '../domain/email-templates.js';
import { invalidParameter, notFound } from '../errors.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

function view(row: EmailOutboxRow) {
  return {
    object: 'email' as const,
    id: row.id,
    campaign_id: row.campaign_id,
    referrer_id: row.referrer_id,
    send_id: row.send_id,
    kind: row.kind,
    to: row.to_address,
    status: row.status,
    attempt_count: row.attempts,
    next_attempt_at: row.status === 'pending' ? row.next_attempt_at.toISOString() : null,
    subject: row.subject,
    last_error: row.last_error,
    sent_at: iso(row.sent_at),
    created_at: row.created_at.toISOString(),
  };
}

const attemptView = (a: EmailAttemptRow) => ({
  object: 'email_attempt' as const,
  attempted_at: a.attempted_at.toISOString(),
  outcome: a.outcome,
  smtp_response: a.smtp_response,
  error: a.error,
  duration_ms: a.duration_ms,
});

/** The outbox as the API shows it: the log of every mail, and the local mailbox. */
export function emailsService(database: Database) {
  /** The cursor of a page is a mail id; the page goes on from that mail's place. */
  async function cursorOf(id: string | undefined) {
    if (!id) return undefined;
    const row = await emailOutboxRepository(database.db).findById(id);
    if (!row) throw invalidParameter('starting_after', `No such email: '${id}'`);
    return { created_at: row.created_at, id: row.id };
  }

  return {
    async list(query: {
      limit: number;
      starting_after?: string | undefined;
      campaign_id?: string | undefined;
      send_id?: string | undefined;
      status?: EmailStatus | undefined;
    }) {
      const rows = await emailOutboxRepository(database.db).list({
        limit: query.limit,
        startingAfter: await cursorOf(query.starting_after),
        campaignId: query.campaign_id,
        sendId: query.send_id,
        status: query.status,
      });
      return { data: rows.slice(0, query.limit).map(view), hasMore: rows.length > query.limit };
    },

    /** One mail with what it said and every attempt. */
    async get(id: string) {
      const repo = emailOutboxRepository(database.db);
      const row = await repo.findById(id);
      if (!row) throw notFound('email', id);
      return {
        ...view(row),
        html: row.html,
        text: row.text,
        attempts: (await repo.attempts(id)).map(attemptView),
      };
    },
  };
}

export type EmailsService = ReturnType<typeof emailsService>;
