import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, openPglite } from './database.js';
import { loadMigrations, type Migration, migrate } from './migrate.js';

/**
 * A migrated, cleanly shut down embedded database cluster, made by `npm run build` next to the compiled
 * migrations (with the job queue's schema too, see scripts/build.mjs). A first start copies it instead of
 * creating a cluster (PGlite's initdb, in a second WebAssembly instance) and applying every migration.
 */
export const TEMPLATE_DIR = fileURLToPath(new URL('./pgdata-template/', import.meta.url));

type Manifest = { pglite: string; 'pg-boss': string; migrations: string[] };

/** The installed version of a package, from the package.json above its entry point. */
function packageVersion(name: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(name));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version: string };
      if (pkg.name === name) return pkg.version;
    }
    if (dirname(dir) === dir) throw new Error(`No package.json found for ${name}`);
    dir = dirname(dir);
  }
}

/** What a template holds: a cluster is only reused by the same PGlite, job queue and migrations. */
function manifestOf(migrations: Migration[]): Manifest {
  return {
    pglite: packageVersion('@electric-sql/pglite'),
    'pg-boss': packageVersion('pg-boss'),
    migrations: migrations.map((m) => `${m.version}:${m.name}:${m.checksum}`),
  };
}

/**
 * Makes the template in `dir`: a new cluster, all migrations applied, then `prepare` (the job queue's
 * schema), then closed with a shutdown checkpoint. The manifest is written last: no manifest, no template.
 */
export async function writeTemplate(
  dir: string,
  prepare: (database: Database) => Promise<void>,
  migrations = loadMigrations(),
): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  const database = await openPglite(join(dir, 'pgdata'));
  try {
    await migrate(database, migrations);
    await prepare(database);
  } finally {
    await database.close();
  }
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifestOf(migrations), null, 2)}\n`);
}

/**
 * Puts a copy of the template at `pgdata` when there is no cluster there yet (no directory, or an empty
 * one) and the template is current: same PGlite, same pg-boss, same migration files. The copy is made beside
 * it and renamed into place, so a start killed half-way leaves either no cluster or a whole one. False when
 * the template was not used; opening `pgdata` then creates a cluster as usual. The caller holds the data
 * dir lock.
 */
export function placeTemplate(pgdata: string, dir = TEMPLATE_DIR, migrations = loadMigrations()): boolean {
  if (existsSync(pgdata) && readdirSync(pgdata).length > 0) return false;
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return false; // no template: run from the sources, or not built
  }
  if (JSON.stringify(manifest) !== JSON.stringify(manifestOf(migrations))) return false;
  const staging = `${pgdata}.new`;
  rmSync(staging, { recursive: true, force: true });
  cpSync(join(dir, 'pgdata'), staging, { recursive: true });
  if (existsSync(pgdata)) rmdirSync(pgdata); // empty: checked above
  renameSync(staging, pgdata);
  return true;
}
