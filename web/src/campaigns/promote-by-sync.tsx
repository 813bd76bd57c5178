import { Anchor, Button, Paper, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Campaign } from './queries';

/** Promote: links for the contacts already in Stripe, by syncing them (or where to connect Stripe first). */
export function PromoteBySync({ campaign }: { campaign: Campaign }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="promote-sync-heading">
      <Title order={3} size="h5" id="promote-sync-heading" mb="xs">
        Promote: your Stripe customers
      </Title>
      {campaign.connection_id ? (
        <>
          <Text size="sm" mb="sm">
            Generate referral links for your contacts by syncing them: each Stripe customer becomes a
            referrer, and their link is written back to them in Stripe.
          </Text>
          {campaign.status === 'archived' ? null : (
            <Button component={Link} to={`/syncs/new?campaign=${campaign.id}`} variant="light">
              Sync Stripe customers
            </Button>
          )}
        </>
      ) : (
        <Text size="sm">
          Stripe: <strong>Not connected yet</strong>.{' '}
          <Anchor component={Link} to="/settings/stripe">
            Connect a Stripe account
          </Anchor>
          , then choose it above as the campaign's Stripe connection, to sync its customers as referrers.
        </Text>
      )}
    </Paper>
  );
}
