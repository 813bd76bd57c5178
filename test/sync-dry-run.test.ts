import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { api, eventually } from './helpers/test-app.js';

/**
 * A dry run predicts the real run exactly (counts and skips, across pages, with a participant limit and
 * customers sharing an email), and an ongoing sync counts each customer once, however often it comes back.
 * Each describe has its own emulator: a sync reads every customer of the account.
 */

const sync = async (env: StripeEnv, id: string) => (await api(env, 'GET', `/v1/syncs/${id}`)).body;

const campaign = async (env: StripeEnv, connectionId: string, extra: Record<string, unknown> = {}) =>
  (
    await api(env, 'POST', '/v1/campaigns', {
      name: 'Sync predictions',
      status: 'live',
      connection_id: connectionId,
      ...extra,
    })
  ).body as { id: string };

/** Every skip of a sync, read page by page as a client would. */
async function allSkips(env: StripeEnv, syncId: string) {
  const skips: Array<{ customer_id: string; reason: string; detail: string }> = [];
  let after = '';
  for (let pages = 0; pages < 100; pages++) {
    const page = (
      await api(env, 'GET', `/v1/syncs/${syncId}/skips?limit=7${after ? `&starting_after=${after}` : ''}`)
    ).body;
    skips.push(
      ...page.data.map(({ customer_id, reason, detail }: (typeof skips)[number]) => ({
        customer_id,
        reason,
        detail,
      })),
    );
    if (!page.has_more) return skips;
    after = page.data.at(-1).customer_id;
  }
  throw new Error('too many pages of skips');
}

const customerUpdates = (env: StripeEnv) =>
  env.emulator.events().filter((e) => e.type === 'customer.updated').length;

describe('a dry run', () => {
  let env: StripeEnv;
  let connectionId: string;
  beforeAll(async () => {
    env = await startStripeEnv();
    connectionId = (await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_dry_key' })).body.id;
  });
  afterAll(async () => env.close());

  it('predicts every count and every skip of the real run, over pages, with a limit and shared emails', async () => {
    const c = await campaign(env, connectionId, { participant_limit: 10 });
    // Two referrers already: eight places left. One's customer already shows its link.
    const known = (
      await api(env, 'POST', `/v1/campaigns/${c.id}/referrers`, {
        email: 'known@example.com',
        first_name: 'K',
      })
    ).body;
    const shown = (
      await api(env, 'POST', `/v1/campaigns/${c.id}/referrers`, {
        email: 'shown@example.com',
        first_name: 'S',
      })
    ).body;

    // 250 customers as Stripe lists them, newest first (pages of 100): mostly blank names or emails, with
    // new people spread over the pages so that the eighth place is taken on the third page.
    const newest: Array<Record<string, unknown>> = Array.from({ length: 250 }, (_, i) =>
      i % 2 === 0 ? { name: '  ', email: `blank${i}@example.com` } : { name: `No Mail ${i}` },
    );
    const person = (key: string, email = `${key}@example.com`) => ({ name: `Person ${key}`, email });
    newest[10] = person('a');
    newest[20] = person('b');
    newest[30] = person('c');
    newest[40] = { name: 'Known One', email: 'KNOWN@example.com' };
    newest[50] = person('a'); // the same email twice on one page
    newest[60] = { ...person('shown'), metadata: { vouch_referral_link: shown.referral_link } };
    newest[110] = person('d');
    newest[120] = person('e');
    newest[130] = person('b', ' B@Example.com '); // and again on another page, written differently
    newest[140] = person('f');
    newest[205] = person('d'); // on the third page: already a referrer by then
    newest[210] = person('g');
    newest[215] = person('h'); // the eighth place
    newest[220] = person('i'); // no place left: the sync stops here
    newest[230] = person('j');
    const made: string[] = [];
    for (const spec of [...newest].reverse()) made.unshift((await env.stripe.customers.create(spec)).id);

    const updatesBefore = customerUpdates(env);
    const dry = (await api(env, 'POST', `/v1/campaigns/${c.id}/syncs`, { dry_run: true })).body;
    await eventually(async () => (await sync(env, dry.id)).status === 'stopped', 60_000);
    const predicted = await sync(env, dry.id);
    const predictedSkips = await allSkips(env, dry.id);

    // The prediction changed nothing: no referrer, no place, no write to Stripe.
    const referrers = (await api(env, 'GET', `/v1/campaigns/${c.id}/referrers?limit=100`)).body.data;
    expect(referrers.map((r: { id: string }) => r.id).sort()).toEqual([known.id, shown.id].sort());
    expect((await api(env, 'GET', `/v1/campaigns/${c.id}`)).body.participants_count).toBe(2);
    expect(customerUpdates(env)).toBe(updatesBefore);

    const real = (await api(env, 'POST', `/v1/campaigns/${c.id}/syncs`, {})).body;
    await eventually(async () => {
      const s = await sync(env, real.id);
      return s.status === 'stopped' && s.progress.writes_waiting === 0;
    }, 60_000);
    const done = await sync(env, real.id);
    const doneSkips = await allSkips(env, real.id);

    const counts = (p: Record<string, unknown>) => ({
      customers_seen: p.customers_seen,
      referrers_created: p.referrers_created,
      already_referrers: p.already_referrers,
      skipped: p.skipped,
      skipped_by_reason: p.skipped_by_reason,
      already_current: p.already_current,
    });
    expect(counts(predicted.progress)).toEqual(counts(done.progress));
    expect(predicted.stop_reason).toBe(done.stop_reason);
    expect(predictedSkips).toEqual(doneSkips);

    // What the real run did: a to h made (the eight places); Known, Shown and the second a, b and d already
    // referrers; i found no place and the run stopped there, before j.
    const blanks = 221 - 14;
    expect(counts(done.progress)).toEqual({
      customers_seen: 221,
      referrers_created: 8,
      already_referrers: 5,
      skipped: blanks + 1,
      skipped_by_reason: { missing_field: blanks, participant_limit: 1 },
      already_current: 1,
    });
    expect(done.stop_reason).toBe('participant_limit');
    expect((await api(env, 'GET', `/v1/campaigns/${c.id}`)).body.participants_count).toBe(10);
    expect(doneSkips).toHaveLength(blanks + 1);
    expect(doneSkips.find((s) => s.reason === 'participant_limit')?.customer_id).toBe(made[220]);
    // Every referrer's customer written to, but Shown's, which showed its link already.
    expect(done.progress.written_back).toBe(8 + 5 - 1);
  }, 150_000);
});

describe('an ongoing sync', () => {
  let env: StripeEnv;
  let connectionId: string;
  beforeAll(async () => {
    env = await startStripeEnv();
    connectionId = (await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_live_key' })).body
      .id;
  });
  afterAll(async () => env.close());

  /** Whether every webhook the emulator sent was delivered and every event received applied. */
  async function eventsSettled() {
    await env.emulator.waitForDeliveries(5_000);
    if (env.emulator.deliveries().some((d) => d.status === 'pending')) return false;
    const { n } = await env.db.database.db
      .selectFrom('stripe_events')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('processed_at', 'is', null)
      .where('dead_at', 'is', null)
      .executeTakeFirstOrThrow();
    return n === 0;
  }

  /**
   * Waits until no work is in flight: the sync between passes with no write waiting, then every event
   * settled (the writes' own events included), then the sync still idle (applying an event could queue a
   * write).
   */
  async function drained(syncId: string) {
    const idle = async () => {
      const s = await sync(env, syncId);
      return s.status === 'live' && s.progress.writes_waiting === 0;
    };
    await eventually(async () => (await idle()) && (await eventsSettled()) && (await idle()), 90_000);
  }

  it('counts 200 customers once each after its write-backs come back as customer.updated', async () => {
    for (let i = 0; i < 200; i += 50)
      await Promise.all(
        Array.from({ length: 50 }, (_, j) =>
          env.stripe.customers.create({ name: `Ongoing ${i + j}`, email: `ongoing${i + j}@example.com` }),
        ),
      );
    // Their customer.created events are applied before the sync starts: every event that comes after is an
    // echo of the sync's own write-backs.
    await eventually(eventsSettled, 90_000);
    const c = await campaign(env, connectionId);
    const started = (await api(env, 'POST', `/v1/campaigns/${c.id}/syncs`, { kind: 'ongoing' })).body;
    await drained(started.id);

    // Every write-back came back as an event, and every one of them was applied.
    expect(customerUpdates(env)).toBe(200);
    const echoes = await env.db.database.db
      .selectFrom('stripe_events')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('type', '=', 'customer.updated')
      .where('processed_at', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(echoes.n).toBe(200);
    const { progress } = await sync(env, started.id);
    expect(progress).toMatchObject({
      customers_seen: 200,
      referrers_created: 200,
      already_referrers: 0,
      skipped: 0,
      written_back: 200,
      already_current: 0,
    });

    // A customer changed in Stripe comes back too: still one customer, and nothing to write.
    const first = (await env.stripe.customers.list({ limit: 1 })).data[0]!;
    await env.stripe.customers.update(first.id, { metadata: { plan: 'pro' } });
    await drained(started.id);
    expect((await sync(env, started.id)).progress).toMatchObject({
      customers_seen: 200,
      already_referrers: 0,
      written_back: 200,
    });

    // A new customer without an email is skipped; given one, it joins: it moves from the skips to the
    // referrers made, still one customer.
    const late = await env.stripe.customers.create({ name: 'Late Comer' });
    await drained(started.id);
    expect((await sync(env, started.id)).progress).toMatchObject({
      customers_seen: 201,
      referrers_created: 200,
      skipped_by_reason: { missing_field: 1, participant_limit: 0 },
    });
    const skipped = (await api(env, 'GET', `/v1/syncs/${started.id}/skips`)).body.data;
    expect(skipped.map((k: { customer_id: string; reason: string }) => [k.customer_id, k.reason])).toEqual([
      [late.id, 'missing_field'],
    ]);
    await env.stripe.customers.update(late.id, { email: 'late@example.com' });
    await drained(started.id);
    expect((await sync(env, started.id)).progress).toMatchObject({
      customers_seen: 201,
      referrers_created: 201,
      already_referrers: 0,
      skipped: 0,
      skipped_by_reason: { missing_field: 0, participant_limit: 0 },
      written_back: 201,
      already_current: 0,
    });
    expect((await api(env, 'GET', `/v1/syncs/${started.id}/skips`)).body.data).toEqual([]);
    const lateNow = (await env.stripe.customers.retrieve(late.id)) as { metadata: Record<string, string> };
    expect(lateNow.metadata.vouch_referral_link).toMatch(/\/r\//);
  }, 150_000);
});
