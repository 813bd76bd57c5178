import { Anchor, AppShell, Burger, Center, Group, Loader, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Navigation } from './navigation';
import { RouteErrorBoundary } from './route-error-boundary';
import { UserMenu } from './user-menu';

/** The frame of every page: a header, the navigation (a drawer on small screens) and the page. */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  // A new page starts without the previous page's error.
  const { pathname } = useLocation();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm">
          <Burger
            opened={opened}
            onClick={toggle}
            hiddenFrom="sm"
            size="sm"
            aria-label={opened ? 'Close navigation' : 'Open navigation'}
          />
          <Anchor component={Link} to="/" underline="never" c="inherit" fw={700} size="lg">
            Vouch
          </Anchor>
          <Text size="sm" c="dimmed" visibleFrom="xs">
            Referrals on Stripe
          </Text>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <ScrollArea type="never">
          <Navigation onNavigate={close} />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <RouteErrorBoundary key={pathname}>
          <Suspense
            fallback={
              <Center py="xl">
                <Loader aria-label="Loading the page" role="status" />
              </Center>
            }
          >
            <Outlet />
          </Suspense>
        </RouteErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
