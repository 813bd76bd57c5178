import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database.js';

export type Migration = { version: number; name: string; sql: string; checksum: string };

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Any constant shared by every Vouch process; it serialises migrations across processes. */
const MIGRATION_LOCK_KEY = 727_001;
const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** The migrations shipped with this version of Vouch, in order. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  return files.map((file, index) => {
    const match = FILE_PATTERN.exec(file);
    if (!match) throw new MigrationError(`Migration file ${file} must be named NNNN_snake_case.sql`);
    const version = Number(match[1]);
    if (version !== index + 1)
      throw new MigrationError(`Migration ${file} is out of sequence: expected ${index + 1}`);
    const text = readFileSync(`${dir}/${file}`, 'utf8');
    return { version, name: match[2]!, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
  });
}

export type MigrationResult = { applied: Migration[]; current: number };

/**
 * Applies pending migrations in one transaction under an advisory lock, so processes starting together
 * apply each migration once. A changed or unknown applied migration stops the run.
 */
export async function migrate(database: Database, migrations = loadMigrations()): Promise<MigrationResult> {
  return database.db.transaction().execute(async (tx) => {
    // A migration may take as long as it needs, whatever the statement timeout of requests.
    await sql`set local statement_timeout = 0`.execute(tx);
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(tx);
    await sql`
      create table if not exists schema_migrations (
        version integer primary key,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now()
      )`.execute(tx);
    const done = await tx.selectFrom('schema_migrations').selectAll().orderBy('version').execute();
    for (const row of done) {
      const known = migrations.find((m) => m.version === row.version);
      if (!known) {
        throw new MigrationError(
          `The database has migration ${row.version} (${row.name}) which this version of Vouch does not know; ` +
            'run a newer Vouch or restore the matching database',
        );
      }
      if (known.checksum !== row.checksum) {
        throw new MigrationError(`Migration ${row.version} (${row.name}) was changed after it was applied`);
      }
    }
    const pending = migrations.filter((m) => !done.some((d) => d.version === m.version));
    for (const m of pending) {
      try {
        await sql.raw(m.sql).execute(tx);
      } catch (error) {
        throw new MigrationError(`Migration ${m.version} (${m.name}) failed: ${(error as Error).message}`);
      }
      await tx
        .insertInto('schema_migrations')
        .values({ version: m.version, name: m.name, checksum: m.checksum })
        .execute();
    }
    return { applied: pending, current: migrations.at(-1)?.version ?? 0 };
  });
}

/** The latest migration version applied to the database, or 0 when none is. */
export async function appliedVersion(database: Database): Promise<number> {
  const exists = await sql<{
    found: boolean;
  }>`select to_regclass('schema_migrations') is not null as found`.execute(database.db);
  if (!exists.rows[0]?.found) return 0;
  const row = await database.db
    .selectFrom('schema_migrations')
    .select((eb) => eb.fn.max('version').as('version'))
    .executeTakeFirst();
  return row?.version ?? 0;
}
