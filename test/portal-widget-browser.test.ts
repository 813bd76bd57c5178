import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTests, launchChromium, watchedPage } from './helpers/browser.js';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { api } from './helpers/test-app.js';

// The page's globals, typed just enough for evaluate (this project compiles without the DOM lib).
type Colours = { backgroundColor: string; color: string };
declare function getComputedStyle(element: unknown): Colours;
declare const document: { body: unknown };

const { skip } = browserTests('portal-widget-browser');

/**
 * The widget as a business's app shows it: a page on another origin loads /v1/widget.js with a link its
 * server minted, and the portal appears in the frame, grown to its height. A used or expired link says why
 * it cannot open the portal, and an origin the campaign does not allow cannot frame it at all.
 */
describe.skipIf(skip)('the portal widget on another site, in Chromium', { timeout: 90_000 }, () => {
  let env: StripeEnv;
  let browser: Browser;
  let shop: Server;
  let shopOrigin: string;
  /** The portal link the next page of the shop shows. */
  let nextUrl = '';
  /** The shop's React app: the React component, bundled as a business's build would. */
  let reactBundle = '';
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    env = await startStripeEnv();
    const bundled = await build({
      stdin: {
        contents: `import { createRoot } from 'react-dom/client';
import { VouchPortal } from './vouch-portal.tsx';
const root = document.getElementById('referrals');
createRoot(root).render(<VouchPortal url={root.dataset.url} />);`,
        resolveDir: fileURLToPath(new URL('../clients/react/', import.meta.url)),
        loader: 'tsx',
      },
      bundle: true,
      write: false,
      format: 'iife',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    reactBundle = bundled.outputFiles[0]!.text;
    shop = createServer((request, response) => {
      if (request.url === '/app.js') {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        response.end(reactBundle);
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const widget =
        request.url === '/react'
          ? `<div id="referrals" data-url="${nextUrl}"></div><script src="/app.js"></script>`
          : `<div id="referrals"></div>
<script src="${env.baseUrl}/v1/widget.js" data-url="${nextUrl}" data-target="referrals"></script>`;
      response.end(`<!doctype html><html><head><title>Shop</title></head><body>
<h1>Your account</h1>${widget}
</body></html>`);
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    // localhost and 127.0.0.1 are two origins: the shop is another site than Vouch.
    shopOrigin = `http://localhost:${(shop.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await browser?.close();
    await env?.close();
    await new Promise((resolve) => shop?.close(resolve));
  });

  async function referrerOf(allowedOrigins: string[], fields: Record<string, unknown> = {}) {
    const campaign = await api(env, 'POST', '/v1/campaigns', {
      name: 'Friends of the shop',
      status: 'live',
      allowed_origins: allowedOrigins,
      ...fields,
      rewards: { referrer: { kind: 'balance_credit', amount: 1500, currency: 'usd' } },
    });
    expect(campaign.status).toBe(200);
    const referrer = await api(env, 'POST', `/v1/campaigns/${campaign.body.id}/referrers`, {
      email: 'zoe@example.com',
      first_name: 'Zoë',
      generate_referral_code: true,
    });
    expect(referrer.status).toBe(200);
    return referrer.body;
  }

  const mint = async (referrerId: string) => {
    const link = await api(env, 'POST', `/v1/referrers/${referrerId}/portal_sessions`, {});
    expect(link.status).toBe(200);
    return link.body as { id: string; url: string };
  };

  it('shows the portal through a minted link, fitted to its height; a used or expired link is refused', async () => {
    const referrer = await referrerOf([shopOrigin]);
    const page = await watchedPage(await browser.newContext(), problems);
    const link = await mint(referrer.id);
    nextUrl = link.url;
    await page.goto(`${shopOrigin}/account`);
    const frame = page.frameLocator('#referrals iframe');
    await frame.getByRole('heading', { name: 'Hi Zoë' }).waitFor();
    await expect(frame.getByText(referrer.referral_link).first().isVisible()).resolves.toBe(true);
    await frame.getByRole('img', { name: 'QR code of your referral link' }).waitFor();
    await frame.getByText('You get 15.00 USD in account credit').waitFor();
    // The loader sets the frame to the portal's own height, which is taller than its starting 480 px.
    const HEIGHT = "parseInt(document.querySelector('#referrals iframe').style.height, 10)";
    await page.waitForFunction(`${HEIGHT} > 480`);
    const inner = String(await page.evaluate(HEIGHT));
    expect(Number.parseInt(inner, 10)).toBeGreaterThan(480);

    // The same link again (a reload): it opened once already.
    await page.reload();
    await page.frameLocator('#referrals iframe').getByText('This link was used already').waitFor();

    const expired = await mint(referrer.id);
    await sql`update portal_sessions set expires_at = created_at + interval '1 millisecond' where id = ${expired.id}`.execute(
      env.db.database.db,
    );
    nextUrl = expired.url;
    await page.goto(`${shopOrigin}/account`);
    await page.frameLocator('#referrals iframe').getByText('This link has expired').waitFor();
    expect(problems).toEqual([]);
  });

  it('a site the campaign does not allow cannot frame the portal', async () => {
    const referrer = await referrerOf([]);
    const context = await browser.newContext();
    const page = await context.newPage();
    const link = await mint(referrer.id);
    nextUrl = link.url;
    const portal = page.waitForResponse((response) => response.url() === link.url);
    await page.goto(`${shopOrigin}/account`);
    const response = await portal;
    expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    // Chromium refuses to show the page in the frame and shows its own error page there instead.
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame).toBeDefined();
    await frame!.waitForLoadState();
    await expect.poll(() => frame!.url()).toMatch(/^chrome-error:/);
    expect(await frame!.getByRole('heading', { name: 'Hi Zoë' }).count()).toBe(0);
  });

  it("the React component shows the portal in the campaign's colours, fitted to its height", async () => {
    const referrer = await referrerOf([shopOrigin], {
      branding: { accent_color: '#FFD400', background_color: '#10213a', text_color: '#f4f4f4' },
    });
    const page = await watchedPage(await browser.newContext(), problems);
    nextUrl = (await mint(referrer.id)).url;
    await page.goto(`${shopOrigin}/react`);
    const frame = page.frameLocator('#referrals iframe');
    await frame.getByRole('heading', { name: 'Hi Zoë' }).waitFor();
    await frame.getByRole('img', { name: 'QR code of your referral link' }).waitFor();
    const HEIGHT = "parseInt(document.querySelector('#referrals iframe').style.height, 10)";
    await page.waitForFunction(`${HEIGHT} > 480`);
    expect(await page.getByTitle('Your referrals').getAttribute('referrerpolicy')).toBe('no-referrer');

    // The campaign's colours, allowed by the page's Content-Security-Policy (a refused style is a problem).
    const share = frame.getByRole('link', { name: 'Share by email' });
    const look = await share.evaluate((button) => {
      const css = getComputedStyle(button);
      return {
        button: css.backgroundColor,
        text: css.color,
        page: getComputedStyle(document.body).backgroundColor,
        words: getComputedStyle(document.body).color,
      };
    });
    expect(look).toEqual({
      button: 'rgb(255, 212, 0)',
      text: 'rgb(0, 0, 0)',
      page: 'rgb(16, 33, 58)',
      words: 'rgb(244, 244, 244)',
    });
    expect(problems).toEqual([]);
  });
});
