import { Badge, type MantineColor } from '@mantine/core';

/** A status word in a colour; the word itself carries the meaning, the colour only helps. */
export function StatusBadge({ status, colors }: { status: string; colors: Record<string, MantineColor> }) {
  return (
    <Badge color={colors[status] ?? 'gray'} variant="light">
      {status.replaceAll('_', ' ')}
    </Badge>
  );
}
