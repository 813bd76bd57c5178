import {
  Anchor,
  Breadcrumbs,
  Code,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { Link, useParams } from 'react-router';
import { CopyableId } from '../ui/copyable-id';
import { DateTime } from '../ui/date-time';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { type RewardDetail, useReward } from './queries';
import { RewardActions, RewardStatusBadge, rewardWhat } from './reward-parts';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function RewardTimeline({ reward }: { reward: RewardDetail }) {
  const entries = [...reward.timeline].reverse();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="reward-timeline-heading">
      <Title order={2} size="h4" id="reward-timeline-heading" mb="md">
        Timeline
      </Title>
      <Timeline bulletSize={14} lineWidth={2} active={entries.length} role="list" aria-label="Timeline">
        {entries.map((e) => (
          <Timeline.Item key={e.id} role="listitem" title={<Code>{e.type}</Code>}>
            <Text size="sm">{e.message}</Text>
            <Text size="xs" c="dimmed">
              <DateTime value={e.created_at} />
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}

/** A reward: what it gives and to whom, where it stands, its timeline, and the actions its status allows. */
export function RewardPage() {
  const { id = '' } = useParams();
  const reward = useReward(id);
  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor
          component={Link}
          to={reward.data ? `/rewards?campaign=${reward.data.campaign_id}` : '/rewards'}
          size="sm"
        >
          Rewards
        </Anchor>
        <Text size="sm">{id}</Text>
      </Breadcrumbs>
      <QueryState query={reward} label="Loading the reward">
        {(r) => (
          <>
            <PageHeader
              title={
                <Group gap="sm">
                  Reward: {rewardWhat(r)}
                  <RewardStatusBadge status={r.status} />
                </Group>
              }
              actions={<RewardActions reward={r} size="sm" />}
            />
            <Stack gap="md">
              <Paper withBorder p="md" component="section" aria-label="Reward">
                <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
                  <Fact label="Reward id">
                    <CopyableId value={r.id} />
                  </Fact>
                  <Fact label="To">{r.recipient === 'referrer' ? 'the referrer' : 'the friend'}</Fact>
                  <Fact label="Referrer">
                    <Anchor component={Link} to={`/referrers/${r.referrer_id}`} size="sm">
                      {r.referrer_id}
                    </Anchor>
                  </Fact>
                  <Fact label="Lead">
                    <Anchor component={Link} to={`/leads/${r.lead_id}`} size="sm">
                      {r.lead_id}
                    </Anchor>
                  </Fact>
                  <Fact label="Issue after">
                    <DateTime value={r.issue_after} />
                  </Fact>
                  <Fact label="Issued">
                    <DateTime value={r.issued_at} />
                  </Fact>
                  <Fact label="In Stripe">
                    {r.stripe_object ? <CopyableId value={r.stripe_object} /> : '—'}
                  </Fact>
                  <Fact label="Attempts">{r.attempts}</Fact>
                </SimpleGrid>
                {r.last_error ? (
                  <Text size="sm" c="red" mt="sm">
                    Last error: {r.last_error}
                  </Text>
                ) : null}
                {r.review ? (
                  <Text size="sm" c="orange" mt="sm">
                    To review: {r.review}
                  </Text>
                ) : null}
              </Paper>
              <RewardTimeline reward={r} />
            </Stack>
          </>
        )}
      </QueryState>
    </>
  );
}
