import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../src/crypto/secret-box.js';
import { campaignsRepository } from '../src/db/repositories/campaigns.js';
import { EmailRunner } from '../src/jobs/email-runner.js';
import { recordDomainEvent } from '../src/services/domain-events.js';
import { enqueueEmail } from '../src/services/email-outbox.js';
import { type EmailTransport, smtpTransport } from '../src/services/email-transport.js';
import { insertReferrer } from '../src/services/referrer-writes.js';
import { type Answer, header, type SmtpSink, startSmtpSink } from './helpers/smtp-sink.js';
import { api, bearer, eventually, startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * The outbox against a real SMTP server (smtp-server): every mail is accepted once, whether the server
 * accepts at once, refuses first (5xx, 4xx), stalls, or never greets.
 */

let t: TestApp;
let campaignId: string;
let referrerId: string;
const box = new SecretBox('d'.repeat(64));
/** The SMTP timeout of an attempt the server is made to stall: short, so that the test is quick. */
const STALL_TIMEOUT_MS = 400;
/** Every other attempt: long enough that a busy machine never turns an answer into a timeout. */
const TIMEOUT_MS = 10_000;

/**
 * The first attempt with a short SMTP timeout, every later one with the long one: the server stalls only
 * the first, and a busy machine must not turn the second, answered attempt into a timeout too.
 */
function shortFirstAttempt(url: string): EmailTransport {
  const first = smtpTransport(url, STALL_TIMEOUT_MS);
  const rest = smtpTransport(url, TIMEOUT_MS);
  let sent = 0;
  return {
    kind: 'smtp',
    send: (mail) => (sent++ === 0 ? first : rest).send(mail),
    close: () => {
      first.close();
      rest.close();
    },
  };
}

beforeAll(async () => {
  t = await startTestApp({ stripe: true });
  campaignId = (await api(t, 'POST', '/v1/campaigns', { name: 'Mail <Club>', status: 'live' })).body.id;
  referrerId = (
    await api(t, 'POST', `/v1/campaigns/${campaignId}/referrers`, {
      email: 'jane@example.com',
      first_name: '<b>Jane & "Co"</b>',
    })
  ).body.id;
});
afterAll(async () => t.close());

/** Sends the outbox to `sink` until no mail is pending, then stops. */
async function sendAll(sink: SmtpSink, stallFirst = false) {
  const runner = new EmailRunner({
    database: t.db.database,
    box,
    logger: pino({ level: 'silent' }),
    now: () => new Date(),
    publicUrl: 'http://vouch.test',
    transport: stallFirst ? shortFirstAttempt(sink.url) : smtpTransport(sink.url, TIMEOUT_MS),
    from: 'Acme Referrals <referrals@acme.test>',
    timeoutMs: TIMEOUT_MS,
    retryDelayMs: () => 20,
    maxAttempts: 5,
    pollMs: 20,
  });
  runner.start();
  try {
    await eventually(async () => {
      const left = await t.db.database.db
        .selectFrom('email_outbox')
        .select('id')
        .where('status', '=', 'pending')
        .execute();
      return left.length === 0;
    }, 30_000);
  } finally {
    await runner.stop();
  }
}

const outbox = (key: string) =>
  t.db.database.db
    .selectFrom('email_outbox')
    .selectAll()
    .where('dedupe_key', '=', key)
    .executeTakeFirstOrThrow();
const attempts = async (key: string) =>
  t.db.database.db
    .selectFrom('email_attempts')
    .selectAll()
    .where('outbox_id', '=', (await outbox(key)).id)
    .orderBy('id')
    .execute();

/**
 * Enqueues one mail twice under `key` and sends the outbox to a server that answers each message as `answer`
 * says, after leaving the first `silentConnections` without a greeting; `stallFirst`: see shortFirstAttempt.
 */
async function mailOnce(
  key: string,
  {
    answer,
    silentConnections = 0,
    stallFirst = false,
  }: { answer?: (n: number) => Answer; silentConnections?: number; stallFirst?: boolean } = {},
) {
  const sink = await startSmtpSink({ ...(answer ? { answer } : {}), silentConnections });
  try {
    const mail = { campaignId, referrerId, to: 'jane@example.com', kind: 'welcome' as const, dedupeKey: key };
    await enqueueEmail(t.db.database.db, mail);
    // The same cause asked again: still one mail.
    await enqueueEmail(t.db.database.db, mail);
    await sendAll(sink, stallFirst);
    return { sink, row: await outbox(key), attempts: await attempts(key) };
  } finally {
    await sink.close();
  }
}

describe('the email outbox', () => {
  it('sends a mail once, rendered from the template with the values escaped in its HTML', async () => {
    const { sink, row, attempts } = await mailOnce('test:once');
    expect(sink.accepted).toHaveLength(1);
    expect(row.status).toBe('sent');
    expect(attempts.map((a) => a.outcome)).toEqual(['sent']);
    expect(attempts[0]!.smtp_response).toMatch(/^250/);
    const mail = sink.accepted[0]!;
    expect(mail.to).toEqual(['jane@example.com']);
    expect(mail.messageId).toBe(`<${row.id}@acme.test>`);
    expect(mail.subject).toBe('Your referral link for Mail <Club>');
    expect(row.html).toContain('Hi &lt;b&gt;Jane &amp; &quot;Co&quot;&lt;/b&gt;,');
    expect(row.html).not.toContain('<b>Jane');
    expect(row.text).toContain('Hi <b>Jane & "Co"</b>,');
    expect(header(mail.raw, 'List-Unsubscribe').replace(/\s+/g, '')).toMatch(
      /^<http:\/\/vouch\.test\/email\/unsubscribe\?token=/,
    );
  });

  it('tries again after a refusal (5xx, then 4xx) and is accepted once', async () => {
    const { sink, row, attempts } = await mailOnce('test:refused', {
      answer: (n) =>
        n === 1
          ? { code: 554, message: 'Transaction failed' }
          : n === 2
            ? { code: 451, message: 'Try again later' }
            : 'accept',
    });
    expect(sink.offered).toBe(3);
    expect(sink.accepted).toHaveLength(1);
    expect(row.status).toBe('sent');
    expect(attempts.map((a) => a.outcome)).toEqual(['temporary_failure', 'temporary_failure', 'sent']);
    expect(attempts[0]!.smtp_response).toMatch(/^554/);
    expect(attempts[1]!.smtp_response).toMatch(/^451/);
  });

  it('times out a server that stalls after the message, and one that never greets, then sends once', async () => {
    const stalled = await mailOnce('test:stalled', {
      answer: (n) => (n === 1 ? 'stall' : 'accept'),
      stallFirst: true,
    });
    expect(stalled.sink.accepted).toHaveLength(1);
    expect(stalled.attempts.map((a) => a.outcome)).toEqual(['temporary_failure', 'sent']);
    expect(stalled.attempts[0]!.error).toMatch(/time/i);

    const silent = await mailOnce('test:silent', { silentConnections: 1, stallFirst: true });
    expect(silent.sink.accepted).toHaveLength(1);
    expect(silent.attempts.map((a) => a.outcome)).toEqual(['temporary_failure', 'sent']);
    expect(silent.attempts[0]!.error).toMatch(/greeting|time/i);
  });

  it('gives up after the last attempt and keeps the mail with its error', async () => {
    const { sink, row, attempts } = await mailOnce('test:never', {
      answer: () => ({ code: 451, message: 'Busy' }),
    });
    expect(sink.accepted).toHaveLength(0);
    expect(row.status).toBe('failed');
    expect(attempts).toHaveLength(5);
    expect(row.last_error).toMatch(/Busy/);
  });

  it('skips a suppressed address and records why', async () => {
    await t.db.database.db
      .insertInto('email_suppressions')
      .values({ email: 'gone@example.com', reason: 'manual' })
      .execute();
    const sink = await startSmtpSink();
    try {
      await enqueueEmail(t.db.database.db, {
        campaignId,
        referrerId,
        to: 'Gone@Example.com',
        kind: 'welcome',
        dedupeKey: 'test:suppressed',
      });
      await sendAll(sink);
      expect(sink.offered).toBe(0);
      const row = await outbox('test:suppressed');
      expect(row.status).toBe('suppressed');
      expect(row.last_error).toMatch(/suppression list \(manual\)/);
    } finally {
      await sink.close();
    }
  });

  it('enqueues a reward mail in the transaction of the event only when the template is on', async () => {
    const reward = { recipient: 'referrer', kind: 'balance_credit', amount: 1000, currency: 'usd' };
    const record = () =>
      t.db.database.db.transaction().execute((tx) =>
        recordDomainEvent(tx, {
          type: 'reward.issued',
          campaign_id: campaignId,
          referrer_id: referrerId,
          data: { reward },
          at: new Date(),
        }),
      );
    const off = await record();
    await t.db.database.db
      .insertInto('email_templates')
      .values({
        campaign_id: campaignId,
        kind: 'reward_issued',
        enabled: true,
        subject: 'You earned {{reward.description}}',
        html: '<p>{{reward.description}}</p>',
        text: '{{reward.description}}',
      })
      .execute();
    const on = await record();
    const friendReward = await t.db.database.db.transaction().execute((tx) =>
      recordDomainEvent(tx, {
        type: 'reward.issued',
        campaign_id: campaignId,
        referrer_id: referrerId,
        data: { reward: { ...reward, recipient: 'lead' } },
        at: new Date(),
      }),
    );
    const keys = (
      await t.db.database.db
        .selectFrom('email_outbox')
        .select('dedupe_key')
        .where('dedupe_key', 'like', 'event:%')
        .execute()
    ).map((r) => r.dedupe_key);
    expect(keys).toEqual([`event:${on}`]);
    expect(keys).not.toContain(`event:${off}`);
    expect(keys).not.toContain(`event:${friendReward}`);
    const sink = await startSmtpSink();
    try {
      await sendAll(sink);
      expect(sink.accepted.map((m) => m.subject)).toEqual(['You earned $10.00 balance credit']);
    } finally {
      await sink.close();
    }
  });

  it('welcomes someone who joins one at a time, once the campaign turns the welcome on; never a synced or imported referrer', async () => {
    const campaign = (await api(t, 'POST', '/v1/campaigns', { name: 'Welcome Club', status: 'live' })).body
      .id;
    const join = (email: string) =>
      api(t, 'POST', `/v1/campaigns/${campaign}/referrers`, {
        email,
        first_name: 'Ann',
        referral_code: email.slice(0, 4).toUpperCase(),
      });
    const welcomes = async () =>
      (
        await t.db.database.db
          .selectFrom('email_outbox')
          .select('to_address')
          .where('campaign_id', '=', campaign)
          .where('kind', '=', 'welcome')
          .orderBy('created_at')
          .execute()
      ).map((r) => r.to_address);

    await join('before@example.com');
    expect(await welcomes()).toEqual([]);
    const on = await api(t, 'POST', `/v1/campaigns/${campaign}/email_templates/welcome`, { enabled: true });
    expect(on.status).toBe(200);

    await join('byapi@example.com');
    const hosted = await t.app.inject({
      method: 'POST',
      url: `/join/${campaign}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=hosted%40example.com&first_name=Hal',
    });
    expect(hosted.statusCode).toBe(200);
    const imported = await t.app.inject({
      method: 'POST',
      url: `/v1/campaigns/${campaign}/referrers/import`,
      headers: { ...bearer(t.secretKey), 'content-type': 'text/csv' },
      payload: 'email,first_name\nimported@example.com,Imo\n',
    });
    expect(imported.json()).toMatchObject({ accepted: 1 });
    await t.db.database.db.transaction().execute(async (tx) => {
      const row = await campaignsRepository(tx).lock(campaign);
      await insertReferrer(tx, row!, { email: 'synced@example.com', first_name: 'Syd' }, 'sync', new Date());
    });
    // A repeated join is refused and mails nothing more.
    expect((await join('byapi@example.com')).status).toBe(409);
    expect(await welcomes()).toEqual(['byapi@example.com', 'hosted@example.com']);

    const sink = await startSmtpSink();
    try {
      await sendAll(sink);
      const welcome = sink.accepted.find((m) => m.to[0] === 'hosted@example.com');
      expect(welcome?.subject).toBe('Your referral link for Welcome Club');
      const hostedReferrer = (await api(t, 'GET', `/v1/campaigns/${campaign}/referrers?search=hosted`)).body
        .data[0];
      expect(welcome?.raw).toContain(hostedReferrer.referral_link);
      const welcomed = sink.accepted.filter((m) => m.subject.startsWith('Your referral link'));
      expect(welcomed.map((m) => m.to[0]).sort()).toEqual(['byapi@example.com', 'hosted@example.com']);
    } finally {
      await sink.close();
    }
  });
});
