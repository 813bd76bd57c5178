import { Alert, Anchor, Badge, Breadcrumbs, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useSession } from '../account/session';
import { ConfirmButton } from '../ui/confirm-button';
import { DateTime } from '../ui/date-time';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { isWorking, type Sync, useCancelSync, useSync } from './queries';
import { SkippedCustomers } from './skipped-customers';
import { SyncFigures, SyncProgressBar } from './sync-figures';
import { KIND_LABEL, SyncStatusBadge } from './sync-status';

function CancelButton({ sync }: { sync: Sync }) {
  const cancel = useCancelSync(sync.id);
  if (!useSession().can('editor') || !isWorking(sync)) return null;
  return (
    <ConfirmButton
      label="Cancel sync"
      title="Cancel this sync?"
      message="It stops reading and writing. The referrers it made and the links it wrote stay."
      confirmLabel="Cancel the sync"
      onConfirm={() => cancel.mutateAsync()}
    />
  );
}

function Ongoing({ sync }: { sync: Sync }) {
  if (sync.kind !== 'ongoing' || sync.dry_run) return null;
  return (
    <Paper withBorder p="md" component="section" aria-label="Ongoing sync">
      <Title order={2} size="h4" mb="xs">
        Ongoing sync
      </Title>
      <Text size="sm">
        {sync.status === 'live'
          ? 'Live: new and changed Stripe customers join within seconds.'
          : sync.status === 'running'
            ? 'The first pass is under way; then new and changed customers join as they come.'
            : 'No longer enrolling customers.'}
      </Text>
      <Text size="sm">
        Last enrolment: <DateTime value={sync.last_enrolled_at} empty="none yet" />
      </Text>
      <Text size="sm">
        Passes: {sync.passes}; next catch-up pass: <DateTime value={sync.next_pass_at} empty="—" />
      </Text>
    </Paper>
  );
}

/** A sync: live progress, rate, time left, cancel; what it skipped and why. */
export function SyncPage() {
  const { id = '' } = useParams();
  const sync = useSync(id);
  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor
          component={Link}
          to={sync.data ? `/syncs?campaign=${sync.data.campaign_id}` : '/syncs'}
          size="sm"
        >
          Syncs
        </Anchor>
        <Text size="sm">{id}</Text>
      </Breadcrumbs>
      <QueryState query={sync} label="Loading the sync">
        {(s) => (
          <>
            <PageHeader
              title={
                <Group gap="sm">
                  {s.dry_run ? 'Dry run' : 'Sync'} of Stripe customers
                  <SyncStatusBadge status={s.status} />
                  <Badge variant="outline">{KIND_LABEL[s.kind]}</Badge>
                </Group>
              }
              description={
                <>
                  Started <DateTime value={s.started_at} />
                  {s.finished_at ? (
                    <>
                      , finished <DateTime value={s.finished_at} />
                    </>
                  ) : null}
                  .{' '}
                  <Anchor component={Link} to={`/referrers?campaign=${s.campaign_id}&source=sync`} size="sm">
                    The campaign's synced referrers
                  </Anchor>
                </>
              }
              actions={<CancelButton sync={s} />}
            />
            <Stack gap="md">
              {s.last_error ? (
                <Alert color="red" title="Last error">
                  {s.last_error}
                </Alert>
              ) : null}
              {s.stop_reason === 'participant_limit' ? (
                <Alert color="yellow" title="Stopped: the campaign is full">
                  The campaign reached its participant limit; the sync read no further.
                </Alert>
              ) : null}
              <Paper withBorder p="md" component="section" aria-label="Progress">
                <Title order={2} size="h4" mb="sm">
                  Progress
                </Title>
                <Stack>
                  <SyncProgressBar sync={s} />
                  <SyncFigures sync={s} />
                </Stack>
              </Paper>
              <Ongoing sync={s} />
              <SkippedCustomers sync={s} live={isWorking(s)} />
            </Stack>
          </>
        )}
      </QueryState>
    </>
  );
}
