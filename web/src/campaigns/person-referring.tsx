import { Fieldset, Stack, Switch, Text, Title } from '@mantine/core';
import type { Draft } from './draft';
import { FieldMapping } from './field-mapping';
import type { SectionProps } from './section';

/** Integration › Person referring: whether referrers become Stripe customers too, and what goes on them. */
export function PersonReferring({ draft, set, readOnly, errors }: SectionProps) {
  return (
    <Fieldset variant="unstyled" disabled={readOnly}>
      <Stack>
        <Switch
          label="Send the person referring to Stripe"
          description="Each referrer becomes a Stripe customer when they join (for rewards later); they are never qualified. An existing customer with their email is linked instead, unless duplicates are chosen under Person invited."
          checked={draft.referrers_to_stripe}
          onChange={(e) => set('referrers_to_stripe', e.currentTarget.checked)}
          error={errors.field('customers.referrers_to_stripe')}
        />
        <Title order={3} size="h5">
          Field mapping
        </Title>
        <Text size="sm" c="dimmed">
          What goes on the referrer's Stripe customer when they are sent.
        </Text>
        <FieldMapping
          person="referrer"
          name={draft.referrer_name}
          onName={(value) => set('referrer_name', value as Draft['referrer_name'])}
          rows={draft.referrer_metadata}
          onRows={(rows) => set('referrer_metadata', rows)}
          readOnly={readOnly}
          nameError={errors.field('customers.referrer_customer.name')}
          metadataError={errors.field('customers.referrer_customer.metadata')}
        />
      </Stack>
    </Fieldset>
  );
}
