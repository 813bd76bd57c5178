import {
  ActionIcon,
  Button,
  Group,
  Input,
  Select,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { METADATA_SOURCES, type MetadataRow } from './draft';

type Option = { value: string; label: string };
type Subject = 'lead' | 'referrer';

const PEOPLE: Record<Subject, { group: string; own: string; items: Option[] }> = {
  lead: {
    group: 'The person invited',
    own: "A key of the friend's own metadata",
    items: [
      { value: 'lead.id', label: 'Lead id' },
      { value: 'lead.email', label: 'Email' },
      { value: 'lead.first_name', label: 'First name' },
      { value: 'lead.last_name', label: 'Last name' },
      { value: 'lead.full_name', label: 'First and last name' },
    ],
  },
  referrer: {
    group: 'The person referring',
    own: "A key of the referrer's own metadata",
    items: [
      { value: 'referrer.id', label: 'Referrer id' },
      { value: 'referrer.email', label: 'Referrer email' },
      { value: 'referrer.first_name', label: 'Referrer first name' },
      { value: 'referrer.last_name', label: 'Referrer last name' },
      { value: 'referrer.full_name', label: 'Referrer first and last name' },
      { value: 'referrer.referral_code', label: 'Referral code' },
      { value: 'referrer.referral_link', label: 'Referral link' },
    ],
  },
};

function sourceOptions(subjects: Subject[]) {
  return subjects.map((s) => ({
    group: PEOPLE[s].group,
    items: [...PEOPLE[s].items, { value: `${s}.metadata.`, label: PEOPLE[s].own }],
  }));
}

/**
 * Which Vouch fields go on a Stripe customer: the email and name (both required, as Stripe needs them to
 * find and show the customer), and "Send as metadata" rows, each a key of the business's own and the field
 * it carries. The friend's customer may carry the referrer's fields too.
 */
export function FieldMapping({
  person,
  name,
  onName,
  rows,
  onRows,
  readOnly,
  nameError,
  metadataError,
}: {
  person: Subject;
  name: string;
  onName: (value: string) => void;
  rows: MetadataRow[];
  onRows: (rows: MetadataRow[]) => void;
  readOnly: boolean;
  nameError?: string | undefined;
  metadataError?: string | undefined;
}) {
  const who = person === 'lead' ? 'friend' : 'referrer';
  const subjects: Subject[] = person === 'lead' ? ['lead', 'referrer'] : ['referrer'];
  const setRow = (index: number, change: Partial<MetadataRow>) =>
    onRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <div>
      <Table.ScrollContainer minWidth={560}>
        <Table aria-label={`Field mapping of the ${who}`} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Vouch field</Table.Th>
              <Table.Th>Stripe field</Table.Th>
              <Table.Th w={48}>
                <VisuallyHidden>Remove</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>
                <Select
                  aria-label={`Vouch field for the ${who}'s Stripe email`}
                  data={[{ value: `${person}.email`, label: 'Email' }]}
                  value={`${person}.email`}
                  disabled
                  description="Required: customers are found by it"
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm">Email</Text>
              </Table.Td>
              <Table.Td />
            </Table.Tr>
            <Table.Tr>
              <Table.Td>
                <Select
                  aria-label={`Vouch field for the ${who}'s Stripe name`}
                  data={[
                    { value: `${person}.full_name`, label: 'First and last name' },
                    { value: `${person}.first_name`, label: 'First name' },
                  ]}
                  value={name}
                  onChange={(value) => value && onName(value)}
                  allowDeselect={false}
                  description="Required: the first name is always sent"
                  error={nameError}
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm">Name</Text>
              </Table.Td>
              <Table.Td />
            </Table.Tr>
            {rows.map((row, index) => {
              const n = index + 1;
              return (
                // Rows have no id of their own; their place is what the labels name.
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, never reordered
                <Table.Tr key={index}>
                  <Table.Td>
                    <Select
                      aria-label={`Vouch field of metadata row ${n}`}
                      data={sourceOptions(subjects)}
                      value={row.source || null}
                      onChange={(value) => setRow(index, { source: value ?? '' })}
                      allowDeselect={false}
                      searchable
                      placeholder="Choose a field"
                    />
                    {METADATA_SOURCES.includes(row.source) ? (
                      <TextInput
                        mt={4}
                        aria-label={`Key in the person's metadata, row ${n}`}
                        placeholder="plan"
                        value={row.sourceKey}
                        onChange={(e) => setRow(index, { sourceKey: e.currentTarget.value })}
                      />
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`Metadata key, row ${n}`}
                      leftSection={
                        <Text size="xs" c="dimmed">
                          metadata.
                        </Text>
                      }
                      leftSectionWidth={72}
                      placeholder="your_key"
                      value={row.key}
                      onChange={(e) => setRow(index, { key: e.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    {readOnly ? null : (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove metadata row ${n}`}
                        onClick={() => onRows(rows.filter((_, i) => i !== index))}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {metadataError ? <Input.Error role="alert">{metadataError}</Input.Error> : null}
      {readOnly ? null : (
        <Group mt="xs">
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => onRows([...rows, { key: '', source: '', sourceKey: '' }])}
          >
            Send as metadata
          </Button>
        </Group>
      )}
    </div>
  );
}
