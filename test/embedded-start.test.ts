import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../src/db/database.js';
import { appliedVersion, loadMigrations, migrate } from '../src/db/migrate.js';
import { placeTemplate, writeTemplate } from '../src/db/pglite-template.js';
import { JobQueue } from '../src/jobs/queue.js';
import { jobDefinitions } from '../src/jobs/registry.js';
import { apiKeysService } from '../src/services/api-keys.js';

const shipped = loadMigrations();
let root: string;
let template: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'vouch-embedded-'));
  template = join(root, 'template');
  await writeTemplate(template, (database) => JobQueue.install(database, jobDefinitions), shipped);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A copy of the template whose manifest `change` edits. */
function alteredTemplate(
  name: string,
  change: (manifest: { pglite: string; 'pg-boss': string; migrations: string[] }) => void,
) {
  const dir = join(root, name);
  cpSync(template, dir, { recursive: true });
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  change(manifest);
  writeFileSync(file, JSON.stringify(manifest));
  return dir;
}

describe('the first embedded start', () => {
  it('begins from the template: migrated, the job queues in place, and a working database', async () => {
    const dataDir = join(root, 'first');
    mkdirSync(dataDir);
    expect(placeTemplate(join(dataDir, 'pgdata'), template, shipped)).toBe(true);
    expect(readdirSync(dataDir)).toEqual(['pgdata']);
    const database = await openPglite(join(dataDir, 'pgdata'));
    try {
      expect(await appliedVersion(database)).toBe(shipped.length);
      expect((await migrate(database, shipped)).applied).toEqual([]);
      const queues = await sql<{ name: string }>`select name from pgboss.queue order by name`.execute(
        database.db,
      );
      expect(queues.rows.map((q) => q.name)).toEqual(jobDefinitions.map((d) => d.name).sort());
      const keys = apiKeysService(database);
      const { secret } = await keys.create({ name: 'first', kind: 'secret' });
      expect((await keys.authenticate(`Bearer ${secret}`)).kind).toBe('secret');
    } finally {
      await database.close();
    }
  });

  it('also fills an empty pgdata directory', () => {
    const pgdata = join(root, 'empty', 'pgdata');
    mkdirSync(pgdata, { recursive: true });
    expect(placeTemplate(pgdata, template, shipped)).toBe(true);
    expect(existsSync(join(pgdata, 'PG_VERSION'))).toBe(true);
  });

  it('discards a copy that a killed start left half-made', () => {
    const pgdata = join(root, 'killed', 'pgdata');
    mkdirSync(`${pgdata}.new`, { recursive: true });
    writeFileSync(join(`${pgdata}.new`, 'half'), '');
    expect(placeTemplate(pgdata, template, shipped)).toBe(true);
    expect(readdirSync(join(root, 'killed'))).toEqual(['pgdata']);
    expect(existsSync(join(pgdata, 'half'))).toBe(false);
    expect(existsSync(join(pgdata, 'PG_VERSION'))).toBe(true);
  });

  it('never touches an existing cluster', () => {
    const pgdata = join(root, 'existing', 'pgdata');
    mkdirSync(pgdata, { recursive: true });
    writeFileSync(join(pgdata, 'PG_VERSION'), 'mine\n');
    expect(placeTemplate(pgdata, template, shipped)).toBe(false);
    expect(readdirSync(pgdata)).toEqual(['PG_VERSION']);
    expect(readFileSync(join(pgdata, 'PG_VERSION'), 'utf8')).toBe('mine\n');
  });

  it('does not use a template made from other migrations, another PGlite or pg-boss, nor a missing one', () => {
    const older = alteredTemplate('older', (m) => {
      m.migrations.pop();
    });
    const edited = alteredTemplate('edited', (m) => {
      m.migrations[0] = m.migrations[0]!.replace(/:[0-9a-f]+$/, ':0000');
    });
    const otherPglite = alteredTemplate('other-pglite', (m) => {
      m.pglite = '0.0.1';
    });
    const otherQueue = alteredTemplate('other-pg-boss', (m) => {
      m['pg-boss'] = '0.0.1';
    });
    for (const dir of [older, edited, otherPglite, otherQueue, join(root, 'no-such-template')]) {
      const pgdata = join(root, 'unused', 'pgdata');
      expect(placeTemplate(pgdata, dir, shipped)).toBe(false);
      expect(existsSync(pgdata)).toBe(false);
    }
  });
});

describe('the embedded database', () => {
  it('runs with small shared buffers, and its durability settings are those PGlite has always used', async () => {
    const pgdata = join(root, 'settings', 'pgdata');
    placeTemplate(pgdata, template, shipped);
    const database = await openPglite(pgdata);
    try {
      const setting = async (name: string) =>
        (await sql<{ v: string }>`select current_setting(${name}) as v`.execute(database.db)).rows[0]?.v;
      expect(await setting('shared_buffers')).toBe('16MB');
      // PGlite's own `-F` (no fsync), as before: a killed process loses nothing the kernel has been given.
      expect(await setting('fsync')).toBe('off');
      expect(await setting('synchronous_commit')).toBe('on');
      expect(await setting('full_page_writes')).toBe('on');
    } finally {
      await database.close();
    }
  });
});
