import { Button, CloseButton, Group, Select, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { type ListParams, queryString } from '../ui/list-params';
import { SearchInput } from '../ui/search-input';
import { LEAD_STATUSES } from './lead-status';
import type { LeadFilters, LeadSort, LeadSource } from './queries';

/** Every order the API offers, by name (the typecheck fails when the API gains one). */
const SORTS: Record<LeadSort, string> = {
  '-created_at': 'Newest first',
  created_at: 'Oldest first',
  email: 'Email, A to Z',
  '-email': 'Email, Z to A',
  name: 'Name, A to Z',
  '-name': 'Name, Z to A',
  '-updated_at': 'Changed last',
  updated_at: 'Changed first',
};

const SOURCES: Record<LeadSource, string> = {
  api: 'API',
  browser: 'Browser sign-up',
  hosted_page: 'Hosted page',
  checkout: 'Stripe checkout',
  promotion_code: 'Promotion code',
  offline: 'Code given offline',
};

const STATUSES = Object.fromEntries(Object.entries(LEAD_STATUSES).map(([s, { label }]) => [s, label]));

const pick = <K extends string>(options: Record<K, unknown>, value: string | undefined): K | undefined =>
  value !== undefined && Object.hasOwn(options, value) ? (value as K) : undefined;

/** The filters the address holds (`?search=&status=&source=&referrer=&sort=`), as the API takes them. */
export function readLeadFilters(params: ListParams): LeadFilters {
  return {
    search: params.get('search'),
    status: pick(LEAD_STATUSES, params.get('status')),
    source: pick(SOURCES, params.get('source')),
    referrer: params.get('referrer'),
    sort: pick(SORTS, params.get('sort')),
  };
}

const options = (record: Record<string, string>) =>
  Object.entries(record).map(([value, label]) => ({ value, label }));

/** Search, filters, order and the CSV export of exactly what they select. */
export function LeadFilterBar({
  campaignId,
  params,
  filters,
}: {
  campaignId: string;
  params: ListParams;
  filters: LeadFilters;
}) {
  const exportUrl = `/v1/campaigns/${campaignId}/leads/export${queryString(filters)}`;
  return (
    <>
      <Group mb="sm" align="flex-end" wrap="wrap">
        <SearchInput
          label="Search"
          placeholder="Email or name"
          value={filters.search}
          onSearch={(search) => params.set({ search })}
        />
        <Select
          label="Status"
          placeholder="Any"
          data={options(STATUSES)}
          value={filters.status ?? null}
          onChange={(status) => params.set({ status })}
          clearable
          w={160}
        />
        <Select
          label="Source"
          placeholder="Any"
          data={options(SOURCES)}
          value={filters.source ?? null}
          onChange={(source) => params.set({ source })}
          clearable
          w={180}
        />
        <Select
          label="Sort"
          data={options(SORTS)}
          value={filters.sort ?? '-created_at'}
          onChange={(sort) => params.set({ sort: sort === '-created_at' ? null : sort })}
          allowDeselect={false}
          w={170}
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
      {filters.referrer ? (
        <Group gap={4} mb="sm">
          <Text size="sm">
            Referred by <code>{filters.referrer}</code>
          </Text>
          <CloseButton
            size="sm"
            aria-label="Show the leads of every referrer"
            onClick={() => params.set({ referrer: null })}
          />
        </Group>
      ) : null}
    </>
  );
}
