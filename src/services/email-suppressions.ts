import type { Database } from '../db/database.js';
import type { SuppressionReason } from '../domain/email-templates.js';
import { notFound } from '../errors.js';

export type SuppressionView = {
  object: 'email_suppression';
  email: string;
  reason: SuppressionReason;
  campaign_id: string | null;
  created_at: string;
};

const normal = (email: string) => email.trim().toLowerCase();

/** Addresses Vouch never mails (but for a sign-in link the person asks for). */
export function emailSuppressionsService(database: Database) {
  const view = (row: {
    email: string;
    reason: SuppressionReason;
    campaign_id: string | null;
    created_at: Date;
  }): SuppressionView => ({
    object: 'email_suppression',
    email: row.email,
    reason: row.reason,
    campaign_id: row.campaign_id,
    created_at: row.created_at.toISOString(),
  });

  return {
    /** Adds an address; one already listed keeps its first reason. */
    async add(email: string, reason: SuppressionReason, campaignId: string | null = null) {
      await database.db
        .insertInto('email_suppressions')
        .values({ email: normal(email), reason, campaign_id: campaignId })
        .onConflict((oc) => oc.column('email').doNothing())
        .execute();
      const row = await database.db
        .selectFrom('email_suppressions')
        .selectAll()
        .where('email', '=', normal(email))
        .executeTakeFirstOrThrow();
      return view(row);
    },

    async remove(email: string): Promise<SuppressionView> {
      const row = await database.db
        .deleteFrom('email_suppressions')
        .where('email', '=', normal(email))
        .returningAll()
        .executeTakeFirst();
      if (!row) throw notFound('suppressed address', email, 'email');
      return view(row);
    },

    /** By address; `startingAfter` is the last address of the previous page. */
    async list(limit: number, startingAfter?: string) {
      let q = database.db
        .selectFrom('email_suppressions')
        .selectAll()
        .orderBy('email')
        .limit(limit + 1);
      if (startingAfter) q = q.where('email', '>', normal(startingAfter));
      const rows = await q.execute();
      return { data: rows.slice(0, limit).map(view), hasMore: rows.length > limit };
    },
  };
}

export type EmailSuppressionsService = ReturnType<typeof emailSuppressionsService>;
