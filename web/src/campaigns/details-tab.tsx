import {
  ColorInput,
  Fieldset,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { Draft } from './draft';
import { PromoteBySync } from './promote-by-sync';
import { useConnectionChoices } from './queries';
import type { SectionProps } from './section';
import { Snippet } from './snippet';

const STATUSES: { value: Draft['status']; label: string }[] = [
  { value: 'draft', label: 'Draft: takes referrers, records no leads yet' },
  { value: 'live', label: 'Live: records leads' },
  { value: 'paused', label: 'Paused: links still redirect, no new leads' },
];

const count = (value: number | string): number | '' => (typeof value === 'number' ? value : '');

function ConnectionSelect({ draft, set, errors }: SectionProps) {
  const connections = useConnectionChoices();
  const data = (connections.data?.data ?? []).map((c) => ({
    value: c.id,
    label: `${c.name}: ${c.mode} mode, ${c.default_currency.toUpperCase()}${c.status === 'active' ? '' : ', disconnected'}`,
  }));
  if (draft.connection_id && !data.some((d) => d.value === draft.connection_id))
    data.push({ value: draft.connection_id, label: draft.connection_id });
  return (
    <Select
      label="Stripe connection"
      description="The Stripe account whose payments qualify leads, and where customers, codes and rewards are made."
      placeholder={connections.isPending ? 'Loading the connections…' : 'No connection'}
      data={data}
      value={draft.connection_id}
      onChange={(value) => set('connection_id', value)}
      clearable
      error={errors.field('connection_id') ?? (connections.isError ? connections.error.message : undefined)}
    />
  );
}

/** Details: name, status, Stripe account, where links land, limits, the hosted pages and the snippet. */
export function DetailsTab(props: SectionProps) {
  const { draft, set, readOnly, errors, campaign } = props;
  return (
    <Stack gap="lg">
      <Fieldset variant="unstyled" disabled={readOnly}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Name"
              value={draft.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={errors.field('name')}
              required
              maxLength={200}
            />
            <Select
              label="Status"
              data={STATUSES}
              value={draft.status}
              onChange={(value) => value && set('status', value as Draft['status'])}
              allowDeselect={false}
              error={errors.field('status')}
            />
          </SimpleGrid>
          <ConnectionSelect {...props} />
          <Title order={3} size="h5" mt="sm">
            Destination
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Destination URL"
              description="Where referral links land (with ?vouch_ref= added). Empty: the hosted friend page."
              placeholder="https://shop.example.com/"
              value={draft.destination_url}
              onChange={(e) => set('destination_url', e.currentTarget.value)}
              error={errors.field('destination_url')}
              type="url"
            />
            <NumberInput
              label="Days a referral is remembered"
              description="How long the snippet keeps the referral in the visitor's browser (1 to 730)."
              min={1}
              max={730}
              allowDecimal={false}
              value={draft.cookie_days}
              onChange={(value) => set('cookie_days', count(value))}
              error={errors.field('cookie_days')}
              required
            />
          </SimpleGrid>
          <Title order={3} size="h5" mt="sm">
            Limits
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label="Participant limit"
              description="Referrers plus leads; empty for no limit."
              min={1}
              allowDecimal={false}
              value={draft.participant_limit}
              onChange={(value) => set('participant_limit', count(value))}
              error={errors.field('participant_limit')}
            />
            <Radio.Group
              label="Who takes a place"
              value={draft.participant_limit_counts}
              onChange={(value) =>
                set('participant_limit_counts', value as Draft['participant_limit_counts'])
              }
              error={errors.field('participant_limit_counts')}
            >
              <Stack gap={4} mt="xs">
                <Radio
                  value="verified"
                  label="Verified: public sign-ups take a place at their first payment"
                />
                <Radio value="all" label="All: everyone when recorded" />
              </Stack>
            </Radio.Group>
          </SimpleGrid>
          <Title order={3} size="h5" mt="sm">
            Hosted pages and allowed origins
          </Title>
          <TagsInput
            label="Allowed origins"
            description="The sites whose pages may call Vouch from the browser (the snippet), such as https://shop.example.com. Press Enter after each."
            placeholder={readOnly ? undefined : 'https://shop.example.com'}
            value={draft.allowed_origins}
            onChange={(value) => set('allowed_origins', value)}
            error={errors.field('allowed_origins')}
            maxTags={20}
          />
          <Title order={3} size="h5" mt="sm">
            Portal colours
          </Title>
          <Text size="sm" c="dimmed">
            The referrer's portal and its widget in your colours; empty for Vouch's own.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {(
              [
                ['accent_color', 'Accent', 'Buttons and links'],
                ['background_color', 'Background', 'The page'],
                ['text_color', 'Text', 'Set it with the background'],
              ] as const
            ).map(([field, label, description]) => (
              <ColorInput
                key={field}
                label={label}
                description={description}
                format="hex"
                placeholder={readOnly ? undefined : '#2f5bd3'}
                value={draft[field]}
                onChange={(value) => set(field, value.toLowerCase())}
                error={errors.field(`branding.${field}`)}
              />
            ))}
          </SimpleGrid>
        </Stack>
      </Fieldset>
      {campaign ? (
        <>
          <PromoteBySync campaign={campaign} />
          <Snippet campaign={campaign} />
        </>
      ) : (
        <Text size="sm" c="dimmed">
          The join page and the browser snippet are shown once the campaign is created.
        </Text>
      )}
    </Stack>
  );
}
