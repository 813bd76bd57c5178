import { Anchor, EmptyState } from '@mantine/core';
import { Link } from 'react-router';

export function NotFound() {
  return (
    <EmptyState
      title="No such page"
      description={
        <>
          This address is not a page of the dashboard.{' '}
          <Anchor component={Link} to="/">
            Go to the overview
          </Anchor>
          .
        </>
      }
      py="xl"
    />
  );
}
