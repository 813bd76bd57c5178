import type { ConnectionRow } from '../db/tables.js';
import type { StripeGateway } from './gateway.js';

/**
 * What a charge, refund or dispute is worth in the account's default currency. Same currency: the amount.
 * Otherwise: the balance transaction Stripe settled it with (|amount|), read through the gateway.
 */
export async function settledAmount(
  gateway: StripeGateway | undefined,
  connection: ConnectionRow,
  object: { amount: number; currency: string; balanceTransaction: string | null },
): Promise<number> {
  if (object.currency.toLowerCase() === connection.default_currency) return object.amount;
  if (!gateway || !object.balanceTransaction) {
    throw new Error(`cannot settle ${object.amount} ${object.currency}: no balance transaction to read`);
  }
  const txn = await gateway.forConnection(connection).balanceTransactions.retrieve(object.balanceTransaction);
  return Math.abs(txn.amount);
}

export const idOf = (value: unknown): string | null =>
  typeof value === 'string'
    ? value
    : value && typeof value === 'object' && 'id' in value
      ? String((value as { id: unknown }).id)
      : null;
