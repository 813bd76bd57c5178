import { Text } from '@mantine/core';
import { type Campaign, CampaignPicker } from '../ui/campaign-picker';
import { useCursor } from '../ui/cursor';
import { CursorTable } from '../ui/cursor-table';
import { useListParams } from '../ui/list-params';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { leadColumns } from './lead-columns';
import { LeadFilterBar, readLeadFilters } from './lead-filters';
import { useLeads } from './queries';

const count = new Intl.NumberFormat();

function Leads({ campaign }: { campaign: Campaign }) {
  const cursor = useCursor();
  const params = useListParams();
  const filters = readLeadFilters(params);
  const leads = useLeads(campaign.id, filters, cursor.startingAfter);
  return (
    <>
      <LeadFilterBar campaignId={campaign.id} params={params} filters={filters} />
      <QueryState query={leads} label="Loading leads">
        {(page) => (
          <>
            {page.total_count !== undefined ? (
              <Text size="sm" c="dimmed" mb="xs" role="status">
                {count.format(page.total_count)} {page.total_count === 1 ? 'lead' : 'leads'}
              </Text>
            ) : null}
            <CursorTable
              caption="Leads"
              columns={leadColumns}
              rows={page.data}
              hasMore={page.has_more}
              cursor={cursor}
              empty="No lead matches."
            />
          </>
        )}
      </QueryState>
    </>
  );
}

/** Leads: the friends who were referred, per campaign, with search, filters and order. */
export function LeadsPage() {
  return (
    <>
      <PageHeader
        title="Leads"
        description="The friends who were referred: where each stands and why. Open one for its progress, its Stripe customers and its timeline."
      />
      <CampaignPicker>{(campaign) => <Leads key={campaign.id} campaign={campaign} />}</CampaignPicker>
    </>
  );
}
