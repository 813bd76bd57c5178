import { Code, Modal, Stack, Table, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useCursor } from '../ui/cursor';
import { type Column, CursorTable } from '../ui/cursor-table';
import { DateTime } from '../ui/date-time';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { StatusBadge } from '../ui/status-badge';
import { MailFrame } from './mail-frame';
import { type Mail, useMail, useMails } from './queries';

const STATUS_COLORS = {
  pending: 'yellow',
  sent: 'green',
  mailbox: 'blue',
  suppressed: 'gray',
  failed: 'red',
};

function MailView({ id }: { id: string }) {
  const mail = useMail(id);
  return (
    <QueryState query={mail} label="Loading the mail">
      {(m) => (
        <Stack>
          <Text size="sm">
            To <strong>{m.to}</strong> · <StatusBadge status={m.status} colors={STATUS_COLORS} />
          </Text>
          {m.last_error ? <Text c="red">{m.last_error}</Text> : null}
          {m.html ? <MailFrame html={m.html} title={`The mail: ${m.subject ?? ''}`} /> : null}
          {m.text ? (
            <Code block aria-label="Plain text">
              {m.text}
            </Code>
          ) : null}
          <Table>
            <Table.Caption>Attempts</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <Table.Th>SMTP reply or error</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.attempts.map((a) => (
                <Table.Tr key={a.attempted_at}>
                  <Table.Td>
                    <DateTime value={a.attempted_at} />
                  </Table.Td>
                  <Table.Td>{a.outcome}</Table.Td>
                  <Table.Td>{a.error ?? a.smtp_response ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </QueryState>
  );
}

/** Settings › Mailbox: every mail Vouch sent or keeps (the local mailbox without SMTP), newest first. */
export function MailboxPage() {
  const cursor = useCursor();
  const mails = useMails(cursor.startingAfter);
  const [params, setParams] = useSearchParams();
  const open = params.get('mail');
  const show = (id: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (id) next.set('mail', id);
      else next.delete('mail');
      return next;
    });
  const columns: Column<Mail>[] = [
    { header: 'Created', cell: (m) => <DateTime value={m.created_at} /> },
    { header: 'To', cell: (m) => m.to },
    {
      header: 'Subject',
      cell: (m) => (
        <button
          type="button"
          className="mantine-focus-auto"
          onClick={() => show(m.id)}
          style={{ all: 'unset', cursor: 'pointer', textDecoration: 'underline' }}
        >
          {m.subject ?? `(${m.kind}, not rendered yet)`}
        </button>
      ),
    },
    { header: 'Kind', cell: (m) => m.kind },
    { header: 'Status', cell: (m) => <StatusBadge status={m.status} colors={STATUS_COLORS} /> },
  ];
  return (
    <>
      <PageHeader
        title="Mailbox"
        description="Every mail to referrers, newest first, with each attempt. Without SMTP_URL in embedded mode, mail stays here instead of being sent."
      />
      <QueryState query={mails} label="Loading the mailbox">
        {(page) => (
          <CursorTable
            caption="Mails"
            columns={columns}
            rows={page.data}
            hasMore={page.has_more}
            cursor={cursor}
            empty="No mail yet."
          />
        )}
      </QueryState>
      <Modal opened={open !== null} onClose={() => show(null)} title="Mail" size="xl">
        {open ? <MailView id={open} /> : null}
      </Modal>
    </>
  );
}
