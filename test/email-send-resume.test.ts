import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorHandle, startEmulator } from '../emulator/index.js';
import { freePort } from '../src/free-port.js';
import { type SmtpSink, startSmtpSink } from './helpers/smtp-sink.js';
import { sdkFor } from './helpers/stripe-env.js';
import { eventually } from './helpers/test-app.js';
import {
  callVouch,
  processDatabase,
  spawnVouch,
  type VouchProcess,
  vouchEnv,
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
let emulator: EmulatorHandle;
let sink: SmtpSink;
let dir: string;
let database: { url: string | undefined; drop(): Promise<void> };
let vouch: VouchProcess | undefined;
let killed = false;

beforeAll(async () => {
  emulator = await startEmulator({});
  const stripe = sdkFor(emulator, 'sk_test_mail_business');
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
  dir = mkdtempSync(join(tmpdir(), 'vouch-mail-'));
  database = await processDatabase('vouch_m');
}, 120_000);

afterAll(async () => {
  await emulator.close();
  await sink.close();
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

const call = (base: string, method: string, path: string, body?: object) =>
  callVouch(base, KEY, method, path, body);

describe('a once-off send killed half-way', () => {
  it('goes on after a restart and delivers each mail exactly once', async () => {
    const port = await freePort('127.0.0.1');
    const env = vouchEnv({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      VOUCH_DATA_DIR: dir,
      VOUCH_SECRET: 's'.repeat(64),
      VOUCH_SANDBOX: 'off',
      STRIPE_API_BASE: emulator.url,
      VOUCH_BOOTSTRAP_API_KEY: KEY,
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
