import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export type Cursor = {
  /** The `starting_after` of the page shown, or undefined on the first page. */
  startingAfter: string | undefined;
  /** 1 for the first page. */
  page: number;
  next(lastId: string): void;
  previous(): void;
  first(): void;
};

/**
 * A list's page in the URL query string, so it survives a reload and can be shared: `?<name>=a,b` means the
 * page after id `b`, reached from the page after `a`, reached from the first page. The API pages forward only
 * (`starting_after`), so the trail is what makes "Previous" possible.
 */
export function useCursor(name = 'after'): Cursor {
  const [params, setParams] = useSearchParams();
  const trail = (params.get(name) ?? '').split(',').filter(Boolean);
  const write = useCallback(
    (next: string[]) =>
      setParams((current) => {
        const copy = new URLSearchParams(current);
        if (next.length) copy.set(name, next.join(','));
        else copy.delete(name);
        return copy;
      }),
    [name, setParams],
  );
  return {
    startingAfter: trail.at(-1),
    page: trail.length + 1,
    next: (lastId) => write([...trail, lastId]),
    previous: () => write(trail.slice(0, -1)),
    first: () => write([]),
  };
}
