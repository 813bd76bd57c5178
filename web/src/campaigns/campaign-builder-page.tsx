import { Anchor, Breadcrumbs, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../account/session';
import { ConfirmButton } from '../ui/confirm-button';
import { CopyableId } from '../ui/copyable-id';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { StatusBadge } from '../ui/status-badge';
import { Builder } from './builder';
import { type Campaign, STATUS_COLORS, useArchiveCampaign, useCampaign } from './queries';

function Trail({ here }: { here: ReactNode }) {
  return (
    <Breadcrumbs mb="sm">
      <Anchor component={Link} to="/campaigns" size="sm">
        Campaigns
      </Anchor>
      <Text size="sm">{here}</Text>
    </Breadcrumbs>
  );
}

function Archive({ campaign }: { campaign: Campaign }) {
  const archive = useArchiveCampaign();
  if (!useSession().can('editor') || campaign.status === 'archived') return null;
  return (
    <ConfirmButton
      label="Archive"
      title={`Archive "${campaign.name}"?`}
      message="The campaign keeps its data but takes no one new and records nothing more; its referrers' promotion codes are switched off in Stripe. Archiving cannot be undone."
      confirmLabel="Archive campaign"
      onConfirm={() => archive.mutateAsync(campaign.id)}
    />
  );
}

/** Campaigns › New campaign. */
export function NewCampaignPage() {
  return (
    <>
      <Trail here="New campaign" />
      <PageHeader
        title="New campaign"
        description="Only the name is needed to start; every other setting can be changed later."
      />
      <Builder campaign={undefined} />
    </>
  );
}

/** Campaigns › one campaign: its settings in the builder. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  return (
    <>
      <Trail here={campaign.data?.name ?? id} />
      <QueryState query={campaign} label="Loading the campaign">
        {(c) => (
          <>
            <PageHeader
              title={
                <Group gap="sm" component="span">
                  {c.name}
                  <StatusBadge status={c.status} colors={STATUS_COLORS} />
                </Group>
              }
              description={<CopyableId value={c.id} />}
              actions={<Archive campaign={c} />}
            />
            <Builder campaign={c} />
          </>
        )}
      </QueryState>
    </>
  );
}
