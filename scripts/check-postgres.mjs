// Exits 0 when the Postgres server at the given URL answers, 1 with the reason otherwise.
import pg from 'pg';

const url = process.argv[2];
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  const { rows } = await client.query('select version()');
  console.log(rows[0].version);
  await client.end();
} catch (error) {
  console.error(`Postgres is not reachable at ${url}: ${error.message}`);
  process.exit(1);
}
