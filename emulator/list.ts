/** Stripe list pagination: `limit`, `starting_after`, `ending_before`; input is newest first. */
import { invalidParam, resourceMissing } from './errors.js';
import type { FormObject } from './form-decode.js';
import { int, str } from './params.js';
import type { ListOf } from './shapes.js';

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
 * Like `paginate`, but the cursor is looked up in the unfiltered `all` (newest first) and the page is
 * the next `limit` items after (or before) it that pass `keep`. A cursor that the filters would exclude
 * still works, and only one page of items is filtered per request.
 */
export function paginateFiltered<T extends { id: string }>(
  all: T[],
  keep: (item: T) => boolean,
  p: FormObject,
  url: string,
  kind: string,
): ListOf<T> {
  const limit = readLimit(p);
  const after = str(p, 'starting_after');
  const before = after ? undefined : str(p, 'ending_before');
  const cursor = after ?? before;
  let index = -1;
  if (cursor) {
    index = all.findIndex((item) => item.id === cursor);
    if (index < 0) throw resourceMissing(kind, cursor, after ? 'starting_after' : 'ending_before');
  }
  const found: T[] = [];
  const step = before ? -1 : 1;
  for (let i = before ? index - 1 : index + 1; i >= 0 && i < all.length && found.length <= limit; i += step) {
    const item = all[i];
    if (item && keep(item)) found.push(item);
  }
  const data = found.slice(0, limit);
  return { object: 'list', data: before ? data.reverse() : data, has_more: found.length > limit, url };
}
