import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../src/crypto/secret-box.js';
import { EmailRunner } from '../src/jobs/email-runner.js';
import { smtpTransport } from '../src/services/email-transport.js';
import { startSmtpSink } from './helpers/smtp-sink.js';
import { api, eventually, startTestApp, type TestApp } from './helpers/test-app.js';

/** Templates, previews, unsubscribing, the suppression list and a once-off send, through the API. */

let t: TestApp;
let campaignId: string;
const referrers: Array<{ id: string; email: string; referral_link: string }> = [];
const box = new SecretBox('d'.repeat(64));

beforeAll(async () => {
  t = await startTestApp({ stripe: true });
  campaignId = (await api(t, 'POST', '/v1/campaigns', { name: 'Friends & Co', status: 'live' })).body.id;
  for (const [i, name] of ['Ann', 'Ben', 'Cy<script>', 'Dee', 'Eve'].entries()) {
    const res = await api(t, 'POST', `/v1/campaigns/${campaignId}/referrers`, {
      email: `r${i}@example.com`,
      first_name: name,
      ...(i < 3 ? { referral_code: `CODE${i}` } : {}),
    });
    expect(res.status).toBe(200);
    referrers.push(res.body);
  }
});
afterAll(async () => t.close());

const templates = `/v1/campaigns/CAMPAIGN/email_templates`;
const path = (p: string) => p.replace('CAMPAIGN', campaignId);

describe('email templates', () => {
  it('ship with defaults, only the sign-in link on, and change per campaign', async () => {
    const list = await api(t, 'GET', path(templates));
    expect(list.status).toBe(200);
    expect(list.body.data.map((x: { kind: string; enabled: boolean }) => [x.kind, x.enabled])).toEqual([
      ['sign_in', true],
      ['welcome', false],
      ['friend_qualified', false],
      ['reward_issued', false],
      ['reward_reversed', false],
    ]);
    const changed = await api(t, 'POST', path(`${templates}/welcome`), {
      enabled: true,
      subject: 'Welcome, {{referrer.first_name}}',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      enabled: true,
      customized: true,
      subject: 'Welcome, {{referrer.first_name}}',
    });
    expect(changed.body.html).toContain('{{referral_link}}');
    const reset = await api(t, 'DELETE', path(`${templates}/welcome`));
    expect(reset.body).toMatchObject({ enabled: false, customized: false });
  });

  it('refuse an unknown variable, naming the field', async () => {
    const res = await api(t, 'POST', path(`${templates}/welcome`), {
      html: '<p>{{referrer.frist_name}}</p>',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.param).toBe('html');
    expect(res.body.error.message).toContain('{{referrer.frist_name}}');
  });

  it("preview with the samples or a referrer's own data, escaped in HTML", async () => {
    const sample = await api(t, 'POST', path(`${templates}/welcome/preview`), {});
    expect(sample.status).toBe(200);
    expect(sample.body.subject).toBe('Your referral link for Friends & Co');
    expect(sample.body.html).toContain('Hi Jane,');
    const cy = referrers[2]!;
    const own = await api(t, 'POST', path(`${templates}/welcome/preview`), {
      referrer_id: cy.id,
      subject: 'Hi {{referrer.first_name}}',
    });
    expect(own.body.subject).toBe('Hi Cy<script>');
    expect(own.body.html).toContain('Hi Cy&lt;script&gt;,');
    expect(own.body.html).toContain(cy.referral_link);
    expect(own.body.text).toContain('Your referral code: CODE2');
  });

  it('are changed by editors only', async () => {
    const viewer = (await api(t, 'POST', '/v1/api_keys', { name: 'viewer', role: 'viewer' })).body.secret;
    const res = await api(t, 'POST', path(`${templates}/welcome`), { enabled: true }, viewer);
    expect(res.status).toBe(403);
    expect((await api(t, 'GET', path(templates), undefined, viewer)).status).toBe(200);
  });
});

describe('unsubscribing and the suppression list', () => {
  it('records an unsubscribe from the link in a mail, after a confirmation', async () => {
    const preview = await api(t, 'POST', path(`${templates}/welcome/preview`), {
      referrer_id: referrers[0]!.id,
    });
    const link = /href="(http:\/\/vouch\.test\/email\/unsubscribe\?token=[^"]+)"/.exec(
      preview.body.html,
    )![1]!;
    const url = link.replace('http://vouch.test', '');
    const page = await t.app.inject({ method: 'GET', url });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('r0@example.com');
    // Opening the link changes nothing; the button does.
    expect((await api(t, 'GET', '/v1/email_suppressions')).body.data).toEqual([]);
    const done = await t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('You are unsubscribed');
    const list = await api(t, 'GET', '/v1/email_suppressions');
    expect(list.body.data).toMatchObject([
      { email: 'r0@example.com', reason: 'unsubscribed', campaign_id: campaignId },
    ]);
  });

  it('refuses a token that was tampered with', async () => {
    const preview = await api(t, 'POST', path(`${templates}/welcome/preview`), {
      referrer_id: referrers[1]!.id,
    });
    const token = /token=([^"]+)"/.exec(preview.body.html)![1]!;
    const [body, mac] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify(['someone@else.com', campaignId])).toString('base64url')}.${mac}`;
    for (const bad of [forged, `${body}.x${mac}`, 'nonsense']) {
      const res = await t.app.inject({ method: 'POST', url: `/email/unsubscribe?token=${bad}` });
      expect(res.statusCode).toBe(400);
    }
    expect((await api(t, 'GET', '/v1/email_suppressions')).body.data).toHaveLength(1);
  });

  it('adds and removes addresses by hand', async () => {
    const added = await api(t, 'POST', '/v1/email_suppressions', { email: ' R3@Example.com ' });
    expect(added.body).toMatchObject({ email: 'r3@example.com', reason: 'manual' });
    const removed = await api(t, 'DELETE', '/v1/email_suppressions/r3@example.com');
    expect(removed.status).toBe(200);
    expect((await api(t, 'DELETE', '/v1/email_suppressions/r3@example.com')).status).toBe(404);
    await api(t, 'POST', '/v1/email_suppressions', { email: 'r4@example.com' });
  });
});

describe('a once-off send', () => {
  it('goes to the chosen referrers once each, skipping suppressed addresses, with progress', async () => {
    const words = {
      subject: 'News for {{referrer.first_name}}',
      html: '<p>Your link: {{referral_link}}</p>',
      text: 'Your link: {{referral_link}}',
    };
    const preview = await api(t, 'POST', path('/v1/campaigns/CAMPAIGN/email_sends/preview'), words);
    expect(preview.body.subject).toBe('News for Jane');
    // Referrers with a code: r0 (unsubscribed), r1, r2.
    const created = await api(t, 'POST', path('/v1/campaigns/CAMPAIGN/email_sends'), {
      ...words,
      audience: { type: 'filter', has_referral_code: true },
      rate_per_minute: 6000,
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ recipient_count: 3, counts: { pending: 3 } });
    const sendId = created.body.id;

    const sink = await startSmtpSink();
    const runner = new EmailRunner({
      database: t.db.database,
      box,
      logger: pino({ level: 'silent' }),
      now: () => new Date(),
      publicUrl: 'http://vouch.test',
      transport: smtpTransport(sink.url, 10_000),
      from: 'referrals@acme.test',
      pollMs: 20,
    });
    runner.start();
    try {
      await eventually(
        async () => (await api(t, 'GET', `/v1/email_sends/${sendId}`)).body.counts.pending === 0,
      );
    } finally {
      await runner.stop();
      await sink.close();
    }
    const progress = (await api(t, 'GET', `/v1/email_sends/${sendId}`)).body;
    expect(progress.counts).toMatchObject({ sent: 2, suppressed: 1, failed: 0, pending: 0 });
    expect(sink.accepted.map((m) => m.to[0]).sort()).toEqual(['r1@example.com', 'r2@example.com']);
    expect(sink.accepted.map((m) => m.subject).sort()).toEqual(['News for Ben', 'News for Cy<script>']);
    const results = (await api(t, 'GET', `/v1/emails?send_id=${sendId}&limit=10`)).body.data;
    expect(results.map((m: { to: string; status: string }) => `${m.to}:${m.status}`).sort()).toEqual([
      'r0@example.com:suppressed',
      'r1@example.com:sent',
      'r2@example.com:sent',
    ]);
    const one = (await api(t, 'GET', `/v1/emails/${results[0].id}`)).body;
    expect(one.attempts).toHaveLength(1);
    expect(one.html).toContain('Your link: http://vouch.test/r/');
  });

  it('refuses a sync of another campaign and unknown variables', async () => {
    const bad = await api(t, 'POST', path('/v1/campaigns/CAMPAIGN/email_sends'), {
      subject: 'x',
      html: '{{nope}}',
      text: 'x',
      audience: { type: 'all' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe('html');
    const sync = await api(t, 'POST', path('/v1/campaigns/CAMPAIGN/email_sends'), {
      subject: 'x',
      html: 'x',
      text: 'x',
      audience: { type: 'sync', sync_id: 'syn_nope' },
    });
    expect(sync.status).toBe(400);
    expect(sync.body.error.param).toBe('audience.sync_id');
  });
});
