import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTests, docsScreenshot, launchChromium, watchedPage } from './helpers/browser.js';
import { type SmtpSink, startSmtpSink } from './helpers/smtp-sink.js';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { api, eventually } from './helpers/test-app.js';

const { skip } = browserTests('portal-walk-browser');

/** The sign-in link in a mail as the SMTP server received it (its text may be quoted-printable). */
function signInLink(raw: string): string | undefined {
  const unfolded = raw.replace(/=\r?\n/g, '');
  return /https?:\/\/[^\s"<>]+\/portal\/open\/[A-Za-z0-9_-]{43}/.exec(unfolded)?.[0];
}

/**
 * The referrer's place, walked whole: Rita joins on the hosted join page, asks the portal for a sign-in link
 * and gets it at a real SMTP server, opens it and sees her link, QR code and numbers; a friend signs up on
 * her invite page and pays in the sandbox; her portal then shows the qualified referral and the reward. A
 * shop on another origin shows the portal in the widget through a link its server minted, and a link that
 * has expired is refused.
 */
describe.skipIf(skip)("a referrer's portal, from joining to the reward", { timeout: 120_000 }, () => {
  let sink: SmtpSink;
  let env: StripeEnv;
  let browser: Browser;
  let shop: Server;
  let shopOrigin: string;
  let campaign: { id: string; join_url: string };
  /** The portal link the shop's next page shows. */
  let shopLink = '';
  const problems: string[] = [];

  beforeAll(async () => {
    sink = await startSmtpSink();
    browser = await launchChromium();
    env = await startStripeEnv({ smtpUrl: sink.url });
    shop = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html><head><title>Shop</title></head><body>
<h1>Your account</h1><div id="referrals"></div>
<script src="${env.baseUrl}/v1/widget.js" data-url="${shopLink}" data-target="referrals"></script>
</body></html>`);
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    // localhost and 127.0.0.1 are two origins: the shop is another site than Vouch.
    shopOrigin = `http://localhost:${(shop.address() as AddressInfo).port}`;

    const connection = await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_portal_walk' });
    expect(connection.status, JSON.stringify(connection.body)).toBe(200);
    const created = await api(env, 'POST', '/v1/campaigns', {
      name: 'Friends of Acme',
      status: 'live',
      connection_id: connection.body.id,
      allowed_origins: [shopOrigin],
      qualification: { method: 'spend', target_amount: 5000, window_days: 30 },
      customers: { create: 'immediately' },
      rewards: { referrer: { kind: 'balance_credit', amount: 1500, currency: 'usd' } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    campaign = created.body;
  });

  afterAll(async () => {
    await browser?.close();
    await env?.close();
    await sink?.close();
    await new Promise((resolve) => shop?.close(resolve));
  });

  it('joins, signs in by mail, is referred a paying friend, sees the reward, and shows in the widget', async () => {
    // Rita joins on the hosted join page.
    const joining = await watchedPage(await browser.newContext(), problems);
    await joining.goto(campaign.join_url);
    await joining.getByLabel('Email address').fill('rita@example.com');
    await joining.getByLabel('First name').fill('Rita');
    await joining.getByRole('button', { name: 'Get my referral link' }).click();
    await joining.getByRole('heading', { name: 'You’re in, Rita!' }).waitFor();
    // The page she lands on takes her into her portal, signed in, once.
    await joining.getByRole('link', { name: 'Open your referral portal' }).click();
    await joining.getByRole('heading', { name: 'Hi Rita' }).waitFor();
    await joining.context().close();
    const rita = (await api(env, 'GET', `/v1/campaigns/${campaign.id}/referrers?email=rita@example.com`)).body
      .data[0];
    expect(rita.source).toBe('hosted_page');

    // Later, on another device, she opens her portal and asks for a sign-in link.
    const portal = await watchedPage(await browser.newContext(), problems);
    await portal.goto(`${env.baseUrl}/portal/${campaign.id}`);
    await portal.getByLabel('Email address').fill('rita@example.com');
    await portal.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await portal.getByRole('heading', { name: 'Check your email' }).waitFor();
    await eventually(async () => sink.accepted.some((m) => m.to.includes('rita@example.com')));
    const mail = sink.accepted.find((m) => m.to.includes('rita@example.com'))!;
    expect(mail.subject).toBe('Your sign-in link for Friends of Acme');
    const link = signInLink(mail.raw);
    expect(link).toMatch(new RegExp(`^${env.baseUrl}/portal/open/`));

    // The link opens her portal: link, QR code and numbers.
    await portal.goto(link!);
    await portal.getByRole('heading', { name: 'Hi Rita' }).waitFor();
    await portal.getByText(rita.referral_link, { exact: true }).waitFor();
    await portal.getByRole('img', { name: 'QR code of your referral link' }).waitFor();
    const numbers = portal.locator('.numbers');
    await numbers.getByText('Sign-ups').waitFor();
    await portal.getByText('No rewards yet').waitFor();

    // A friend follows her link, signs up on the invite page and pays in the sandbox.
    const friend = await watchedPage(await browser.newContext(), problems);
    await friend.goto(rita.referral_link);
    await friend.getByLabel('Email address').fill('fran@example.com');
    await friend.getByLabel('First name').fill('Fran');
    await friend.getByRole('button', { name: 'Sign up' }).click();
    await friend.getByRole('heading', { name: 'Thank you for signing up' }).waitFor();
    await friend.context().close();
    const lead = async () =>
      (await api(env, 'GET', `/v1/campaigns/${campaign.id}/leads?email=fran@example.com`)).body.data[0];
    await eventually(async () => (await lead())?.id !== undefined);
    const leadId = (await lead()).id as string;
    await eventually(async () => (await api(env, 'GET', `/v1/leads/${leadId}`)).body.customers.length > 0);
    const customer = (await api(env, 'GET', `/v1/leads/${leadId}`)).body.customers[0].id as string;
    await env.stripe.paymentIntents.create({
      amount: 6000,
      currency: 'usd',
      customer,
      payment_method: 'pm_card_visa',
      confirm: true,
    });

    // Her portal (the same browser, its session) shows the qualified referral and the issued reward.
    await eventually(async () => {
      const rewards = await api(env, 'GET', `/v1/rewards?referrer_id=${rita.id}`);
      return rewards.body.data.some((r: { status: string }) => r.status === 'issued');
    }, 30_000);
    await portal.goto(`${env.baseUrl}/portal/${campaign.id}`);
    await portal.getByRole('heading', { name: 'Hi Rita' }).waitFor();
    const qualified = numbers.locator('div:has(dt:text-is("Qualified")) dd');
    expect((await qualified.textContent())?.trim()).toBe('1');
    const reward = portal.getByRole('row', { name: /15\.00 USD account credit/ });
    await reward.getByRole('cell', { name: 'issued', exact: true }).waitFor();
    await docsScreenshot(portal, 'portal.png');

    // A shop on another origin shows her portal in the widget, through a link its server mints.
    const minted = await api(env, 'POST', `/v1/referrers/${rita.id}/portal_sessions`, {});
    expect(minted.status).toBe(200);
    shopLink = minted.body.url;
    const shopPage = await watchedPage(await browser.newContext(), problems);
    await shopPage.goto(`${shopOrigin}/account`);
    const widget = shopPage.frameLocator('#referrals iframe');
    await widget.getByRole('heading', { name: 'Hi Rita' }).waitFor();
    await widget.getByRole('row', { name: /15\.00 USD account credit/ }).waitFor();

    // A link that has expired is refused in the widget.
    const expired = await api(env, 'POST', `/v1/referrers/${rita.id}/portal_sessions`, { expires_in: 60 });
    await sql`update portal_sessions set expires_at = created_at + interval '1 millisecond' where id = ${expired.body.id}`.execute(
      env.db.database.db,
    );
    shopLink = expired.body.url;
    await shopPage.goto(`${shopOrigin}/account`);
    await shopPage.frameLocator('#referrals iframe').getByText('This link has expired').waitFor();
    expect(await shopPage.frameLocator('#referrals iframe').getByText('Hi Rita').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
