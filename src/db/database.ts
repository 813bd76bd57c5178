import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { ConnectionLock } from './connection-lock.js';
import { PGliteDialect } from './pglite-dialect.js';
import { pgliteWasm } from './pglite-wasm.js';
import { PreparingClient } from './prepared-statements.js';
import type { Tables } from './tables.js';

export type Db = Kysely<Tables>;
export type Tx = Transaction<Tables>;
/** Either the top-level handle or a transaction: repositories accept both. */
export type Executor = Db | Tx;

/** What a job queue needs from a connection: pg-boss's `executeSql` contract. */
export type SqlExecutor = {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
};

export type Database = {
  readonly kind: 'postgres' | 'pglite';
  readonly db: Db;
  /** Runs a script of one or more statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /**
   * Runs `fn` while holding a session advisory lock, serialising it across processes that share the
   * Postgres server. PGlite has one process (the data dir lock), so there it just runs `fn`.
   */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /**
   * Runs `fn` only if no other session holds the lock named `name` (in the `space` namespace), holding it
   * meanwhile; `{ ran: false }` otherwise. A process that dies loses its locks with its connection, so work
   * guarded this way is taken over at once. PGlite: one process, so a lock in memory.
   */
  tryWithLock<T>(
    space: number,
    name: string,
    fn: () => Promise<T>,
  ): Promise<{ ran: true; value: T } | { ran: false }>;
  /** The connection the job queue uses outside transactions. */
  readonly queueExecutor: SqlExecutor;
  close(): Promise<void>;
};

const INT8_OID = 20;
const LOCK_TIMEOUT_MS = 30_000;

/** A pg-boss executor that runs inside an open Kysely transaction. */
export function transactionExecutor(tx: Tx): SqlExecutor {
  return {
    async executeSql(text, values) {
      const result = await tx.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows as unknown[] };
    },
  };
}

/**
 * `statementTimeoutMs` (0: none) bounds every statement on the server and the wait for a free connection, so
 * a stalled database makes requests fail in bounded time (a 503) instead of hanging.
 */
export function openPostgres(
  url: string,
  poolSize = 10,
  options: { statementTimeoutMs?: number; preparedStatements?: boolean } = {},
): Database {
  const timeout = options.statementTimeoutMs ?? 0;
  const pool = new pg.Pool({
    ...(options.preparedStatements === false ? {} : { Client: PreparingClient }),
    connectionString: url,
    max: poolSize,
    application_name: 'vouch',
    ...(timeout > 0 ? { statement_timeout: timeout, connectionTimeoutMillis: timeout } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID
          ? (v: string) => Number(v)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its server must not crash the process; the next query reports the error.
  pool.on('error', () => {});
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    async exec(script) {
      await pool.query(script);
    },
    async tryWithLock(space, name, fn) {
      const client = await pool.connect();
      let held = false;
      try {
        const { rows } = await client.query<{ ok: boolean }>(
          'select pg_try_advisory_lock($1, hashtext($2)) as ok',
          [space, name],
        );
        held = rows[0]?.ok === true;
        if (!held) return { ran: false };
        return { ran: true, value: await fn() };
      } finally {
        if (held)
          await client.query('select pg_advisory_unlock($1, hashtext($2))', [space, name]).catch(() => {});
        client.release();
      }
    },
    async withLock(key, fn) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [key]);
        return await fn();
      } finally {
        await client.query('select pg_advisory_unlock($1)', [key]).catch(() => {});
        client.release();
      }
    },
    queueExecutor: {
      async executeSql(text, values) {
        return pool.query(text, values);
      },
    },
    async close() {
      await db.destroy();
      // Kysely ends the pool only if it ever queried through it; `exec` and the queue use it directly.
      if (!pool.ending) await pool.end();
    },
  };
}

/**
 * Postgres settings of the embedded database, added to PGlite's own start parameters (which include `-F`:
 * no fsync; see docs/operations.md). Postgres zeroes its shared buffers at start, so all of them are resident
 * from the first second: PGlite's default of 128 MB would be most of an idle Vouch's memory. Pages beyond
 * them come from the operating system's file cache, and a query costs PGlite far more than such a read (see
 * docs/benchmarks.md).
 */
export const PGLITE_SETTINGS = ['shared_buffers=16MB'];

/** Opens embedded Postgres. `dataDir` undefined keeps it in memory (tests). */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    pgliteWasmModule: await pgliteWasm(),
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((setting) => ['-c', setting])],
    parsers: { [INT8_OID]: (v: string) => Number(v) },
  });
  const lock = new ConnectionLock(LOCK_TIMEOUT_MS);
  const db = new Kysely<Tables>({ dialect: new PGliteDialect(pglite, lock) });
  const held = new Set<string>();
  return {
    kind: 'pglite',
    db,
    async exec(script) {
      await lock.run(() => pglite.exec(script));
    },
    async withLock(_key, fn) {
      return fn();
    },
    async tryWithLock(space, name, fn) {
      const key = `${space}:${name}`;
      if (held.has(key)) return { ran: false };
      held.add(key);
      try {
        return { ran: true, value: await fn() };
      } finally {
        held.delete(key);
      }
    },
    queueExecutor: {
      async executeSql(text, values) {
        return lock.run(async () => {
          if (values && values.length > 0) return pglite.query(text, values);
          const results = await pglite.exec(text);
          return { rows: results.at(-1)?.rows ?? [] };
        });
      },
    },
    async close() {
      await db.destroy();
      await lock.run(() => pglite.close());
    },
  };
}
