import { Button, Code, CopyButton, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { CopyableId } from '../ui/copyable-id';
import type { Campaign } from './queries';

/** Vouch's public address, as the campaign's join page names it. */
const publicUrlOf = (campaign: Campaign) => campaign.join_url.replace(/\/join\/[^/]+$/, '');

/** The tag that puts the browser snippet on the business's site, for this campaign. */
export function snippetOf(campaign: Campaign): string {
  return [
    '<script',
    `  src="${publicUrlOf(campaign)}/v1/vouch.js"`,
    '  data-key="vch_pk_..."',
    `  data-campaign="${campaign.id}"`,
    `  data-cookie-days="${campaign.cookie_days}"`,
    '  async',
    '></script>',
  ].join('\n');
}

/** The hosted pages' addresses and the snippet to copy, as the campaign is saved. */
export function Snippet({ campaign }: { campaign: Campaign }) {
  const snippet = snippetOf(campaign);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="snippet-heading">
      <Stack gap="sm">
        <Title order={3} size="h5" id="snippet-heading">
          Hosted pages and the browser snippet
        </Title>
        <Text size="sm">
          Join page, where people become referrers:{' '}
          <CopyableId value={campaign.join_url} label="the join page" />
        </Text>
        <Text size="sm" c="dimmed">
          A referral link without a destination URL lands on the hosted friend page,{' '}
          <Code>{publicUrlOf(campaign)}/invite/&lt;slug&gt;</Code>.
        </Text>
        <Text size="sm">
          Put this tag on every page of your site (listed under allowed origins), with a publishable key
          limited to this campaign (Settings › API keys) in <Code>data-key</Code>:
        </Text>
        <Code block aria-label="The browser snippet">
          {snippet}
        </Code>
        <CopyButton value={snippet} timeout={1500}>
          {({ copied, copy }) => (
            <Button
              variant="light"
              size="xs"
              w="fit-content"
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
              onClick={copy}
            >
              {copied ? 'Copied' : 'Copy the snippet'}
            </Button>
          )}
        </CopyButton>
      </Stack>
    </Paper>
  );
}
