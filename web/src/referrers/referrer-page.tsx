import { Anchor, Badge, Breadcrumbs, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../account/session';
import { CopyableId } from '../ui/copyable-id';
import { DateTime } from '../ui/date-time';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { StripeCustomer } from '../ui/stripe-link';
import {
  type ReferrerDetail,
  useCodeSummary,
  useGenerateCode,
  useReferrer,
  useSendCodesToStripe,
} from './queries';
import { ReferrerLeads, ReferrerRewards } from './referrer-activity';
import { fullName } from './referrers-table';

const count = new Intl.NumberFormat();

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="md">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz={28} fw={700} aria-label={`${label}: ${value}`}>
        {count.format(value)}
      </Text>
    </Paper>
  );
}

function Code({ referrer, canWrite }: { referrer: ReferrerDetail; canWrite: boolean }) {
  const generate = useGenerateCode();
  if (referrer.referral_code) return <CopyableId value={referrer.referral_code} label="the referral code" />;
  if (!canWrite || referrer.removed_at) return <>None</>;
  return (
    <Button
      size="xs"
      variant="light"
      loading={generate.isPending}
      onClick={() =>
        generate.mutate(referrer.id, {
          onError: (error) =>
            notifications.show({ color: 'red', title: 'Not generated', message: error.message }),
        })
      }
    >
      Generate referral code
    </Button>
  );
}

/** Promotion codes that can be asked for again: switched off, or refused by Stripe. */
const RETRYABLE = new Set(['failed', 'inactive']);

/** The referrer's Stripe promotion code: its state, and a way to make it when there is none. */
function PromotionCode({ referrer, canWrite }: { referrer: ReferrerDetail; canWrite: boolean }) {
  const summary = useCodeSummary(referrer.id);
  const send = useSendCodesToStripe(referrer.campaign_id);
  const code = summary.data?.promotion_code;
  if (summary.isPending) return <>…</>;
  return (
    <Stack gap={4} align="flex-start">
      {code ? (
        <>
          <Badge
            variant="light"
            color={code.status === 'active' ? 'green' : code.status === 'failed' ? 'red' : 'gray'}
          >
            {code.status}
          </Badge>
          {code.stripe_id ? <CopyableId value={code.stripe_id} /> : null}
          {code.last_error ? <Text size="xs">{code.last_error}</Text> : null}
        </>
      ) : (
        <Text size="sm">None</Text>
      )}
      {canWrite && referrer.referral_code && !referrer.removed_at && (!code || RETRYABLE.has(code.status)) ? (
        <Button
          size="xs"
          variant="light"
          loading={send.isPending}
          onClick={() =>
            send.mutate(referrer.id, {
              onSuccess: () => void summary.refetch(),
              onError: (error) =>
                notifications.show({ color: 'red', title: 'Not sent', message: error.message }),
            })
          }
        >
          Send code to Stripe
        </Button>
      ) : null}
    </Stack>
  );
}

function Profile({ referrer, canWrite }: { referrer: ReferrerDetail; canWrite: boolean }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="link-heading">
      <Title order={2} size="h4" id="link-heading" mb="sm">
        Link and code
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
        <Detail label="Referral link">
          <CopyableId value={referrer.referral_link} label="the referral link" />
        </Detail>
        <Detail label="Referral code">
          <Code referrer={referrer} canWrite={canWrite} />
        </Detail>
        <Detail label="Promotion code in Stripe">
          <PromotionCode referrer={referrer} canWrite={canWrite} />
        </Detail>
        <Detail label="Stripe customer">
          {referrer.customers.length === 0
            ? 'None'
            : referrer.customers.map((c) => (
                <StripeCustomer key={`${c.connection_id}/${c.id}`} id={c.id} connectionId={c.connection_id} />
              ))}
        </Detail>
        <Detail label="Joined">
          <DateTime value={referrer.created_at} /> ({referrer.source.replace('_', ' ')})
        </Detail>
        <Detail label="Referrer id">
          <CopyableId value={referrer.id} />
        </Detail>
      </SimpleGrid>
    </Paper>
  );
}

/** One referrer: their link and code, their Stripe objects, and what they brought. */
export function ReferrerPage() {
  const { id = '' } = useParams();
  const referrer = useReferrer(id);
  const { can } = useSession();
  const canWrite = can('editor');
  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor
          component={Link}
          to={referrer.data ? `/referrers?campaign=${referrer.data.campaign_id}` : '/referrers'}
          size="sm"
        >
          Referrers
        </Anchor>
        <Text size="sm">{referrer.data?.email ?? id}</Text>
      </Breadcrumbs>
      <QueryState query={referrer} label="Loading the referrer">
        {(r) => (
          <>
            <PageHeader
              title={fullName(r)}
              description={
                <>
                  {r.email}
                  {r.removed_at ? (
                    <>
                      {' '}
                      <Badge color="gray" size="sm">
                        removed
                      </Badge>
                    </>
                  ) : null}
                </>
              }
            />
            <Stack gap="md">
              <Profile referrer={r} canWrite={canWrite} />
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                <Figure label="Clicks" value={r.clicks_count} />
                <Figure label="Leads" value={r.referrals_count} />
                <Figure label="Qualified" value={r.converted_referrals_count} />
              </SimpleGrid>
              <ReferrerLeads campaignId={r.campaign_id} referrerId={r.id} />
              <ReferrerRewards referrerId={r.id} />
            </Stack>
          </>
        )}
      </QueryState>
    </>
  );
}
