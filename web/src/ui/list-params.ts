import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export type ListParams = {
  /** A parameter of the address, or undefined. */
  get(name: string): string | undefined;
  /** Sets (or, with null or "", removes) parameters; a list shown from new filters starts on its first page. */
  set(changes: Record<string, string | null>): void;
};

/** A list's filters in the address, so a view can be reloaded and shared (`?search=ann&sort=email`). */
export function useListParams(cursorName = 'after'): ListParams {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (changes: Record<string, string | null>) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        next.delete(cursorName);
        for (const [name, value] of Object.entries(changes)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        return next;
      }),
    [cursorName, setParams],
  );
  return { get: (name) => params.get(name) || undefined, set };
}

/** A query string of the parameters that have a value, for a link (an export) made from a list's filters. */
export function queryString(values: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}
