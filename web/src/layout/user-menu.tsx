import { Badge, Button, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconLogout, IconLogout2 } from '@tabler/icons-react';
import { useSignOut, useSignOutEverywhere } from '../account/queries';
import { useSession } from '../account/session';
import { signedOut } from '../account/signed-in';

/** Who is signed in, with what role, and the ways out: this browser, or every device at once. */
export function UserMenu() {
  const { user } = useSession();
  const signOut = useSignOut();
  const everywhere = useSignOutEverywhere();
  const failed = (error: Error) =>
    notifications.show({ color: 'red', title: 'Still signed in', message: error.message });
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          ml="auto"
          rightSection={<IconChevronDown size={14} aria-hidden />}
          aria-label={`Account: ${user.email}, ${user.role}`}
        >
          <Text size="sm" truncate maw={220} visibleFrom="xs" span>
            {user.email}
          </Text>
          <Badge variant="light" ml="xs" size="sm">
            {user.role}
          </Badge>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {user.name} · {user.role}
        </Menu.Label>
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() => signOut.mutate(undefined, { onSuccess: signedOut, onError: failed })}
        >
          Sign out
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout2 size={16} aria-hidden />}
          onClick={() => everywhere.mutate(undefined, { onSuccess: signedOut, onError: failed })}
        >
          Sign out everywhere
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
