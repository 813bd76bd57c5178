/** Customer balance transactions: create (adjusts `customer.balance`), list, retrieve. */
import { type Ctx, route, updateAndEmit } from '../context.js';
import { invalidParam, resourceMissing } from '../errors.js';
import { newId, nowSeconds } from '../ids.js';
import { paginate } from '../list.js';
import { mergeMetadata, metadata, nullableStr, reqInt, reqStr } from '../params.js';
import type { CustomerBalanceTxnObj } from '../shapes.js';
import { getCustomer } from './customers.js';

export interface BalanceChange {
  amount: number;
  currency: string;
  type: CustomerBalanceTxnObj['type'];
  description?: string | null;
  invoice?: string | null;
  metadata?: Record<string, string>;
}

/** Records a balance transaction and updates the customer's balance (negative = credit). */
export function applyBalanceChange(
  ctx: Ctx,
  customerId: string,
  change: BalanceChange,
): CustomerBalanceTxnObj {
  const customer = getCustomer(ctx, customerId);
  const currency = change.currency.toLowerCase();
  if (customer.currency && customer.currency !== currency) {
    throw invalidParam(
      'currency',
      `Customer ${customer.id} has currency ${customer.currency}, not ${currency}.`,
    );
  }
  const txn = {
    id: newId('cbtxn'),
    object: 'customer_balance_transaction',
    amount: change.amount,
    checkout_session: null,
    created: nowSeconds(),
    credit_note: null,
    currency,
    customer: customer.id,
    customer_account: null,
    description: change.description ?? null,
    ending_balance: customer.balance + change.amount,
    invoice: change.invoice ?? null,
    livemode: false,
    metadata: change.metadata ?? {},
    type: change.type,
  } satisfies CustomerBalanceTxnObj;
  ctx.state.customerBalanceTxns.set(txn.id, txn);
  updateAndEmit(ctx, 'customer.updated', customer, (c) => {
    c.balance = txn.ending_balance;
    c.currency = currency;
  });
  ctx.emit('customer.balance_transaction.created', txn);
  return txn;
}

export const customerBalanceRoutes = [
  route('POST', '/v1/customers/:id/balance_transactions', ({ ctx, params, body }) =>
    applyBalanceChange(ctx, params.id ?? '', {
      amount: reqInt(body, 'amount'),
      currency: reqStr(body, 'currency'),
      type: 'adjustment',
      description: nullableStr(body, 'description'),
      metadata: mergeMetadata({}, metadata(body)),
    }),
  ),
  route('GET', '/v1/customers/:id/balance_transactions', ({ ctx, params, body }) => {
    const customer = getCustomer(ctx, params.id ?? '', 'id');
    const items = [...ctx.state.customerBalanceTxns.values()]
      .filter((t) => t.customer === customer.id)
      .reverse();
    return paginate(
      items,
      body,
      `/v1/customers/${customer.id}/balance_transactions`,
      'customer_balance_transaction',
    );
  }),
  route('GET', '/v1/customers/:id/balance_transactions/:txn', ({ ctx, params }) => {
    const txn = ctx.state.customerBalanceTxns.get(params.txn ?? '');
    if (!txn || txn.customer !== params.id) {
      throw resourceMissing('customer balance transaction', params.txn ?? '');
    }
    return txn;
  }),
];
