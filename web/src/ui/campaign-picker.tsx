import { Anchor, EmptyState, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type Item, unwrap } from '../api';
import { QueryState } from './query-state';

export type Campaign = Item<'/v1/campaigns'>;

/** The campaigns to choose from, newest first (the first hundred; the box can be searched). */
function useCampaignChoices() {
  return useQuery({
    queryKey: ['campaigns', 'choices'],
    queryFn: () => unwrap(api.GET('/v1/campaigns', { params: { query: { limit: 100 } } })),
    staleTime: 30_000,
  });
}

/**
 * The campaign a page shows, chosen in a box and kept in the address (`?campaign=cmp_...`), so a reload or a
 * shared link opens the same one; the newest campaign when none is named. Changing it starts the page afresh
 * (filters of one campaign mean nothing in another), keeping the order.
 */
export function CampaignPicker({ children }: { children: (campaign: Campaign) => ReactNode }) {
  const campaigns = useCampaignChoices();
  const [params, setParams] = useSearchParams();
  const named = params.get('campaign');
  const list = campaigns.data?.data;
  const listed = list?.find((c) => c.id === named);
  // A campaign older than the hundred listed, named in the address, is fetched on its own.
  const single = useQuery({
    queryKey: ['campaigns', 'one', named],
    queryFn: () => unwrap(api.GET('/v1/campaigns/{id}', { params: { path: { id: named ?? '' } } })),
    enabled: Boolean(named && list && !listed),
  });
  const chosen = listed ?? single.data;
  const first = list?.[0]?.id;
  useEffect(() => {
    if (!named && first)
      setParams((current) => ({ ...Object.fromEntries(current), campaign: first }), { replace: true });
  }, [named, first, setParams]);
  const choose = (id: string | null) => {
    if (!id) return;
    setParams((current) => {
      const next = new URLSearchParams({ campaign: id });
      const sort = current.get('sort');
      if (sort) next.set('sort', sort);
      return next;
    });
  };
  return (
    <QueryState query={campaigns} label="Loading campaigns">
      {(page) =>
        page.data.length === 0 ? (
          <EmptyState
            title="No campaign yet"
            description={
              <>
                Referrers and leads belong to a campaign.{' '}
                <Anchor component={Link} to="/campaigns">
                  Create one
                </Anchor>{' '}
                first.
              </>
            }
            variant="light"
            align="center"
            py="xl"
          />
        ) : (
          <>
            <Select
              label="Campaign"
              data={[...page.data, ...(listed || !chosen ? [] : [chosen])].map((c) => ({
                value: c.id,
                label: `${c.name} (${c.status})`,
              }))}
              value={chosen?.id ?? null}
              onChange={choose}
              searchable
              allowDeselect={false}
              w={320}
              mb="md"
              error={single.isError ? single.error.message : undefined}
            />
            {chosen ? children(chosen) : null}
          </>
        )
      }
    </QueryState>
  );
}
