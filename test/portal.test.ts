import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyWithRole } from './helpers/teammates.js';
import { bearer, startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

// biome-ignore lint/suspicious/noExplicitAny: API answers read as JSON
type Json = Record<string, any>;
let lastAddress = 0;
const nextAddress = () => `10.9.${Math.floor(++lastAddress / 250)}.${lastAddress % 250}`;

async function call(method: 'GET' | 'POST', url: string, payload?: Json, key = t.secretKey) {
  return t.app.inject({ method, url, headers: bearer(key), payload, remoteAddress: nextAddress() });
}
async function ok(method: 'GET' | 'POST', url: string, payload?: Json): Promise<Json> {
  const res = await call(method, url, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
  return res.json();
}
const visit = (url: string, cookie?: string) =>
  t.app.inject({
    url: new URL(url, 'http://vouch.test').pathname,
    headers: cookie ? { cookie } : {},
    remoteAddress: nextAddress(),
  });

async function campaignWithReferrer(fields: Json = {}) {
  const campaign = await ok('POST', '/v1/campaigns', { name: 'Friends of Acme', status: 'live', ...fields });
  const referrer = await ok('POST', `/v1/campaigns/${campaign.id}/referrers`, {
    email: 'zoe@example.com',
    first_name: 'Zoë',
    generate_referral_code: true,
  });
  return { campaign, referrer };
}

describe('portal sign-in links', () => {
  it('a minted link opens the portal once, showing the link, code, QR code and numbers', async () => {
    const { campaign, referrer } = await campaignWithReferrer();
    const link = await ok('POST', `/v1/referrers/${referrer.id}/portal_sessions`, {});
    expect(link).toMatchObject({
      object: 'portal_session',
      campaign_id: campaign.id,
      referrer_id: referrer.id,
    });
    expect(link.url).toMatch(/^http:\/\/vouch\.test\/portal\/open\/[A-Za-z0-9_-]{43}$/);
    const expires = Date.parse(link.expires_at) - Date.parse(link.created_at);
    expect(expires).toBe(3_600_000);

    const page = await visit(link.url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Hi Zoë</h1>');
    expect(page.body).toContain(referrer.referral_link);
    expect(page.body).toContain(referrer.referral_code);
    expect(page.body).toMatch(/<svg role="img" aria-label="QR code of your referral link"/);
    expect(page.body).toContain('<dt>Clicks</dt><dd>0</dd>');
    expect(page.body).toContain('No rewards yet');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toMatch(
      new RegExp(
        `^vouch_portal=[A-Za-z0-9_-]{43}; Max-Age=604800; Path=/portal/${campaign.id}; HttpOnly; SameSite=Lax$`,
      ),
    );

    const again = await visit(link.url);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('This link was used already');
    expect(again.body).toContain(`/portal/${campaign.id}`);

    const pair = cookie.split(';')[0]!;
    const resumed = await visit(`/portal/${campaign.id}`, pair);
    expect(resumed.statusCode).toBe(200);
    expect(resumed.body).toContain('<h1>Hi Zoë</h1>');
    const signedOut = await visit(`/portal/${campaign.id}`);
    expect(signedOut.statusCode).toBe(200);
    expect(signedOut.body).toContain('Email me a sign-in link');
    expect(signedOut.body).not.toContain('Hi Zoë');
    const other = await ok('POST', '/v1/campaigns', { name: 'Other', status: 'live' });
    const elsewhere = await visit(`/portal/${other.id}`, pair);
    expect(elsewhere.body).toContain('Email me a sign-in link');
    expect(elsewhere.body).not.toContain('Hi Zoë');
  });

  it('an expired link and an unknown one are refused', async () => {
    const { referrer } = await campaignWithReferrer();
    const link = await ok('POST', `/v1/referrers/${referrer.id}/portal_sessions`, { expires_in: 60 });
    await sql`update portal_sessions set expires_at = created_at + interval '1 millisecond' where id = ${link.id}`.execute(
      t.db.database.db,
    );
    const expired = await visit(link.url);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('This link has expired');
    const unknown = await visit(`/portal/open/${'A'.repeat(43)}`);
    expect(unknown.statusCode).toBe(410);
    expect(unknown.body).toContain('This link is not valid');
    const malformed = await visit('/portal/open/short');
    expect(malformed.statusCode).toBe(404);
    const tooLong = await call('POST', `/v1/referrers/${referrer.id}/portal_sessions`, {
      expires_in: 3 * 3600 + 1,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.param).toBe('expires_in');
  });

  it("the campaign's allowed origins may frame the portal, and no one else", async () => {
    const { referrer } = await campaignWithReferrer({ allowed_origins: ['https://app.acme.example'] });
    const link = await ok('POST', `/v1/referrers/${referrer.id}/portal_sessions`);
    const page = await visit(link.url);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(
      /frame-ancestors https:\/\/app\.acme\.example(;|$)/,
    );
    expect(page.headers['x-frame-options']).toBeUndefined();
  });

  it('by email: the referrer with it, or someone new when a first name is sent', async () => {
    const { campaign, referrer } = await campaignWithReferrer();
    const known = await ok('POST', `/v1/campaigns/${campaign.id}/portal_sessions`, {
      email: 'ZOE@example.com',
    });
    expect(known.referrer_id).toBe(referrer.id);
    const unknown = await call('POST', `/v1/campaigns/${campaign.id}/portal_sessions`, {
      email: 'new@example.com',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.param).toBe('first_name');
    const added = await ok('POST', `/v1/campaigns/${campaign.id}/portal_sessions`, {
      email: 'new@example.com',
      first_name: 'Nia',
    });
    const created = await ok('GET', `/v1/referrers/${added.referrer_id}`);
    expect(created).toMatchObject({ email: 'new@example.com', first_name: 'Nia', source: 'api' });
    expect(created.referral_code).toEqual(expect.any(String));
  });

  it('minting needs the editor role; a viewer key and a publishable key are refused', async () => {
    const { referrer } = await campaignWithReferrer();
    const viewer = await keyWithRole(t, 'viewer');
    const byViewer = await call('POST', `/v1/referrers/${referrer.id}/portal_sessions`, {}, viewer);
    expect(byViewer.statusCode).toBe(403);
    const byPublishable = await call(
      'POST',
      `/v1/referrers/${referrer.id}/portal_sessions`,
      {},
      t.publishableKey,
    );
    expect([401, 403]).toContain(byPublishable.statusCode);
  });

  it('someone who has just joined on the hosted page gets a link to their portal; a repeat join does not', async () => {
    const campaign = await ok('POST', '/v1/campaigns', { name: 'Join me', status: 'live' });
    const form = new URLSearchParams({ email: 'kai@example.com', first_name: 'Kai' }).toString();
    const join = () =>
      t.app.inject({
        method: 'POST',
        url: `/join/${campaign.id}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: form,
        remoteAddress: nextAddress(),
      });
    const first = await join();
    expect(first.statusCode).toBe(200);
    const url = /href="(http:\/\/vouch\.test\/portal\/open\/[^"]+)"/.exec(first.body)?.[1];
    expect(url).toBeDefined();
    expect((await visit(url!)).body).toContain('<h1>Hi Kai</h1>');
    const repeat = await join();
    expect(repeat.body).toContain('already joined');
    expect(repeat.body).not.toContain('/portal/open/');
  });

  it('signed out, the portal mails a sign-in link to a referrer, and says the same to anyone else', async () => {
    const { campaign, referrer } = await campaignWithReferrer();
    const ask = (email: string, remoteAddress = nextAddress(), extra: Json = {}) =>
      t.app.inject({
        method: 'POST',
        url: `/portal/${campaign.id}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ email, ...extra }).toString(),
        remoteAddress,
      });
    const mails = () =>
      t.db.database.db
        .selectFrom('email_outbox')
        .select(['kind', 'to_address', 'referrer_id', 'variables', 'dedupe_key'])
        .where('campaign_id', '=', campaign.id)
        .execute();

    const known = await ask(' ZOE@example.com ');
    expect(known.statusCode).toBe(200);
    expect(known.body).toContain('Check your email');
    const unknown = await ask('nobody@example.com');
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body.replaceAll('nobody@example.com', 'X')).toBe(
      known.body.replaceAll('ZOE@example.com', 'X'),
    );

    const sent = await mails();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      kind: 'sign_in',
      to_address: 'zoe@example.com',
      referrer_id: referrer.id,
    });
    expect(sent[0]!.dedupe_key).toMatch(/^portal-sign-in:prs_/);
    const url = (sent[0]!.variables as Json).sign_in_link as string;
    expect(url).toMatch(/^http:\/\/vouch\.test\/portal\/open\/[A-Za-z0-9_-]{43}$/);
    const link = await t.db.database.db
      .selectFrom('portal_sessions')
      .select(['created_at', 'expires_at'])
      .where('id', '=', sent[0]!.dedupe_key.slice('portal-sign-in:'.length))
      .executeTakeFirstOrThrow();
    expect(link.expires_at.getTime() - link.created_at.getTime()).toBe(15 * 60_000);
    const opened = await visit(url);
    expect(opened.body).toContain('<h1>Hi Zoë</h1>');
    expect((await visit(url)).statusCode).toBe(410);

    // Past three asks for one address in ten minutes, asking sends nothing more, and says the same.
    for (let i = 0; i < 3; i++) expect((await ask('zoe@example.com')).statusCode).toBe(200);
    expect(await mails()).toHaveLength(3);

    // A bot filling the hidden field is told the same, and nothing is sent.
    const bot = await ask('zoe+bot@example.com', nextAddress(), { website: 'spam' });
    expect(bot.statusCode).toBe(200);
    expect(await mails()).toHaveLength(3);

    const bad = await ask('not an address');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter an email address in the correct format');
    expect(bad.body).toContain('value="not an address"');
  });

  it('asking for sign-in links is limited per client, across every address', async () => {
    const { campaign } = await campaignWithReferrer();
    const client = nextAddress();
    const ask = (i: number) =>
      t.app.inject({
        method: 'POST',
        url: `/portal/${campaign.id}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `email=someone${i}%40example.com`,
        remoteAddress: client,
      });
    for (let i = 0; i < 10; i++) expect((await ask(i)).statusCode).toBe(200);
    const limited = await ask(10);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.body).toContain('Too many attempts');
  });

  it('an unknown or archived campaign has no portal to sign in to', async () => {
    expect((await visit('/portal/cmp_doesnotexist0000000000')).statusCode).toBe(404);
    const campaign = await ok('POST', '/v1/campaigns', { name: 'Gone', status: 'live' });
    await ok('POST', `/v1/campaigns/${campaign.id}/archive`);
    expect((await visit(`/portal/${campaign.id}`)).statusCode).toBe(404);
  });

  it('serves the widget loader', async () => {
    const res = await t.app.inject({ url: '/v1/widget.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(res.body).toContain("'vouch:portal-height'");
    expect(res.body).toContain('window.VouchPortal');
  });
});
