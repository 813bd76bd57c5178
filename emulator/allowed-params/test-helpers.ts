/** Parameters of the emulator's own test-helper endpoints (no SDK type describes them). */
import type { ParamTable } from '../param-check.js';

const names = (list: string): ParamTable => Object.fromEntries(list.split(' ').map((name) => [name, true]));

export const testHelperParams: Record<string, ParamTable> = {
  'POST /v1/test_helpers/checkout/sessions/:id/complete': names(
    'email expand name payment_method promotion_code',
  ),
  'POST /v1/test_helpers/payment_links/:id/checkout': names(
    'client_reference_id email expand name payment_method promotion_code',
  ),
  'POST /v1/test_helpers/subscriptions/:id/advance': names('expand'),
  'POST /v1/test_helpers/charges/:id/dispute': names('amount expand reason'),
  'POST /v1/test_helpers/disputes/:id/close': names('expand outcome'),
};
