import { join } from 'node:path';
import type { Config } from './config.js';
import { type Database, openPglite, openPostgres } from './db/database.js';

/** The Postgres server named by DATABASE_URL, or embedded PGlite under the data dir. */
export async function openDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl)
    return openPostgres(config.databaseUrl, config.databasePoolSize, {
      statementTimeoutMs: config.statementTimeoutMs,
    });
  return openPglite(join(config.dataDir, 'pgdata'));
}
