/** `GET /v1/account`: a minimal test-mode account with the configured default currency. */
import { route } from '../context.js';

export const accountRoutes = [
  route('GET', '/v1/account', ({ ctx }) => ({
    id: ctx.state.accountId,
    object: 'account',
    business_type: null,
    charges_enabled: true,
    country: 'US',
    created: 1_700_000_000,
    default_currency: ctx.options.defaultCurrency,
    details_submitted: true,
    email: 'emulator@example.com',
    metadata: {},
    payouts_enabled: true,
    settings: { dashboard: { display_name: 'Vouch Stripe emulator', timezone: 'Etc/UTC' } },
    type: 'standard',
  })),
];
