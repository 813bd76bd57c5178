import { Button, Group, Select } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ListParams } from '../ui/list-params';
import { queryString } from '../ui/list-params';
import { SearchInput } from '../ui/search-input';
import type { ReferrerFilters, ReferrerSort, ReferrerSource } from './queries';

/** Every order the API offers, by name (the typecheck fails when the API gains one). */
const SORTS: Record<ReferrerSort, string> = {
  '-created_at': 'Newest first',
  created_at: 'Oldest first',
  email: 'Email, A to Z',
  '-email': 'Email, Z to A',
  name: 'Name, A to Z',
  '-name': 'Name, Z to A',
  '-referrals_count': 'Most leads',
  referrals_count: 'Fewest leads',
  '-converted_referrals_count': 'Most qualified',
  converted_referrals_count: 'Fewest qualified',
  '-clicks_count': 'Most clicks',
  clicks_count: 'Fewest clicks',
};

const SOURCES: Record<ReferrerSource, string> = {
  api: 'Added (API or dashboard)',
  hosted_page: 'Joined on the hosted page',
  import: 'Imported from CSV',
  sync: 'Synced from Stripe',
};

const CODES = { true: 'With a code', false: 'Without a code' } as const;

const pick = <K extends string>(options: Record<K, unknown>, value: string | undefined): K | undefined =>
  value !== undefined && Object.hasOwn(options, value) ? (value as K) : undefined;

/** The filters the address holds (`?search=&code=&source=&sort=`), as the API takes them. */
export function readReferrerFilters(params: ListParams): ReferrerFilters {
  return {
    search: params.get('search'),
    has_referral_code: pick(CODES, params.get('code')),
    source: pick(SOURCES, params.get('source')),
    sort: pick(SORTS, params.get('sort')),
  };
}

const options = (record: Record<string, string>) =>
  Object.entries(record).map(([value, label]) => ({ value, label }));

/** Search, filters, order and the CSV export of exactly what they select. */
export function ReferrerFilterBar({
  campaignId,
  params,
  filters,
}: {
  campaignId: string;
  params: ListParams;
  filters: ReferrerFilters;
}) {
  const exportUrl = `/v1/campaigns/${campaignId}/referrers/export${queryString(filters)}`;
  return (
    <Group mb="sm" align="flex-end" wrap="wrap">
      <SearchInput
        label="Search"
        placeholder="Email, name or code"
        value={filters.search}
        onSearch={(search) => params.set({ search })}
      />
      <Select
        label="Referral code"
        placeholder="Any"
        data={options(CODES)}
        value={filters.has_referral_code ?? null}
        onChange={(code) => params.set({ code })}
        clearable
        w={170}
      />
      <Select
        label="Source"
        placeholder="Any"
        data={options(SOURCES)}
        value={filters.source ?? null}
        onChange={(source) => params.set({ source })}
        clearable
        w={230}
      />
      <Select
        label="Sort"
        data={options(SORTS)}
        value={filters.sort ?? '-created_at'}
        onChange={(sort) => params.set({ sort: sort === '-created_at' ? null : sort })}
        allowDeselect={false}
        w={180}
      />
      <Button
        component="a"
        href={exportUrl}
        download
        variant="default"
        leftSection={<IconDownload size={16} aria-hidden />}
      >
        Export CSV
      </Button>
    </Group>
  );
}
