/**
 * Which database the suite runs on: the Postgres server named by VOUCH_TEST_DATABASE_URL, or embedded
 * PGlite when it is unset. Each test file gets its own database (Postgres) or data dir (PGlite).
 */
export function testDatabaseUrl(): string | undefined {
  const url = process.env.VOUCH_TEST_DATABASE_URL?.trim();
  return url ? url : undefined;
}

export const onPostgres = () => testDatabaseUrl() !== undefined;

export function databaseUrlFor(url: string, name: string): string {
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}
