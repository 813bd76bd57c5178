import type { Database } from '../db/database.js';
import { type RewardListQuery, rewardsRepository } from '../db/repositories/rewards.js';
import type { RewardStatus } from '../db/tables.js';
import { toTimelineEntry } from '../domain/api-shapes.js';
import type { RewardDetail } from '../domain/reward.js';
import { afterApproval } from '../domain/reward-rules.js';
import type { Actor } from '../domain/roles.js';
import { conflict, notFound } from '../errors.js';
import { recordAudit } from './audit-log.js';
import { presentReward } from './reward-grants.js';

/** The reward ledger: list, look at, approve, retry, cancel. */
export function rewardsService(deps: {
  database: Database;
  wake?: (() => void) | undefined;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const db = deps.database.db;

  async function retrieve(id: string): Promise<RewardDetail> {
    const row = await rewardsRepository(db).findById(id);
    if (!row) throw notFound('reward', id);
    const timeline = await rewardsRepository(db).timeline(id);
    return {
      ...presentReward(row),
      timeline: timeline.map(toTimelineEntry),
    };
  }

  /** Moves a reward from one of `from` to a new status, with a timeline entry; refuses other statuses. */
  async function move(
    id: string,
    action: 'approved' | 'retried' | 'cancelled',
    actor: Actor | undefined,
    from: RewardStatus[],
    next: (row: { issue_after: Date }) => { status: RewardStatus; extra?: object; message: string },
    refusal: string,
  ) {
    await db.transaction().execute(async (tx) => {
      const row = await rewardsRepository(tx).lock(id);
      if (!row) throw notFound('reward', id);
      if (!from.includes(row.status))
        throw conflict('reward_status', `${refusal} This reward is ${row.status}.`);
      const at = now();
      const { status, extra, message } = next(row);
      await rewardsRepository(tx).update(id, { status, ...extra, updated_at: at });
      await rewardsRepository(tx).addEvent(id, { type: `reward.${status}`, message, status, at });
      const data = { from: row.status, to: status };
      await recordAudit(
        tx,
        actor,
        { action: `reward.${action}`, objectType: 'reward', objectId: id, data },
        at,
      );
    });
    deps.wake?.();
    return retrieve(id);
  }

  return {
    retrieve,

    async list(query: RewardListQuery) {
      const rows = await rewardsRepository(db).list(query);
      return { data: rows.slice(0, query.limit).map(presentReward), hasMore: rows.length > query.limit };
    },

    /** How many rewards, and how much credit, per status and currency, under the ledger's filters. */
    async totals(query: Omit<RewardListQuery, 'limit' | 'startingAfter' | 'status'>) {
      const rows = await rewardsRepository(db).totals(query);
      return {
        object: 'reward_totals' as const,
        data: rows.map((r) => ({
          status: r.status,
          currency: r.currency,
          count: r.count,
          amount: Number(r.amount),
        })),
      };
    },

    approve: (id: string, actor?: Actor) =>
      move(
        id,
        'approved',
        actor,
        ['pending_approval'],
        (row) => {
          const status = afterApproval(row.issue_after, now());
          return {
            status,
            message:
              status === 'held' ? 'Approved; held until the hold period ends.' : 'Approved; to be issued.',
          };
        },
        'Only a reward waiting for approval can be approved.',
      ),

    retry: (id: string, actor?: Actor) =>
      move(
        id,
        'retried',
        actor,
        ['failed'],
        () => ({ status: 'pending', extra: { issue_after: now() }, message: 'Retried on request.' }),
        'Only a failed reward can be retried.',
      ),

    cancel: (id: string, actor?: Actor) =>
      move(
        id,
        'cancelled',
        actor,
        ['held', 'pending_approval', 'pending', 'failed'],
        () => ({
          status: 'cancelled',
          extra: { cancel_reason: 'by_request', cancelled_at: now() },
          message: 'Cancelled on request.',
        }),
        'Only a reward not issued yet can be cancelled.',
      ),
  };
}

export type RewardsService = ReturnType<typeof rewardsService>;
