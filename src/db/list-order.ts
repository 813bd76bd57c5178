import { type RawBuilder, type SqlBool, sql } from 'kysely';

/**
 * One way to order a list: a value of the row (an SQL expression of the table under `alias`), then the id,
 * both in the same direction, so the order is total and a page can start after any row.
 */
export type ListOrder = {
  value: (alias: string) => RawBuilder<unknown>;
  descending: boolean;
};

/** The field a sort orders by: `-email` and `email` are both `email`. */
export type SortField<S extends string> = S extends `-${infer F}` ? F : S;

/** `-email` is `email`, descending. */
export function parseSort<S extends string>(sort: S): { field: SortField<S>; descending: boolean } {
  return sort.startsWith('-')
    ? { field: sort.slice(1) as SortField<S>, descending: true }
    : { field: sort as SortField<S>, descending: false };
}

/**
 * The rows after the row `anchorId` in this order (keyset paging). The anchor's value is read in the same
 * statement, so it is compared exactly as stored (timestamps keep their microseconds).
 */
export function afterRow(
  table: string,
  alias: string,
  order: ListOrder,
  anchorId: string,
): RawBuilder<SqlBool> {
  const operator = sql.raw(order.descending ? '<' : '>');
  const anchorValue = sql`(select ${order.value('anchor')} from ${sql.table(table)} as anchor where anchor.id = ${anchorId})`;
  return sql<SqlBool>`(${order.value(alias)}, ${sql.ref(`${alias}.id`)}) ${operator} (${anchorValue}, ${anchorId})`;
}

/** `%text%` for LIKE, the characters LIKE treats specially escaped (backslash is Postgres's escape). */
export function containing(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
}

/** Text compared byte by byte, so lists sort the same on every server whatever its locale. */
export const bytewise = (value: RawBuilder<unknown>) => sql`${value} collate "C"`;
