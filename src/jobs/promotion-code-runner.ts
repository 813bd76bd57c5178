import { promotionCodesRepository } from '../db/repositories/promotion-codes.js';
import { LockedRunner } from './locked-runner.js';
import { type PromotionCodeDeps, runPromotionCodes } from './run-promotion-codes.js';

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
