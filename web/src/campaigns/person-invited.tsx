import { Fieldset, NumberInput, Radio, Select, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { MoneyInput } from '../ui/money-input';
import type { Draft, Method } from './draft';
import { FieldMapping } from './field-mapping';
import type { SectionProps } from './section';

const METHODS: { value: Method; label: string }[] = [
  { value: 'spend', label: "A customer's total spend exceeds an amount" },
  { value: 'code', label: "The friend uses the referrer's code" },
  { value: 'none', label: 'Vouch does not qualify leads' },
];

const days = (value: number | string): number | '' => (typeof value === 'number' ? value : '');

/**
 * Integration › Person invited: how a friend qualifies through Stripe, how they become a Stripe customer,
 * and which Vouch fields go on that customer.
 */
export function PersonInvited({ draft, set, readOnly, errors, currency }: SectionProps) {
  return (
    <Stack gap="lg">
      <Fieldset variant="unstyled" disabled={readOnly}>
        <Stack>
          <Title order={3} size="h5">
            Qualification
          </Title>
          <Select
            label="How a referral qualifies"
            data={METHODS}
            value={draft.method}
            onChange={(value) => value && set('method', value as Method)}
            allowDeselect={false}
            error={errors.field('qualification')}
          />
          {draft.method === 'none' ? null : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {draft.method === 'spend' ? (
                <MoneyInput
                  label="Target spend"
                  description={
                    currency
                      ? `Net spend since the referral must exceed this, in the account's default currency (${currency.toUpperCase()}).`
                      : 'Choose the Stripe connection (Details) to enter it in its default currency.'
                  }
                  currency={currency}
                  value={draft.target_amount}
                  onChange={(value) => set('target_amount', value)}
                  error={errors.field('qualification.target_amount')}
                  required
                />
              ) : null}
              <NumberInput
                label="Attribution window (days)"
                description="How long after the referral a payment or a code counts."
                min={1}
                max={3650}
                allowDecimal={false}
                value={draft.window_days}
                onChange={(value) => set('window_days', days(value))}
                error={errors.field('qualification.window_days')}
                required
              />
            </SimpleGrid>
          )}
          {draft.method === 'none' ? null : (
            <Switch
              label="Unqualify on refund"
              description="A refund or dispute inside the window that takes the friend back to the target or below takes the qualification back."
              checked={draft.refunds_unqualify}
              onChange={(e) => set('refunds_unqualify', e.currentTarget.checked)}
              error={errors.field('qualification.refunds_unqualify')}
            />
          )}
        </Stack>
      </Fieldset>

      <Fieldset variant="unstyled" disabled={readOnly}>
        <Stack>
          <Title order={3} size="h5">
            Stripe customers
          </Title>
          <Radio.Group
            label="New customers"
            value={draft.create}
            onChange={(value) => set('create', value as Draft['create'])}
            error={errors.field('customers.create')}
          >
            <Stack gap="xs" mt="xs">
              <Radio
                value="wait_for_checkout"
                label="Wait for my checkout to create the customer"
                description="Vouch matches the customer your checkout creates by the friend's email, so there is no duplicate."
              />
              <Radio
                value="immediately"
                label="Create the customer at once"
                description="Vouch creates the customer when the friend signs up."
              />
            </Stack>
          </Radio.Group>
          <Radio.Group
            label="When the friend's email is already a Stripe customer"
            value={draft.existing_customer}
            onChange={(value) => set('existing_customer', value as Draft['existing_customer'])}
            error={errors.field('customers.existing_customer')}
          >
            <Stack gap="xs" mt="xs">
              <Radio
                value="do_not_create"
                label="Do not create a customer"
                description="An existing customer is no referral: the lead is rejected. Prevents self-referrals."
              />
              <Radio
                value="create_duplicate"
                label="Create a duplicate customer"
                description="Only spend on the new customer counts."
              />
              <Radio
                value="update_existing"
                label="Update the existing customer"
                description="Vouch adds its metadata to it, and its spend counts."
              />
            </Stack>
          </Radio.Group>
        </Stack>
      </Fieldset>

      <Fieldset variant="unstyled" disabled={readOnly}>
        <Stack gap="xs">
          <Title order={3} size="h5">
            Field mapping
          </Title>
          <Text size="sm" c="dimmed">
            What goes on the friend's Stripe customer. "Send as metadata" adds a key of your own, filled with
            a field of the friend or of the person referring; the lead id must be sent under some key.
          </Text>
          <FieldMapping
            person="lead"
            name={draft.friend_name}
            onName={(value) => set('friend_name', value as Draft['friend_name'])}
            rows={draft.friend_metadata}
            onRows={(rows) => set('friend_metadata', rows)}
            readOnly={readOnly}
            nameError={errors.field('customers.friend_customer.name')}
            metadataError={errors.field('customers.friend_customer.metadata')}
          />
        </Stack>
      </Fieldset>
    </Stack>
  );
}
