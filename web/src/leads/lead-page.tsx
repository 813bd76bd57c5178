import { Anchor, Breadcrumbs, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useSession } from '../account/session';
import { useReferrer } from '../referrers/queries';
import { CopyableId } from '../ui/copyable-id';
import { DateTime } from '../ui/date-time';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { StripeCustomer } from '../ui/stripe-link';
import { FailedEvents } from './failed-events';
import { LeadProgress } from './lead-progress';
import { LeadStatusBadge } from './lead-status';
import { LeadTimeline } from './lead-timeline';
import { LinkCustomerForm } from './link-customer-form';
import { type LeadDetail, useLead } from './queries';

function ReferredBy({ referrerId }: { referrerId: string }) {
  const referrer = useReferrer(referrerId);
  return (
    <Anchor component={Link} to={`/referrers/${referrerId}`} size="sm">
      {referrer.data?.email ?? referrerId}
    </Anchor>
  );
}

const HOW: Record<LeadDetail['customers'][number]['how'], string> = {
  created: 'made by Vouch',
  matched_email: 'matched by email',
  updated: 'an existing customer, updated',
  checkout: 'from a checkout through the referral',
  promotion_code: 'used the referral code',
  metadata: "Vouch's lead id in its metadata",
  sync: 'from a Stripe sync',
  manual: 'linked by hand',
};

function Customers({ lead, canWrite }: { lead: LeadDetail; canWrite: boolean }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="customers-heading">
      <Title order={2} size="h4" id="customers-heading" mb="sm">
        Stripe customers
      </Title>
      {lead.customers.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          No Stripe customer is linked to this friend yet.
        </Text>
      ) : (
        <Table aria-label="Stripe customers" mb="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Customer</Table.Th>
              <Table.Th>How</Table.Th>
              <Table.Th>Linked</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lead.customers.map((c) => (
              <Table.Tr key={`${c.connection_id}/${c.id}`}>
                <Table.Td>
                  <StripeCustomer id={c.id} connectionId={c.connection_id} />
                </Table.Td>
                <Table.Td>{HOW[c.how]}</Table.Td>
                <Table.Td>
                  <DateTime value={c.linked_at} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canWrite ? <LinkCustomerForm leadId={lead.id} /> : null}
    </Paper>
  );
}

function Facts({ lead }: { lead: LeadDetail }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="lead-heading">
      <Title order={2} size="h4" id="lead-heading" mb="sm">
        Lead
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Status
          </Text>
          <Group gap="xs" role="group" aria-label="Status">
            <LeadStatusBadge status={lead.status} />
            {lead.rejection_reason ? (
              <Text size="sm">{lead.rejection_reason.replaceAll('_', ' ')}</Text>
            ) : null}
          </Group>
        </Stack>
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Referred by
          </Text>
          <ReferredBy referrerId={lead.referrer_id} />
        </Stack>
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Referred
          </Text>
          <Text size="sm">
            <DateTime value={lead.referred_at} /> ({lead.source.replace('_', ' ')})
          </Text>
        </Stack>
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Lead id
          </Text>
          <CopyableId value={lead.id} />
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}

/** A lead: where it stands and why, live (a payment shows within a second or so, with no reload). */
export function LeadPage() {
  const { id = '' } = useParams();
  const lead = useLead(id);
  const { can } = useSession();
  const name = [lead.data?.first_name, lead.data?.last_name].filter(Boolean).join(' ');
  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor
          component={Link}
          to={lead.data ? `/leads?campaign=${lead.data.campaign_id}` : '/leads'}
          size="sm"
        >
          Leads
        </Anchor>
        <Text size="sm">{lead.data?.email ?? id}</Text>
      </Breadcrumbs>
      <QueryState query={lead} label="Loading the lead">
        {(l) => (
          <>
            <PageHeader title={l.email} description={name || undefined} />
            <Stack gap="md">
              <Facts lead={l} />
              <LeadProgress progress={l.progress} qualified={l.status === 'qualified'} />
              <FailedEvents leadId={l.id} />
              <Customers lead={l} canWrite={can('editor')} />
              <LeadTimeline entries={l.timeline ?? []} />
            </Stack>
          </>
        )}
      </QueryState>
    </>
  );
}
