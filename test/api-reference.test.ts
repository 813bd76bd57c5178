import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenApiDocument, renderReference } from '../src/http/openapi/render-reference.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ stripe: true });
});
afterAll(async () => t.close());

describe('docs/api-reference.md', () => {
  it('matches the OpenAPI document the code serves (run `npm run docs:api` after changing a route)', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/v1/openapi.json' })).json() as OpenApiDocument;
    const committed = readFileSync(new URL('../docs/api-reference.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderReference(doc));
  });

  it('shows every nested settings object of a campaign with its fields, on create and update', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/v1/openapi.json' })).json() as OpenApiDocument;
    const sections = renderReference(doc).split('\n### ');
    const section = (title: string) => sections.find((s) => s.startsWith(`\`${title}\``)) ?? '';
    for (const title of ['POST /v1/campaigns', 'POST /v1/campaigns/{id}']) {
      for (const field of [
        'qualification.method',
        'qualification.target_amount',
        'customers.existing_customer',
        'customers.friend_customer.name',
        'customers.friend_customer.metadata',
        'customers.referrer_customer.metadata',
        'code_rules.minimum_amount.currency',
        'rewards.referrer.kind',
        'rewards.referrer.amount',
        'rewards.budget.currency',
      ]) {
        expect(section(title), `${title}: ${field}`).toContain(`| \`${field}\` |`);
      }
    }
  });

  it('lists every public route of the referral flows', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/v1/openapi.json' })).json() as OpenApiDocument;
    for (const path of [
      '/v1/campaigns',
      '/v1/campaigns/{id}/referrers',
      '/v1/campaigns/{id}/leads',
      '/v1/leads/{id}',
      '/r/{slug}',
      '/v1/referrals/{slug}',
      '/v1/stripe/connections',
      '/webhooks/stripe/{connection_id}',
      '/v1/campaigns/{id}/syncs',
      '/v1/syncs/{id}',
      '/v1/campaigns/{id}/coupon',
      '/v1/campaigns/{id}/promotion_codes',
      '/v1/campaigns/{id}/codes/summary',
      '/v1/campaigns/{id}/codes/redeem',
      '/v1/referrers/{id}/codes/summary',
      '/v1/webhook_endpoints',
      '/v1/webhook_endpoints/{id}',
      '/v1/webhook_endpoints/{id}/rotate_secret',
      '/v1/webhook_endpoints/{id}/test',
      '/v1/webhook_endpoints/{id}/deliveries',
      '/v1/webhook_deliveries/{id}',
      '/v1/webhook_deliveries/{id}/replay',
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
  });
});
