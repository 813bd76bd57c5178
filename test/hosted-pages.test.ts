import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

// Each request comes from its own address, so the per-IP limit on form posts only bites where it is tested.
let lastAddress = 0;
const nextAddress = () => `10.0.${Math.floor(++lastAddress / 250)}.${lastAddress % 250}`;

type Json = Record<string, unknown>;
type Form = Record<string, string>;

async function api(method: 'GET' | 'POST', url: string, payload?: Json) {
  const res = await t.app.inject({ method, url, headers: bearer(t.secretKey), payload });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
  return res.json();
}

const createCampaign = (fields: Json = {}) =>
  api('POST', '/v1/campaigns', { name: 'Friends of Acme', status: 'live', ...fields });
const addReferrer = (campaignId: string, email: string, first_name: string) =>
  api('POST', `/v1/campaigns/${campaignId}/referrers`, { email, first_name });
const listOf = async (what: 'referrers' | 'leads', campaign: Json): Promise<Json[]> =>
  (await api('GET', `/v1/campaigns/${campaign.id}/${what}?limit=100`)).data;

const getPage = (url: string, remoteAddress = nextAddress()) => t.app.inject({ url, remoteAddress });
const FORM = 'application/x-www-form-urlencoded';
function post(url: string, type: string, payload: string, auth = {}, remoteAddress = nextAddress()) {
  const headers = { ...auth, 'content-type': type };
  return t.app.inject({ method: 'POST', url, remoteAddress, payload, headers });
}
const postForm = (url: string, fields: Form, remoteAddress = nextAddress()) =>
  post(url, FORM, new URLSearchParams(fields).toString(), {}, remoteAddress);
const join = (campaign: Json, fields: Form) => postForm(`/join/${campaign.id}`, fields);

const JANE = { email: 'jane@example.com', first_name: 'Jane' };
const FRAN = { email: 'fran@example.com', first_name: 'Fran' };
const BOT = { email: 'bot@example.com', first_name: 'Bot', website: 'http://spam.example' };

function expectHtml(res: { headers: Record<string, unknown> }) {
  expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.headers['x-frame-options']).toBe('DENY');
  const csp = String(res.headers['content-security-policy']);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("default-src 'none'");
  expect(csp).not.toMatch(/https?:|\*|'unsafe-inline'/);
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const invalid = (f: string) => new RegExp(`id="${f}"[^>]*aria-invalid="true" aria-describedby="${f}-error"`);
const inline = (tag: string, html: string) => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(html)![1]!;

describe('join page', () => {
  it('shows the campaign name (escaped) and a labelled form with a hidden honeypot', async () => {
    const campaign = await createCampaign({ name: 'Tom & Jerry <Club>' });
    const res = await getPage(`/join/${campaign.id}`);
    expect(res.statusCode).toBe(200);
    expectHtml(res);
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('<h1>Join Tom &amp; Jerry &lt;Club&gt;</h1>');
    for (const field of ['email', 'first_name', 'last_name']) {
      expect(res.body).toContain(`<label for="${field}">`);
      expect(res.body).toContain(`id="${field}" name="${field}"`);
    }
    expect(res.body).toMatch(/<div class="hp" aria-hidden="true">\s*<label for="website">Leave this empty/);
    expect(res.body).toContain('name="website" type="text" tabindex="-1" autocomplete="off"');
    expect(res.body).toContain('<button type="submit">');
    expect(res.headers['content-security-policy']).toContain(sha256(inline('style', res.body)));
  });

  it('joining creates a hosted_page referrer with a code and shows the link and code', async () => {
    const campaign = await createCampaign();
    const res = await join(campaign, { ...JANE, last_name: '', utm_source: 'ignored' });
    expect(res.statusCode).toBe(200);
    expectHtml(res);
    const [referrer, ...others] = await listOf('referrers', campaign);
    expect(others).toHaveLength(0);
    expect(referrer).toMatchObject({ ...JANE, last_name: null, source: 'hosted_page' });
    expect(referrer!.referral_code).toMatch(/^JANE-/);
    const link = `http://vouch.test/r/${referrer!.slug}`;
    expect(referrer!.referral_link).toBe(link);
    expect(res.body).toContain(`aria-labelledby="referral-link-heading">${link}</output>`);
    expect(res.body).toContain(`aria-labelledby="referral-code-heading">${referrer!.referral_code}</output>`);
    expect(res.body).toContain('<button type="button" data-copy="referral-link"');
    expect(res.body).toContain('href="mailto:?subject=');
    const message = encodeURIComponent(`Join me in Friends of Acme: ${link}`);
    expect(res.body).toContain(`https://wa.me/?text=${message}`);
    expect(res.body).not.toMatch(/<script[^>]+src=|<link |<img /);
    const script = inline('script', res.body);
    expect(script).toContain('navigator.clipboard');
    expect(res.headers['content-security-policy']).toContain(sha256(script));
  });

  it('joining twice shows the same link and creates no second referrer', async () => {
    const campaign = await createCampaign();
    const first = await join(campaign, JANE);
    const again = await join(campaign, { email: ' JANE@example.com ', first_name: 'Janet' });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('You have already joined');
    const referrers = await listOf('referrers', campaign);
    expect(referrers).toHaveLength(1);
    for (const res of [first, again]) {
      expect(res.body).toContain(String(referrers[0]!.referral_link));
      expect(res.body).toContain(String(referrers[0]!.referral_code));
    }
  });

  it('a malformed email re-renders the form with 400, naming the field and escaping what was sent', async () => {
    const campaign = await createCampaign();
    const res = await join(campaign, { email: '"><script>alert(1)</script>', first_name: '<b>Jo</b>' });
    expect(res.statusCode).toBe(400);
    expectHtml(res);
    expect(res.body).not.toMatch(/<script>alert|<b>Jo/);
    expect(res.body).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(res.body).toContain('value="&lt;b&gt;Jo&lt;/b&gt;"');
    expect(res.body).toMatch(/<div class="error-summary" role="alert"/);
    expect(res.body).toContain('<a href="#email">Email address: Enter an email address in the correct');
    expect(res.body).toContain('<p class="error" id="email-error">');
    expect(res.body).toMatch(invalid('email'));
    expect(res.body).not.toMatch(invalid('first_name'));
    expect(res.body).toContain('<title>Error: Join Friends of Acme</title>');

    const noName = await join(campaign, { email: 'kim@example.com', first_name: '   ' });
    expect(noName.statusCode).toBe(400);
    expect(noName.body).toContain('<a href="#first_name">First name: Enter your first name.</a>');
    expect(noName.body).toMatch(invalid('first_name'));
    expect(noName.body).toContain('value="kim@example.com"');
    expect(await listOf('referrers', campaign)).toHaveLength(0);
  });

  it('a filled honeypot answers like a success and creates nothing', async () => {
    const campaign = await createCampaign();
    const res = await join(campaign, BOT);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Thank you');
    expect(await listOf('referrers', campaign)).toHaveLength(0);
  });

  it('an archived campaign says the program has ended; an unknown campaign is a 404', async () => {
    const campaign = await createCampaign();
    await api('POST', `/v1/campaigns/${campaign.id}/archive`);
    for (const res of [await getPage(`/join/${campaign.id}`), await join(campaign, JANE)]) {
      expect(res.statusCode).toBe(410);
      expectHtml(res);
      expect(res.body).toContain('This program has ended');
    }
    expect(await listOf('referrers', campaign)).toHaveLength(0);
    for (const url of ['/join/cmp_00000000000000000000000000', '/join/nonsense', '/join/cmp_%3Cb%3E']) {
      const res = await getPage(url);
      expect(res.statusCode, url).toBe(404);
      expectHtml(res);
      expect(res.body).toContain('<h1>Link not found</h1>');
    }
  });

  it('says what the person referring and their friend get, and nothing when the campaign offers nothing', async () => {
    const campaign = await createCampaign({
      qualification: { method: 'spend', target_amount: 5000, window_days: 30 },
      rewards: {
        referrer: { kind: 'balance_credit', amount: 1000, currency: 'usd' },
        friend: { kind: 'balance_credit', amount: 500, currency: 'usd' },
      },
    });
    const form = await getPage(`/join/${campaign.id}`);
    expect(form.body).toContain('What’s on offer');
    expect(form.body).toContain(
      '<p>You get 10.00 USD in account credit when your friend makes a purchase within 30 days.</p>',
    );
    expect(form.body).toContain('<p>Your friend gets 5.00 USD in account credit too.</p>');
    const res = await join(campaign, JANE);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<p>You get 10.00 USD in account credit when your friend');
    const plain = await getPage(`/join/${(await createCampaign()).id}`);
    expect(plain.statusCode).toBe(200);
    expect(plain.body).not.toContain('What’s on offer');
  });

  it('a campaign at its participant limit says it is full', async () => {
    const campaign = await createCampaign({ participant_limit: 1 });
    expect((await getPage(`/join/${campaign.id}`)).body).toContain('<form method="post">');
    // Someone takes the last place while this person is filling in the form.
    await addReferrer(campaign.id, 'first@example.com', 'First');
    const refused = await join(campaign, JANE);
    expect(refused.statusCode).toBe(409);
    expectHtml(refused);
    expect(refused.body).toContain('This program is full');
    const page = await getPage(`/join/${campaign.id}`);
    expect(page.body).toContain('This program is full');
    expect(page.body).not.toContain('<form');
    expect(await listOf('referrers', campaign)).toHaveLength(1);
  });
});

describe('friend landing page', () => {
  async function invitation(firstName = 'Zoë') {
    const campaign = await createCampaign();
    const referrer = await addReferrer(campaign.id, 'zoe@example.com', firstName);
    const url = `/invite/${referrer.slug}`;
    return { campaign, referrer, url, signUp: (fields: Form) => postForm(url, fields) };
  }

  it('the referral link lands here, and the page says who invited the friend (escaped)', async () => {
    const { referrer, url } = await invitation('Zoë <3');
    const redirect = await getPage(`/r/${referrer.slug}`);
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers.location).toBe(`http://vouch.test${url}?vouch_ref=${referrer.slug}`);
    const res = await getPage(`${url}?vouch_ref=${referrer.slug}`);
    expect(res.statusCode).toBe(200);
    expectHtml(res);
    expect(res.body).toContain('<h1>Zoë &lt;3 invited you to Friends of Acme</h1>');
    expect(res.body).toContain('<label for="email">');
    expect(res.body).toContain('name="website"');
  });

  it('signing up creates a pending hosted_page lead', async () => {
    const { campaign, referrer, signUp } = await invitation();
    const res = await signUp({ ...FRAN, last_name: 'Smith' });
    expect(res.statusCode).toBe(200);
    expectHtml(res);
    expect(res.body).toContain('Thank you for signing up');
    const [lead, ...others] = await listOf('leads', campaign);
    expect(others).toHaveLength(0);
    expect(lead).toMatchObject({ ...FRAN, last_name: 'Smith', status: 'pending', source: 'hosted_page' });
    expect(lead!.referrer_id).toBe(referrer.id);
  });

  it('answers a new friend, a known email and a self-referral with the same page, storing no repeat', async () => {
    const { campaign, signUp } = await invitation();
    const fresh = await signUp({ email: 'new.friend@example.com', first_name: 'New' });
    expect(fresh.statusCode).toBe(200);
    const again = await signUp({ email: 'New.Friend@example.com', first_name: 'Someone else' });
    const self = await signUp({ email: 'ZOE@example.com', first_name: 'Zoë' });
    // Whatever was stored, a stranger sees the same thanks page: it tells nothing about who signed up before.
    expect(again.statusCode).toBe(200);
    expect(self.statusCode).toBe(200);
    expect(again.body).toBe(fresh.body);
    expect(self.body).toBe(fresh.body);
    const leads = await listOf('leads', campaign);
    expect(leads).toHaveLength(2);
    expect(leads.find((l) => l.email === 'ZOE@example.com')).toMatchObject({
      status: 'rejected',
      rejection_reason: 'self_referral',
      source: 'hosted_page',
    });
    expect(leads.find((l) => l.email === 'new.friend@example.com')).toMatchObject({
      status: 'pending',
      first_name: 'New',
    });
  });

  it('says what the friend and the person inviting them get, on the page and after signing up', async () => {
    const campaign = await createCampaign({
      qualification: { method: 'code', window_days: 14 },
      rewards: {
        referrer: { kind: 'balance_credit', amount: 2000, currency: 'eur' },
        friend: { kind: 'balance_credit', amount: 1000, currency: 'eur' },
      },
    });
    const referrer = await addReferrer(campaign.id, 'zoe@example.com', 'Zoë');
    const page = await getPage(`/invite/${referrer.slug}`);
    expect(page.body).toContain(
      '<p>You get 10.00 EUR in account credit when you use the referral code within 14 days.</p>',
    );
    expect(page.body).toContain('<p>Zoë gets 20.00 EUR in account credit too.</p>');
    const thanks = await postForm(`/invite/${referrer.slug}`, FRAN);
    expect(thanks.statusCode).toBe(200);
    expect(thanks.body).toContain('Thank you for signing up');
    expect(thanks.body).toContain('You get 10.00 EUR in account credit');
  });

  it('with a destination, a sign-up is sent on to it with the referral, a bot the same way', async () => {
    const campaign = await createCampaign({ destination_url: 'https://shop.example/welcome?lang=en' });
    const referrer = await addReferrer(campaign.id, 'zoe@example.com', 'Zoë');
    const url = `/invite/${referrer.slug}`;
    const expected = `https://shop.example/welcome?lang=en&vouch_ref=${referrer.slug}`;
    const res = await postForm(url, FRAN);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(expected);
    expect(res.headers['cache-control']).toBe('no-store');
    const bot = await postForm(url, BOT);
    expect(bot.statusCode).toBe(303);
    expect(bot.headers.location).toBe(expected);
    const leads = await listOf('leads', campaign);
    expect(leads.map((l) => l.email)).toEqual([FRAN.email]);
  });

  it('bad input re-renders the invite form with 400, and a filled honeypot records nothing', async () => {
    const { campaign, signUp } = await invitation();
    const res = await signUp({ email: 'x@"><script>', first_name: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('invited you to');
    expect(res.body).toContain('value="x@&quot;&gt;&lt;script&gt;"');
    expect(res.body).toContain('<a href="#email">');
    expect(res.body).toContain('<a href="#first_name">');
    const bot = await signUp(BOT);
    expect(bot.statusCode).toBe(200);
    expect(bot.body).toContain('Thank you for signing up');
    expect(await listOf('leads', campaign)).toHaveLength(0);
  });

  it('a paused campaign refuses sign-ups', async () => {
    const { campaign, url, signUp } = await invitation();
    await api('POST', `/v1/campaigns/${campaign.id}`, { status: 'paused' });
    const page = await getPage(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sign-ups are closed');
    expect(page.body).not.toContain('<form');
    const refused = await signUp(FRAN);
    expect(refused.statusCode).toBe(409);
    expectHtml(refused);
    expect(refused.body).toContain('Sign-ups are closed');
    expect(await listOf('leads', campaign)).toHaveLength(0);
  });

  it('an unknown slug, a malformed slug and an archived campaign are 404 HTML pages', async () => {
    const { campaign, url } = await invitation();
    await api('POST', `/v1/campaigns/${campaign.id}/archive`);
    for (const path of ['/invite/zzzzzzzzzz', '/invite/NOT-A-SLUG', url]) {
      const res = await getPage(path);
      expect(res.statusCode, path).toBe(404);
      expectHtml(res);
      expect(res.body).toContain('<h1>Link not found</h1>');
    }
    expect((await postForm('/invite/zzzzzzzzzz', FRAN)).statusCode).toBe(404);
  });
});

describe('form posts and the JSON API', () => {
  it('the 21st form post within ten minutes from one address gets a 429 HTML page', async () => {
    const campaign = await createCampaign();
    const address = nextAddress();
    for (let i = 1; i <= 20; i++) {
      expect((await postForm(`/join/${campaign.id}`, BOT, address)).statusCode, `post ${i}`).toBe(200);
    }
    const limited = await postForm(`/join/${campaign.id}`, BOT, address);
    expect(limited.statusCode).toBe(429);
    expectHtml(limited);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.body).toContain('Too many attempts');
    expect(limited.body).toContain('try again in a few minutes');
    // Reading the page is not limited by the posts, and another address may still post.
    expect((await getPage(`/join/${campaign.id}`, address)).statusCode).toBe(200);
    expect((await join(campaign, BOT)).statusCode).toBe(200);
  });

  it('the JSON API still answers 415 to a form body, and its OpenAPI document leaves the pages out', async () => {
    const res = await post('/v1/campaigns', FORM, 'name=Acme&status=live', bearer(t.secretKey));
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({ code: 'unsupported_media_type' });
    const doc = (await t.app.inject({ method: 'GET', url: '/v1/openapi.json' })).json();
    expect(Object.keys(doc.paths).filter((p) => /^\/(join|invite)\//.test(p))).toEqual([]);
  });

  it('a body these pages cannot read is answered with an HTML page', async () => {
    const campaign = await createCampaign();
    const res = await post(`/join/${campaign.id}`, 'application/xml', '<email>a@example.com</email>');
    expect(res.statusCode).toBe(415);
    expectHtml(res);
    expect(res.body).toContain('Something went wrong');
  });
});
