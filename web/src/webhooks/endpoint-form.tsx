import { Button, Checkbox, Group, Radio, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../ui/form-alert';
import { useFormErrors } from '../ui/form-errors';
import { EVENT_TYPES } from './event-types';
import type { Endpoint, EventType } from './queries';

const FIELDS = ['url', 'event_types', 'description', 'status'] as const;

export type EndpointValues = {
  url: string;
  event_types: EventType[];
  description: string | null;
  status: 'active' | 'disabled';
};

/** Adding or changing an endpoint: URL, the events it gets, a description and, once it exists, its status. */
export function EndpointForm({
  endpoint,
  submitLabel,
  onSubmit,
}: {
  endpoint?: Endpoint;
  submitLabel: string;
  onSubmit: (values: EndpointValues) => Promise<unknown>;
}) {
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [types, setTypes] = useState<string[]>(endpoint?.event_types ?? []);
  const [description, setDescription] = useState(endpoint?.description ?? '');
  const [status, setStatus] = useState<'active' | 'disabled'>(endpoint?.status ?? 'active');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    setBusy(true);
    try {
      await onSubmit({
        url,
        event_types: types as EventType[],
        description: description.trim() ? description : null,
        status,
      });
    } catch (error) {
      errors.set(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="URL"
          description="Where Vouch POSTs the events: an http:// or https:// address."
          placeholder="https://example.com/webhooks/vouch"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={errors.field('url')}
          required
          type="url"
          data-autofocus
        />
        <Checkbox.Group
          label="Events"
          description="The events this endpoint receives (at least one)."
          value={types}
          onChange={setTypes}
          error={errors.field('event_types')}
          required
        >
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
            {EVENT_TYPES.map((type) => (
              <Checkbox key={type} value={type} label={type} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea
          label="Description"
          description="Optional: what the endpoint is for."
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.field('description')}
          maxLength={500}
          autosize
          minRows={2}
        />
        {endpoint ? (
          <Radio.Group
            label="Status"
            value={status}
            onChange={(value) => setStatus(value as 'active' | 'disabled')}
            error={errors.field('status')}
          >
            <Group mt="xs">
              <Radio value="active" label="Active" />
              <Radio value="disabled" label="Disabled: no new deliveries and no retries" />
            </Group>
          </Radio.Group>
        ) : null}
        <FormAlert message={errors.general} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
