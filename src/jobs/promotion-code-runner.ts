import { connectionsRepository } from '../db/repositories/connections.js';
import { promotionCodesRepository } from '../db/repositories/promotion-codes.js';
import { referrersRepository } from '../db/repositories/referrers.js';
import type { ConnectionRow, PromotionCodeRow } from '../db/tables.js';
import type { CodeRules } from '../domain/campaign-settings.js';
import { assignGeneratedCode } from '../services/referrer-writes.js';
import type { StripeGateway } from '../stripe/gateway.js';
import { createPromotionCode, deactivatePromotionCode, isCouponGone } from '../stripe/promotion-codes.js';
import { isTransient, withRetries } from '../stripe/retries.js';
import type { JobContext } from './job-definition.js';
import { LockedRunner, type StopSignal } from './locked-runner.js';
import { runPool } from './work-pool.js';

export type PromotionCodeDeps = Pick<JobContext, 'database' | 'logger' | 'now'> & {
  gateway: StripeGateway;
  /**
   * Codes under way at once; default: the account's limit (its budget could start no more in a second).
   * Each request still waits for its turn in the budget.
   */
  concurrency?: number;
};

const BATCH = 100;

/** Advisory lock namespace of promotion code work: one runner per campaign across all processes. */
const PROMOTION_CODE_LOCK_SPACE = 727_200;

/** Makes and switches off referrers' promotion codes in Stripe, campaign by campaign, resuming after a crash. */
export class PromotionCodeRunner extends LockedRunner {
  constructor(deps: PromotionCodeDeps & { pollMs?: number }) {
    const { pollMs, ...rest } = deps;
    super({
      database: rest.database,
      logger: rest.logger,
      lockSpace: PROMOTION_CODE_LOCK_SPACE,
      what: 'promotion codes',
      pollMs,
      due: () => promotionCodesRepository(rest.database.db).campaignsWithWork(),
      run: (id, signal) => runPromotionCodes(rest, id, signal),
    });
  }
}

/**
 * Makes (or switches off) a campaign's promotion codes in Stripe until none is left to do. Each code is
 * its own row: made with an idempotency key from its id, marked active after Stripe answered, so a kill at
 * any point repeats at most the requests in flight, and Stripe answers those with the codes it made. Codes
 * to switch off go first, all of them before any is made, so a remade code never finds its old text still
 * active.
 */
async function runPromotionCodes(
  deps: PromotionCodeDeps,
  campaignId: string,
  signal: StopSignal,
): Promise<void> {
  const repo = promotionCodesRepository(deps.database.db);
  const connections = new Map<string, ConnectionRow | undefined>();
  const connectionOf = async (id: string) => {
    if (!connections.has(id)) connections.set(id, await connectionsRepository(deps.database.db).findById(id));
    return connections.get(id);
  };
  while (!signal.stopped) {
    const first = await repo.work(campaignId, 1);
    if (first.length === 0) return;
    const connection = await connectionOf(first[0]!.connection_id);
    const size = deps.concurrency ?? (connection ? deps.gateway.budgetFor(connection).limit : 1);
    const ran = await runPool<PromotionCodeRow>({
      size,
      key: (row) => row.id,
      stopped: () => signal.stopped,
      fetch: async (held) => {
        const rows = await repo.work(campaignId, BATCH + held.size);
        // While any code is still to be switched off (or being switched off), only those.
        return rows.some((r) => r.status === 'deactivating')
          ? rows.filter((r) => r.status === 'deactivating')
          : rows;
      },
      run: async (row) => step(deps, row, await connectionOf(row.connection_id)),
    });
    if (ran === 0) return;
  }
}

async function step(
  deps: PromotionCodeDeps,
  row: PromotionCodeRow,
  connection: ConnectionRow | undefined,
): Promise<void> {
  const repo = promotionCodesRepository(deps.database.db);
  const fail = (error_code: string, message: string) =>
    repo.update(row.id, {
      status: row.status === 'deactivating' ? 'inactive' : 'failed',
      error_code,
      last_error: message.slice(0, 2000),
      attempts: row.attempts + 1,
      updated_at: deps.now(),
    });
  if (connection?.status !== 'active')
    return fail('connection_disconnected', "The campaign's Stripe connection is disconnected.");
  const client = deps.gateway.forConnection(connection, 'promotion_codes');
  const retry = <T>(call: () => Promise<T>) =>
    withRetries(call, {
      onRetry: (n) =>
        deps.logger.warn(
          { promotion_code_id: row.id, status: n.status, attempt: n.attempt, wait_ms: Math.round(n.waitMs) },
          'Stripe asked to slow down or failed while making a promotion code; trying again',
        ),
    });
  try {
    if (row.status === 'deactivating') {
      if (row.stripe_id) await retry(() => deactivatePromotionCode(client, row.stripe_id!));
      await repo.update(row.id, { status: 'inactive', updated_at: deps.now() });
      return;
    }
    const code = row.code ?? (await giveReferrerACode(deps, row));
    const referrer = await referrersRepository(deps.database.db).findById(row.referrer_id);
    const outcome = await retry(() =>
      createPromotionCode(client, {
        id: row.id,
        couponId: row.coupon_id,
        code,
        rules: row.rules as CodeRules,
        metadata: {
          vouch_campaign_id: row.campaign_id,
          vouch_referrer_id: row.referrer_id,
          ...(referrer ? { vouch_referrer_email: referrer.email } : {}),
        },
      }),
    );
    if ('taken' in outcome)
      return fail(
        'code_taken',
        `Another active promotion code in this Stripe account already reads ${code} (${outcome.taken}). ` +
          'Give the referrer another referral code, then make their promotion code again.',
      );
    await repo.update(row.id, {
      status: 'active',
      stripe_id: outcome.created,
      code,
      error_code: null,
      last_error: null,
      attempts: row.attempts + 1,
      updated_at: deps.now(),
    });
  } catch (error) {
    // Still failing after the retries: left pending for the next round.
    if (isTransient(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    return fail(isCouponGone(error) ? 'coupon_missing' : 'stripe_refused', message);
  }
}

/** A referrer queued without a referral code gets one first: the promotion code reads the same. */
async function giveReferrerACode(deps: PromotionCodeDeps, row: PromotionCodeRow): Promise<string> {
  return deps.database.db.transaction().execute(async (tx) => {
    const referrers = referrersRepository(tx);
    const referrer = await referrers.findById(row.referrer_id);
    if (!referrer) throw new Error(`referrer ${row.referrer_id} is gone`);
    if (!referrer.referral_code) await assignGeneratedCode(tx, referrer);
    const code = (await referrers.findById(row.referrer_id))!.referral_code!;
    await promotionCodesRepository(tx).update(row.id, { code });
    return code;
  });
}
