import { Badge } from '@mantine/core';

/** Test mode is marked plainly, as Stripe does; live mode is the normal case. */
export function ModeBadge({ mode }: { mode: 'test' | 'live' }) {
  return mode === 'test' ? (
    <Badge color="orange" variant="filled">
      Test mode
    </Badge>
  ) : (
    <Badge color="green" variant="light">
      Live mode
    </Badge>
  );
}

/** The mode a Stripe key says it is for, from its prefix, shown while it is typed; the server checks it. */
export function keyMode(key: string): 'test' | 'live' | null {
  const match = /^(?:sk|rk)_(test|live)_/.exec(key.trim());
  return match ? (match[1] as 'test' | 'live') : null;
}
