import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../../src/db/database.js';
import { databaseUrlFor, testDatabaseUrl } from './test-target.js';

export type TestDatabase = {
  database: Database;
  /** Postgres: the URL of this file's own database. */
  url: string | undefined;
  /** PGlite: a data dir holding a migrated copy, for starting a Vouch process on it. */
  dataDir: string | undefined;
  close(): Promise<void>;
};

/** A migrated database of this test file's own, copied from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = testDatabaseUrl();
  const template = inject('template');
  if (server) {
    const name = `vouch_t_${randomBytes(6).toString('hex')}`;
    const admin = openPostgres(server, 1);
    await admin.exec(`create database ${name} template ${template}`);
    const url = databaseUrlFor(server, name);
    const database = openPostgres(url, 5);
    return {
      database,
      url,
      dataDir: undefined,
      async close() {
        await database.close();
        await admin.exec(`drop database if exists ${name} with (force)`);
        await admin.close();
      },
    };
  }
  const root = mkdtempSync(join(tmpdir(), 'vouch-test-'));
  cpSync(template, join(root, 'pgdata'), { recursive: true });
  const database = await openPglite(join(root, 'pgdata'));
  return {
    database,
    url: undefined,
    dataDir: root,
    async close() {
      await database.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A fresh data dir for a Vouch process, holding a copy of the migrated template (PGlite only). */
export function copyTemplateDataDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'vouch-proc-'));
  cpSync(inject('template'), join(root, 'pgdata'), { recursive: true });
  return root;
}
