import { Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { DateTime } from '../ui/date-time';
import { formatMoney, Money } from '../ui/money';
import type { LeadDetail } from './queries';

type Standing = LeadDetail['progress'];

/** How far the net spend is to the target, as a share of 100 (full once reached). */
function share(progress: Standing): number | null {
  if (progress.method !== 'spend' || !progress.target || progress.target.amount <= 0) return null;
  return Math.min(100, Math.max(0, Math.round((progress.net_spend.amount / progress.target.amount) * 100)));
}

/** Where the lead stands against its target and window, in the server's words and numbers. */
export function LeadProgress({ progress, qualified }: { progress: Standing; qualified: boolean }) {
  const value = share(progress);
  const { target, net_spend: net, window } = progress;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="progress-heading">
      <Title order={2} size="h4" id="progress-heading" mb="sm">
        Progress
      </Title>
      <Stack gap="sm">
        <Text size="sm">{progress.explanation}</Text>
        {value !== null && target ? (
          <>
            <Progress
              value={value}
              size="lg"
              color={qualified ? 'green' : 'blue'}
              aria-label="Net spend against the target"
              transitionDuration={300}
            />
            <Group justify="space-between" gap="xs">
              <Text size="sm" aria-label="Net spend">
                <Money amount={net.amount} currency={net.currency} /> net spend of{' '}
                <Money amount={target.amount} currency={target.currency} /> target ({value}%)
              </Text>
              {progress.remaining && progress.remaining.amount > 0 ? (
                <Text size="sm" c="dimmed">
                  {formatMoney(progress.remaining.amount, progress.remaining.currency)} still to spend
                </Text>
              ) : null}
            </Group>
          </>
        ) : (
          <Text size="sm">
            Net spend: <Money amount={net.amount} currency={net.currency} />
          </Text>
        )}
        {progress.paid_by_currency.length > 1 ||
        (progress.paid_by_currency[0] && progress.paid_by_currency[0].currency !== net.currency) ? (
          <Text size="sm" c="dimmed">
            Paid: {progress.paid_by_currency.map((m) => formatMoney(m.amount, m.currency)).join(', ')} (as
            settled above)
          </Text>
        ) : null}
        {window ? (
          <Text size="sm">
            Window: <DateTime value={window.starts_at} /> to <DateTime value={window.ends_at} />{' '}
            {window.open ? '(open)' : '(closed)'}
          </Text>
        ) : null}
        {progress.holds_place ? null : (
          <Text size="sm" c="dimmed">
            Holds no place under the participant limit yet.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
