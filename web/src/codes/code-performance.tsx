import { Alert, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatMoney } from '../ui/money';
import { QueryState } from '../ui/query-state';
import { useCodeSummary } from './queries';

const count = new Intl.NumberFormat();

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <Paper withBorder p="xs" role="group" aria-label={label}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="lg" fw={600}>
        {typeof value === 'number' ? count.format(value) : value}
      </Text>
    </Paper>
  );
}

/** The code performance review: codes given, uses counted and refused (by reason), leads, revenue, coupon. */
export function CodePerformance({ campaignId }: { campaignId: string }) {
  const summary = useCodeSummary(campaignId);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="performance-heading">
      <Title order={2} size="h4" id="performance-heading" mb="sm">
        Code performance
      </Title>
      <QueryState query={summary} label="Loading the code performance">
        {(s) => (
          <Stack>
            <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm">
              <Figure label="Referrers with a code" value={s.referrers_with_code} />
              <Figure label="With a Stripe promotion code" value={s.referrers_with_promotion_code} />
              <Figure label="Leads from codes" value={s.leads_from_codes} />
              <Figure label="Qualified leads from codes" value={s.qualified_leads_from_codes} />
              <Figure label="Uses counted" value={s.redemptions} />
              <Figure label="Uses refused" value={s.refused_redemptions} />
              <Figure
                label="Revenue from codes"
                value={
                  s.revenue.length === 0
                    ? '—'
                    : s.revenue.map((r) => formatMoney(r.amount, r.currency)).join(', ')
                }
              />
            </SimpleGrid>
            {Object.keys(s.refused_by_reason).length > 0 ? (
              <div>
                <Text size="sm" fw={600}>
                  Uses refused, by reason
                </Text>
                <List size="sm" aria-label="Uses refused, by reason">
                  {Object.entries(s.refused_by_reason).map(([reason, n]) => (
                    <List.Item key={reason}>
                      {reason.replaceAll('_', ' ')}: {count.format(n)}
                    </List.Item>
                  ))}
                </List>
              </div>
            ) : null}
            <div>
              <Text size="sm" fw={600}>
                Campaign coupon
              </Text>
              {s.coupon ? (
                <Text size="sm">
                  {s.coupon.coupon.name ?? s.coupon.coupon.id}:{' '}
                  {s.coupon.coupon.percent_off !== null
                    ? `${s.coupon.coupon.percent_off}% off`
                    : s.coupon.coupon.amount_off !== null && s.coupon.coupon.currency
                      ? `${formatMoney(s.coupon.coupon.amount_off, s.coupon.coupon.currency)} off`
                      : ''}
                  , {s.coupon.coupon.duration.replace('_', ' ')}; used {s.coupon.coupon.times_redeemed} times
                  in Stripe ({s.coupon.status})
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  No coupon yet: set one in the campaign's Codes tab to make Stripe promotion codes.
                </Text>
              )}
              {s.coupon?.problems.map((p) => (
                <Alert key={p.code} color="red" mt="xs" title={p.code.replaceAll('_', ' ')}>
                  {p.message}
                </Alert>
              ))}
            </div>
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}
