import { Radio, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { QueryState } from '../ui/query-state';
import { useNamePreview } from './queries';
import { NAME_VERSIONS, type NameVersion } from './wizard-draft';

/** Name Version: how names become first names, with real customers' names in every version (the server's). */
export function NameVersionStep({
  campaignId,
  value,
  onChange,
}: {
  campaignId: string;
  value: NameVersion;
  onChange: (version: NameVersion) => void;
}) {
  const preview = useNamePreview(campaignId, true);
  return (
    <Stack>
      <Radio.Group
        label="Name version"
        description="How each Stripe customer's name becomes the referrer's first name."
        value={value}
        onChange={(v) => onChange(v as NameVersion)}
      >
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
          {NAME_VERSIONS.map((v) => (
            <Radio key={v.value} value={v.value} label={`${v.label}: ${v.description}`} />
          ))}
        </SimpleGrid>
      </Radio.Group>
      <Title order={3} size="h5">
        Preview
      </Title>
      <QueryState query={preview} label="Loading customers' names">
        {(page) =>
          page.data.length === 0 ? (
            <Text size="sm" c="dimmed">
              The Stripe account has no customer yet.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={600}>
              <Table aria-label="Name preview" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Customer</Table.Th>
                    {NAME_VERSIONS.map((v) => (
                      <Table.Th
                        key={v.value}
                        bg={v.value === value ? 'var(--mantine-color-blue-light)' : undefined}
                      >
                        {v.label}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.data.map((c) => (
                    <Table.Tr key={c.customer_id}>
                      <Table.Td>
                        <Text size="xs" ff="monospace">
                          {c.customer_id}
                        </Text>
                      </Table.Td>
                      {NAME_VERSIONS.map((v) => (
                        <Table.Td
                          key={v.value}
                          fw={v.value === value ? 600 : undefined}
                          bg={v.value === value ? 'var(--mantine-color-blue-light)' : undefined}
                        >
                          {c.versions[v.value] || '—'}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Stack>
  );
}
