import { Fieldset, NumberInput, SimpleGrid, Stack, Switch, TextInput, Title } from '@mantine/core';
import { MoneyInput } from '../ui/money-input';
import { CouponPanel } from './coupon-panel';
import type { SectionProps } from './section';

/** An ISO time as a datetime-local input shows it, in the viewer's zone (minutes). */
function localValue(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A datetime-local value (the viewer's zone) as an ISO time; empty for none. */
function isoValue(local: string): string | null {
  if (!local) return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/** Codes: the campaign's Stripe coupon, the rules every referrer's code is made with, and who gets codes. */
export function CodesTab(props: SectionProps) {
  const { draft, set, readOnly, errors, currency, campaign } = props;
  const minimumCurrency = draft.minimum_currency || currency;
  return (
    <Stack gap="lg">
      <CouponPanel campaign={campaign} readOnly={readOnly} currency={currency} />
      <Fieldset variant="unstyled" disabled={readOnly}>
        <Stack>
          <Title order={3} size="h5">
            Code rules
          </Title>
          <Switch
            label="Eligible for first-time order only"
            description="Only a customer's first order may use a referral code."
            checked={draft.first_time_only}
            onChange={(e) => set('first_time_only', e.currentTarget.checked)}
            error={errors.field('code_rules.first_time_only')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label="Uses per code"
              description="Empty for no limit."
              min={1}
              allowDecimal={false}
              value={draft.max_redemptions}
              onChange={(value) => set('max_redemptions', typeof value === 'number' ? value : '')}
              error={errors.field('code_rules.max_redemptions')}
            />
            <TextInput
              type="datetime-local"
              label="Codes expire"
              description="In your time zone; empty for never."
              value={localValue(draft.expires_at)}
              onChange={(e) => set('expires_at', isoValue(e.currentTarget.value))}
              error={errors.field('code_rules.expires_at')}
            />
            <MoneyInput
              label="Minimum order"
              description="Before the discount; empty for none."
              currency={minimumCurrency}
              value={draft.minimum_amount}
              onChange={(value) => {
                set('minimum_amount', value);
                if (!draft.minimum_currency && minimumCurrency) set('minimum_currency', minimumCurrency);
              }}
              error={errors.field('code_rules.minimum_amount')}
            />
          </SimpleGrid>
          <Title order={3} size="h5" mt="sm">
            Who gets a code
          </Title>
          <Switch
            label="A referral code for every new referrer"
            checked={draft.auto_referral_codes}
            onChange={(e) => set('auto_referral_codes', e.currentTarget.checked)}
            error={errors.field('auto_referral_codes')}
          />
          <Switch
            label="A Stripe promotion code for every new referrer"
            description="Made under the campaign coupon, once the campaign has one."
            checked={draft.auto_promotion_codes}
            onChange={(e) => set('auto_promotion_codes', e.currentTarget.checked)}
            error={errors.field('auto_promotion_codes')}
          />
        </Stack>
      </Fieldset>
    </Stack>
  );
}
