import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from './helpers/smtp-sink.js';
import { sdkFor } from './helpers/stripe-env.js';
import { eventually } from './helpers/test-app.js';
import {
  type ResumeFixture,
  spawnVouch,
  startResumeFixture,
  type VouchProcess,
} from './helpers/vouch-process.js';

/**
 * A once-off mail to the referrers of a sync, through a real `vouch start` and a real SMTP server. The
 * process is killed with SIGKILL half-way, in the middle of sending one mail (the server has the message and
 * has not answered), then started again: every referrer gets the mail exactly once, the unsubscribed one none.
 */

const CUSTOMERS = 1000;
/** The message during which the process is killed. */
const KILL_AT = 400;
const KEY = `vch_sk_${'m'.repeat(40)}`;
let fixture: ResumeFixture;
let sink: SmtpSink;
let vouch: VouchProcess | undefined;
let killed = false;

beforeAll(async () => {
  fixture = await startResumeFixture('mail', KEY);
  const stripe = sdkFor(fixture.emulator, 'sk_test_mail_business');
  for (let i = 0; i < CUSTOMERS; i += 50)
    await Promise.all(
      Array.from({ length: Math.min(50, CUSTOMERS - i) }, (_, j) =>
        stripe.customers.create({ name: `Person ${i + j}`, email: `person${i + j}@example.com` }),
      ),
    );
  sink = await startSmtpSink({
    answer: (n) => {
      if (n !== KILL_AT || killed) return 'accept';
      // The process dies while the server holds this message unanswered: it was never accepted.
      killed = true;
      vouch?.child.kill('SIGKILL');
      return 'stall';
    },
  });
}, 120_000);

afterAll(async () => {
  await sink.close();
  await fixture.close();
});

const call: ResumeFixture['call'] = (...args) => fixture.call(...args);

describe('a once-off send killed half-way', () => {
  it('goes on after a restart and delivers each mail exactly once', async () => {
    const env = await fixture.env({
      SMTP_URL: sink.url,
      VOUCH_EMAIL_FROM: 'Acme Referrals <referrals@acme.test>',
      // The mail in flight at the kill is held this long (twice, plus 5 s) before it is tried again.
      VOUCH_SMTP_TIMEOUT_MS: '1000',
    });
    vouch = spawnVouch(['start'], env);
    try {
      const base = (await vouch.running(60_000))!;
      const connection = await call(base, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_mail_key' });
      const campaign = await call(base, 'POST', '/v1/campaigns', {
        name: 'Mail resume',
        status: 'live',
        connection_id: connection.id,
      });
      const sync = await call(base, 'POST', `/v1/campaigns/${campaign.id}/syncs`, { write_back: false });
      await eventually(
        async () => (await call(base, 'GET', `/v1/syncs/${sync.id}`)).status === 'completed',
        120_000,
      );
      await call(base, 'POST', '/v1/email_suppressions', { email: 'person7@example.com' });

      const send = await call(base, 'POST', `/v1/campaigns/${campaign.id}/email_sends`, {
        subject: 'Your link, {{referrer.first_name}}',
        html: '<p>{{referral_link}}</p>',
        text: '{{referral_link}}',
        audience: { type: 'sync', sync_id: sync.id },
        rate_per_minute: 100000,
      });
      expect(
        send.recipient_count,
        `${JSON.stringify(send)}\n${vouch
          .output()
          .split('\n')
          .filter((l) => l.includes('error'))
          .join('\n')}`,
      ).toBe(CUSTOMERS);
      await vouch.exited(120_000);
      expect(killed).toBe(true);
      expect(sink.accepted.length).toBe(KILL_AT - 1);

      vouch = spawnVouch(['start'], env);
      await vouch.running(60_000);
      const progress = () => call(base, 'GET', `/v1/email_sends/${send.id}`);
      await eventually(async () => (await progress()).counts.pending === 0, 240_000).catch(async (e) => {
        throw new Error(`${e}: ${JSON.stringify(await progress())}, accepted ${sink.accepted.length}`);
      });
      expect((await progress()).counts).toMatchObject({ sent: CUSTOMERS - 1, suppressed: 1, failed: 0 });

      const recipients = sink.accepted.map((m) => m.to[0]);
      expect(recipients).toHaveLength(CUSTOMERS - 1);
      expect(new Set(recipients).size).toBe(CUSTOMERS - 1);
      expect(recipients).not.toContain('person7@example.com');
      expect(new Set(sink.accepted.map((m) => m.messageId)).size).toBe(CUSTOMERS - 1);
    } finally {
      vouch.child.kill('SIGTERM');
      await vouch.exited().catch(() => {});
    }
  }, 400_000);
});
