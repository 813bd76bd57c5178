/** Stripe list pagination: `limit`, `starting_after`, `ending_before`; input is newest first. */
import { invalidParam, resourceMissing } from './errors.js';
import type { FormObject } from './form-decode.js';
import { int, str } from './params.js';
import type { ListOf } from './shapes.js';
import type { IndexedMap } from './store.js';

/** `limit`, 1 to 100, default 10, as Stripe checks it. */
function readLimit(p: FormObject): number {
  const limit = int(p, 'limit') ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidParam('limit', 'Invalid limit: must be between 1 and 100', 'parameter_invalid_integer');
  }
  return limit;
}

export function paginate<T extends { id: string }>(
  items: T[],
  p: FormObject,
  url: string,
  kind: string,
): ListOf<T> {
  const limit = readLimit(p);
  const after = str(p, 'starting_after');
  const before = str(p, 'ending_before');
  let start = 0;
  let end = items.length;
  if (after) {
    const idx = items.findIndex((item) => item.id === after);
    if (idx < 0) throw resourceMissing(kind, after, 'starting_after');
    start = idx + 1;
  } else if (before) {
    const idx = items.findIndex((item) => item.id === before);
    if (idx < 0) throw resourceMissing(kind, before, 'ending_before');
    end = idx;
    start = Math.max(0, end - limit);
    return { object: 'list', data: items.slice(start, end), has_more: start > 0, url };
  }
  const data = items.slice(start, start + limit);
  return { object: 'list', data, has_more: start + limit < end, url };
}

/**
 * Like `paginate`, over an `IndexedMap` (oldest first) read newest first, with an optional `keep` filter.
 * The cursor is looked up in the whole map (O(1)), so a cursor that the filters would exclude still works,
 * and the page is the next `limit` items after (or before) it that pass `keep`: a page costs O(limit)
 * plus the items the filter skips, not a copy or scan of the whole map.
 */
export function paginateIndexed<T extends { id: string }>(
  items: IndexedMap<string, T>,
  keep: ((item: T) => boolean) | undefined,
  p: FormObject,
  url: string,
  kind: string,
): ListOf<T> {
  const limit = readLimit(p);
  const after = str(p, 'starting_after') || undefined;
  const before = after ? undefined : str(p, 'ending_before') || undefined;
  const cursor = after ?? before;
  // Newest first: starting_after walks towards older slots (down), ending_before towards newer ones (up).
  let from = items.slotCount;
  if (cursor) {
    const at = items.positionOf(cursor);
    if (at === undefined) throw resourceMissing(kind, cursor, after ? 'starting_after' : 'ending_before');
    from = at;
  }
  const step = before ? 1 : -1;
  const found: T[] = [];
  const end = items.slotCount;
  for (let i = from + step; i >= 0 && i < end && found.length <= limit; i += step) {
    const item = items.atSlot(i);
    if (item !== undefined && (keep === undefined || keep(item))) found.push(item);
  }
  const data = found.slice(0, limit);
  return { object: 'list', data: before ? data.reverse() : data, has_more: found.length > limit, url };
}
