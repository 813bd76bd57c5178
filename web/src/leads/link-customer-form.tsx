import { Button, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../ui/form-alert';
import { useFormErrors } from '../ui/form-errors';
import { useLinkCustomer } from './queries';

const FIELDS = ['customer_id'] as const;

/**
 * Links a Stripe customer to the lead by hand (a friend who paid under another email); the server checks the
 * customer exists in the campaign's account and runs the verdict again at once.
 */
export function LinkCustomerForm({ leadId }: { leadId: string }) {
  const [customer, setCustomer] = useState('');
  const link = useLinkCustomer(leadId);
  const errors = useFormErrors(FIELDS);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    try {
      const lead = await link.mutateAsync(customer.trim());
      setCustomer('');
      notifications.show({ color: 'green', message: `Customer linked; the lead is ${lead.status}.` });
    } catch (error) {
      errors.set(error);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Link a Stripe customer">
      <Stack gap="xs" align="flex-start">
        <TextInput
          label="Stripe customer id"
          description="A customer of the campaign's Stripe account who is this friend (cus_...)."
          placeholder="cus_..."
          value={customer}
          onChange={(e) => setCustomer(e.currentTarget.value)}
          error={errors.field('customer_id')}
          w={360}
        />
        <Button type="submit" loading={link.isPending}>
          Link customer
        </Button>
      </Stack>
      <FormAlert message={errors.general} title="Not linked" />
    </form>
  );
}
