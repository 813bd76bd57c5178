import { EmptyState } from '@mantine/core';
import { PageHeader } from './page-header';

/** An area whose pages are still to come: what will be there, and where it can be done today. */
export function ComingSoon({ title, description }: { title: string; description: string }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState
        title={`${title} will be here`}
        description={description}
        variant="light"
        align="center"
        py="xl"
      />
    </>
  );
}
