import {
  Alert,
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { FormAlert } from '../ui/form-alert';
import { cancelSync, isWorking, useStartSync, useSync } from './queries';
import { SkippedCustomers } from './skipped-customers';
import { SyncFigures } from './sync-figures';
import {
  describeInbound,
  describeReturn,
  INBOUND_FIELDS,
  NAME_VERSIONS,
  RETURN_FIELDS,
  syncBody,
  type WizardDraft,
} from './wizard-draft';

function Overview({ draft }: { draft: WizardDraft }) {
  const version = NAME_VERSIONS.find((v) => v.value === draft.name_version);
  return (
    <Table aria-label="Sync overview" withRowBorders={false}>
      <Table.Tbody>
        <Table.Tr>
          <Table.Th w={220}>First name version</Table.Th>
          <Table.Td>
            {version?.label}: {version?.description}
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>Inbound mapping</Table.Th>
          <Table.Td>
            {INBOUND_FIELDS.filter(({ name }) => draft.inbound[name].field !== 'none')
              .map(({ name, label }) => `Stripe ${describeInbound(draft.inbound[name])} → ${label}`)
              .join('; ')}
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>Return mapping</Table.Th>
          <Table.Td>
            {RETURN_FIELDS.map(({ name, label }) => `${label} → ${describeReturn(draft.return[name])}`).join(
              '; ',
            )}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

/**
 * Confirm: the Sync Overview, the sync type, and a dry run of this very configuration (started when the step
 * opens): what the sync would do and whom it would skip, and why. "Ready to Sync" once the dry run is done.
 */
export function ConfirmStep({
  campaignId,
  draft,
  setKind,
  onStarted,
}: {
  campaignId: string;
  draft: WizardDraft;
  setKind: (kind: WizardDraft['kind']) => void;
  onStarted: (syncId: string) => void;
}) {
  const start = useStartSync(campaignId);
  const [dryRunId, setDryRunId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dryRun = useSync(dryRunId);
  // The dry run reads the customers once: whether the sync will then go on (ongoing) changes nothing in it.
  const dryBody = { ...syncBody(draft, true), kind: 'one_time' as const };
  const configKey = JSON.stringify(dryBody);
  const { mutateAsync } = start;
  /** The dry run of the configuration shown; one still running for another is cancelled first. */
  const tried = useRef<{ key: string; id: string | null } | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: configKey stands for the configuration tried
  useEffect(() => {
    if (tried.current?.key === configKey) return;
    const previous = tried.current?.id;
    tried.current = { key: configKey, id: null };
    setDryRunId(null);
    setError(null);
    (async () => {
      if (previous) await cancelSync(previous);
      const sync = await mutateAsync(JSON.parse(configKey));
      if (tried.current?.key === configKey) tried.current.id = sync.id;
      setDryRunId(sync.id);
    })().catch((e: Error) => setError(e.message));
  }, [configKey]);

  const result = dryRun.data;
  const ready = result !== undefined && !isWorking(result);
  const startSync = async () => {
    setError(null);
    try {
      const sync = await start.mutateAsync(syncBody(draft, false));
      onStarted(sync.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="overview-heading">
        <Title order={2} size="h4" id="overview-heading" mb="xs">
          Sync Overview
        </Title>
        <Overview draft={draft} />
        <Text size="sm" fw={600} mt="sm" id="sync-type-label">
          Sync type
        </Text>
        <SegmentedControl
          aria-labelledby="sync-type-label"
          value={draft.kind}
          onChange={(v) => setKind(v as WizardDraft['kind'])}
          data={[
            { value: 'one_time', label: 'One-Time Sync' },
            { value: 'ongoing', label: 'Ongoing Sync' },
          ]}
        />
        <Text size="xs" c="dimmed" mt={4}>
          {draft.kind === 'one_time'
            ? 'Sync the customers once, now. No automatic updates.'
            : 'Then keep going: new and changed Stripe customers join within seconds, with a catch-up pass every hour.'}
        </Text>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="dry-run-heading">
        <Title order={2} size="h4" id="dry-run-heading" mb="xs">
          Dry run
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          What this sync would do, decided exactly as the real one will, changing nothing.
        </Text>
        {result ? (
          <Stack>
            {ready ? null : (
              <Group gap="xs">
                <Loader size="xs" aria-hidden />
                <Text size="sm">Reading customers…</Text>
              </Group>
            )}
            {result.status === 'stopped' ? (
              <Alert color="yellow" title="The campaign would fill up">
                The sync would stop at the campaign's participant limit.
              </Alert>
            ) : null}
            <SyncFigures sync={result} />
            {ready ? <SkippedCustomers sync={result} live={false} /> : null}
          </Stack>
        ) : error ? null : (
          <Group gap="xs">
            <Loader size="xs" aria-hidden />
            <Text size="sm">Starting the dry run…</Text>
          </Group>
        )}
      </Paper>
      <FormAlert message={error} title="The sync cannot start" />
      {ready && !error ? (
        <Alert color="green" title="Ready to Sync" role="status">
          The configuration is complete: {result.progress.referrers_created} customers would become referrers.
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button onClick={startSync} disabled={!ready} loading={start.isPending && ready}>
          Start Sync
        </Button>
      </Group>
    </Stack>
  );
}
