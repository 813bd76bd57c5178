import pino from 'pino';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmailRunner } from '../src/jobs/email-runner.js';
import { enqueueEmail } from '../src/services/email-outbox.js';
import { mailboxTransport } from '../src/services/email-transport.js';
import { addSessionCookie, browserTests, launchChromium, watchedPage } from './helpers/browser.js';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { type Browser as Session, teammate } from './helpers/teammates.js';
import { api, eventually } from './helpers/test-app.js';

const { skip } = browserTests('dashboard-email-browser');

/**
 * Mail in the dashboard, in Chromium: a mail kept in the local mailbox (no SMTP) opens in the mailbox page,
 * and a template is edited, previewed with sample data and saved.
 */
describe.skipIf(skip)('email in Chromium', { timeout: 60_000 }, () => {
  let env: StripeEnv;
  let browser: Browser;
  let owner: Session;
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    env = await startStripeEnv();
    owner = await teammate(env, 'owner', 'owner@example.com');
  });
  afterAll(async () => {
    await browser?.close();
    await env?.close();
  });

  it('shows a mail of the local mailbox, and previews and saves a template', async () => {
    const campaign = (await api(env, 'POST', '/v1/campaigns', { name: 'Mailbox walk', status: 'live' })).body;
    const referrer = (
      await api(env, 'POST', `/v1/campaigns/${campaign.id}/referrers`, {
        email: 'ann@example.com',
        first_name: 'Ann',
      })
    ).body;
    await enqueueEmail(env.db.database.db, {
      campaignId: campaign.id,
      referrerId: referrer.id,
      to: referrer.email,
      kind: 'welcome',
      dedupeKey: 'walk:welcome',
    });
    const runner = new EmailRunner({
      database: env.db.database,
      box: env.box,
      logger: pino({ level: 'silent' }),
      now: () => new Date(),
      publicUrl: env.baseUrl,
      transport: mailboxTransport,
      from: 'Vouch <vouch@localhost>',
      pollMs: 20,
    });
    runner.start();
    try {
      await eventually(
        async () => (await api(env, 'GET', '/v1/emails?status=mailbox')).body.data.length === 1,
      );
    } finally {
      await runner.stop();
    }

    const context = await browser.newContext();
    await addSessionCookie(context, env.baseUrl, owner.cookie);
    const page = await watchedPage(context, problems);
    await page.goto(`${env.baseUrl}/dashboard/settings/mailbox`);
    await page.getByRole('button', { name: 'Your referral link for Mailbox walk' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mail' });
    await dialog.getByText('ann@example.com').waitFor();
    const frame = page.frameLocator('iframe[title="The mail: Your referral link for Mailbox walk"]');
    await frame.getByText('Hi Ann,').waitFor();
    await expect(dialog.getByLabel('Plain text').textContent()).resolves.toContain(referrer.referral_link);

    await page.goto(`${env.baseUrl}/dashboard/settings/email-templates?campaign=${campaign.id}`);
    await page.getByLabel('Subject').fill('Hello {{referrer.first_name}} from {{campaign.name}}');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText('Preview subject: Hello Jane from Mailbox walk').waitFor();
    await page.frameLocator('iframe[title="Preview of the mail"]').getByText('Hi Jane,').waitFor();
    await page.getByLabel('Send this mail').check();
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByText('Saved.').waitFor();
    const saved = (await api(env, 'GET', `/v1/campaigns/${campaign.id}/email_templates/welcome`)).body;
    expect(saved).toMatchObject({
      enabled: true,
      customized: true,
      subject: 'Hello {{referrer.first_name}} from {{campaign.name}}',
    });
    // An unknown variable is refused, under its field.
    await page.getByLabel('Subject').fill('Hi {{referrer.nickname}}');
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByText('Unknown variable {{referrer.nickname}}').waitFor();
    await context.close();
    expect(problems).toEqual([]);
  });
});
