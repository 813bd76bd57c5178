import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../ui/form-alert';
import { useFormErrors } from '../ui/form-errors';
import { formatMoney } from '../ui/money';
import { MoneyInput } from '../ui/money-input';
import { QueryState } from '../ui/query-state';
import { StatusBadge } from '../ui/status-badge';
import {
  type Campaign,
  type Coupon,
  type SetCouponBody,
  useAccountCoupons,
  useCampaignCoupon,
  useSetCoupon,
} from './queries';

const FIELDS = [
  'coupon_id',
  'name',
  'amount_off',
  'currency',
  'percent_off',
  'duration_in_months',
  'duration',
];

/** A coupon's discount and duration in words: "$10.00 off, for 3 months". */
export function describeCoupon(c: Coupon): string {
  const off =
    c.amount_off !== null && c.currency
      ? `${formatMoney(c.amount_off, c.currency)} off`
      : `${c.percent_off}% off`;
  const duration =
    c.duration === 'repeating'
      ? `for ${c.duration_in_months} months`
      : c.duration === 'once'
        ? 'once'
        : 'forever';
  return `${off}, ${duration}`;
}

function NewOrExisting({ campaign, currency }: { campaign: Campaign; currency: string | null }) {
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'amount' | 'percent'>('amount');
  const [amount, setAmount] = useState<number | null>(null);
  const [percent, setPercent] = useState<number | ''>('');
  const [duration, setDuration] = useState<'once' | 'repeating' | 'forever'>('once');
  const [months, setMonths] = useState<number | ''>('');
  const [couponId, setCouponId] = useState<string | null>(null);
  const coupons = useAccountCoupons(campaign.connection_id);
  const save = useSetCoupon(campaign.id);
  const errors = useFormErrors(FIELDS);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    const discount =
      kind === 'amount'
        ? { ...(amount !== null ? { amount_off: amount } : {}), ...(currency ? { currency } : {}) }
        : percent !== ''
          ? { percent_off: percent }
          : {};
    const body: SetCouponBody =
      mode === 'existing'
        ? { coupon_id: couponId ?? '' }
        : {
            ...(name.trim() ? { name: name.trim() } : {}),
            ...discount,
            duration,
            ...(duration === 'repeating' && months !== '' ? { duration_in_months: months } : {}),
          };
    try {
      const saved = await save.mutateAsync(body);
      notifications.show({ color: 'green', title: 'Coupon set', message: describeCoupon(saved.coupon) });
    } catch (error) {
      errors.set(error);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Set the campaign coupon">
      <Stack>
        <SegmentedControl
          value={mode}
          onChange={(value) => setMode(value as 'new' | 'existing')}
          data={[
            { value: 'new', label: 'Create a coupon in Stripe' },
            { value: 'existing', label: "Pick one of the account's coupons" },
          ]}
          w="fit-content"
        />
        {mode === 'existing' ? (
          <Select
            label="Coupon"
            placeholder={coupons.isPending ? 'Loading the coupons…' : 'Choose a coupon'}
            data={(coupons.data?.data ?? []).map((c) => ({
              value: c.id,
              label: `${c.name ?? c.id}: ${describeCoupon(c)}`,
              disabled: !c.valid,
            }))}
            value={couponId}
            onChange={setCouponId}
            searchable
            error={errors.field('coupon_id') ?? (coupons.isError ? coupons.error.message : undefined)}
          />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Coupon name"
              description="Shown to customers at checkout."
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              maxLength={40}
              error={errors.field('name')}
            />
            <Select
              label="Discount"
              data={[
                { value: 'amount', label: 'An amount off' },
                { value: 'percent', label: 'A percentage off' },
              ]}
              value={kind}
              onChange={(value) => value && setKind(value as 'amount' | 'percent')}
              allowDeselect={false}
            />
            {kind === 'amount' ? (
              <MoneyInput
                label="Amount off"
                currency={currency}
                value={amount}
                onChange={setAmount}
                error={errors.field('amount_off') ?? errors.field('currency')}
              />
            ) : (
              <NumberInput
                label="Percent off"
                min={0}
                max={100}
                value={percent}
                onChange={(value) => setPercent(typeof value === 'number' ? value : '')}
                error={errors.field('percent_off') ?? errors.field('amount_off')}
              />
            )}
            <Group grow align="flex-start">
              <Select
                label="Duration"
                data={[
                  { value: 'once', label: 'Once' },
                  { value: 'repeating', label: 'Several months' },
                  { value: 'forever', label: 'Forever' },
                ]}
                value={duration}
                onChange={(value) => value && setDuration(value as typeof duration)}
                allowDeselect={false}
                error={errors.field('duration')}
              />
              {duration === 'repeating' ? (
                <NumberInput
                  label="Months"
                  min={1}
                  max={120}
                  allowDecimal={false}
                  value={months}
                  onChange={(value) => setMonths(typeof value === 'number' ? value : '')}
                  error={errors.field('duration_in_months')}
                />
              ) : null}
            </Group>
          </SimpleGrid>
        )}
        <FormAlert message={errors.general} title="Coupon not set" />
        <Group>
          <Button type="submit" variant="light" loading={save.isPending}>
            {mode === 'existing' ? 'Use this coupon' : 'Create coupon'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The campaign coupon every referrer's promotion code is made under: the one set, and (for editors) making
 * one in Stripe or picking one the account has. Set at once, apart from the campaign's other settings.
 */
export function CouponPanel({
  campaign,
  readOnly,
  currency,
}: {
  campaign: Campaign | undefined;
  readOnly: boolean;
  currency: string | null;
}) {
  const hasConnection = Boolean(campaign?.connection_id);
  const coupon = useCampaignCoupon(campaign?.id ?? '', Boolean(campaign) && hasConnection);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="coupon-heading">
      <Stack gap="sm">
        <Title order={3} size="h5" id="coupon-heading">
          Campaign coupon
        </Title>
        {!campaign || !hasConnection ? (
          <Text size="sm" c="dimmed">
            Save the campaign with a Stripe connection first: the coupon is made in, or picked from, its
            account.
          </Text>
        ) : (
          <QueryState query={coupon} label="Loading the campaign coupon">
            {(current) => (
              <Stack gap="sm">
                {current ? (
                  <Group gap="sm">
                    <Text size="sm" fw={600}>
                      {current.coupon.name ?? current.coupon.id}
                    </Text>
                    <Text size="sm">{describeCoupon(current.coupon)}</Text>
                    <StatusBadge status={current.status} colors={{ active: 'green', deleted: 'red' }} />
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    No coupon yet: referrers' codes need one.
                  </Text>
                )}
                {current?.problems.map((p) => (
                  <Alert key={p.code} color="red" title="Problem">
                    {p.message}
                  </Alert>
                ))}
                {readOnly ? null : <NewOrExisting campaign={campaign} currency={currency} />}
              </Stack>
            )}
          </QueryState>
        )}
      </Stack>
    </Paper>
  );
}
