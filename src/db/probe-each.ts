import { type RawBuilder, sql } from 'kysely';

/**
 * The rows `query` finds for each of `keys` (the key given to it as `key`), one index probe per key of a page,
 * whatever the statistics say: a lateral join runs the query once for each key, with both the leading column
 * and the key as its index condition. Written as one
 * `where a = $1 and b in (...)`, a table that grew faster than it was analysed (a sync fills these tables
 * by the thousand a minute) is planned as a walk over every row with that `a`, filtered by the list: each
 * page then reads all the rows before it. `offset 0` keeps the planner from flattening the probe into that
 * plan.
 */
export const probeEach = <Row>(keys: string[], query: (key: RawBuilder<string>) => RawBuilder<unknown>) =>
  sql<Row>`
    select found.* from unnest(${keys}::text[]) as k(key)
    cross join lateral (${query(sql<string>`k.key`)} offset 0) as found`;
