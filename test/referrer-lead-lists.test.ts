import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { keyWithRole } from './helpers/teammates.js';
import { api, eventually } from './helpers/test-app.js';

// The referrer and lead lists as the dashboard uses them: search, filters, every sort paged with the cursor,
// the total a filter takes, and a referrer's own Stripe customers.
let env: StripeEnv;
let connectionId: string;

beforeAll(async () => {
  env = await startStripeEnv();
  connectionId = (await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_lists' })).body.id;
});
afterAll(async () => env.close());

type Row = { id: string; email: string };

/** Every page of a list, following starting_after with `limit` a page. */
async function allPages(path: string, limit: number): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | undefined;
  for (let page = 0; page < 50; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await api(
      env,
      'GET',
      `${path}${sep}limit=${limit}${after ? `&starting_after=${after}` : ''}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    rows.push(...res.body.data);
    if (!res.body.has_more) return rows;
    after = res.body.data.at(-1).id;
  }
  throw new Error('the list did not end');
}

const emails = (rows: Row[]) => rows.map((r) => r.email);

async function campaign() {
  return (await api(env, 'POST', '/v1/campaigns', { name: `Lists ${Math.random()}`, status: 'live' })).body
    .id as string;
}

describe('the referrer list', () => {
  let id: string;
  const people: Record<string, string> = {};

  beforeAll(async () => {
    id = await campaign();
    for (const [email, first_name, last_name, code] of [
      ['carol@example.com', 'Carol', 'Stone', 'CAROL-2024'],
      ['alice@example.com', 'Alice', 'Moss', null],
      ['dave_k@example.com', 'Dave', null, null],
      ['davexk@example.com', 'Davey', 'Rock', 'ROCK-9'],
      ['bob@example.com', 'Bob', 'Stone', null],
    ] as const) {
      const res = await api(env, 'POST', `/v1/campaigns/${id}/referrers`, {
        email,
        first_name,
        ...(last_name ? { last_name } : {}),
        ...(code ? { referral_code: code } : {}),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      people[first_name] = res.body.id;
    }
    // Referrals: Bob 2 (and one rejected, which does not count), Alice 1.
    const lead = (email: string, referrer: string) =>
      api(env, 'POST', `/v1/campaigns/${id}/leads`, { email, referrer });
    await lead('f1@example.com', people.Bob!);
    await lead('f2@example.com', people.Bob!);
    await lead('f3@example.com', people.Alice!);
    expect((await lead('f3@example.com', people.Bob!)).body.status).toBe('rejected');
  });

  const list = (query: string) => `/v1/campaigns/${id}/referrers?${query}`;

  it('searches the email, the name and the code, whatever the case, taking LIKE characters literally', async () => {
    expect(emails(await allPages(list('search=STONE'), 10)).sort()).toEqual([
      'bob@example.com',
      'carol@example.com',
    ]);
    expect(emails(await allPages(list('search=carol%20st'), 10))).toEqual(['carol@example.com']);
    expect(emails(await allPages(list('search=rock-9'), 10))).toEqual(['davexk@example.com']);
    // "_" is a character to find, not any character.
    expect(emails(await allPages(list('search=dave_'), 10))).toEqual(['dave_k@example.com']);
    expect(emails(await allPages(list('search=%25'), 10))).toEqual([]);
  });

  it('sorts by email, name and counts, both ways, paging with the cursor', async () => {
    const byEmail = ['alice', 'bob', 'carol', 'dave_k', 'davexk'].map((n) => `${n}@example.com`);
    expect(emails(await allPages(list('sort=email'), 2))).toEqual(byEmail);
    expect(emails(await allPages(list('sort=-email'), 2))).toEqual([...byEmail].reverse());
    expect(emails(await allPages(list('sort=name'), 1))).toEqual([
      'alice@example.com',
      'bob@example.com',
      'carol@example.com',
      'dave_k@example.com',
      'davexk@example.com',
    ]);
    const byReferrals = await allPages(list('sort=-referrals_count'), 1);
    expect(byReferrals.slice(0, 2).map((r) => r.id)).toEqual([people.Bob, people.Alice]);
    // Ties keep the order of the ids, the same direction: the newest of those with none first.
    expect(byReferrals.slice(2).map((r) => r.id)).toEqual([people.Davey, people.Dave, people.Carol]);
    const fewest = await allPages(list('sort=referrals_count'), 2);
    expect(fewest.map((r) => r.id)).toEqual([...byReferrals].reverse().map((r) => r.id));
    expect((await allPages(list('sort=-created_at'), 2)).map((r) => r.id)).toEqual([
      people.Bob,
      people.Davey,
      people.Dave,
      people.Alice,
      people.Carol,
    ]);
  });

  it('filters by code and source, and counts what a filter takes on every page', async () => {
    const withCode = await api(env, 'GET', list('has_referral_code=true&include_total_count=true&limit=1'));
    expect(withCode.body.total_count).toBe(2);
    expect(withCode.body.data).toHaveLength(1);
    expect(withCode.body.has_more).toBe(true);
    const stone = await api(
      env,
      'GET',
      list('search=stone&has_referral_code=false&include_total_count=true'),
    );
    expect(emails(stone.body.data)).toEqual(['bob@example.com']);
    expect(stone.body.total_count).toBe(1);
    expect((await api(env, 'GET', list('source=import&include_total_count=true'))).body.total_count).toBe(0);
    expect((await api(env, 'GET', list('limit=2'))).body.total_count).toBeUndefined();
  });

  it('refuses an unknown sort, naming it; a viewer may list', async () => {
    const bad = await api(env, 'GET', list('sort=clicks'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe('sort');
    const viewer = await keyWithRole(env, 'viewer');
    expect((await api(env, 'GET', list('search=bob'), undefined, viewer)).body.data).toHaveLength(1);
  });
});

describe('the lead list', () => {
  let id: string;
  let referrer: string;
  const leads: Record<string, string> = {};

  beforeAll(async () => {
    id = await campaign();
    referrer = (
      await api(env, 'POST', `/v1/campaigns/${id}/referrers`, { email: 'rae@example.com', first_name: 'Rae' })
    ).body.id;
    for (const [email, first_name] of [
      ['zed@example.com', 'Zed'],
      ['amy@example.com', 'Amy'],
      ['max@example.com', 'Max'],
      ['rae@example.com', 'Rae'],
    ] as const) {
      leads[first_name] = (
        await api(env, 'POST', `/v1/campaigns/${id}/leads`, { email, first_name, referrer })
      ).body.id;
    }
  });

  const list = (query: string) => `/v1/campaigns/${id}/leads?${query}`;

  it('searches the email and name, filters by status, and counts', async () => {
    expect(emails(await allPages(list('search=AMY'), 10))).toEqual(['amy@example.com']);
    expect(emails(await allPages(list('search=%20Zed%20'), 10))).toEqual(['zed@example.com']);
    expect(emails(await allPages(list('search=ma'), 10))).toEqual(['max@example.com']);
    const rejected = await api(env, 'GET', list('status=rejected&include_total_count=true'));
    expect(emails(rejected.body.data)).toEqual(['rae@example.com']); // a self-referral
    expect(rejected.body.total_count).toBe(1);
    const pending = await api(env, 'GET', list('status=pending&include_total_count=true&limit=1'));
    expect(pending.body.total_count).toBe(3);
  });

  it('sorts by email, name and last change, paging with the cursor', async () => {
    const byEmail = ['amy', 'max', 'rae', 'zed'].map((n) => `${n}@example.com`);
    expect(emails(await allPages(list('sort=email'), 1))).toEqual(byEmail);
    expect(emails(await allPages(list('sort=-email'), 3))).toEqual([...byEmail].reverse());
    expect(emails(await allPages(list('sort=-name'), 2))).toEqual([...byEmail].reverse());
    // A lead changed last comes first.
    await env.db.database.db
      .updateTable('leads')
      .set({ updated_at: new Date(Date.now() + 60_000) })
      .where('id', '=', leads.Amy!)
      .execute();
    const changed = await allPages(list('sort=-updated_at'), 1);
    expect(changed.map((r) => r.id)).toEqual([leads.Amy, leads.Rae, leads.Max, leads.Zed]);
    const oldest = await allPages(list('sort=updated_at'), 2);
    expect(oldest.map((r) => r.id)).toEqual([leads.Zed, leads.Max, leads.Rae, leads.Amy]);
  });
});

describe("a referrer's Stripe customers", () => {
  it('shows the customer Vouch made for a referrer sent to Stripe', async () => {
    const id = (
      await api(env, 'POST', '/v1/campaigns', {
        name: 'Referrers in Stripe',
        status: 'live',
        connection_id: connectionId,
        customers: { referrers_to_stripe: true },
      })
    ).body.id;
    const joined = (
      await api(env, 'POST', `/v1/campaigns/${id}/referrers`, { email: 'kim@example.com', first_name: 'Kim' })
    ).body;
    expect(joined.customers).toBeUndefined();
    await eventually(
      async () => (await api(env, 'GET', `/v1/referrers/${joined.id}`)).body.customers.length > 0,
    );
    const { customers } = (await api(env, 'GET', `/v1/referrers/${joined.id}`)).body;
    expect(customers).toEqual([
      expect.objectContaining({
        connection_id: connectionId,
        how: 'created',
        id: expect.stringMatching(/^cus_/),
      }),
    ]);
    expect((await env.stripe.customers.retrieve(customers[0].id)) as { email: string }).toMatchObject({
      email: 'kim@example.com',
    });
  });
});
