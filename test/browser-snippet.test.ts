import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseClientReference } from '../src/domain/client-reference.js';
import { browserTests, launchChromium } from './helpers/browser.js';
import { bearer, startTestApp, type TestApp } from './helpers/test-app.js';

// The page's globals, typed just enough for page.evaluate (this project compiles without the DOM lib).
type Receipt = { object: string; id: string; status: string };
declare const Vouch: {
  referral(): { slug: string; leadId: string | null } | null;
  clientReferenceId(): string | null;
  signup(details: { email: string; firstName?: string }): Promise<Receipt>;
};
declare const document: { body: { insertAdjacentHTML(position: string, html: string): void } };

const { skip } = browserTests('browser-snippet');

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('GET /v1/vouch.js', () => {
  it('serves the snippet as cacheable JavaScript, 304 when unchanged, under 8 KB', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/vouch.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(res.body).toContain('window.Vouch');
    expect(res.rawPayload.length).toBeLessThan(8 * 1024);

    const again = await t.app.inject({
      method: 'GET',
      url: '/v1/vouch.js',
      headers: { 'if-none-match': String(res.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(res.headers.etag);

    const stale = await t.app.inject({
      method: 'GET',
      url: '/v1/vouch.js',
      headers: { 'if-none-match': '"x"' },
    });
    expect(stale.statusCode).toBe(200);
  });
});

type Site = { origin: string; close(): Promise<void> };

/** A merchant's site on its own origin: every path answers with the page `render` returns. */
async function startSite(render: () => string): Promise<Site> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(render());
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const merchantPage = (vouchBase: string, publishableKey: string, campaignId: string) => `<!doctype html>
<html><head><meta charset="utf-8"><title>Shop</title>
<script src="${vouchBase}/v1/vouch.js" data-key="${publishableKey}" data-campaign="${campaignId}"
  data-cookie-days="7" async></script>
</head><body>
<a id="pay" href="https://buy.stripe.com/test_abc?prefilled_email=x">Pay</a>
<stripe-pricing-table id="table" pricing-table-id="prctbl_1" publishable-key="pk_test_1"></stripe-pricing-table>
<stripe-buy-button id="button" buy-button-id="buy_btn_1" publishable-key="pk_test_1"></stripe-buy-button>
</body></html>`;

describe.skipIf(skip)('the browser snippet in Chromium', () => {
  let browser: Browser;
  let vouchBase: string;
  let merchant: Site;
  let elsewhere: Site;
  let campaignId: string;
  let referrer: { id: string; slug: string };
  const pageErrors: Error[] = [];

  const api = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await t.app.inject({
      method,
      url,
      headers: bearer(t.secretKey),
      ...(payload ? { payload } : {}),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  async function open(context: BrowserContext, url: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(url);
    await page.waitForFunction('window.Vouch !== undefined');
    return page;
  }

  beforeAll(async () => {
    vouchBase = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const render = () => merchantPage(vouchBase, t.publishableKey, campaignId);
    merchant = await startSite(render);
    elsewhere = await startSite(render);
    const campaign = await api('POST', '/v1/campaigns', {
      name: 'Friends',
      status: 'live',
      destination_url: `${merchant.origin}/`,
      allowed_origins: [merchant.origin],
      cookie_days: 45,
    });
    campaignId = campaign.id;
    referrer = await api('POST', `/v1/campaigns/${campaignId}/referrers`, {
      email: 'ada@example.com',
      first_name: 'Ada',
    });
    browser = await launchChromium(['--disable-quic']);
  });

  afterAll(async () => {
    await browser?.close();
    await merchant?.close();
    await elsewhere?.close();
  });

  it('follows a referral link, remembers it, signs the friend up and tags Stripe checkouts', async () => {
    const context = await browser.newContext();
    const landing = await open(context, `${vouchBase}/r/${referrer.slug}`);
    expect(landing.url()).toBe(`${merchant.origin}/?vouch_ref=${referrer.slug}`);

    const cookie = async () => (await context.cookies(merchant.origin)).find((c) => c.name === 'vouch_ref');
    expect((await cookie())?.value).toBe(referrer.slug);
    // First for data-cookie-days (7), then for the campaign's cookie_days (45) once Vouch confirms the link.
    const inDays = (days: number) => Date.now() / 1000 + days * 86_400;
    await expect.poll(async () => (await cookie())?.expires ?? 0).toBeGreaterThan(inDays(44));
    expect((await cookie())?.sameSite).toBe('Lax');

    const reference = `vouch-${referrer.slug}`;
    const href = await landing.getAttribute('#pay', 'href');
    expect(href).toBe(`https://buy.stripe.com/test_abc?prefilled_email=x&client_reference_id=${reference}`);
    expect(await landing.getAttribute('#table', 'client-reference-id')).toBe(reference);
    expect(await landing.getAttribute('#button', 'client-reference-id')).toBe(reference);
    await landing.close();

    // A later page without vouch_ref still knows the referral.
    const page = await open(context, `${merchant.origin}/pricing`);
    expect(await page.evaluate(() => Vouch.referral())).toEqual({ slug: referrer.slug, leadId: null });
    expect(await page.getAttribute('#pay', 'href')).toContain(`client_reference_id=${reference}`);

    // The browser gets a receipt and nothing about the lead; the server reads the lead with its secret key.
    const lead = await page.evaluate(() => Vouch.signup({ email: 'friend@example.com', firstName: 'Fran' }));
    expect(lead).toEqual({ object: 'lead_receipt', id: expect.stringMatching(/^rcpt_/), status: 'received' });
    const [stored] = (await api('GET', `/v1/campaigns/${campaignId}/leads?email=friend@example.com`)).data;
    expect(stored).toMatchObject({
      campaign_id: campaignId,
      referrer_id: referrer.id,
      email: 'friend@example.com',
      first_name: 'Fran',
      source: 'browser',
      status: 'pending',
    });

    const withLead = `${reference}-${lead.id}`;
    expect(parseClientReference(withLead)).toEqual({ slug: referrer.slug, leadRef: lead.id });
    expect(await page.evaluate(() => Vouch.clientReferenceId())).toBe(withLead);
    expect(await page.getAttribute('#pay', 'href')).toBe(
      `https://buy.stripe.com/test_abc?prefilled_email=x&client_reference_id=${withLead}`,
    );
    expect(await page.getAttribute('#table', 'client-reference-id')).toBe(withLead);

    // Checkout elements the page adds later are tagged too.
    await page.evaluate(() =>
      document.body.insertAdjacentHTML(
        'beforeend',
        '<div><a id="late" href="https://buy.stripe.com/test_late?client_reference_id=old">Buy</a>' +
          '<stripe-buy-button id="late-button" buy-button-id="buy_btn_2"></stripe-buy-button></div>',
      ),
    );
    await expect
      .poll(() => page.getAttribute('#late', 'href'))
      .toBe(`https://buy.stripe.com/test_late?client_reference_id=${withLead}`);
    await expect.poll(() => page.getAttribute('#late-button', 'client-reference-id')).toBe(withLead);

    // A new visit to the page keeps the lead in the reference.
    const next = await open(context, `${merchant.origin}/thanks`);
    expect(await next.getAttribute('#button', 'client-reference-id')).toBe(withLead);
    await context.close();
    expect(pageErrors).toEqual([]);
  });

  it('leaves pages alone without a referral, and refuses a sign-up without one', async () => {
    const context = await browser.newContext();
    const page = await open(context, `${merchant.origin}/pricing`);
    expect(await page.evaluate(() => Vouch.referral())).toBeNull();
    expect(await page.getAttribute('#pay', 'href')).toBe('https://buy.stripe.com/test_abc?prefilled_email=x');
    expect(await page.getAttribute('#table', 'client-reference-id')).toBeNull();
    const refused = await page.evaluate(() =>
      Vouch.signup({ email: 'nobody@example.com' }).then(
        () => null,
        (error: Error & { vouch?: { code: string } }) => error.vouch?.code,
      ),
    );
    expect(refused).toBe('no_referral');
    await context.close();
    expect(pageErrors).toEqual([]);
  });

  it('forgets a slug Vouch does not know, and shows API errors to allowed origins', async () => {
    const context = await browser.newContext();
    const page = await open(context, `${merchant.origin}/?vouch_ref=nosuchslug`);
    // The 404 for an unknown slug is readable cross-origin, so the snippet drops the slug at once.
    await page.waitForFunction(() => Vouch.referral() === null, undefined, { timeout: 5000 });
    const none = await page.evaluate(() =>
      Vouch.signup({ email: 'lost@example.com' }).then(
        () => null,
        (error: Error & { code?: string; vouch?: { code: string } }) => error.vouch?.code ?? error.code,
      ),
    );
    expect(none).toBe('no_referral');

    const valid = await open(context, `${merchant.origin}/?vouch_ref=${referrer.slug}`);
    const invalid = await valid.evaluate(() =>
      Vouch.signup({ email: 'not-an-email' }).then(
        () => null,
        (error: Error & { status?: number; vouch?: { code: string; param?: string } }) => ({
          status: error.status,
          ...error.vouch,
        }),
      ),
    );
    expect(invalid).toMatchObject({ status: 400, code: 'parameter_invalid', param: 'email' });
    await context.close();
  });

  it('refuses a sign-up from an origin the campaign does not allow', async () => {
    const context = await browser.newContext();
    const page = await open(context, `${elsewhere.origin}/?vouch_ref=${referrer.slug}`);
    expect(await page.evaluate(() => Vouch.referral())).toEqual({ slug: referrer.slug, leadId: null });
    const refused = await page.evaluate(() =>
      Vouch.signup({ email: 'stranger@example.com' }).then(
        () => null,
        (error: Error & { vouch?: { code: string } }) => ({
          message: error.message,
          code: error.vouch?.code,
        }),
      ),
    );
    expect(refused).toMatchObject({
      code: 'network_error',
      message: expect.stringContaining('allowed_origins'),
    });
    const leads = await api('GET', `/v1/campaigns/${campaignId}/leads?email=stranger@example.com`);
    expect(leads.data).toEqual([]);
    await context.close();
  });
});
