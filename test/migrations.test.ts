import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPglite, openPostgres } from '../src/db/database.js';
import {
  appliedVersion,
  loadMigrations,
  type Migration,
  MigrationError,
  migrate,
} from '../src/db/migrate.js';
import { defineJob } from '../src/jobs/job-definition.js';
import { JobQueue } from '../src/jobs/queue.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';
import { databaseUrlFor, onPostgres, testDatabaseUrl } from './helpers/test-target.js';
import { spawnVouch, vouchEnv } from './helpers/vouch-process.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.close());

const shipped = loadMigrations();
const extra = (version: number, sql: string): Migration => ({
  version,
  name: `extra_${version}`,
  sql,
  checksum: `c${version}`,
});

/** Runs `fn` on a database of its own, empty, for upgrades from an older version's schema. */
async function withEmptyDatabase(fn: (database: Database) => Promise<void>): Promise<void> {
  const server = testDatabaseUrl();
  const name = `vouch_u_${randomBytes(6).toString('hex')}`;
  const admin = server ? openPostgres(server, 1) : undefined;
  if (admin) await admin.exec(`create database ${name}`);
  const dir = server ? undefined : mkdtempSync(join(tmpdir(), 'vouch-upgrade-'));
  const database = server ? openPostgres(databaseUrlFor(server, name), 2) : await openPglite(dir);
  try {
    await fn(database);
  } finally {
    await database.close();
    if (admin) {
      await admin.exec(`drop database if exists ${name} with (force)`);
      await admin.close();
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

describe('migrations', () => {
  it('are applied in order, and a second run applies nothing', async () => {
    expect(shipped.map((m) => m.version)).toEqual(shipped.map((_, i) => i + 1));
    expect(await appliedVersion(t.database)).toBe(shipped.length);
    const again = await migrate(t.database);
    expect(again.applied).toEqual([]);
  });

  it('a failing migration rolls back whole and says which one failed', async () => {
    const bad = [
      ...shipped,
      extra(shipped.length + 1, 'create table ok_table (id int); select no_such_column from api_keys;'),
    ];
    await expect(migrate(t.database, bad)).rejects.toThrow(MigrationError);
    await expect(migrate(t.database, bad)).rejects.toThrow(
      `Migration ${shipped.length + 1} (extra_${shipped.length + 1}) failed`,
    );
    expect(await appliedVersion(t.database)).toBe(shipped.length);
    const table = await t.database.db
      .selectNoFrom((eb) => eb.fn<string | null>('to_regclass', [eb.val('ok_table')]).as('t'))
      .executeTakeFirst();
    expect(table?.t).toBeNull();
  });

  it('refuses a database whose applied migration was edited or is unknown to this version', async () => {
    const edited = shipped.map((m, i) => (i === 0 ? { ...m, checksum: 'different' } : m));
    await expect(migrate(t.database, edited)).rejects.toThrow(/was changed after it was applied/);
    await expect(migrate(t.database, shipped.slice(0, -1))).rejects.toThrow(/does not know/);
  });
});

describe('upgrading', () => {
  it("carries friends' and referrers' Stripe customer jobs queued by an older version over to tasks", async () => {
    await withEmptyDatabase(async (database) => {
      const version = shipped.findIndex((m) => m.name === 'public_surface');
      await migrate(database, shipped.slice(0, version));
      // The older version's queue, with a job of each kind waiting.
      const logger = pino({ level: 'silent' });
      const old = (name: string) => defineJob({ name, async handle() {} });
      const queue = await JobQueue.start({
        database,
        logger,
        role: 'producer',
        definitions: [old('stripe-lead-customer'), old('stripe-referrer-customer')],
        context: { database, logger, now: () => new Date() },
      });
      await queue.send('stripe-lead-customer', { lead_id: 'lead_waiting' });
      await queue.send('stripe-referrer-customer', { referrer_id: 'rfr_waiting' });
      await queue.stop();
      await migrate(database);
      const tasks = await database.db
        .selectFrom('tasks')
        .select(['kind', 'subject_id'])
        .orderBy('kind')
        .execute();
      expect(tasks).toEqual([
        { kind: 'stripe_lead_customer', subject_id: 'lead_waiting' },
        { kind: 'stripe_referrer_customer', subject_id: 'rfr_waiting' },
      ]);
    });
  });

  it('keeps the keys made before roles doing all they did (admin); publishable keys become viewer', async () => {
    await withEmptyDatabase(async (database) => {
      const version = shipped.findIndex((m) => m.name === 'people');
      await migrate(database, shipped.slice(0, version));
      const key = (id: string, kind: string, digest: string) =>
        `insert into api_keys (id, name, kind, secret_hash, last_four) ` +
        `values ('${id}', '${id}', '${kind}', decode('${digest}', 'hex'), 'abcd')`;
      await database.exec(`${key('key_a', 'secret', '01')}; ${key('key_b', 'publishable', '02')}`);
      await migrate(database);
      const roles = await database.db.selectFrom('api_keys').select(['id', 'role']).orderBy('id').execute();
      expect(roles).toEqual([
        { id: 'key_a', role: 'admin' },
        { id: 'key_b', role: 'viewer' },
      ]);
    });
  });

  it('adds up the clicks and the revenue of referred customers already stored into the day totals', async () => {
    await withEmptyDatabase(async (database) => {
      const version = shipped.findIndex((m) => m.name === 'analytics');
      await migrate(database, shipped.slice(0, version));
      await database.exec(`
        insert into connections (id, name, method, mode, stripe_account_id, default_currency, secret_key_sealed,
          key_last4, webhook_setup) values ('conn_a', 'A', 'api_key', 'test', 'acct_a', 'usd', 'x', '4242', 'manual');
        insert into campaigns (id, name, connection_id) values ('cmp_a', 'A', 'conn_a');
        insert into referrers (id, campaign_id, email, email_normalized, first_name, source, slug)
          values ('rfr_a', 'cmp_a', 'a@example.com', 'a@example.com', 'A', 'api', 'a');
        insert into leads (id, campaign_id, referrer_id, email, email_normalized, source, referred_at)
          values ('lead_a', 'cmp_a', 'rfr_a', 'f@example.com', 'f@example.com', 'api', now());
        insert into clicks (referrer_id, campaign_id, hour, count) values
          ('rfr_a', 'cmp_a', '2026-03-01T09:00:00Z', 2), ('rfr_a', 'cmp_a', '2026-03-01T23:00:00Z', 3),
          ('rfr_a', 'cmp_a', '2026-03-02T00:00:00Z', 1);
        insert into customer_links (connection_id, customer_id, lead_id, how) values ('conn_a', 'cus_f', 'lead_a', 'created');
        insert into payments (connection_id, charge_id, customer_id, amount, currency, settled_amount, status,
          created_at, observed_at) values
          ('conn_a', 'ch_1', 'cus_f', 5000, 'usd', 5000, 'succeeded', '2026-03-01T10:00:00Z', 1),
          ('conn_a', 'ch_2', 'cus_f', 700, 'usd', 700, 'failed', '2026-03-01T11:00:00Z', 1),
          ('conn_a', 'ch_3', 'cus_other', 900, 'usd', 900, 'succeeded', '2026-03-01T11:00:00Z', 1);
        insert into refunds (connection_id, refund_id, charge_id, amount, settled_amount, status, created_at,
          observed_at) values ('conn_a', 're_1', 'ch_1', 1200, 1200, 'succeeded', '2026-03-03T10:00:00Z', 1);
      `);
      await migrate(database);
      const clicks = await sql<{ day: string; clicks: number }>`
        select day::text as day, clicks::int as clicks from click_days order by day`.execute(database.db);
      expect(clicks.rows).toEqual([
        { day: '2026-03-01', clicks: 5 },
        { day: '2026-03-02', clicks: 1 },
      ]);
      const revenue = await sql<{ day: string; amount: number }>`
        select day::text as day, amount::int as amount from revenue_days
        where campaign_id = 'cmp_a' and referrer_id = 'rfr_a' and currency = 'usd' order by day`.execute(
        database.db,
      );
      expect(revenue.rows).toEqual([
        { day: '2026-03-01', amount: 5000 },
        { day: '2026-03-03', amount: -1200 },
      ]);
      const perCampaign = await sql<{ day: string; amount: number }>`
        select day::text as day, amount::int as amount from campaign_revenue_days
        where campaign_id = 'cmp_a' and currency = 'usd' order by day`.execute(database.db);
      expect(perCampaign.rows).toEqual(revenue.rows);
      const counts = await sql<{ sign_ups: number; leads: number }>`
        select sum(sign_ups)::int as sign_ups, sum(leads)::int as leads from campaign_days
        where campaign_id = 'cmp_a'`.execute(database.db);
      expect(counts.rows).toEqual([{ sign_ups: 1, leads: 1 }]);
    });
  });
});

describe.runIf(onPostgres())('migrations under concurrent start (Postgres server)', () => {
  async function freshDatabase() {
    const server = testDatabaseUrl()!;
    const name = `vouch_c_${randomBytes(6).toString('hex')}`;
    const admin = openPostgres(server, 1);
    await admin.exec(`create database ${name}`);
    return {
      url: databaseUrlFor(server, name),
      async drop() {
        await admin.exec(`drop database if exists ${name} with (force)`);
        await admin.close();
      },
    };
  }

  it('two migrators on separate connections apply each migration once', async () => {
    const fresh = await freshDatabase();
    const a = openPostgres(fresh.url, 2);
    const b = openPostgres(fresh.url, 2);
    try {
      const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
      expect(ra.applied.length + rb.applied.length).toBe(shipped.length);
      const rows = await a.db.selectFrom('schema_migrations').selectAll().execute();
      expect(rows.map((r) => r.version)).toEqual(shipped.map((m) => m.version));
    } finally {
      await a.close();
      await b.close();
      await fresh.drop();
    }
  });

  it('two `vouch start` processes on an empty database both come up ready', async () => {
    const fresh = await freshDatabase();
    const env = vouchEnv({ DATABASE_URL: fresh.url, VOUCH_SECRET: 'x'.repeat(40) });
    const procs = [spawnVouch(['start'], env), spawnVouch(['start'], env)];
    try {
      const urls = await Promise.all(procs.map((p) => p.running(60_000)));
      for (const url of urls) expect((await fetch(`${url}/readyz`)).status).toBe(200);
    } finally {
      for (const p of procs) p.child.kill('SIGTERM');
      for (const p of procs) expect(await p.exited(), p.output()).toBe(0);
      await fresh.drop();
    }
  });
});
