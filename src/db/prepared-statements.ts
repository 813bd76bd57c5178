import pg from 'pg';

/** Uses of a statement's text before it is prepared: one-off texts stay unnamed. */
const USES_BEFORE_PREPARING = 3;
/** Distinct texts prepared at most: each is a plan kept on every server connection of the pool. */
const MAX_PREPARED = 400;
/** Distinct texts counted at most before the counts start over (texts with varying lists are many). */
const MAX_COUNTED = 10_000;

const names = new Map<string, string>();
const uses = new Map<string, number>();

/** The prepared statement's name for this text, once it has been used often enough; else undefined. */
export function statementName(text: string): string | undefined {
  const name = names.get(text);
  if (name !== undefined || names.size >= MAX_PREPARED) return name;
  const seen = (uses.get(text) ?? 0) + 1;
  if (seen < USES_BEFORE_PREPARING) {
    if (uses.size >= MAX_COUNTED) uses.clear();
    uses.set(text, seen);
    return undefined;
  }
  uses.delete(text);
  const created = `vouch_${names.size + 1}`;
  names.set(text, created);
  return created;
}

/**
 * A pg client that runs the statements Vouch repeats as named prepared statements: the server parses and
 * plans each once per connection instead of at every execution, which is about 40% of its work for the
 * short statements that applying Stripe events and serving the API consist of (docs/benchmarks.md). Only
 * statements with parameters are named (the others, such as migrations, may hold several statements).
 * Off with DATABASE_PREPARED_STATEMENTS=off, for a pooler that cannot keep them (PgBouncer in transaction
 * mode before 1.21).
 */
export class PreparingClient extends pg.Client {}

const plainQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
// pg's overloads cannot be restated one by one: every form is passed on, a repeated text with values named.
PreparingClient.prototype.query = function query(this: pg.Client, ...args: unknown[]) {
  const [text, values, ...rest] = args;
  if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
    const name = statementName(text);
    if (name !== undefined) return plainQuery.call(this, { name, text, values }, ...rest);
  }
  return plainQuery.apply(this, args);
} as pg.Client['query'];
