import { Badge, Group, List, type MantineColor, Paper, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconInfoCircle } from '@tabler/icons-react';
import { DateTime } from '../ui/date-time';
import { QueryState } from '../ui/query-state';
import { type Health, useHealth } from './queries';

type Level = 'ok' | 'warning' | 'error' | 'info';

const LOOK: Record<Level, { color: MantineColor; word: string; Icon: typeof IconCircleCheck }> = {
  ok: { color: 'green', word: 'OK', Icon: IconCircleCheck },
  warning: { color: 'yellow', word: 'Warning', Icon: IconAlertTriangle },
  error: { color: 'red', word: 'Problem', Icon: IconCircleX },
  info: { color: 'blue', word: 'Note', Icon: IconInfoCircle },
};

function Check({ level, children }: { level: Level; children: React.ReactNode }) {
  const { color, word, Icon } = LOOK[level];
  return (
    <List.Item
      icon={
        <ThemeIcon color={color} variant="light" size="sm" radius="xl">
          <Icon size={14} aria-hidden />
        </ThemeIcon>
      }
    >
      <Text size="sm" span>
        <Text span fw={600} c={color}>
          {word}:
        </Text>{' '}
        {children}
      </Text>
    </List.Item>
  );
}

/** The facts the server reported, each in a colour; the problems come with the server's own advice. */
function HealthChecks({ health }: { health: Health }) {
  const webhook = health.webhook;
  const delivery = health.event_delivery;
  return (
    <List spacing="xs" aria-label="Health checks">
      <Check level={health.api_key_works ? 'ok' : 'error'}>
        {health.api_key_works ? 'Stripe accepts the API key.' : 'Stripe refuses the API key.'}
      </Check>
      {webhook.setup === 'none' ? (
        <Check level="info">
          No webhook endpoint: events are read from Stripe every few seconds instead.
        </Check>
      ) : (
        <Check level={webhook.exists === false || webhook.enabled === false ? 'error' : 'ok'}>
          Webhook endpoint ({webhook.setup}){' '}
          {webhook.exists === false
            ? 'is missing in Stripe.'
            : webhook.enabled === false
              ? 'is disabled in Stripe.'
              : webhook.exists === null
                ? 'could not be checked.'
                : 'exists and is enabled.'}
        </Check>
      )}
      {webhook.setup !== 'none' ? (
        <Check level={webhook.secret_configured ? 'ok' : 'error'}>
          {webhook.secret_configured
            ? 'The signing secret is set.'
            : 'The signing secret is not set: events from Stripe cannot be verified.'}
        </Check>
      ) : null}
      {delivery.mode !== 'webhooks' ? (
        <Check level={delivery.poll_failures > 0 ? 'warning' : 'ok'}>
          Polling: last read <DateTime value={delivery.polled_at} empty="never" />
          {delivery.poll_error ? ` (${delivery.poll_error})` : ''}.
        </Check>
      ) : null}
      <Check level={health.events.dead > 0 ? 'warning' : 'ok'}>
        Events: {health.events.processed} processed, {health.events.waiting} waiting, {health.events.dead}{' '}
        failed for good.
      </Check>
      {health.problems.map((problem) => (
        <Check key={problem.code} level={problem.severity}>
          {problem.message}
        </Check>
      ))}
    </List>
  );
}

/** The connection's health, checked again every 30 seconds while the page is visible. */
export function HealthPanel({ id, enabled }: { id: string; enabled: boolean }) {
  const health = useHealth(id, enabled);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="health-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="health-heading">
          Health
        </Title>
        {health.data ? (
          <Badge color={health.data.healthy ? 'green' : 'red'} variant="light">
            {health.data.healthy ? 'Healthy' : 'Needs attention'}
          </Badge>
        ) : null}
      </Group>
      {enabled ? (
        <QueryState query={health} label="Checking the connection">
          {(data) => <HealthChecks health={data} />}
        </QueryState>
      ) : (
        <Text size="sm" c="dimmed">
          A disconnected account is not checked.
        </Text>
      )}
    </Paper>
  );
}
