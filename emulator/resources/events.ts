/** Events: `GET /v1/events` (type, types[], created filters; newest first) and `GET /v1/events/:id`. */
import { route } from '../context.js';
import { paginate } from '../list.js';
import { mustGet } from '../lookups.js';
import { inRange, range, str, strArr } from '../params.js';
import { newestFirst } from '../store.js';

function typeMatcher(pattern: string): (type: string) => boolean {
  if (!pattern.includes('*')) return (type) => type === pattern;
  const re = new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`);
  return (type) => re.test(type);
}

export const eventRoutes = [
  route('GET', '/v1/events', ({ ctx, body }) => {
    const type = str(body, 'type');
    const types = strArr(body, 'types');
    const created = range(body, 'created');
    const matchers = [...(type ? [type] : []), ...(types ?? [])].map(typeMatcher);
    const items = newestFirst(ctx.state.events).filter(
      (e) => (matchers.length === 0 || matchers.some((m) => m(e.type))) && inRange(e.created, created),
    );
    return paginate(items, body, '/v1/events', 'event');
  }),
  route('GET', '/v1/events/:id', ({ ctx, params }) => mustGet(ctx, 'events', 'event', params.id ?? '')),
];
