import { type OperationNodeSource, sql } from 'kysely';
import type { Executor } from '../db/database.js';
import { emailOutboxRepository } from '../db/repositories/email-outbox.js';
import type { EmailOutboxRow } from '../db/tables.js';
import { type EmailKind, EVENT_TEMPLATES } from '../domain/email-templates.js';

export type NewEmail = {
  /** The campaign whose templates and name the mail uses; null for a mail of no campaign. */
  campaignId: string | null;
  /** The referrer it is about, whose name, link and code it shows. */
  referrerId?: string | null | undefined;
  to: string;
  kind: EmailKind;
  /** Values beyond the referrer's and the campaign's, such as `sign_in_link`. */
  variables?: Record<string, unknown> | undefined;
  /**
   * Names the cause, such as `portal-sign-in:<token id>`: a second call with the same key adds nothing, so
   * a retried request or a replayed event never sends a second mail.
   */
  dedupeKey: string;
};

/**
 * Puts a mail in the outbox. Call it with the transaction of the change that causes the mail: the mail then
 * exists exactly when the change does, and the email runner sends it (with retries) or keeps it in the local
 * mailbox. Answers the outbox row, the existing one when the dedupe key was used before.
 */
export async function enqueueEmail(db: Executor, mail: NewEmail): Promise<EmailOutboxRow> {
  const { row } = await emailOutboxRepository(db).enqueue({
    dedupe_key: mail.dedupeKey,
    campaign_id: mail.campaignId,
    referrer_id: mail.referrerId ?? null,
    kind: mail.kind,
    to_address: mail.to,
    variables: JSON.stringify(mail.variables ?? {}),
  });
  return row;
}

/** The event types that may cause a mail, so a batch of other events skips the outbox entirely. */
const MAIL_EVENT_TYPES = new Set<string>(Object.keys(EVENT_TEMPLATES));

export const causesMail = (type: string) => MAIL_EVENT_TYPES.has(type);

/** The columns of inserted domain events that the mail join reads. */
export const MAIL_EVENT_COLUMNS = ['id', 'type', 'campaign_id', 'referrer_id', 'lead_id', 'data'] as const;

/**
 * Records domain events and, in the same statement, the mails they cause: for each event whose campaign has
 * the matching template enabled, a mail to the referrer (rewards: only rewards the referrer receives; the
 * welcome: only referrers who joined through the API or the hosted join page, not a sync or import), keyed
 * `event:<event id>` so it is made at most once. `insertEvents` is the insert of the events, returning
 * MAIL_EVENT_COLUMNS. With no template enabled the join finds nothing, and the events cost what they did.
 */
export async function recordEventsWithEmails(db: Executor, insertEvents: OperationNodeSource): Promise<void> {
  await sql`
    with e as (${insertEvents})
    insert into email_outbox (dedupe_key, campaign_id, referrer_id, kind, to_address, variables)
    select 'event:' || e.id, e.campaign_id, e.referrer_id, t.kind, r.email,
      jsonb_build_object('friend_first_name', l.first_name, 'reward', e.data -> 'reward')
    from e
    join email_templates t on t.campaign_id = e.campaign_id and t.enabled and t.kind = case e.type
      when 'referrer.created' then 'welcome'
      when 'lead.qualified' then 'friend_qualified'
      when 'reward.issued' then 'reward_issued'
      when 'reward.reversed' then 'reward_reversed' end
    join referrers r on r.id = e.referrer_id and r.removed_at is null
    left join leads l on l.id = e.lead_id
    where e.type = 'lead.qualified' or e.data -> 'reward' ->> 'recipient' = 'referrer'
      or (e.type = 'referrer.created' and r.source in ('api', 'hosted_page'))
    on conflict (dedupe_key) do nothing
  `.execute(db);
}
