import type { Database, Executor } from '../db/database.js';
import { campaignsRepository } from '../db/repositories/campaigns.js';
import { connectionsRepository } from '../db/repositories/connections.js';
import { leadsRepository } from '../db/repositories/leads.js';
import { promotionCodesRepository } from '../db/repositories/promotion-codes.js';
import { referrersRepository } from '../db/repositories/referrers.js';
import type { RedemptionRefusal } from '../db/tables.js';
import { type CodeRules, DEFAULT_CODE_SETTINGS, readSettings } from '../domain/campaign-settings.js';
import type { CodeRedemption, OfflineUse } from '../domain/code-performance.js';
import { createId } from '../domain/ids.js';
import { normalizeEmail } from '../domain/people.js';
import { invalidParameter, notFound } from '../errors.js';
import { recordCodeUse, refusalMessage } from './code-attribution.js';
import { toLead } from './leads.js';

export type { OfflineUse } from '../domain/code-performance.js';

/** Whether this person ordered in the campaign before: a lead of theirs that paid, or used a code. */
async function orderedBefore(database: Database, campaignId: string, email: string): Promise<boolean> {
  const row = await database.db
    .selectFrom('leads as l')
    .select('l.id')
    .where('l.campaign_id', '=', campaignId)
    .where('l.email_normalized', '=', normalizeEmail(email))
    .where((eb) =>
      eb.or([
        eb('l.net_spend', '>', 0),
        eb.exists(
          eb
            .selectFrom('code_redemptions as r')
            .select('r.id')
            .whereRef('r.lead_id', '=', 'l.id')
            .where('r.counted', '=', true),
        ),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The currency of an offline amount: as sent, else the campaign's Stripe account's own; an amount whose
 * currency cannot be known is refused rather than compared with a minimum in another currency.
 */
async function currencyOf(
  tx: Executor,
  use: OfflineUse,
  connectionId: string | null,
): Promise<string | null> {
  if (use.currency) return use.currency.toLowerCase();
  if (use.amount === undefined) return null;
  const connection = connectionId ? await connectionsRepository(tx).findById(connectionId) : undefined;
  if (connection) return connection.default_currency;
  throw invalidParameter(
    'currency',
    "Send the amount's currency (e.g. usd): this campaign has no Stripe account to take it from.",
  );
}

/**
 * A referral code typed at a till or given on the phone: recorded like a use at a Stripe checkout (rules
 * checked, the lead created or found, qualified at once under "a referral code is used").
 */
export function offlineCodesService(database: Database, now: () => Date = () => new Date()) {
  return {
    async redeem(campaignId: string, use: OfflineUse): Promise<CodeRedemption> {
      const at = now();
      const paidBefore = await orderedBefore(database, campaignId, use.email);
      const out = await database.db.transaction().execute(async (tx) => {
        const campaign = await campaignsRepository(tx).lock(campaignId);
        if (!campaign) throw notFound('campaign', campaignId);
        const referrer = await referrersRepository(tx).findByCode(campaign.id, use.code);
        if (!referrer || referrer.removed_at)
          throw notFound('referral code in this campaign', use.code, 'code');
        const promotionCode = await promotionCodesRepository(tx).currentFor(campaign.id, referrer.id);
        const currency = await currencyOf(tx, use, campaign.connection_id);
        const name = [use.first_name, use.last_name].filter(Boolean).join(' ');
        const result = await recordCodeUse(
          tx,
          {
            campaign,
            referrer,
            promotionCode,
            source: 'offline',
            reference: `offline:${use.reference ?? createId('crd', at.getTime())}`,
            buyer: {
              connectionId: campaign.connection_id,
              customerId: null,
              email: use.email,
              name: name || null,
              at: use.occurred_at ? new Date(use.occurred_at) : at,
            },
            subtotal: use.amount ?? null,
            paid: use.amount ?? null,
            currency,
            paidBefore,
          },
          { type: 'offline_code' },
          at,
        );
        const rules: CodeRules =
          (promotionCode?.rules as CodeRules | undefined) ??
          (readSettings(campaign.settings).codes ?? DEFAULT_CODE_SETTINGS).rules;
        return { ...result, rules };
      });
      const { redemption, lead, rules } = out;
      return {
        object: 'code_redemption',
        id: redemption.id,
        campaign_id: redemption.campaign_id,
        referrer_id: redemption.referrer_id,
        lead_id: redemption.lead_id,
        source: redemption.source,
        reference: redemption.reference,
        amount: redemption.amount,
        currency: redemption.currency,
        counted: redemption.counted,
        refusal: redemption.refusal,
        message: redemption.refusal ? refusalMessage(redemption.refusal as RedemptionRefusal, rules) : null,
        redeemed_at: redemption.redeemed_at.toISOString(),
        already_recorded: !out.recorded,
        lead: lead
          ? toLead(
              await leadsRepository(database.db)
                .findById(lead.id)
                .then((row) => row ?? lead),
            )
          : null,
      };
    },
  };
}

export type OfflineCodesService = ReturnType<typeof offlineCodesService>;
