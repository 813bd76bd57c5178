/** Stripe list pagination: `limit`, `starting_after`, `ending_before`; input is newest first. */
import { invalidParam, resourceMissing } from './errors.js';
import type { FormObject } from './form-decode.js';
import { int, str } from './params.js';
import type { ListOf } from './shapes.js';

export function paginate<T extends { id: string }>(
  items: T[],
  p: FormObject,
  url: string,
  kind: string,
): ListOf<T> {
  const limit = int(p, 'limit') ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidParam('limit', 'Invalid limit: must be between 1 and 100', 'parameter_invalid_integer');
  }
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
