import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvLine } from '../src/http/csv-export.js';
import { keyWithRole, teammate } from './helpers/teammates.js';
import { api, bearer, startTestApp, type TestApp } from './helpers/test-app.js';

// The CSV exports of the referrer and lead lists: the lists' filters and order, every page, cells a
// spreadsheet reads back as they were written (and never runs as formulas), and who may export.
let t: TestApp;
let campaignId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  campaignId = (await api(t, 'POST', '/v1/campaigns', { name: 'Exports', status: 'live' })).body.id;
  for (const [email, first_name, last_name, code] of [
    ['carol@example.com', 'Carol', 'Stone, "Jr"', 'CAROL-1'],
    ['alice@example.com', '=HYPERLINK("http://evil.test")', null, null],
    ['bob@example.com', 'Bob', 'Line\nbreak', 'BOB-2'],
    ['dave@example.com', '+Dave', '-Minus', null],
  ] as const) {
    const res = await api(t, 'POST', `/v1/campaigns/${campaignId}/referrers`, {
      email,
      first_name,
      ...(last_name ? { last_name } : {}),
      ...(code ? { referral_code: code } : {}),
      ...(email.startsWith('carol') ? { metadata: { plan: 'pro' } } : {}),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    ids[email] = res.body.id;
  }
  const lead = (email: string, referrer: string, first_name?: string) =>
    api(t, 'POST', `/v1/campaigns/${campaignId}/leads`, {
      email,
      referrer,
      ...(first_name ? { first_name } : {}),
    });
  await lead('f1@example.com', ids['bob@example.com']!, '@friend');
  await lead('f2@example.com', ids['bob@example.com']!);
  await lead('f3@example.com', ids['carol@example.com']!);
  expect((await lead('f3@example.com', ids['bob@example.com']!)).body.status).toBe('rejected');
});
afterAll(async () => t.close());

async function download(url: string, headers: Record<string, string> = bearer(t.secretKey)) {
  const res = await t.app.inject({ method: 'GET', url, headers });
  return res;
}

/** The rows of a CSV answer as objects keyed by the header. */
function rows(body: string): Record<string, string>[] {
  return parse(body, { columns: true, bom: false, relax_column_count: false });
}

describe('the referrer export', () => {
  it('sends every referrer as a CSV attachment, the newest first, cells quoted and formulas defused', async () => {
    const res = await download(`/v1/campaigns/${campaignId}/referrers/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="referrers-${campaignId}.csv"`);
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe(
      'id,email,first_name,last_name,referral_code,referral_link,source,referrals_count,' +
        'converted_referrals_count,clicks_count,created_at,removed_at,metadata',
    );
    const all = rows(res.body);
    expect(all.map((r) => r.email)).toEqual([
      'dave@example.com',
      'bob@example.com',
      'alice@example.com',
      'carol@example.com',
    ]);
    const by = Object.fromEntries(all.map((r) => [r.email, r]));
    expect(by['carol@example.com']).toMatchObject({
      first_name: 'Carol',
      last_name: 'Stone, "Jr"',
      referral_code: 'CAROL-1',
      referrals_count: '1',
      metadata: '{"plan":"pro"}',
      removed_at: '',
    });
    expect(res.body).toContain('"Stone, ""Jr"""');
    expect(by['alice@example.com']!.first_name).toBe(`'=HYPERLINK("http://evil.test")`);
    // Names are stored on one line; other line breaks are quoted like commas.
    expect(by['bob@example.com']).toMatchObject({ last_name: 'Line break', referrals_count: '2' });
    expect(csvLine(['a\r\nb', 7, null, '-1'])).toBe(`"a\r\nb",7,,'-1\r\n`);
    expect(by['dave@example.com']).toMatchObject({ first_name: "'+Dave", last_name: "'-Minus" });
  });

  it('takes the filters and the sort of the list', async () => {
    const emails = async (query: string) =>
      rows((await download(`/v1/campaigns/${campaignId}/referrers/export?${query}`)).body).map(
        (r) => r.email,
      );
    expect(await emails('has_referral_code=true&sort=email')).toEqual([
      'bob@example.com',
      'carol@example.com',
    ]);
    expect(await emails('search=STONE')).toEqual(['carol@example.com']);
    expect(await emails('sort=-referrals_count')).toEqual([
      'bob@example.com',
      'carol@example.com',
      'dave@example.com',
      'alice@example.com',
    ]);
    expect(await emails('search=nobody')).toEqual([]);
  });

  it('reads page after page: thousands of referrers arrive once each, in order', async () => {
    const big = (await api(t, 'POST', '/v1/campaigns', { name: 'Big export' })).body.id as string;
    await sql`insert into referrers (id, campaign_id, email, email_normalized, first_name, source, slug)
              select 'rfr_big' || lpad(i::text, 6, '0'), ${big}, 'p' || i || '@example.com',
                     'p' || i || '@example.com', 'P' || i, 'import', 'big-' || i
              from generate_series(1, 2345) as i`.execute(t.db.database.db);
    const res = await download(`/v1/campaigns/${big}/referrers/export?sort=created_at`);
    expect(res.statusCode).toBe(200);
    const all = rows(res.body);
    expect(all).toHaveLength(2345);
    expect(all.map((r) => r.id)).toEqual(
      Array.from({ length: 2345 }, (_, i) => `rfr_big${String(i + 1).padStart(6, '0')}`),
    );
  });

  it('refuses list paging parameters, unknown filters and unknown campaigns', async () => {
    const res = await api(t, 'GET', `/v1/campaigns/${campaignId}/referrers/export?limit=10`);
    expect(res.status).toBe(400);
    expect(res.body.error.type).toBe('invalid_request_error');
    expect((await api(t, 'GET', `/v1/campaigns/${campaignId}/referrers/export?sort=age`)).status).toBe(400);
    const missing = await api(t, 'GET', '/v1/campaigns/cmp_missing/referrers/export');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('resource_missing');
  });
});

describe('the lead export', () => {
  it('sends the leads with their status, filtered like the list', async () => {
    const res = await download(`/v1/campaigns/${campaignId}/leads/export?sort=email`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="leads-${campaignId}.csv"`);
    const all = rows(res.body);
    expect(all.map((r) => [r.email, r.status, r.rejection_reason])).toEqual([
      ['f1@example.com', 'pending', ''],
      ['f2@example.com', 'pending', ''],
      ['f3@example.com', 'pending', ''],
      ['f3@example.com', 'rejected', 'already_lead'],
    ]);
    expect(all[0]).toMatchObject({ first_name: "'@friend", referrer_id: ids['bob@example.com'] });
    const rejected = rows((await download(`/v1/campaigns/${campaignId}/leads/export?status=rejected`)).body);
    expect(rejected.map((r) => r.referrer_id)).toEqual([ids['bob@example.com']]);
    const carols = rows(
      (await download(`/v1/campaigns/${campaignId}/leads/export?referrer=${ids['carol@example.com']}`)).body,
    );
    expect(carols.map((r) => r.email)).toEqual(['f3@example.com']);
  });
});

describe('who may export', () => {
  it('lets a viewer key and a viewer session export, and refuses a publishable key and no credentials', async () => {
    const viewerKey = await keyWithRole(t, 'viewer');
    expect((await download(`/v1/campaigns/${campaignId}/leads/export`, bearer(viewerKey))).statusCode).toBe(
      200,
    );
    const viewer = await teammate(t, 'viewer');
    const bySession = await download(`/v1/campaigns/${campaignId}/referrers/export`, viewer.headers());
    expect(bySession.statusCode).toBe(200);
    expect(rows(bySession.body)).toHaveLength(4);
    const publishable = await download(
      `/v1/campaigns/${campaignId}/referrers/export`,
      bearer(t.publishableKey),
    );
    expect(publishable.statusCode).toBe(403);
    expect((await download(`/v1/campaigns/${campaignId}/leads/export`, {})).statusCode).toBe(401);
  });
});
