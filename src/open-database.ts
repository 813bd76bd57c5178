import { join } from 'node:path';
import type { Config } from './config.js';
import { type Database, openPglite, openPostgres } from './db/database.js';
import { placeTemplate } from './db/pglite-template.js';

/**
 * The Postgres server named by DATABASE_URL, or embedded PGlite under the data dir; an embedded first start
 * begins from the build's migrated template when it is current. The caller holds the data dir lock.
 */
export async function openDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl)
    return openPostgres(config.databaseUrl, config.databasePoolSize, {
      statementTimeoutMs: config.statementTimeoutMs,
      preparedStatements: config.databasePreparedStatements,
    });
  const pgdata = join(config.dataDir, 'pgdata');
  placeTemplate(pgdata);
  return openPglite(pgdata);
}
