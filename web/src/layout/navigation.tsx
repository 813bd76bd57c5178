import { NavLink, Stack, Text } from '@mantine/core';
import {
  IconBrandStripe,
  IconChartBar,
  IconGift,
  IconHistory,
  IconKey,
  IconMail,
  IconMailbox,
  IconRefresh,
  IconSend,
  IconSpeakerphone,
  IconTicket,
  IconUserPlus,
  IconUsers,
  IconUsersGroup,
  IconWebhook,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { Link, useLocation } from 'react-router';

type Item = { to: string; label: string; icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }> };

export const AREAS: Item[] = [
  { to: '/', label: 'Overview', icon: IconChartBar },
  { to: '/campaigns', label: 'Campaigns', icon: IconSpeakerphone },
  { to: '/referrers', label: 'Referrers', icon: IconUsers },
  { to: '/leads', label: 'Leads', icon: IconUserPlus },
  { to: '/syncs', label: 'Syncs', icon: IconRefresh },
  { to: '/codes', label: 'Codes', icon: IconTicket },
  { to: '/rewards', label: 'Rewards', icon: IconGift },
];

export const SETTINGS: Item[] = [
  { to: '/settings/stripe', label: 'Stripe', icon: IconBrandStripe },
  { to: '/settings/api-keys', label: 'API keys', icon: IconKey },
  { to: '/settings/webhooks', label: 'Outgoing webhooks', icon: IconWebhook },
  { to: '/settings/email-templates', label: 'Email templates', icon: IconMail },
  { to: '/settings/email-sends', label: 'Email sends', icon: IconSend },
  { to: '/settings/mailbox', label: 'Mailbox', icon: IconMailbox },
  { to: '/settings/teammates', label: 'Teammates', icon: IconUsersGroup },
  { to: '/settings/audit-log', label: 'Audit log', icon: IconHistory },
];

const isActive = (path: string, to: string) =>
  to === '/' ? path === '/' : path === to || path.startsWith(`${to}/`);

function Links({ items, onNavigate }: { items: Item[]; onNavigate: () => void }) {
  const { pathname } = useLocation();
  return items.map(({ to, label, icon: Icon }) => {
    const active = isActive(pathname, to);
    return (
      <NavLink
        key={to}
        component={Link}
        to={to}
        label={label}
        active={active}
        aria-current={active ? 'page' : undefined}
        leftSection={<Icon size={18} aria-hidden />}
        onClick={onNavigate}
      />
    );
  });
}

/** Every area of the dashboard, then the settings. */
export function Navigation({ onNavigate }: { onNavigate: () => void }) {
  return (
    <Stack gap={2} component="nav" aria-label="Main">
      <Links items={AREAS} onNavigate={onNavigate} />
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm" id="settings-heading">
        Settings
      </Text>
      <Stack gap={2} role="group" aria-labelledby="settings-heading">
        <Links items={SETTINGS} onNavigate={onNavigate} />
      </Stack>
    </Stack>
  );
}
