import { Fieldset, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput, Title } from '@mantine/core';
import { MoneyInput } from '../ui/money-input';
import { describeCoupon } from './coupon-panel';
import type { RewardDraft, RewardKind } from './draft';
import { useAccountCoupons } from './queries';
import type { SectionProps } from './section';

const KINDS: { value: RewardKind; label: string }[] = [
  { value: 'none', label: 'Nothing' },
  { value: 'balance_credit', label: 'Credit on their Stripe balance' },
  { value: 'promotion_code', label: 'A single-use promotion code' },
  { value: 'coupon', label: 'A coupon on their subscription' },
];

const count = (value: number | string): number | '' => (typeof value === 'number' ? value : '');

function RewardInput({
  who,
  reward,
  onChange,
  connectionId,
  currency,
  error,
}: {
  who: string;
  reward: RewardDraft;
  onChange: (reward: RewardDraft) => void;
  connectionId: string | null;
  currency: string | null;
  error: string | undefined;
}) {
  const coupons = useAccountCoupons(connectionId);
  const rewardCurrency = reward.currency || currency;
  return (
    <Stack gap="xs">
      <Select
        label={`Reward for ${who}`}
        data={KINDS}
        value={reward.kind}
        onChange={(value) => value && onChange({ ...reward, kind: value as RewardKind })}
        allowDeselect={false}
        error={reward.kind === 'none' ? error : undefined}
      />
      {reward.kind === 'balance_credit' ? (
        <MoneyInput
          label={`Credit for ${who}`}
          currency={rewardCurrency}
          value={reward.amount}
          onChange={(amount) => onChange({ ...reward, amount, currency: rewardCurrency ?? '' })}
          error={error}
        />
      ) : null}
      {reward.kind === 'coupon' || reward.kind === 'promotion_code' ? (
        coupons.data ? (
          <Select
            label={`Coupon for ${who}`}
            placeholder="Choose a coupon"
            data={coupons.data.data.map((c) => ({
              value: c.id,
              label: `${c.name ?? c.id}: ${describeCoupon(c)}`,
            }))}
            value={reward.coupon_id || null}
            onChange={(value) => onChange({ ...reward, coupon_id: value ?? '' })}
            searchable
            error={error}
          />
        ) : (
          <TextInput
            label={`Coupon for ${who}`}
            description="The Stripe coupon id."
            value={reward.coupon_id}
            onChange={(e) => onChange({ ...reward, coupon_id: e.currentTarget.value })}
            error={error}
          />
        )
      ) : null}
    </Stack>
  );
}

/** Rewards: what a qualified referral gives, when, after whose approval, and how much in all. */
export function RewardsTab({ draft, set, readOnly, errors, currency }: SectionProps) {
  const budgetCurrency = draft.budget_currency || currency;
  return (
    <Fieldset variant="unstyled" disabled={readOnly}>
      <Stack>
        <Switch
          label="Give rewards through Stripe"
          checked={draft.rewards_on}
          onChange={(e) => set('rewards_on', e.currentTarget.checked)}
          error={errors.field('rewards')}
        />
        {draft.rewards_on ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <RewardInput
                who="the person referring"
                reward={draft.referrer_reward}
                onChange={(reward) => set('referrer_reward', reward)}
                connectionId={draft.connection_id}
                currency={currency}
                error={errors.field('rewards.referrer')}
              />
              <RewardInput
                who="the friend"
                reward={draft.friend_reward}
                onChange={(reward) => set('friend_reward', reward)}
                connectionId={draft.connection_id}
                currency={currency}
                error={errors.field('rewards.friend')}
              />
            </SimpleGrid>
            <Title order={3} size="h5" mt="sm">
              When
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput
                label="Hold (days)"
                description="Issue this many days after qualification, if the lead is still qualified (0 to 365)."
                min={0}
                max={365}
                allowDecimal={false}
                value={draft.hold_days}
                onChange={(value) => set('hold_days', count(value))}
                error={errors.field('rewards.hold_days')}
                required
              />
              <Switch
                mt="lg"
                label="Approve each reward"
                description="Every reward waits for a person to approve it (Rewards)."
                checked={draft.manual_approval}
                onChange={(e) => set('manual_approval', e.currentTarget.checked)}
                error={errors.field('rewards.manual_approval')}
              />
            </SimpleGrid>
            <Title order={3} size="h5" mt="sm">
              Caps
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput
                label="Rewards per referrer"
                description="The most one referrer receives; empty for no cap."
                min={1}
                allowDecimal={false}
                value={draft.max_per_referrer}
                onChange={(value) => set('max_per_referrer', count(value))}
                error={errors.field('rewards.max_per_referrer')}
              />
              <MoneyInput
                label="Budget"
                description="The most credit given in all (balance credit in this currency); empty for none."
                currency={budgetCurrency}
                value={draft.budget_amount}
                onChange={(value) => {
                  set('budget_amount', value);
                  if (!draft.budget_currency && budgetCurrency) set('budget_currency', budgetCurrency);
                }}
                error={errors.field('rewards.budget')}
              />
            </SimpleGrid>
          </>
        ) : null}
      </Stack>
    </Fieldset>
  );
}
