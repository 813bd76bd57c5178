import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { createId } from '../src/domain/ids.js';
import { DEFAULT_RETENTION, type RetentionSettings } from '../src/domain/retention.js';
import { pruneOldRowsJob } from '../src/jobs/prune-old-rows-job.js';
import { jobDefinitions } from '../src/jobs/registry.js';
import { api, startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Old, finished log rows are pruned by the prune-old-rows job, in small batches; rows with work left and
 * history (payment facts, customer links, lead timelines) stay, and old hourly clicks are rolled up into days
 * so that the click counts the API shows do not change.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY);
/** `hour` o'clock (UTC) on the day `days` ago. */
const utcHour = (days: number, hour: number) =>
  new Date(Math.floor(ago(days).getTime() / DAY) * DAY + hour * HOUR);

let t: TestApp;
let campaignId: string;
let jane: string;
let omar: string;
let leadId: string;
const connectionId = 'conn_retention';
const endpointId = createId('whe');

const db = () => t.db.database.db;
const prune = (settings: Partial<RetentionSettings> = {}) =>
  pruneOldRowsJob.handle(
    {},
    {
      database: t.db.database,
      logger: pino({ level: 'silent' }),
      now: () => now,
      retention: { ...DEFAULT_RETENTION, batchSize: 2, pauseMs: 0, ...settings },
    },
  );
const clicksCount = async (referrerId: string) =>
  (await api(t, 'GET', `/v1/referrers/${referrerId}`)).body.clicks_count as number;

async function stripeEvent(
  id: string,
  at: { created: Date; processed?: Date | null; dead?: Date | null },
): Promise<void> {
  await db()
    .insertInto('stripe_events')
    .values({
      connection_id: connectionId,
      id,
      type: 'charge.succeeded',
      created_at: at.created,
      payload: '{}',
      source: 'webhook',
      received_at: at.created,
      processed_at: at.processed ?? null,
      dead_at: at.dead ?? null,
      attempts: at.dead ? 5 : 0,
      available_at: at.created,
    })
    .execute();
}

async function domainEvent(created: Date, dispatched: Date | null): Promise<string> {
  const id = createId('dev');
  await db()
    .insertInto('domain_events')
    .values({
      id,
      type: 'lead.qualified',
      campaign_id: campaignId,
      created_at: created,
      dispatched_at: dispatched,
    })
    .execute();
  return id;
}

async function delivery(
  status: 'pending' | 'succeeded' | 'failed',
  created: Date,
  attempts: Date[],
  lockedUntil: Date | null = null,
): Promise<string> {
  const id = createId('whd');
  await db()
    .insertInto('webhook_deliveries')
    .values({
      id,
      endpoint_id: endpointId,
      event_id: createId('dev'),
      event_type: 'lead.qualified',
      payload: '{}',
      status,
      attempts: attempts.length,
      next_attempt_at: status === 'pending' ? ago(-1) : null,
      locked_until: lockedUntil,
      created_at: created,
    })
    .execute();
  for (const attemptedAt of attempts)
    await db()
      .insertInto('webhook_attempts')
      .values({
        delivery_id: id,
        trigger: 'automatic',
        attempted_at: attemptedAt,
        status_code: 200,
        duration_ms: 5,
      })
      .execute();
  return id;
}

async function click(referrerId: string, hour: Date, count: number): Promise<void> {
  await db()
    .insertInto('clicks')
    .values({ referrer_id: referrerId, campaign_id: campaignId, hour, count })
    .execute();
}

const clickRows = async (referrerId: string) =>
  (
    await db()
      .selectFrom('clicks')
      .select(['hour', 'count'])
      .where('referrer_id', '=', referrerId)
      .orderBy('hour')
      .execute()
  ).map((r) => [r.hour.toISOString(), r.count]);

/** Old history of every kind, well past every retention: payment facts, a customer link, a timeline entry. */
const insertOldHistory = () =>
  t.db.database.exec(`
    insert into payments (connection_id, charge_id, customer_id, amount, currency, settled_amount, status,
      created_at, observed_at)
    values ('${connectionId}', 'ch_old', 'cus_old', 5000, 'usd', 5000, 'succeeded', now() - interval '400 days', 1);
    insert into refunds (connection_id, refund_id, charge_id, amount, settled_amount, status, created_at, observed_at)
    values ('${connectionId}', 're_old', 'ch_old', 100, 100, 'succeeded', now() - interval '400 days', 1);
    insert into disputes (connection_id, dispute_id, charge_id, amount, settled_amount, status, created_at, observed_at)
    values ('${connectionId}', 'dp_old', 'ch_old', 100, 100, 'lost', now() - interval '400 days', 1);
    insert into customer_links (connection_id, customer_id, lead_id, how, created_at)
    values ('${connectionId}', 'cus_old', '${leadId}', 'created', now() - interval '400 days');
    insert into lead_events (id, lead_id, type, message, status, created_at)
    values ('${createId('lev')}', '${leadId}', 'note', 'Long ago', 'pending', now() - interval '400 days');
  `);

/** Everything that is history, as it stands. */
async function history() {
  const all = async (table: 'payments' | 'refunds' | 'disputes' | 'customer_links' | 'lead_events') =>
    db().selectFrom(table).selectAll().execute();
  return {
    payments: await all('payments'),
    refunds: await all('refunds'),
    disputes: await all('disputes'),
    customer_links: await all('customer_links'),
    lead_events: await all('lead_events'),
    timeline: (await api(t, 'GET', `/v1/leads/${leadId}`)).body.timeline,
  };
}

beforeAll(async () => {
  t = await startTestApp();
  campaignId = (await api(t, 'POST', '/v1/campaigns', { name: 'Retention', status: 'live' })).body.id;
  const referrer = async (email: string) =>
    (await api(t, 'POST', `/v1/campaigns/${campaignId}/referrers`, { email, first_name: 'R' })).body.id;
  jane = await referrer('jane@example.com');
  omar = await referrer('omar@example.com');
  leadId = (
    await api(t, 'POST', `/v1/campaigns/${campaignId}/leads`, { email: 'f@example.com', referrer: jane })
  ).body.id;
  await db()
    .insertInto('connections')
    .values({
      id: connectionId,
      name: 'Retention',
      method: 'api_key',
      mode: 'test',
      stripe_account_id: 'acct_retention',
      default_currency: 'usd',
      secret_key_sealed: 'sealed',
      key_last4: '0000',
      webhook_setup: 'manual',
    })
    .execute();
  await db()
    .insertInto('webhook_endpoints')
    .values({
      id: endpointId,
      url: 'https://hooks.example.com',
      event_types: ['lead.qualified'],
      secret_sealed: 's',
    })
    .execute();
});
afterAll(async () => t.close());

describe('pruning old rows', () => {
  it('removes exactly the old, finished log rows and keeps the rest', async () => {
    const old = ago(100);
    await stripeEvent('evt_old_processed', { created: old, processed: old });
    await stripeEvent('evt_old_processed_2', { created: ago(40), processed: ago(40) });
    await stripeEvent('evt_inside_stripe_window', { created: ago(34), processed: ago(34) });
    await stripeEvent('evt_recent', { created: ago(2), processed: ago(2) });
    await stripeEvent('evt_old_waiting', { created: old });
    await stripeEvent('evt_dead_awaiting_replay', { created: old, dead: ago(60) });
    await stripeEvent('evt_dead_long_ago', { created: ago(300), dead: ago(200) });
    await stripeEvent('evt_replayed_recently', { created: old, processed: ago(1) });

    const oldDispatched = await domainEvent(old, old);
    const oldUndispatched = await domainEvent(old, null);
    const recentDispatched = await domainEvent(ago(2), ago(2));

    const oldSucceeded = await delivery('succeeded', old, [old]);
    const oldFailed = await delivery('failed', old, [old, ago(99)]);
    const oldPending = await delivery('pending', old, [old]);
    const recentSucceeded = await delivery('succeeded', ago(2), [ago(2)]);
    const replayedRecently = await delivery('succeeded', old, [old, ago(1)]);
    const beingSent = await delivery('failed', old, [old], new Date(now.getTime() + 60_000));

    await insertOldHistory();
    const before = await history();

    await prune();

    const events = await db().selectFrom('stripe_events').select('id').orderBy('id').execute();
    expect(events.map((e) => e.id)).toEqual(
      [
        'evt_dead_awaiting_replay',
        'evt_inside_stripe_window',
        'evt_old_waiting',
        'evt_recent',
        'evt_replayed_recently',
      ].sort(),
    );
    const domainIds = (await db().selectFrom('domain_events').select('id').execute()).map((e) => e.id);
    expect(domainIds).not.toContain(oldDispatched);
    expect(domainIds).toEqual(expect.arrayContaining([oldUndispatched, recentDispatched]));

    const deliveries = (await db().selectFrom('webhook_deliveries').select('id').execute()).map((d) => d.id);
    expect(deliveries.sort()).toEqual([oldPending, recentSucceeded, replayedRecently, beingSent].sort());
    const attempts = await db().selectFrom('webhook_attempts').select('delivery_id').execute();
    expect(attempts.filter((a) => [oldSucceeded, oldFailed].includes(a.delivery_id))).toEqual([]);
    expect(attempts.filter((a) => a.delivery_id === oldPending)).toHaveLength(1);

    expect(await history()).toEqual(before);
    for (const rows of Object.values(before)) expect(rows.length).toBeGreaterThanOrEqual(1);
  });

  it('rolls old hourly clicks up into days: the counts the API shows do not change', async () => {
    const hourly: Array<[string, Date, number]> = [
      [jane, utcHour(100, 0), 1],
      [jane, utcHour(100, 5), 2],
      [jane, utcHour(100, 13), 3],
      [jane, utcHour(100, 23), 4],
      [jane, utcHour(95, 7), 5],
      [jane, utcHour(95, 8), 6],
      [jane, utcHour(10, 0), 7],
      [jane, utcHour(2, 10), 8],
      [omar, utcHour(100, 5), 9],
      [omar, utcHour(100, 6), 10],
    ];
    for (const [referrer, hour, count] of hourly) await click(referrer, hour, count);
    expect([await clicksCount(jane), await clicksCount(omar)]).toEqual([36, 19]);

    await prune();

    expect([await clicksCount(jane), await clicksCount(omar)]).toEqual([36, 19]);
    expect(await clickRows(jane)).toEqual([
      [utcHour(100, 0).toISOString(), 10],
      [utcHour(95, 0).toISOString(), 11],
      [utcHour(10, 0).toISOString(), 7],
      [utcHour(2, 10).toISOString(), 8],
    ]);
    expect(await clickRows(omar)).toEqual([[utcHour(100, 0).toISOString(), 19]]);

    // A second run finds nothing left to do and changes nothing.
    await prune();
    expect([await clicksCount(jane), await clicksCount(omar)]).toEqual([36, 19]);
    expect(await clickRows(omar)).toEqual([[utcHour(100, 0).toISOString(), 19]]);
  });

  it('goes through many rows in small batches until none is left', async () => {
    const old = ago(200);
    for (let i = 0; i < 7; i++) {
      await stripeEvent(`evt_batch_${i}`, { created: old, processed: old });
      await domainEvent(old, old);
      await delivery('succeeded', old, [old]);
      await click(omar, utcHour(150, i + 1), 1);
    }
    const omarBefore = await clicksCount(omar);

    await prune({ batchSize: 3 });

    const left = await db()
      .selectFrom('stripe_events')
      .select('id')
      .where('id', 'like', 'evt_batch_%')
      .execute();
    expect(left).toEqual([]);
    const oldDomain = await db()
      .selectFrom('domain_events')
      .select('id')
      .where('created_at', '=', old)
      .execute();
    expect(oldDomain).toEqual([]);
    const oldDeliveries = await db()
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('created_at', '=', old)
      .execute();
    expect(oldDeliveries).toEqual([]);
    expect(await clicksCount(omar)).toBe(omarBefore);
    expect((await clickRows(omar))[0]).toEqual([utcHour(150, 0).toISOString(), 7]);
  });

  it('removes old mails no longer to be sent, with their attempts; pending and held ones stay', async () => {
    const mail = async (key: string, status: string, created: Date, lockedUntil: Date | null = null) => {
      const row = await db()
        .insertInto('email_outbox')
        .values({
          dedupe_key: `retention:${key}`,
          campaign_id: campaignId,
          referrer_id: jane,
          kind: 'welcome',
          to_address: 'jane@example.com',
          status: status as 'pending',
          created_at: created,
          locked_until: lockedUntil,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db()
        .insertInto('email_attempts')
        .values({ outbox_id: row.id, attempted_at: created, outcome: 'temporary_failure', duration_ms: 5 })
        .execute();
      return row.id;
    };
    const oldSent = await mail('old-sent', 'sent', ago(100));
    const oldFailed = await mail('old-failed', 'failed', ago(95));
    const oldMailbox = await mail('old-mailbox', 'mailbox', ago(91));
    const oldSuppressed = await mail('old-suppressed', 'suppressed', ago(200));
    const oldPending = await mail('old-pending', 'pending', ago(100));
    const oldHeld = await mail('old-held', 'sent', ago(100), new Date(now.getTime() + 60_000));
    const recentSent = await mail('recent-sent', 'sent', ago(89));

    await prune();

    const left = await db()
      .selectFrom('email_outbox')
      .select('id')
      .where('dedupe_key', 'like', 'retention:%')
      .execute();
    expect(left.map((m) => m.id).sort()).toEqual([oldPending, oldHeld, recentSent].sort());
    const attempts = await db().selectFrom('email_attempts').select('outbox_id').execute();
    const gone = [oldSent, oldFailed, oldMailbox, oldSuppressed];
    expect(attempts.filter((a) => gone.includes(a.outbox_id))).toEqual([]);
    expect(attempts.filter((a) => a.outbox_id === oldPending)).toHaveLength(1);

    await prune({ emailsDays: 30 });
    const after = await db()
      .selectFrom('email_outbox')
      .select('id')
      .where('dedupe_key', 'like', 'retention:%')
      .execute();
    expect(after.map((m) => m.id).sort()).toEqual([oldPending, oldHeld].sort());
  });

  it('keeps logs as long as configured', async () => {
    const delivered = await delivery('succeeded', ago(10), [ago(10)]);
    await prune();
    expect(
      await db().selectFrom('webhook_deliveries').select('id').where('id', '=', delivered).execute(),
    ).toHaveLength(1);
    await prune({ deliveriesDays: 5 });
    expect(
      await db().selectFrom('webhook_deliveries').select('id').where('id', '=', delivered).execute(),
    ).toEqual([]);
  });

  it('runs every hour from the job registry', () => {
    expect(jobDefinitions).toContain(pruneOldRowsJob);
    expect(pruneOldRowsJob.schedule).toBe('23 * * * *');
  });
});

describe('retention settings', () => {
  const problemsOf = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
  };

  it('default to keeping Stripe events past the window Stripe can still send or list them', () => {
    expect(loadConfig({}).retention).toEqual(DEFAULT_RETENTION);
    expect(DEFAULT_RETENTION).toMatchObject({
      stripeEventsDays: 35,
      deadStripeEventsDays: 180,
      deliveriesDays: 30,
      domainEventsDays: 30,
      clicksDays: 90,
      emailsDays: 90,
    });
    expect(
      loadConfig({ VOUCH_RETENTION_DELIVERIES_DAYS: '7', VOUCH_RETENTION_CLICKS_DAYS: '400' }).retention,
    ).toMatchObject({ deliveriesDays: 7, clicksDays: 400 });
  });

  it('refuse values out of bounds, naming the variable', () => {
    const problems = problemsOf({
      VOUCH_RETENTION_STRIPE_EVENTS_DAYS: '7',
      VOUCH_RETENTION_DEAD_STRIPE_EVENTS_DAYS: '30',
      VOUCH_RETENTION_DOMAIN_EVENTS_DAYS: '0',
      VOUCH_RETENTION_DELIVERIES_DAYS: 'a month',
      VOUCH_RETENTION_CLICKS_DAYS: '1.5',
      VOUCH_RETENTION_EMAILS_DAYS: '-1',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'VOUCH_RETENTION_CLICKS_DAYS',
      'VOUCH_RETENTION_DEAD_STRIPE_EVENTS_DAYS',
      'VOUCH_RETENTION_DELIVERIES_DAYS',
      'VOUCH_RETENTION_DOMAIN_EVENTS_DAYS',
      'VOUCH_RETENTION_EMAILS_DAYS',
      'VOUCH_RETENTION_STRIPE_EVENTS_DAYS',
    ]);
    expect(problems.join('\n')).toMatch(
      /from 31 to 3650 \(Stripe can still send or list an event for 30 days\)/,
    );
  });
});
