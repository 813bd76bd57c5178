import { Badge, Group, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import {
  INBOUND_FIELDS,
  type InboundChoice,
  type InboundField,
  RETURN_FIELDS,
  type ReturnChoice,
  type ReturnField,
  STRIPE_FIELDS,
  type WizardDraft,
} from './wizard-draft';

const Required = ({ required }: { required: boolean }) =>
  required ? (
    <Badge size="xs" color="red" variant="light">
      required
    </Badge>
  ) : (
    <Badge size="xs" color="gray" variant="light">
      optional
    </Badge>
  );

/** Map Fields: which Stripe customer field fills each referrer field. */
export function MapFieldsStep({
  draft,
  setInbound,
}: {
  draft: WizardDraft;
  setInbound: (field: InboundField, choice: InboundChoice) => void;
}) {
  return (
    <Stack>
      <Text size="sm">
        Map your Stripe customers' fields to the referrer's. First name and email are required.
      </Text>
      <Table aria-label="Map Stripe fields to Vouch">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Vouch field</Table.Th>
            <Table.Th>Stripe field</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {INBOUND_FIELDS.map(({ name, label, required }) => {
            const choice = draft.inbound[name];
            const options = [...(required ? [] : [{ value: 'none', label: 'Not mapped' }]), ...STRIPE_FIELDS];
            return (
              <Table.Tr key={name}>
                <Table.Td>
                  <Group gap="xs">
                    <Text size="sm">{label}</Text>
                    <Required required={required} />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" align="flex-start">
                    <Select
                      aria-label={`Stripe field for ${label}`}
                      data={options}
                      value={choice.field}
                      allowDeselect={false}
                      onChange={(value) =>
                        value && setInbound(name, { ...choice, field: value as InboundChoice['field'] })
                      }
                      w={200}
                    />
                    {choice.field === 'metadata' ? (
                      <TextInput
                        aria-label={`Metadata key for ${label}`}
                        placeholder="Metadata key"
                        value={choice.key}
                        maxLength={40}
                        onChange={(e) => setInbound(name, { ...choice, key: e.currentTarget.value })}
                      />
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

const TARGETS = [
  { value: 'none', label: 'Do Not Send' },
  { value: 'name', label: 'Name' },
  { value: 'email', label: 'Email' },
  { value: 'description', label: 'Description' },
];

/** Map Return Fields: where each Vouch value goes on the Stripe customer, or not at all. */
export function MapReturnFieldsStep({
  draft,
  setReturn,
}: {
  draft: WizardDraft;
  setReturn: (field: ReturnField, choice: ReturnChoice) => void;
}) {
  return (
    <Stack>
      <Text size="sm">
        Send Vouch's values back to each Stripe customer: to a standard field, as a metadata key you name, or
        not at all. The referral link is required. Metadata is merged: the customer's other keys stay.
      </Text>
      <Table aria-label="Map return fields">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Vouch field</Table.Th>
            <Table.Th>Stripe field</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {RETURN_FIELDS.map(({ name, label, required }) => {
            const choice = draft.return[name];
            return (
              <Table.Tr key={name}>
                <Table.Td>
                  <Group gap="xs">
                    <Text size="sm">{label}</Text>
                    <Required required={required} />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap="sm" align="center">
                    <Switch
                      label="Send as metadata"
                      aria-label={`Send ${label} as metadata`}
                      checked={choice.metadata}
                      onChange={(e) => setReturn(name, { ...choice, metadata: e.currentTarget.checked })}
                    />
                    {choice.metadata ? (
                      <TextInput
                        aria-label={`Metadata key for ${label}`}
                        placeholder="Metadata key"
                        value={choice.key}
                        maxLength={40}
                        onChange={(e) => setReturn(name, { ...choice, key: e.currentTarget.value })}
                      />
                    ) : (
                      <Select
                        aria-label={`Stripe field for ${label}`}
                        data={TARGETS}
                        value={choice.to}
                        allowDeselect={false}
                        onChange={(value) =>
                          value && setReturn(name, { ...choice, to: value as ReturnChoice['to'] })
                        }
                        w={180}
                      />
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
