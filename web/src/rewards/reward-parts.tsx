import { Badge, Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useSession } from '../account/session';
import { formatMoney } from '../ui/money';
import { ACTION_FROM, REWARD_STATUSES, type Reward, type RewardAction, useRewardAction } from './queries';

export function RewardStatusBadge({ status }: { status: Reward['status'] }) {
  const known = REWARD_STATUSES[status];
  return (
    <Badge color={known?.color ?? 'gray'} variant="light">
      {known?.label ?? status}
    </Badge>
  );
}

/** What the reward gives, in words: "$15.00 credit", "a promotion code (FRIEND20)". */
export function rewardWhat(r: Reward): string {
  if (r.kind === 'balance_credit' && r.amount !== null && r.currency)
    return `${formatMoney(r.amount, r.currency)} credit`;
  if (r.kind === 'promotion_code') return `a promotion code${r.coupon_id ? ` (coupon ${r.coupon_id})` : ''}`;
  return `coupon ${r.coupon_id ?? ''}`.trim();
}

const LABELS: Record<RewardAction, string> = { approve: 'Approve', retry: 'Retry', cancel: 'Cancel' };
const DONE: Record<RewardAction, string> = {
  approve: 'Approved.',
  retry: 'To be issued again.',
  cancel: 'Cancelled.',
};

/** Approve, retry and cancel, for editors and above, each offered only where the status allows it. */
export function RewardActions({ reward, size = 'xs' }: { reward: Reward; size?: 'xs' | 'sm' }) {
  const act = useRewardAction(reward.id);
  if (!useSession().can('editor')) return null;
  const actions = (Object.keys(ACTION_FROM) as RewardAction[]).filter((a) =>
    ACTION_FROM[a].includes(reward.status),
  );
  if (actions.length === 0) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {actions.map((action) => (
        <Button
          key={action}
          size={size}
          variant="light"
          color={action === 'cancel' ? 'red' : 'blue'}
          loading={act.isPending && act.variables === action}
          aria-label={`${LABELS[action]} reward ${reward.id}`}
          onClick={() =>
            act.mutate(action, {
              onSuccess: () => notifications.show({ color: 'green', message: DONE[action] }),
              onError: (error) =>
                notifications.show({ color: 'red', title: `Not done`, message: error.message }),
            })
          }
        >
          {LABELS[action]}
        </Button>
      ))}
    </Group>
  );
}
