import { Alert, Autocomplete, Badge, Code, Group, Select, Stack, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useSession } from '../account/session';
import { CopyableId } from '../ui/copyable-id';
import { useCursor } from '../ui/cursor';
import { type Column, CursorTable } from '../ui/cursor-table';
import { DateTime } from '../ui/date-time';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { type AuditEntry, useActors, useAuditLog } from './queries';

/** Suggestions only: the server filters by whatever type is typed. */
const OBJECT_TYPES = [
  'api_key',
  'campaign',
  'invite',
  'referrer',
  'reward',
  'stripe_connection',
  'user',
  'webhook_endpoint',
];

function Details({ data }: { data: AuditEntry['data'] }) {
  const entries = Object.entries(data);
  if (entries.length === 0) return <Text size="sm">—</Text>;
  return (
    <Stack gap={2}>
      {entries.map(([key, value]) => (
        <Text size="xs" key={key} style={{ wordBreak: 'break-all' }}>
          <Text span fw={600} size="xs">
            {key}:
          </Text>{' '}
          {Array.isArray(value) ? value.join(', ') : String(value)}
        </Text>
      ))}
    </Stack>
  );
}

const columns: Column<AuditEntry>[] = [
  { header: 'When', cell: (e) => <DateTime value={e.created_at} /> },
  {
    header: 'Who',
    cell: (e) => (
      <Group gap={4} wrap="nowrap">
        <Text size="sm">{e.actor.label}</Text>
        {e.actor.kind === 'user' ? null : (
          <Badge variant="outline" size="xs">
            {e.actor.kind === 'api_key' ? 'API key' : 'CLI'}
          </Badge>
        )}
      </Group>
    ),
  },
  { header: 'Action', cell: (e) => <Code>{e.action}</Code> },
  {
    header: 'Object',
    cell: (e) => (
      <Stack gap={2}>
        <Text size="xs" c="dimmed">
          {e.object_type}
        </Text>
        <CopyableId value={e.object_id} />
      </Stack>
    ),
  },
  { header: 'Details', cell: (e) => <Details data={e.data} /> },
];

function Filters() {
  const [params, setParams] = useSearchParams();
  const actors = useActors();
  // A new filter starts from the first page.
  const set = (name: string, value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.delete('after');
      if (value) next.set(name, value);
      else next.delete(name);
      return next;
    });
  return (
    <Group mb="sm" align="flex-end">
      <Autocomplete
        label="Object type"
        placeholder="Any"
        data={OBJECT_TYPES}
        value={params.get('object_type') ?? ''}
        onChange={(value) => set('object_type', value.trim() || null)}
        w={220}
      />
      <Select
        label="Actor"
        placeholder="Anyone"
        data={actors.data ?? []}
        value={params.get('actor')}
        onChange={(value) => set('actor', value)}
        searchable
        clearable
        w={280}
      />
    </Group>
  );
}

function AuditLog() {
  const cursor = useCursor();
  const [params] = useSearchParams();
  const entries = useAuditLog(cursor.startingAfter, {
    objectType: params.get('object_type') ?? undefined,
    actorId: params.get('actor') ?? undefined,
  });
  return (
    <>
      <Filters />
      <QueryState query={entries} label="Loading the audit log">
        {(page) => (
          <CursorTable
            caption="Audit log"
            columns={columns}
            rows={page.data}
            hasMore={page.has_more}
            cursor={cursor}
            empty="Nothing recorded matches."
          />
        )}
      </QueryState>
    </>
  );
}

/** Settings › Audit log: who changed what, and when, newest first. Admins and owners only. */
export function AuditLogPage() {
  const { can } = useSession();
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made by a teammate, an API key or the command line, newest first. Secrets are never recorded."
      />
      {can('admin') ? (
        <AuditLog />
      ) : (
        <Alert color="blue" title="For admins and owners">
          The audit log shows who changed what across this Vouch, so only admins and owners may read it. Ask
          an owner for the admin role if you need it.
        </Alert>
      )}
    </>
  );
}
