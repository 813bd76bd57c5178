/**
 * Events: `GET /v1/events` and `GET /v1/events/:id`. The list is newest first and filters by `type`
 * (with `*` wildcards) or `types[]` (up to 20, not both, like Stripe) and `created[gt/gte/lt/lte]`
 * (combinable). Cursors are positions in the whole event log, so paging with `starting_after` never
 * repeats or skips an event while new ones are created (new events land before the first page).
 */
import { route } from '../context.js';
import { invalidParam } from '../errors.js';
import { paginateIndexed } from '../list.js';
import { mustGet } from '../lookups.js';
import { inRange, range, str, strArr } from '../params.js';

function typeMatcher(pattern: string): (type: string) => boolean {
  if (!pattern.includes('*')) return (type) => type === pattern;
  const re = new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`);
  return (type) => re.test(type);
}

export const eventRoutes = [
  route('GET', '/v1/events', ({ ctx, body }) => {
    const type = str(body, 'type');
    const types = strArr(body, 'types');
    if (type !== undefined && types !== undefined) {
      throw invalidParam('types', 'You may pass either type or types, but not both.');
    }
    if (types && types.length > 20) {
      throw invalidParam('types', 'You may pass up to 20 types.', 'parameter_invalid_array');
    }
    const created = range(body, 'created');
    const matchers = [...(type ? [type] : []), ...(types ?? [])].map(typeMatcher);
    const keep = (e: { type: string; created: number }) =>
      (matchers.length === 0 || matchers.some((m) => m(e.type))) && inRange(e.created, created);
    return paginateIndexed(ctx.state.events, keep, body, '/v1/events', 'event');
  }),
  route('GET', '/v1/events/:id', ({ ctx, params }) => mustGet(ctx, 'events', 'event', params.id ?? '')),
];
