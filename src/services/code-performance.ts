import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { campaignCouponsRepository } from '../db/repositories/campaign-coupons.js';
import { campaignsRepository } from '../db/repositories/campaigns.js';
import { connectionsRepository } from '../db/repositories/connections.js';
import { promotionCodesRepository } from '../db/repositories/promotion-codes.js';
import { referrersRepository } from '../db/repositories/referrers.js';
import type { CodeFigures, CodeSummary, ReferrerCodeSummary } from '../domain/code-performance.js';
import { notFound } from '../errors.js';
import type { StripeGateway } from '../stripe/gateway.js';
import { retrieveCoupon } from '../stripe/promotion-codes.js';
import { presentCoupon, toPromotionCode } from './promotion-codes.js';

type Scope = { campaignId: string; referrerId?: string | undefined };

/** Uses of codes (counted and refused by reason), the leads they brought and the revenue they paid. */
async function redemptionFigures(database: Database, scope: Scope): Promise<CodeFigures> {
  const db = database.db;
  let uses = db
    .selectFrom('code_redemptions')
    .select(['counted', 'refusal', sql<number>`count(*)::int`.as('n')])
    .where('campaign_id', '=', scope.campaignId)
    .groupBy(['counted', 'refusal']);
  let revenue = db
    .selectFrom('code_redemptions')
    .select(['currency', sql<number>`sum(amount)::bigint`.as('amount')])
    .where('campaign_id', '=', scope.campaignId)
    .where('counted', '=', true)
    .where('currency', 'is not', null)
    .groupBy('currency')
    .orderBy('currency');
  let leads = db
    .selectFrom('leads as l')
    .select([
      sql<number>`count(*)::int`.as('leads'),
      sql<number>`count(*) filter (where l.status = 'qualified')::int`.as('qualified'),
    ])
    .where('l.campaign_id', '=', scope.campaignId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('code_redemptions as r')
          .select('r.id')
          .whereRef('r.lead_id', '=', 'l.id')
          .whereRef('r.referrer_id', '=', 'l.referrer_id')
          .where('r.counted', '=', true),
      ),
    );
  if (scope.referrerId) {
    uses = uses.where('referrer_id', '=', scope.referrerId);
    revenue = revenue.where('referrer_id', '=', scope.referrerId);
    leads = leads.where('l.referrer_id', '=', scope.referrerId);
  }
  const refused: Record<string, number> = {};
  let counted = 0;
  for (const row of await uses.execute()) {
    if (row.counted) counted += row.n;
    else refused[row.refusal!] = (refused[row.refusal!] ?? 0) + row.n;
  }
  const leadRow = await leads.executeTakeFirstOrThrow();
  return {
    redemptions: counted,
    refused_redemptions: Object.values(refused).reduce((a, b) => a + b, 0),
    refused_by_reason: refused,
    leads_from_codes: leadRow.leads,
    qualified_leads_from_codes: leadRow.qualified,
    revenue: (await revenue.execute()).map((r) => ({ currency: r.currency!, amount: Number(r.amount) })),
  };
}

/**
 * How referral codes perform: per campaign and per referrer. With Stripe at hand, the coupon's details (how
 * often it was redeemed, whether it is still valid) are read afresh from Stripe, so they match Stripe's own
 * figures; without it, or when Stripe does not answer, as last stored.
 */
export function codePerformanceService(database: Database, gateway?: StripeGateway) {
  const db = database.db;

  async function freshCoupon(campaignId: string) {
    const coupon = await campaignCouponsRepository(db).find(campaignId);
    if (!coupon || coupon.deleted_at || !gateway) return coupon;
    const connection = await connectionsRepository(db).findById(coupon.connection_id);
    if (connection?.status !== 'active') return coupon;
    const details = await retrieveCoupon(gateway.forConnection(connection), coupon.coupon_id).catch(
      () => null,
    );
    if (!details) return coupon;
    const at = new Date();
    await campaignCouponsRepository(db).updateDetails(
      coupon.connection_id,
      coupon.coupon_id,
      JSON.stringify(details),
      at,
    );
    return { ...coupon, details: { ...details }, updated_at: at };
  }

  return {
    async campaign(campaignId: string): Promise<CodeSummary> {
      if (!(await campaignsRepository(db).findById(campaignId))) throw notFound('campaign', campaignId);
      const referrers = await db
        .selectFrom('referrers')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('campaign_id', '=', campaignId)
        .where('referral_code', 'is not', null)
        .where('removed_at', 'is', null)
        .executeTakeFirstOrThrow();
      const codes = await promotionCodesRepository(db).counts(campaignId);
      const coupon = await freshCoupon(campaignId);
      return {
        object: 'code_summary',
        campaign_id: campaignId,
        referrers_with_code: referrers.n,
        referrers_with_promotion_code: codes.active,
        promotion_codes: codes,
        ...(await redemptionFigures(database, { campaignId })),
        coupon: coupon ? presentCoupon(coupon) : null,
      };
    },

    async referrer(referrerId: string): Promise<ReferrerCodeSummary> {
      const referrer = await referrersRepository(db).findById(referrerId);
      if (!referrer) throw notFound('referrer', referrerId);
      const code = await promotionCodesRepository(db).currentFor(referrer.campaign_id, referrer.id);
      return {
        object: 'referrer_code_summary',
        campaign_id: referrer.campaign_id,
        referrer_id: referrer.id,
        referral_code: referrer.referral_code,
        promotion_code: code ? toPromotionCode(code) : null,
        ...(await redemptionFigures(database, { campaignId: referrer.campaign_id, referrerId })),
      };
    },
  };
}

export type CodePerformanceService = ReturnType<typeof codePerformanceService>;
