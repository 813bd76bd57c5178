import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { FormAlert } from '../ui/form-alert';
import type { Change } from './changes';
import { useSendToStripe } from './queries';

/** Before saving: every setting that changes, old and new, to confirm. */
export function ChangeSummary({
  changes,
  onClose,
  onConfirm,
  busy,
}: {
  changes: Change[] | null;
  onClose: () => void;
  onConfirm: () => void;
  busy: boolean;
}) {
  return (
    <Modal opened={changes !== null} onClose={onClose} title="Save these changes?" size="xl">
      <Stack>
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label="Changed settings" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Setting</Table.Th>
                <Table.Th>Before</Table.Th>
                <Table.Th>After</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(changes ?? []).map((c) => (
                <Table.Tr key={c.path}>
                  <Table.Td>{c.label}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{c.before}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{c.after}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep editing
          </Button>
          <Button onClick={onConfirm} loading={busy}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

type Who = 'leads' | 'referrers';

function ApplyButton({ campaignId, who }: { campaignId: string; who: Who }) {
  const send = useSendToStripe(campaignId);
  const [error, setError] = useState<string | null>(null);
  if (send.isSuccess)
    return (
      <Alert color="green" title={`Applying to earlier ${who}`}>
        Vouch is working through them in the background.
      </Alert>
    );
  return (
    <Stack gap="xs">
      <Button
        loading={send.isPending}
        w="fit-content"
        onClick={() => {
          setError(null);
          send.mutate(who, { onError: (e) => setError(e.message) });
        }}
      >
        Apply to earlier {who}
      </Button>
      <FormAlert message={error} title="Not applied" />
    </Stack>
  );
}

/**
 * After a save that changed what Vouch writes on Stripe customers: new people get it from now on; earlier
 * ones only when asked, since it writes to Stripe for each of them.
 */
export function ApplyToEarlier({
  campaignId,
  apply,
  onClose,
}: {
  campaignId: string;
  apply: { leads: boolean; referrers: boolean } | null;
  onClose: () => void;
}) {
  return (
    <Modal opened={apply !== null} onClose={onClose} title="Apply to earlier people?" size="lg">
      <Stack>
        <Text size="sm">
          The Stripe settings changed. New people are sent to Stripe with them from now on. Earlier people
          keep what was written on their Stripe customers until you apply the settings to them: pending leads
          are sent as the campaign now says, and the customers Vouch created or updated take the new field
          mapping (keys no longer mapped stay on them).
        </Text>
        {apply?.leads ? <ApplyButton campaignId={campaignId} who="leads" /> : null}
        {apply?.referrers ? <ApplyButton campaignId={campaignId} who="referrers" /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Done
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
