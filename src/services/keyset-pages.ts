/**
 * Every row a list query takes, `pageSize` at a time: each page is one keyset query starting after the last
 * row of the one before (`list` asks for one row more than the page, to know whether another follows), so
 * no more than a page is held at once.
 */
export async function* keysetPages<Row extends { id: string }, Item>(
  list: (page: { limit: number; startingAfter: string | undefined }) => Promise<Row[]>,
  present: (row: Row) => Item,
  pageSize: number,
): AsyncGenerator<Item[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await list({ limit: pageSize, startingAfter: after });
    const page = rows.slice(0, pageSize);
    yield page.map(present);
    if (rows.length <= pageSize) return;
    after = page.at(-1)!.id;
  }
}
