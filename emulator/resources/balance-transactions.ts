/** Balance transactions: `GET /v1/balance_transactions/:id` and the list (type, source, currency, created). */
import { route } from '../context.js';
import { paginate } from '../list.js';
import { mustGet } from '../lookups.js';
import { inRange, range, str } from '../params.js';
import { newestFirst } from '../store.js';

export const balanceTransactionRoutes = [
  route('GET', '/v1/balance_transactions/:id', ({ ctx, params }) =>
    mustGet(ctx, 'balanceTransactions', 'balance transaction', params.id ?? ''),
  ),
  route('GET', '/v1/balance_transactions', ({ ctx, body }) => {
    const type = str(body, 'type');
    const source = str(body, 'source');
    const currency = str(body, 'currency')?.toLowerCase();
    const created = range(body, 'created');
    const items = newestFirst(ctx.state.balanceTransactions).filter(
      (t) =>
        (type === undefined || t.type === type) &&
        (source === undefined || t.source === source) &&
        (currency === undefined || t.currency === currency) &&
        inRange(t.created, created),
    );
    return paginate(items, body, '/v1/balance_transactions', 'balance transaction');
  }),
];
