import type { Tx } from '../db/database.js';
import { referrersRepository } from '../db/repositories/referrers.js';
import { tasksRepository } from '../db/repositories/tasks.js';
import type { CampaignRow, ReferrerRow, ReferrerSource } from '../db/tables.js';
import { readSettings } from '../domain/campaign-settings.js';
import { createId } from '../domain/ids.js';
import { cleanName, normalizeEmail } from '../domain/people.js';
import { generateReferralCode, generateSlug } from '../domain/referral-codes.js';
import { recordDomainEvent } from './domain-events.js';
import { queueCodeForNewReferrer } from './promotion-codes.js';
import { referrerSnapshot } from './referrer-view.js';

export type NewReferrer = {
  email: string;
  first_name: string;
  last_name?: string | null | undefined;
  metadata?: Record<string, string> | undefined;
  /** A code chosen by the caller; otherwise one is generated when `generateCode` says so. */
  referral_code?: string | undefined;
  generateCode?: boolean | undefined;
};

export type InsertOutcome = { referrer: ReferrerRow } | { conflict: 'email' | 'referral_code' };

const SLUG_ATTEMPTS = 5;

const CODE_ATTEMPTS = 12;

/**
 * Inserts one referrer in an open transaction (the campaign row locked by the caller), generating a unique
 * slug and, when asked, a unique code. Reports a taken email or chosen code instead of throwing, so a bulk
 * import can go on with its other rows.
 */
export async function insertReferrer(
  tx: Tx,
  campaign: CampaignRow,
  input: NewReferrer,
  source: ReferrerSource,
  at: Date,
  /** Whether the referrer holds a place under the participant limit from the start (see LimitCounts). */
  counted = true,
): Promise<InsertOutcome> {
  const repo = referrersRepository(tx);
  const generate = !input.referral_code && (input.generateCode ?? campaign.auto_referral_codes);
  let codeAttempt = 0;
  let slugAttempt = 0;
  for (;;) {
    const code =
      input.referral_code?.trim() ??
      (generate ? generateReferralCode(input.first_name, Math.floor(codeAttempt / 4)) : null);
    const result = await repo.insert({
      id: createId('rfr'),
      campaign_id: campaign.id,
      email: input.email.trim(),
      email_normalized: normalizeEmail(input.email),
      first_name: cleanName(input.first_name) ?? input.first_name.trim(),
      last_name: cleanName(input.last_name),
      metadata: JSON.stringify(input.metadata ?? {}),
      source,
      slug: generateSlug(),
      referral_code: code,
      counted,
      created_at: at,
      updated_at: at,
    });
    if (typeof result !== 'string') {
      await queueCodeForNewReferrer(tx, campaign, result.id, at);
      await recordDomainEvent(tx, {
        type: 'referrer.created',
        campaign_id: campaign.id,
        referrer_id: result.id,
        // A new referrer has referred no one yet; its link is made when the event is sent.
        data: {
          referrer: referrerSnapshot({ ...result, referrals_count: 0, converted_count: 0, clicks_count: 0 }),
        },
        at,
      });
      return { referrer: result };
    }
    if (result === 'email') return { conflict: 'email' };
    if (result === 'referral_code') {
      if (!generate) return { conflict: 'referral_code' };
      if (++codeAttempt >= CODE_ATTEMPTS)
        throw new Error('Could not find a free referral code after many attempts');
      continue;
    }
    if (++slugAttempt >= SLUG_ATTEMPTS)
      throw new Error('Could not find a free referral link slug after many attempts');
  }
}

/** Gives one referrer a generated code unless it has one; retries on the rare collision. */
export async function assignGeneratedCode(
  tx: Tx,
  referrer: { id: string; first_name: string },
): Promise<void> {
  const repo = referrersRepository(tx);
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const outcome = await repo.setCodeIfNone(
      referrer.id,
      generateReferralCode(referrer.first_name, Math.floor(attempt / 4)),
    );
    if (outcome !== 'taken') return;
  }
  throw new Error(`Could not find a free referral code for ${referrer.id}`);
}

/** When the campaign sends referrers to Stripe, asks for that in the caller's transaction. */
export async function sendReferrerToStripe(
  tx: Tx,
  campaign: CampaignRow,
  referrerId: string,
  at: Date,
): Promise<boolean> {
  if (!campaign.connection_id || !readSettings(campaign.settings).customers?.referrers_to_stripe)
    return false;
  await tasksRepository(tx).enqueue('stripe_referrer_customer', referrerId, at);
  return true;
}
