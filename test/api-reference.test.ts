import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesText } from '../scripts/api-types-text.js';
import { ERROR_CODES } from '../src/http/openapi/error-codes.js';
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

describe('error codes', () => {
  const source = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? source(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );
  const root = new URL('..', import.meta.url).pathname;

  it('lists every code the source answers with, with its status', () => {
    const thrown = new Map<string, Set<number>>();
    const add = (code: string, status: number) =>
      thrown.set(code, (thrown.get(code) ?? new Set()).add(status));
    for (const file of source(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/new VouchError\(\s*(\d{3}),\s*'[a-z_]+',\s*'([a-z_]+)'/g))
        add(m[2]!, Number(m[1]));
      for (const m of text.matchAll(/\bconflict\(\s*'([a-z_]+)'/g)) add(m[1]!, 409);
      for (const m of text.matchAll(/\bunauthenticated\(\s*'([a-z_]+)'/g)) add(m[1]!, 401);
      // Refusals of the domain's campaign rules are thrown as conflicts.
      if (file.endsWith(join('domain', 'campaign-rules.ts')))
        for (const m of text.matchAll(/code: '([a-z_]+)'/g)) add(m[1]!, 409);
    }
    expect(thrown.size).toBeGreaterThan(40);
    const table = ERROR_CODES as Record<string, { statuses: readonly number[] }>;
    for (const [code, statuses] of thrown) {
      expect(table[code], code).toBeDefined();
      for (const status of statuses) expect(table[code]!.statuses, code).toContain(status);
    }
  });

  it('are given for every error response of every operation, from the one table', async () => {
    type Op = { security?: unknown[]; responses: Record<string, { 'x-error-codes'?: string[] }> };
    const doc = (await t.app.inject({ method: 'GET', url: '/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, Op>>;
    };
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const name = `${method.toUpperCase()} ${path}`;
        const errors = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
        expect(errors.length, name).toBeGreaterThan(0);
        for (const [status, response] of errors) {
          const codes = response['x-error-codes'] ?? [];
          expect(codes.length, `${name} ${status}`).toBeGreaterThan(0);
          for (const code of codes) {
            const info = (ERROR_CODES as Record<string, { statuses: readonly number[] }>)[code];
            expect(info?.statuses, `${name} ${status} ${code}`).toContain(Number(status));
          }
        }
        const schemes = (op.security ?? []).flatMap((s) => Object.keys(s as object));
        if (schemes.includes('secretKey'))
          expect(op.responses['401']?.['x-error-codes'], name).toContain('api_key_invalid');
        if (schemes.includes('sessionCookie'))
          expect(op.responses['401']?.['x-error-codes'], name).toContain('session_expired');
      }
    }
    const connect = doc.paths['/v1/stripe/connections']!.post!.responses;
    expect(connect['409']?.['x-error-codes']).toEqual(expect.arrayContaining(['already_connected']));
    expect(connect['502']?.['x-error-codes']).toEqual(expect.arrayContaining(['stripe_unreachable']));
    const list = doc.paths['/v1/stripe/connections']!.get!.responses;
    expect(list['404'], 'a list has no id to miss').toBeUndefined();
  });

  it('are in the reference, once for the whole API', () => {
    const reference = readFileSync(new URL('../docs/api-reference.md', import.meta.url), 'utf8');
    expect(reference).toContain('## Error codes');
    for (const code of Object.keys(ERROR_CODES)) expect(reference).toContain(`| \`${code}\` |`);
  });
});

describe('the generated API types', () => {
  it('are current (run `npm run api:types` after changing a route)', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/v1/openapi.json' })).json() as OpenApiDocument;
    const committed = readFileSync(new URL(`../${API_TYPES_FILE}`, import.meta.url), 'utf8');
    expect(committed).toBe(await apiTypesText(doc));
  });
});
