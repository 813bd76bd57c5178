import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { type Database, openPglite, openPostgres } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { JobQueue } from '../src/jobs/queue.js';
import { jobDefinitions } from '../src/jobs/registry.js';
import { databaseUrlFor, testDatabaseUrl } from './helpers/test-target.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Postgres: the template database each test file copies. PGlite: the template data dir. */
    template: string;
  }
}

async function prepare(database: Database): Promise<void> {
  await migrate(database);
  const logger = pino({ level: 'silent' });
  // Creates the job queue's own schema, so each test file starts with it in place.
  const queue = await JobQueue.start({
    database,
    logger,
    role: 'producer',
    definitions: jobDefinitions,
    context: { database, logger, now: () => new Date() },
  });
  await queue.stop();
  await database.close();
}

export default async function setup(project: TestProject) {
  const url = testDatabaseUrl();
  if (url) {
    const admin = openPostgres(url, 1);
    try {
      await admin.exec('select 1');
    } catch (error) {
      throw new Error(
        `VOUCH_TEST_DATABASE_URL is set to ${url} but that Postgres server cannot be reached: ${(error as Error).message}`,
      );
    }
    const name = `vouch_tpl_${process.pid}_${Date.now()}`;
    await admin.exec(`create database ${name}`);
    await prepare(openPostgres(databaseUrlFor(url, name), 2));
    project.provide('template', name);
    return async () => {
      await admin.exec(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);
      await admin.exec(`drop database if exists ${name}`);
      await admin.close();
    };
  }
  const root = mkdtempSync(join(tmpdir(), 'vouch-tpl-'));
  const dir = join(root, 'pgdata');
  await prepare(await openPglite(dir));
  project.provide('template', dir);
  return () => rmSync(root, { recursive: true, force: true });
}
