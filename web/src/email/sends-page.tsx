import { Button, Group, NumberInput, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useSession } from '../account/session';
import { CampaignPicker } from '../ui/campaign-picker';
import { DateTime } from '../ui/date-time';
import { FormAlert } from '../ui/form-alert';
import { useFormErrors } from '../ui/form-errors';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { MailFrame } from './mail-frame';
import { type NewSend, useSendPreview, useSends, useStartSend } from './queries';

const AUDIENCES = [
  { value: 'all', label: 'Every referrer' },
  { value: 'code', label: 'Referrers with a referral code' },
  { value: 'sync', label: "A sync's referrers" },
];

function SendForm({ campaignId }: { campaignId: string }) {
  const [words, setWords] = useState({
    subject: 'Your referral link for {{campaign.name}}',
    html: '<p>Hi {{referrer.first_name}},</p><p>Share your link: <a href="{{referral_link}}">{{referral_link}}</a></p><p><small><a href="{{unsubscribe_link}}">Unsubscribe</a></small></p>',
    text: 'Hi {{referrer.first_name}},\n\nShare your link: {{referral_link}}\n\nUnsubscribe: {{unsubscribe_link}}\n',
  });
  const [audience, setAudience] = useState('all');
  const [syncId, setSyncId] = useState('');
  const [rate, setRate] = useState<number | string>(60);
  const errors = useFormErrors(['subject', 'html', 'text', 'audience', 'rate_per_minute']);
  const preview = useSendPreview(campaignId);
  const start = useStartSend(campaignId);
  const run = (action: () => Promise<unknown>) => {
    errors.clear();
    action().catch((e: unknown) => errors.set(e));
  };
  const body = (): NewSend => ({
    ...words,
    audience:
      audience === 'sync'
        ? { type: 'sync', sync_id: syncId }
        : audience === 'code'
          ? { type: 'filter', has_referral_code: true }
          : { type: 'all' },
    rate_per_minute: Number(rate),
  });
  return (
    <Stack>
      <TextInput
        label="Subject"
        value={words.subject}
        error={errors.field('subject')}
        onChange={(e) => setWords({ ...words, subject: e.currentTarget.value })}
      />
      <Textarea
        label="HTML"
        autosize
        minRows={4}
        value={words.html}
        error={errors.field('html')}
        onChange={(e) => setWords({ ...words, html: e.currentTarget.value })}
      />
      <Textarea
        label="Plain text"
        autosize
        minRows={3}
        value={words.text}
        error={errors.field('text')}
        onChange={(e) => setWords({ ...words, text: e.currentTarget.value })}
      />
      <Group align="flex-end">
        <Select
          label="Send to"
          data={AUDIENCES}
          value={audience}
          onChange={(v) => v && setAudience(v)}
          allowDeselect={false}
          w={280}
        />
        {audience === 'sync' ? (
          <TextInput
            label="Sync id"
            value={syncId}
            error={errors.field('audience')}
            onChange={(e) => setSyncId(e.currentTarget.value)}
          />
        ) : null}
        <NumberInput
          label="Mails per minute"
          min={1}
          max={100000}
          value={rate}
          error={errors.field('rate_per_minute')}
          onChange={setRate}
          w={180}
        />
      </Group>
      <FormAlert message={errors.general} title="Not sent" />
      <Group>
        <Button
          variant="default"
          onClick={() => run(() => preview.mutateAsync(words))}
          loading={preview.isPending}
        >
          Preview
        </Button>
        <Button
          disabled={!preview.data}
          onClick={() => run(() => start.mutateAsync(body()))}
          loading={start.isPending}
        >
          Send
        </Button>
        {!preview.data ? <Text size="sm">Preview it before sending.</Text> : null}
      </Group>
      {preview.data ? (
        <Stack gap="xs">
          <Text fw={600}>Preview subject: {preview.data.subject}</Text>
          <MailFrame html={preview.data.html} title="Preview of the send" />
        </Stack>
      ) : null}
    </Stack>
  );
}

function Sends({ campaignId }: { campaignId: string }) {
  const sends = useSends(campaignId);
  return (
    <QueryState query={sends} label="Loading the sends">
      {(page) => (
        <Table>
          <Table.Caption>Sends and their progress</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Started</Table.Th>
              <Table.Th>Subject</Table.Th>
              <Table.Th ta="right">Recipients</Table.Th>
              <Table.Th ta="right">Waiting</Table.Th>
              <Table.Th ta="right">Sent</Table.Th>
              <Table.Th ta="right">Suppressed</Table.Th>
              <Table.Th ta="right">Failed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {page.data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <DateTime value={s.created_at} />
                </Table.Td>
                <Table.Td>{s.subject}</Table.Td>
                <Table.Td ta="right">{s.recipient_count}</Table.Td>
                <Table.Td ta="right">{s.counts.pending}</Table.Td>
                <Table.Td ta="right">{s.counts.sent + s.counts.mailbox}</Table.Td>
                <Table.Td ta="right">{s.counts.suppressed}</Table.Td>
                <Table.Td ta="right">{s.counts.failed}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </QueryState>
  );
}

/** Settings › Email sends: a once-off message to chosen referrers, previewed first, with its progress. */
export function EmailSendsPage() {
  const { can } = useSession();
  return (
    <>
      <PageHeader
        title="Email sends"
        description="A once-off message to a campaign's referrers, each at most once, at the rate you choose. Unsubscribed addresses are skipped. Each recipient's result is in the mailbox."
      />
      <CampaignPicker>
        {(campaign) => (
          <Stack gap="xl">
            {can('editor') ? <SendForm key={campaign.id} campaignId={campaign.id} /> : null}
            <Sends campaignId={campaign.id} />
          </Stack>
        )}
      </CampaignPicker>
    </>
  );
}
