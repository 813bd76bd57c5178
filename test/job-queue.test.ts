import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineJob } from '../src/jobs/job-definition.js';
import { maintenanceJob } from '../src/jobs/maintenance-job.js';
import { JobQueue } from '../src/jobs/queue.js';
import { prepareWorkers } from '../src/jobs/workers.js';
import { drained } from './helpers/drained.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

let t: TestDatabase;
let worker: JobQueue;
const seen: string[] = [];

const echoJob = defineJob<{ tag: string }>({
  name: 'test-echo',
  retryLimit: 0,
  async handle(data) {
    seen.push(data.tag);
  },
});

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
}

beforeAll(async () => {
  t = await createTestDatabase();
  const logger = pino({ level: 'silent' });
  worker = await JobQueue.start({
    database: t.database,
    logger,
    role: 'worker',
    definitions: [echoJob, maintenanceJob],
    context: { database: t.database, logger, now: () => new Date() },
    pollingIntervalSeconds: 0.5,
  });
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

describe('job queue in the same database', () => {
  it('a job enqueued in a transaction that rolls back never exists; one that commits runs', async () => {
    const { db } = t.database;
    await expect(
      db.transaction().execute(async (tx) => {
        await worker.send('test-echo', { tag: 'rolled-back' }, { tx });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');

    let committedId: string | null = null;
    await db.transaction().execute(async (tx) => {
      committedId = await worker.send('test-echo', { tag: 'committed' }, { tx });
    });
    expect(committedId).toBeTruthy();
    await waitFor(() => seen.includes('committed'));
    // The rolled-back job was never stored, so it can never run.
    const stored = await worker.getJob('test-echo', committedId!);
    expect(stored?.state).toBe('completed');
    const { rows } = await sql`select id from pgboss.job where data ->> 'tag' = 'rolled-back'`.execute(db);
    expect(rows).toEqual([]);
    await drained(t.database);
    expect(seen).not.toContain('rolled-back');
  });

  it('the maintenance job records its run', async () => {
    const before = await t.database.db.selectFrom('maintenance_runs').selectAll().execute();
    await worker.send('maintenance', {});
    await waitFor(async () => {
      const rows = await t.database.db.selectFrom('maintenance_runs').selectAll().execute();
      return rows.length > before.length;
    });
  });
});

describe('background work started after the API', () => {
  const later = defineJob<{ tag: string }>({
    name: 'test-later',
    retryLimit: 0,
    async handle(data) {
      seen.push(data.tag);
    },
  });
  const logger = pino({ level: 'silent' });
  const context = () => ({ database: t.database, logger, now: () => new Date() });

  it('a job sent while the queue is only open runs once the queue works', async () => {
    const queue = await JobQueue.open({ database: t.database, logger, definitions: [later] });
    try {
      await queue.send('test-later', { tag: 'sent before work' });
      await queue.work({ definitions: [later], context: context(), pollingIntervalSeconds: 0.5 });
      await waitFor(() => seen.includes('sent before work'));
    } finally {
      await queue.stop();
    }
  });

  it('a job sent outside a transaction wakes the workers of this process instead of waiting for their poll', async () => {
    const queue = await JobQueue.open({ database: t.database, logger, definitions: [later] });
    try {
      // A poll a minute apart: the job is run within the wait below only if sending it woke the worker.
      await queue.work({ definitions: [later], context: context(), pollingIntervalSeconds: 60 });
      await queue.send('test-later', { tag: 'woken' });
      await waitFor(() => seen.includes('woken'), 20_000);
    } finally {
      await queue.stop();
    }
  });

  it('a stop while the queue starts to work waits for it, then stops it', async () => {
    const queue = await JobQueue.open({ database: t.database, logger, definitions: [later] });
    const working = queue.work({ definitions: [later], context: context(), pollingIntervalSeconds: 0.5 });
    await queue.stop();
    await working;
  });

  it('workers stopped before they ran never start, and run() then does nothing', async () => {
    const workers = await prepareWorkers({
      database: t.database,
      logger,
      now: () => new Date(),
      role: 'all',
    });
    await workers.stop();
    await workers.run();
  });
});
