import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, bearer, startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const newCampaign = async (extra: object = {}) =>
  (await api(t, 'POST', '/v1/campaigns', { name: 'Import', ...extra })).body.id as string;
const upload = (campaignId: string, csv: string, query = '') =>
  t.app.inject({
    method: 'POST',
    url: `/v1/campaigns/${campaignId}/referrers/import${query}`,
    headers: { ...bearer(t.secretKey), 'content-type': 'text/csv' },
    payload: csv,
  });

describe('CSV import of referrers', () => {
  it('a row with text Postgres cannot store is reported, and the other rows are imported', async () => {
    const c = await newCampaign();
    const csv = [
      'email,first_name,metadata.note',
      'good@example.com,Good,fine',
      'nul@example.com,Nul\u0000Name,x',
      'half@example.com,Half,note\u0000',
      'also.good@example.com,Also,',
    ].join('\n');
    const res = await upload(c, csv);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 4, accepted: 2, rejected: 2 });
    expect(res.json().errors).toEqual([
      expect.objectContaining({ row: 3, reason: 'invalid_text', param: 'first_name' }),
      expect.objectContaining({ row: 4, reason: 'invalid_text', param: 'metadata.note' }),
    ]);
    const emails = (await api(t, 'GET', `/v1/campaigns/${c}/referrers?limit=100`)).body.data.map(
      (r: { email: string }) => r.email,
    );
    expect(emails.sort()).toEqual(['also.good@example.com', 'good@example.com']);
    const header = await upload(c, 'email,first_name,metadata.k\u0000\nx@example.com,X,1');
    expect(header.statusCode).toBe(400);
    expect(header.json().error.param).toBe('file');
  });

  it('adds good rows and reports each rejected row with its line and reason', async () => {
    const c = await newCampaign();
    await api(t, 'POST', `/v1/campaigns/${c}/referrers`, {
      email: 'existing@example.com',
      first_name: 'Old',
    });
    const csv = [
      'Email,First Name,last_name,referral_code,metadata.plan',
      'ada@example.com,Ada,Lovelace,,pro',
      'grace@example.com,Grace,Hopper,GRACE-1,',
      'not-an-email,Bad,,,',
      'noname@example.com,,,,',
      'ADA@example.com,Ada again,,,',
      'existing@example.com,Old,,,',
      'dup@example.com,Dup,,grace-1,',
      'short@example.com,Short',
      '"quoted, name@example.com",Q,,,',
    ].join('\n');
    const res = await upload(c, csv);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ rows: 9, accepted: 2, rejected: 7 });
    const reasons = Object.fromEntries(
      report.errors.map((e: { row: number; reason: string }) => [e.row, e.reason]),
    );
    expect(reasons).toEqual({
      4: 'invalid_email',
      5: 'missing_field',
      6: 'duplicate_in_file',
      7: 'already_referrer',
      8: 'referral_code_taken',
      9: 'missing_columns',
      10: 'invalid_email',
    });
    const list = (await api(t, 'GET', `/v1/campaigns/${c}/referrers?limit=100`)).body.data;
    const ada = list.find((r: { email: string }) => r.email === 'ada@example.com');
    expect(ada).toMatchObject({
      first_name: 'Ada',
      last_name: 'Lovelace',
      source: 'import',
      metadata: { plan: 'pro' },
    });
    expect(list).toHaveLength(3);
    expect((await api(t, 'GET', `/v1/campaigns/${c}`)).body.participants_count).toBe(3);
  });

  it('generates codes on request and stops at the participant limit', async () => {
    const c = await newCampaign({ participant_limit: 2 });
    const res = await upload(
      c,
      'email,first_name\na@example.com,Al\nb@example.com,Bo\nc@example.com,Cy\n',
      '?generate_referral_codes=true',
    );
    const report = res.json();
    expect(report).toMatchObject({ accepted: 2, rejected: 1 });
    expect(report.errors[0]).toMatchObject({ row: 4, reason: 'participant_limit' });
    const codes = (await api(t, 'GET', `/v1/campaigns/${c}/referrers`)).body.data.map(
      (r: { referral_code: string }) => r.referral_code,
    );
    expect(codes.every((code: string) => /^[A-Z]+-[0-9A-Z]{4}$/.test(code))).toBe(true);
  });

  it('a bad file is refused whole, naming what to fix, and writes nothing', async () => {
    const c = await newCampaign();
    const cases: Array<[string, string]> = [
      ['first_name\nAda\n', 'no email column'],
      ['email,first_name,favourite_colour\na@example.com,A,blue\n', 'Unknown column "favourite_colour"'],
      ['', 'empty'],
      ['email,first_name\n"unterminated,A\n', 'could not be read'],
    ];
    for (const [csv, message] of cases) {
      const res = await upload(c, csv);
      expect(res.statusCode, message).toBe(400);
      expect(res.json().error.param).toBe('file');
      expect(res.json().error.message).toContain(message);
    }
    expect((await api(t, 'GET', `/v1/campaigns/${c}/referrers`)).body.data).toHaveLength(0);
  });

  it('refuses oversized files and the wrong content type', async () => {
    const c = await newCampaign();
    const rows = Array.from({ length: 10_001 }, (_, i) => `p${i}@example.com,P`).join('\n');
    const many = await upload(c, `email,first_name\n${rows}\n`);
    expect(many.statusCode).toBe(413);
    expect(many.json().error.code).toBe('csv_too_many_rows');
    const huge = await upload(c, `email,first_name\n${'x'.repeat(6 * 1024 * 1024)}\n`);
    expect(huge.statusCode).toBe(413);
    const json = await t.app.inject({
      method: 'POST',
      url: `/v1/campaigns/${c}/referrers/import`,
      headers: bearer(t.secretKey),
      payload: { email: 'a@example.com' },
    });
    expect(json.statusCode).toBe(400);
    expect((await api(t, 'GET', `/v1/campaigns/${c}/referrers`)).body.data).toHaveLength(0);
  });
});
