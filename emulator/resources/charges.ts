/** Charges: retrieve, update (metadata/description), list by customer or payment_intent. */
import { route, updateAndEmit } from '../context.js';
import { paginate } from '../list.js';
import { mustGet } from '../lookups.js';
import { inRange, mergeMetadata, metadata, nullableStr, range, str } from '../params.js';
import { newestFirst } from '../store.js';

export const chargeRoutes = [
  route('GET', '/v1/charges/:id', ({ ctx, params }) => mustGet(ctx, 'charges', 'charge', params.id ?? '')),
  route('POST', '/v1/charges/:id', ({ ctx, params, body }) =>
    updateAndEmit(ctx, 'charge.updated', mustGet(ctx, 'charges', 'charge', params.id ?? ''), (c) => {
      if (body.metadata !== undefined) c.metadata = mergeMetadata(c.metadata, metadata(body));
      const description = nullableStr(body, 'description');
      if (description !== undefined) c.description = description;
    }),
  ),
  route('GET', '/v1/charges', ({ ctx, body }) => {
    const customer = str(body, 'customer');
    const paymentIntent = str(body, 'payment_intent');
    const created = range(body, 'created');
    const items = newestFirst(ctx.state.charges).filter(
      (c) =>
        (customer === undefined || c.customer === customer) &&
        (paymentIntent === undefined || c.payment_intent === paymentIntent) &&
        inRange(c.created, created),
    );
    return paginate(items, body, '/v1/charges', 'charge');
  }),
];
