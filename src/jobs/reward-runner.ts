import { rewardsRepository } from '../db/repositories/rewards.js';
import { LockedRunner } from './locked-runner.js';
import { type RewardDeps, runRewards } from './run-rewards.js';

/** Advisory lock namespace of reward work: one runner per campaign across all processes. */
const REWARD_LOCK_SPACE = 727_300;

/** Issues rewards, ends holds and takes rewards back, campaign by campaign, resuming after a crash. */
export class RewardRunner extends LockedRunner {
  constructor(deps: RewardDeps & { pollMs?: number }) {
    const { pollMs, ...rest } = deps;
    super({
      database: rest.database,
      logger: rest.logger,
      lockSpace: REWARD_LOCK_SPACE,
      what: 'rewards',
      pollMs,
      due: () => rewardsRepository(rest.database.db).campaignsWithWork(rest.now()),
      run: (id, signal) => runRewards(rest, id, signal),
    });
  }
}
