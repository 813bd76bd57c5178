import { sql } from 'kysely';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Database } from '../db/database.js';
import { emailOutboxRepository } from '../db/repositories/email-outbox.js';
import { matching } from '../db/repositories/referrers.js';
import type { EmailSendRow } from '../db/tables.js';
import type { EmailStatus, TemplateContent } from '../domain/email-templates.js';
import { createId } from '../domain/ids.js';
import type { ReferrerSource } from '../domain/referrer.js';
import type { Actor } from '../domain/roles.js';
import { invalidParameter, notFound } from '../errors.js';
import { checkVariables, type EmailTemplatesService } from './email-templates.js';

/** Who a once-off send goes to: every referrer of the campaign, those a sync made, or a list filter's. */
export type SendAudience =
  | { type: 'all' }
  | { type: 'sync'; sync_id: string }
  | {
      type: 'filter';
      search?: string | undefined;
      source?: ReferrerSource | undefined;
      has_referral_code?: boolean | undefined;
    };

export type NewSend = TemplateContent & { audience: SendAudience; rate_per_minute: number };

export type EmailSendView = {
  object: 'email_send';
  id: string;
  campaign_id: string;
  subject: string;
  html: string;
  text: string;
  audience: SendAudience;
  rate_per_minute: number;
  recipient_count: number;
  counts: Record<EmailStatus, number>;
  created_at: string;
};

/**
 * Once-off mails to chosen referrers. Starting a send writes the send and one outbox mail per recipient in
 * one transaction, spaced by the rate: each recipient's mail is due at its turn and keyed
 * `send:<send>:<referrer>`, unique per send and referrer. The outbox does the rest, so a send killed half-way
 * goes on where it stopped when a worker starts again, and nobody gets it twice.
 */
export function emailSendsService(deps: {
  database: Database;
  box: SecretBox;
  templates: EmailTemplatesService;
  now: () => Date;
  wake?: (() => void) | undefined;
}) {
  const { database } = deps;

  async function view(row: EmailSendRow): Promise<EmailSendView> {
    return {
      object: 'email_send',
      id: row.id,
      campaign_id: row.campaign_id,
      subject: row.subject,
      html: row.html,
      text: row.text,
      audience: row.audience as SendAudience,
      rate_per_minute: row.rate_per_minute,
      recipient_count: row.recipient_count,
      counts: await emailOutboxRepository(database.db).countsBySend(row.id),
      created_at: row.created_at.toISOString(),
    };
  }

  async function checkCampaign(campaignId: string) {
    const found = await database.db
      .selectFrom('campaigns')
      .select('id')
      .where('id', '=', campaignId)
      .executeTakeFirst();
    if (!found) throw notFound('campaign', campaignId);
  }

  return {
    async create(campaignId: string, input: NewSend, actor: Actor | undefined): Promise<EmailSendView> {
      await checkCampaign(campaignId);
      checkVariables(input);
      const { audience } = input;
      if (audience.type === 'sync') {
        const sync = await database.db
          .selectFrom('syncs')
          .select('id')
          .where('id', '=', audience.sync_id)
          .where('campaign_id', '=', campaignId)
          .executeTakeFirst();
        if (!sync) throw invalidParameter('audience.sync_id', `No sync ${audience.sync_id} in this campaign`);
      }
      const id = createId('snd');
      const start = deps.now();
      const spacingMs = 60_000 / input.rate_per_minute;
      const row = await database.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('email_sends')
          .values({
            id,
            campaign_id: campaignId,
            subject: input.subject,
            html: input.html,
            text: input.text,
            audience: JSON.stringify(audience),
            rate_per_minute: input.rate_per_minute,
            recipient_count: 0,
            created_by: actor?.id ?? null,
          })
          .execute();
        const conditions =
          audience.type === 'filter'
            ? matching({
                campaignId,
                search: audience.search,
                source: audience.source,
                hasCode: audience.has_referral_code,
              })
            : sql`r.campaign_id = ${campaignId}`;
        const fromSync =
          audience.type === 'sync'
            ? sql`and r.id in (select l.referrer_id from sync_customers c
                join customer_links l on l.customer_id = c.customer_id and l.referrer_id is not null
                where c.sync_id = ${audience.sync_id} and c.standing = 'created')`
            : sql``;
        // Every recipient at once, set-based; each mail due at its turn under the rate.
        const inserted = await sql<{ n: number }>`
          with recipients as (
            select r.id, r.email, row_number() over (order by r.id) - 1 as turn
            from referrers r
            where ${conditions} and r.removed_at is null ${fromSync}
          ), added as (
            insert into email_outbox (dedupe_key, campaign_id, referrer_id, send_id, kind, to_address, next_attempt_at)
            select 'send:' || ${id} || ':' || id, ${campaignId}, id, ${id}, 'once_off', email,
              ${start}::timestamptz + (turn * ${spacingMs}::float8) * interval '1 millisecond'
            from recipients
            on conflict do nothing
            returning 1
          )
          select count(*)::int as n from added
        `.execute(tx);
        const count = inserted.rows[0]?.n ?? 0;
        return tx
          .updateTable('email_sends')
          .set({ recipient_count: count })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
      });
      deps.wake?.();
      return view(row);
    },

    async get(id: string): Promise<EmailSendView> {
      const row = await database.db
        .selectFrom('email_sends')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw notFound('email send', id);
      return view(row);
    },

    async list(campaignId: string, limit: number, startingAfter?: string) {
      await checkCampaign(campaignId);
      let q = database.db
        .selectFrom('email_sends')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (startingAfter) q = q.where('id', '<', startingAfter);
      const rows = await q.execute();
      return {
        data: await Promise.all(rows.slice(0, limit).map(view)),
        hasMore: rows.length > limit,
      };
    },

    /** The mail as a referrer (or the sample referrer) would get it. */
    preview(campaignId: string, content: TemplateContent, referrerId: string | undefined) {
      return deps.templates.preview(campaignId, content, referrerId);
    },
  };
}

export type EmailSendsService = ReturnType<typeof emailSendsService>;
