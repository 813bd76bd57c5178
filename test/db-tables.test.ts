import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPglite, openPostgres } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { declaredTables } from './helpers/declared-tables.js';
import { processDatabase } from './helpers/vouch-process.js';

/**
 * The table types the queries are checked against (`src/db/tables.ts`) describe the schema the migrations
 * make: the same tables, the same columns, and null where a column can hold null. A difference would let a
 * query type-check yet fail, or read a null the code does not expect.
 */

let database: Database;
let server: { url: string | undefined; drop(): Promise<void> };
let dir: string | undefined;

beforeAll(async () => {
  server = await processDatabase('vouch_tables');
  if (server.url) database = openPostgres(server.url, 1);
  else {
    dir = mkdtempSync(join(tmpdir(), 'vouch-tables-'));
    database = await openPglite(join(dir, 'pgdata'));
  }
  await migrate(database);
});
afterAll(async () => {
  await database?.close();
  await server?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Column = { table_name: string; column_name: string; is_nullable: 'YES' | 'NO' };

async function migratedTables(): Promise<Map<string, Map<string, { nullable: boolean }>>> {
  const { rows } = await sql<Column>`
    select c.table_name, c.column_name, c.is_nullable
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position
  `.execute(database.db);
  const tables = new Map<string, Map<string, { nullable: boolean }>>();
  for (const r of rows) {
    const columns = tables.get(r.table_name) ?? new Map<string, { nullable: boolean }>();
    columns.set(r.column_name, { nullable: r.is_nullable === 'YES' });
    tables.set(r.table_name, columns);
  }
  return tables;
}

describe('src/db/tables.ts', () => {
  it('declares every table, column and nullability the migrations make, and nothing else', async () => {
    const declared = declaredTables();
    const migrated = await migratedTables();
    expect(migrated.size, 'the migrations made no tables').toBeGreaterThan(0);
    const differences: string[] = [];
    for (const [table, columns] of migrated) {
      const types = declared.get(table);
      if (!types) {
        differences.push(`table ${table} is in the schema but not declared in Tables`);
        continue;
      }
      for (const [column, { nullable }] of columns) {
        const type = types.get(column);
        if (!type) differences.push(`${table}.${column} is in the schema but not declared`);
        else if (type.nullable !== nullable)
          differences.push(
            nullable
              ? `${table}.${column} can be null in the schema but its declared type has no null`
              : `${table}.${column} is not null in the schema but its declared type allows null`,
          );
      }
      for (const column of types.keys())
        if (!columns.has(column)) differences.push(`${table}.${column} is declared but not in the schema`);
    }
    for (const table of declared.keys())
      if (!migrated.has(table))
        differences.push(`table ${table} is declared in Tables but not in the schema`);
    expect(differences).toEqual([]);
  });
});
