import type { Executor } from '../db/database.js';
import { createId } from '../domain/ids.js';
import { causesMail, MAIL_EVENT_COLUMNS, recordEventsWithEmails } from './email-outbox.js';

export type NewDomainEvent = {
  /** `referrer.created`, `lead.qualified`, `reward.issued`, `sync.completed`, ... */
  type: string;
  campaign_id: string;
  lead_id?: string | null | undefined;
  referrer_id?: string | null | undefined;
  /** What a consumer needs without reading anything else (the object as the API shows it, the cause). */
  data?: Record<string, unknown> | undefined;
  at: Date;
};

/**
 * Records that something happened in the domain, for rewards and outgoing webhooks to consume. Call it with
 * the transaction that makes the change, so the event exists exactly when the change does.
 */
export async function recordDomainEvent(db: Executor, event: NewDomainEvent): Promise<string> {
  const row = domainEventRow(event);
  await recordDomainEventRows(db, [row]);
  return row.id;
}

/** The row of a domain event, its id taken now (ids follow the order events happen in). */
export function domainEventRow(event: NewDomainEvent) {
  return {
    id: createId('dev'),
    type: event.type,
    campaign_id: event.campaign_id,
    lead_id: event.lead_id ?? null,
    referrer_id: event.referrer_id ?? null,
    data: JSON.stringify(event.data ?? {}),
    created_at: event.at,
  };
}

/** Records domain events made with `domainEventRow`, in one statement. */
export async function recordDomainEventRows(db: Executor, rows: ReturnType<typeof domainEventRow>[]) {
  if (rows.length === 0) return;
  const insert = db.insertInto('domain_events').values(rows);
  // Events that may cause a mail are recorded with their mails, in the same statement (email-outbox.ts).
  if (rows.some((row) => causesMail(row.type)))
    await recordEventsWithEmails(db, insert.returning([...MAIL_EVENT_COLUMNS]));
  else await insert.execute();
}
