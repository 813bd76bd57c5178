import { createHash } from 'node:crypto';
import type { Database, Tx } from '../db/database.js';
import { campaignCouponsRepository } from '../db/repositories/campaign-coupons.js';
import { campaignsRepository } from '../db/repositories/campaigns.js';
import { promotionCodesRepository } from '../db/repositories/promotion-codes.js';
import { referrersRepository } from '../db/repositories/referrers.js';
import type { CampaignCouponRow, CampaignRow, PromotionCodeRow } from '../db/tables.js';
import { DEFAULT_CODE_SETTINGS, readSettings } from '../domain/campaign-settings.js';
import {
  type CampaignCoupon,
  type CouponProblem,
  couponSchema,
  type PromotionCode,
  type PromotionCodeProgress,
} from '../domain/promotion-code.js';
import { conflict, notFound } from '../errors.js';
import type { StripeGateway } from '../stripe/gateway.js';
import {
  type CouponDetails,
  createCoupon,
  listCoupons,
  type NewCoupon,
  retrieveCoupon,
} from '../stripe/promotion-codes.js';
import { campaignConnection } from './campaign-connection.js';

export type { PromotionCode } from '../domain/promotion-code.js';

export const toPromotionCode = (row: PromotionCodeRow): PromotionCode => ({
  id: row.id,
  object: 'promotion_code',
  campaign_id: row.campaign_id,
  referrer_id: row.referrer_id,
  code: row.code,
  coupon_id: row.coupon_id,
  stripe_id: row.stripe_id,
  status: row.status,
  error_code: row.error_code,
  last_error: row.last_error,
  created_at: row.created_at.toISOString(),
  updated_at: row.updated_at.toISOString(),
});

export type Problem = CouponProblem;

/** The campaign's coupon as shown by the API, with what is wrong with it. */
export function presentCoupon(row: CampaignCouponRow): CampaignCoupon {
  const problems: Problem[] = row.deleted_at
    ? [
        {
          code: 'coupon_deleted',
          message: `The coupon ${row.coupon_id} was deleted in Stripe on ${row.deleted_at.toISOString()}: referral codes no longer give a discount at checkout. Set a new coupon with POST /v1/campaigns/${row.campaign_id}/coupon, then make the codes again.`,
        },
      ]
    : [];
  return {
    object: 'campaign_coupon',
    campaign_id: row.campaign_id,
    coupon: couponSchema.parse(row.details),
    origin: row.origin,
    status: row.deleted_at ? 'deleted' : 'active',
    deleted_at: row.deleted_at?.toISOString() ?? null,
    problems,
  };
}

/** The campaign's usable coupon, or a clear refusal. */
async function usableCoupon(db: Database['db'] | Tx, campaign: CampaignRow): Promise<CampaignCouponRow> {
  const coupon = await campaignCouponsRepository(db).find(campaign.id);
  if (!coupon)
    throw conflict(
      'no_coupon',
      `This campaign has no coupon; set one with POST /v1/campaigns/${campaign.id}/coupon first.`,
    );
  if (coupon.deleted_at) throw conflict('coupon_deleted', presentCoupon(coupon).problems[0]!.message);
  return coupon;
}

const rulesOf = (campaign: CampaignRow) =>
  JSON.stringify((readSettings(campaign.settings).codes ?? DEFAULT_CODE_SETTINGS).rules);

/**
 * When the campaign makes codes for new referrers and has a usable coupon, queues one for this referrer
 * in the caller's transaction (the runner makes it in Stripe, giving the referrer a referral code first).
 */
export async function queueCodeForNewReferrer(
  tx: Tx,
  campaign: CampaignRow,
  referrerId: string,
  at: Date,
): Promise<boolean> {
  if (!(readSettings(campaign.settings).codes ?? DEFAULT_CODE_SETTINGS).auto_promotion_codes) return false;
  if (!campaign.connection_id || campaign.status === 'archived') return false;
  const coupon = await campaignCouponsRepository(tx).find(campaign.id);
  if (!coupon || coupon.deleted_at) return false;
  await promotionCodesRepository(tx).queueFor({
    campaignId: campaign.id,
    referrerId,
    code: null,
    connectionId: coupon.connection_id,
    couponId: coupon.coupon_id,
    rules: rulesOf(campaign),
    at,
  });
  return true;
}

/**
 * A referrer's referral code changed: their promotion code must read the same. One not made yet takes the
 * new text; a made one is switched off in Stripe and a new one queued under the same coupon and rules.
 */
export async function followCodeChange(
  tx: Tx,
  referrer: { id: string; campaign_id: string },
  code: string,
  at: Date,
): Promise<void> {
  const repo = promotionCodesRepository(tx);
  const current = await repo.currentFor(referrer.campaign_id, referrer.id);
  if (!current || current.code === code) return;
  if (current.status !== 'active') {
    await repo.update(current.id, {
      code,
      status: 'pending',
      error_code: null,
      last_error: null,
      updated_at: at,
    });
    return;
  }
  await repo.update(current.id, { status: 'deactivating', updated_at: at });
  await repo.queueFor({
    campaignId: current.campaign_id,
    referrerId: referrer.id,
    code,
    connectionId: current.connection_id,
    couponId: current.coupon_id,
    rules: JSON.stringify(current.rules),
    at,
  });
}

/** The campaign coupon and referrers' promotion codes. */
export function promotionCodesService(deps: {
  database: Database;
  gateway: StripeGateway;
  /** Wakes this process's promotion code runner, when it has one. */
  wake?: (() => void) | undefined;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const db = deps.database.db;

  async function progress(campaignId: string): Promise<PromotionCodeProgress> {
    if (!(await campaignsRepository(db).findById(campaignId))) throw notFound('campaign', campaignId);
    const repo = promotionCodesRepository(db);
    const counts = await repo.counts(campaignId);
    const made = await repo.madeSince(campaignId, new Date(now().getTime() - 60_000));
    const perSecond = Number((made / 60).toFixed(2));
    return {
      object: 'promotion_code_progress',
      campaign_id: campaignId,
      counts,
      codes_per_second_last_minute: perSecond,
      eta_seconds: counts.pending === 0 ? 0 : perSecond > 0 ? Math.ceil(counts.pending / perSecond) : null,
    };
  }

  return {
    progress,

    /** Creates the campaign's coupon in Stripe, or picks one the account has. */
    async setCoupon(campaignId: string, input: { coupon_id: string } | NewCoupon) {
      const { campaign, connection } = await campaignConnection(db, campaignId);
      if (campaign.status === 'archived')
        throw conflict('campaign_archived', 'An archived campaign cannot be changed.');
      const client = deps.gateway.forConnection(connection);
      let details: CouponDetails;
      if ('coupon_id' in input) {
        const found = await retrieveCoupon(client, input.coupon_id);
        if (!found) throw notFound('coupon in the Stripe account', input.coupon_id, 'coupon_id');
        if (!found.valid)
          throw conflict(
            'coupon_invalid',
            `The coupon ${input.coupon_id} can no longer be redeemed.`,
            'coupon_id',
          );
        details = found;
      } else {
        // The same request made twice (a retry) makes one coupon.
        const digest = createHash('sha256').update(JSON.stringify(input)).digest('hex').slice(0, 16);
        details = await createCoupon(client, input, `vouch:coupon:${campaign.id}:${digest}`);
      }
      const at = now();
      return deps.database.db.transaction().execute(async (tx) => {
        const before = await campaignCouponsRepository(tx).find(campaign.id);
        const row = await campaignCouponsRepository(tx).save({
          campaign_id: campaign.id,
          connection_id: connection.id,
          coupon_id: details.id,
          origin: 'coupon_id' in input ? 'existing' : 'created',
          details: JSON.stringify(details),
          at,
        });
        // Codes under another coupon are remade under this one (switched off first, then made again).
        if (before && before.coupon_id !== details.id) {
          const repo = promotionCodesRepository(tx);
          const hadCodes = (await repo.deactivate({ campaignId: campaign.id }, at)) > 0;
          if (hadCodes)
            await repo.queueAll({
              campaignId: campaign.id,
              connectionId: connection.id,
              couponId: details.id,
              rules: rulesOf(campaign),
              at,
            });
        }
        deps.wake?.();
        return presentCoupon(row);
      });
    },

    async coupon(campaignId: string) {
      const row = await campaignCouponsRepository(db).find(campaignId);
      if (!row) throw notFound('coupon of campaign', campaignId);
      return presentCoupon(row);
    },

    async listCoupons(connectionId: string, limit: number, startingAfter: string | undefined) {
      const connection = await db
        .selectFrom('connections')
        .selectAll()
        .where('id', '=', connectionId)
        .executeTakeFirst();
      if (!connection) throw notFound('Stripe connection', connectionId);
      if (connection.status !== 'active')
        throw conflict('connection_disconnected', `The Stripe connection ${connectionId} is disconnected.`);
      return listCoupons(deps.gateway.forConnection(connection), limit, startingAfter);
    },

    /** Queues promotion codes for one referrer or every referrer of the campaign; failed ones try again. */
    async request(campaignId: string, referrerId: string | undefined) {
      const { campaign } = await campaignConnection(db, campaignId);
      if (campaign.status === 'archived')
        throw conflict('campaign_archived', 'An archived campaign makes no promotion codes.');
      const coupon = await usableCoupon(db, campaign);
      const at = now();
      const input = {
        campaignId: campaign.id,
        connectionId: coupon.connection_id,
        couponId: coupon.coupon_id,
        rules: rulesOf(campaign),
        at,
      };
      const repo = promotionCodesRepository(db);
      let queued = 0;
      if (referrerId) {
        const referrer = await referrersRepository(db).findById(referrerId);
        if (!referrer || referrer.campaign_id !== campaign.id)
          throw notFound('referrer in this campaign', referrerId, 'referrer_id');
        if (referrer.removed_at)
          throw conflict('referrer_removed', `The referrer ${referrerId} was removed.`, 'referrer_id');
        const row = await repo.queueFor({ ...input, referrerId, code: referrer.referral_code });
        if (row.status === 'failed') await repo.update(row.id, { status: 'pending', updated_at: at });
        queued = row.status === 'active' ? 0 : 1;
      } else {
        queued = await repo.queueAll(input);
      }
      deps.wake?.();
      return { ...(await progress(campaign.id)), queued };
    },

    async list(query: Parameters<ReturnType<typeof promotionCodesRepository>['list']>[0]) {
      if (!(await campaignsRepository(db).findById(query.campaignId)))
        throw notFound('campaign', query.campaignId);
      const rows = await promotionCodesRepository(db).list(query);
      return { data: rows.slice(0, query.limit).map(toPromotionCode), hasMore: rows.length > query.limit };
    },
  };
}

export type PromotionCodesService = ReturnType<typeof promotionCodesService>;
