import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../src/db/database.js';
import { statementName } from '../src/db/prepared-statements.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';
import { onPostgres } from './helpers/test-target.js';

/**
 * Statements Vouch repeats run as named prepared statements on the Postgres server (parsed and planned once
 * per connection); a one-off text stays unnamed, and DATABASE_PREPARED_STATEMENTS=off turns naming off.
 */

describe('naming repeated statements', () => {
  it('names a text from its third use on, always the same name, and no other text by it', () => {
    const text = `select ${Math.random()} where $1`;
    expect([statementName(text), statementName(text)]).toEqual([undefined, undefined]);
    const name = statementName(text);
    expect(name).toMatch(/^vouch_\d+$/);
    expect(statementName(text)).toBe(name);
    const other = `select ${Math.random()} where $1`;
    statementName(other);
    statementName(other);
    expect(statementName(other)).not.toBe(name);
  });
});

describe.runIf(onPostgres())('prepared statements on the Postgres server', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  /** The statements prepared on the pool's one connection after a query ran there four times. */
  async function preparedAfterRepeats(preparedStatements: boolean): Promise<string[]> {
    const database = openPostgres(db.url!, 1, { preparedStatements });
    try {
      for (let i = 0; i < 4; i++) {
        const rows = await database.db
          .selectFrom('leads')
          .select('id')
          .where('email_normalized', '=', `nobody${i}@example.com`)
          .execute();
        expect(rows).toEqual([]);
      }
      const { rows } = await database.queueExecutor.executeSql(
        'select statement from pg_prepared_statements',
        [],
      );
      return rows.map((r) => String((r as { statement: string }).statement));
    } finally {
      await database.close();
    }
  }

  it('prepares a repeated statement once per connection', async () => {
    const prepared = await preparedAfterRepeats(true);
    expect(prepared.filter((s) => s.includes('"email_normalized" = $1'))).toHaveLength(1);
  });

  it('prepares none with DATABASE_PREPARED_STATEMENTS=off', async () => {
    expect(await preparedAfterRepeats(false)).toEqual([]);
  });
});
