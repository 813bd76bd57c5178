/**
 * The parameters each operation accepts, keyed like `POST /v1/customers/:id`, as Stripe documents them for
 * the SDK's version; an older request version gets the names version-changes.ts says it had instead.
 */
import type { ParamTable } from '../param-check.js';
import { changesAfter } from '../version-render.js';
import { billingParams } from './billing.js';
import { checkoutParams } from './checkout.js';
import { customerParams } from './customers.js';
import { paymentParams } from './payments.js';
import { testHelperParams } from './test-helpers.js';

const TABLES: Record<string, ParamTable> = {
  ...customerParams,
  ...paymentParams,
  ...billingParams,
  ...checkoutParams,
  ...testHelperParams,
};

/** The parameters of `route` in `version`, or undefined for a route without a table. */
export function allowedParams(route: string, version: string): ParamTable | undefined {
  const table = TABLES[route];
  if (!table) return undefined;
  const changes = changesAfter(version).filter((c) => c.params?.[route]);
  if (changes.length === 0) return table;
  const adjusted: Record<string, ParamTable[string]> = { ...table };
  for (const change of changes) {
    const names = change.params?.[route];
    for (const name of names?.added ?? []) delete adjusted[name];
    for (const name of names?.removed ?? []) adjusted[name] = true;
  }
  return adjusted;
}
