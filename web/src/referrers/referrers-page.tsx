import { Button, Menu, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconRefresh, IconUpload } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../account/session';
import { type Campaign, CampaignPicker } from '../ui/campaign-picker';
import { useCursor } from '../ui/cursor';
import { useListParams } from '../ui/list-params';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { AddReferrerForm } from './add-referrer-form';
import { ImportReferrers } from './import-referrers';
import { useAddReferrer, useGenerateAllCodes, useReferrers, useSendCodesToStripe } from './queries';
import { ReferrerFilterBar, readReferrerFilters } from './referrer-filters';
import { ReferrersTable } from './referrers-table';

const count = new Intl.NumberFormat();

/** Codes for every referrer of the campaign at once: background jobs, their progress on the Codes page. */
function EveryoneMenu({ campaignId }: { campaignId: string }) {
  const generateAll = useGenerateAllCodes(campaignId);
  const sendAll = useSendCodesToStripe(campaignId);
  const fail = (error: Error) =>
    notifications.show({ color: 'red', title: 'Not started', message: error.message });
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden />}>
          Codes for everyone
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          onClick={() =>
            generateAll.mutate(undefined, {
              onSuccess: (job) =>
                notifications.show({
                  color: 'green',
                  message: `Generating codes for ${count.format(job.referrers_without_code)} referrers without one.`,
                }),
              onError: fail,
            })
          }
        >
          Generate codes for all without one
        </Menu.Item>
        <Menu.Item
          onClick={() =>
            sendAll.mutate(undefined, {
              onSuccess: (progress) =>
                notifications.show({
                  color: 'green',
                  message: `${count.format(progress.queued)} promotion codes queued for Stripe.`,
                }),
              onError: fail,
            })
          }
        >
          Send all codes to Stripe
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function Referrers({ campaign }: { campaign: Campaign }) {
  const cursor = useCursor();
  const params = useListParams();
  const filters = readReferrerFilters(params);
  const referrers = useReferrers(campaign.id, filters, cursor.startingAfter);
  const { can } = useSession();
  const canWrite = can('editor');
  const [adding, add] = useDisclosure(false);
  const [importing, importer] = useDisclosure(false);
  const create = useAddReferrer(campaign.id);
  const navigate = useNavigate();
  return (
    <>
      {canWrite ? (
        <Button.Group mb="md">
          <Button onClick={add.open}>Add referrer</Button>
          <Button
            variant="default"
            leftSection={<IconUpload size={16} aria-hidden />}
            onClick={importer.open}
          >
            Import CSV
          </Button>
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} aria-hidden />}
            component={Link}
            to={`/syncs/new?campaign=${campaign.id}`}
          >
            Sync from Stripe
          </Button>
          <EveryoneMenu campaignId={campaign.id} />
        </Button.Group>
      ) : null}
      <ReferrerFilterBar campaignId={campaign.id} params={params} filters={filters} />
      <QueryState query={referrers} label="Loading referrers">
        {(page) => (
          <>
            {page.total_count !== undefined ? (
              <Text size="sm" c="dimmed" mb="xs" role="status">
                {count.format(page.total_count)} {page.total_count === 1 ? 'referrer' : 'referrers'}
              </Text>
            ) : null}
            <ReferrersTable
              campaignId={campaign.id}
              rows={page.data}
              hasMore={page.has_more}
              cursor={cursor}
              canWrite={canWrite}
            />
          </>
        )}
      </QueryState>
      <Modal opened={adding} onClose={add.close} title="Add a referrer" size="lg">
        <AddReferrerForm
          generateByDefault={campaign.auto_referral_codes}
          onSubmit={async (body) => {
            const referrer = await create.mutateAsync(body);
            add.close();
            navigate(`/referrers/${referrer.id}`);
          }}
        />
      </Modal>
      <Modal opened={importing} onClose={importer.close} title="Import referrers from CSV" size="lg">
        <ImportReferrers
          campaignId={campaign.id}
          generateByDefault={campaign.auto_referral_codes}
          onClose={importer.close}
        />
      </Modal>
    </>
  );
}

/** Referrers: the people who refer, per campaign, with search, filters, order, bulk actions and imports. */
export function ReferrersPage() {
  return (
    <>
      <PageHeader
        title="Referrers"
        description="The people who refer: their links and codes, the clicks and friends they brought, and how many qualified."
      />
      <CampaignPicker>{(campaign) => <Referrers key={campaign.id} campaign={campaign} />}</CampaignPicker>
    </>
  );
}
