import { Anchor, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useSession } from '../account/session';
import {
  type Referrer,
  useGenerateAllCodes,
  useGenerateCode,
  useSendCodesToStripe,
} from '../referrers/queries';
import { duration } from '../syncs/sync-figures';
import { type Campaign, CampaignPicker } from '../ui/campaign-picker';
import { useCursor } from '../ui/cursor';
import { type Column, CursorTable } from '../ui/cursor-table';
import { DateTime } from '../ui/date-time';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { StatusBadge } from '../ui/status-badge';
import { CodePerformance } from './code-performance';
import {
  type PromotionCode,
  usePromotionCodeProgress,
  usePromotionCodes,
  useReferrersWithoutCode,
} from './queries';

const count = new Intl.NumberFormat();
const CODE_COLORS = {
  pending: 'blue',
  active: 'green',
  deactivating: 'yellow',
  inactive: 'gray',
  failed: 'red',
};

function GenerateButton({ referrer }: { referrer: Referrer }) {
  const generate = useGenerateCode();
  return (
    <Button
      size="compact-xs"
      variant="light"
      loading={generate.isPending}
      aria-label={`Generate a referral code for ${referrer.email}`}
      onClick={() =>
        generate.mutate(referrer.id, {
          onError: (error) =>
            notifications.show({ color: 'red', title: 'Not generated', message: error.message }),
        })
      }
    >
      Generate
    </Button>
  );
}

/** Referral codes: for every referrer without one at once, or one at a time in the "Generate" column. */
function ReferralCodes({ campaign, canWrite }: { campaign: Campaign; canWrite: boolean }) {
  const cursor = useCursor('without');
  const without = useReferrersWithoutCode(campaign.id, cursor.startingAfter);
  const generateAll = useGenerateAllCodes(campaign.id);
  const columns: Column<Referrer>[] = [
    {
      header: 'Referrer',
      cell: (r) => (
        <Anchor component={Link} to={`/referrers/${r.id}`} size="sm">
          {r.email}
        </Anchor>
      ),
    },
    { header: 'Joined', cell: (r) => <DateTime value={r.created_at} /> },
    ...(canWrite ? [{ header: 'Generate', cell: (r: Referrer) => <GenerateButton referrer={r} /> }] : []),
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="referral-codes-heading">
      <Title order={2} size="h4" id="referral-codes-heading" mb="xs">
        Referral codes
      </Title>
      <QueryState query={without} label="Loading referrers without a code">
        {(page) => (
          <Stack gap="sm">
            <Group justify="space-between">
              <Text size="sm" role="status">
                {count.format(page.total_count ?? page.data.length)} referrers without a code
              </Text>
              {canWrite ? (
                <Button
                  size="xs"
                  loading={generateAll.isPending}
                  disabled={(page.total_count ?? page.data.length) === 0}
                  onClick={() =>
                    generateAll.mutate(undefined, {
                      onSuccess: (job) =>
                        notifications.show({
                          color: 'green',
                          message: `Generating codes for ${count.format(job.referrers_without_code)} referrers without one.`,
                        }),
                      onError: (error) =>
                        notifications.show({ color: 'red', title: 'Not started', message: error.message }),
                    })
                  }
                >
                  Generate codes for all without one
                </Button>
              ) : null}
            </Group>
            <CursorTable
              caption="Referrers without a code"
              columns={columns}
              rows={page.data}
              hasMore={page.has_more}
              cursor={cursor}
              empty="Every referrer has a code."
            />
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}

/** The Stripe promotion codes: made in the background at the rate limit, with progress and time left. */
function PromotionCodes({ campaign, canWrite }: { campaign: Campaign; canWrite: boolean }) {
  const progress = usePromotionCodeProgress(campaign.id);
  const pending = progress.data?.counts.pending ?? 0;
  const cursor = useCursor('codes');
  const codes = usePromotionCodes(
    campaign.id,
    cursor.startingAfter,
    JSON.stringify(progress.data?.counts ?? null),
    pending > 0,
  );
  const sendAll = useSendCodesToStripe(campaign.id);
  const client = useQueryClient();
  const columns: Column<PromotionCode>[] = [
    {
      header: 'Code',
      cell: (c) => (
        <Text ff="monospace" size="sm">
          {c.code ?? '—'}
        </Text>
      ),
    },
    { header: 'Status', cell: (c) => <StatusBadge status={c.status} colors={CODE_COLORS} /> },
    {
      header: 'Referrer',
      cell: (c) => (
        <Anchor component={Link} to={`/referrers/${c.referrer_id}`} size="sm">
          {c.referrer_id}
        </Anchor>
      ),
    },
    { header: 'In Stripe', cell: (c) => <Text size="sm">{c.stripe_id ?? '—'}</Text> },
    { header: 'Problem', cell: (c) => <Text size="sm">{c.last_error ?? '—'}</Text> },
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="promotion-codes-heading">
      <Title order={2} size="h4" id="promotion-codes-heading" mb="xs">
        Stripe promotion codes
      </Title>
      <QueryState query={progress} label="Loading the promotion codes' progress">
        {(p) => {
          const total = Object.values(p.counts).reduce((a, b) => a + b, 0);
          const done = total - p.counts.pending;
          return (
            <Stack gap="xs" mb="sm">
              <Group justify="space-between">
                <Text size="sm" role="status" aria-label="Promotion codes made">
                  {count.format(p.counts.active)} active, {count.format(p.counts.pending)} pending,{' '}
                  {count.format(p.counts.failed)} failed, {count.format(p.counts.inactive)} inactive
                </Text>
                {canWrite ? (
                  <Button
                    size="xs"
                    loading={sendAll.isPending}
                    onClick={() =>
                      sendAll.mutate(undefined, {
                        onSuccess: (r) => {
                          notifications.show({
                            color: 'green',
                            message: `${count.format(r.queued)} promotion codes queued for Stripe.`,
                          });
                          return client.invalidateQueries({ queryKey: ['codes'] });
                        },
                        onError: (error) =>
                          notifications.show({ color: 'red', title: 'Not started', message: error.message }),
                      })
                    }
                  >
                    Send all codes to Stripe
                  </Button>
                ) : null}
              </Group>
              <Progress
                value={total === 0 ? 0 : Math.round((done / total) * 100)}
                aria-label="Promotion codes made in Stripe"
                striped={p.counts.pending > 0}
                animated={p.counts.pending > 0}
              />
              <Text size="sm" c="dimmed">
                {p.codes_per_second_last_minute} codes/s in the last minute
                {p.counts.pending > 0
                  ? p.eta_seconds === null
                    ? ''
                    : `; about ${duration(p.eta_seconds)} left`
                  : ''}
              </Text>
            </Stack>
          );
        }}
      </QueryState>
      {codes.data ? (
        <CursorTable
          caption="Promotion codes"
          columns={columns}
          rows={codes.data.data}
          hasMore={codes.data.has_more}
          cursor={cursor}
          empty="No promotion code yet."
        />
      ) : null}
    </Paper>
  );
}

function Codes({ campaign }: { campaign: Campaign }) {
  const canWrite = useSession().can('editor') && campaign.status !== 'archived';
  return (
    <Stack gap="md">
      <CodePerformance campaignId={campaign.id} />
      <ReferralCodes campaign={campaign} canWrite={canWrite} />
      <PromotionCodes campaign={campaign} canWrite={canWrite} />
    </Stack>
  );
}

/** Codes: referral codes for the campaign's referrers, their Stripe promotion codes, and how codes perform. */
export function CodesPage() {
  return (
    <>
      <PageHeader
        title="Codes"
        description="Referral codes for your referrers, their promotion codes in Stripe, and how the codes perform."
      />
      <CampaignPicker>{(campaign) => <Codes key={campaign.id} campaign={campaign} />}</CampaignPicker>
    </>
  );
}
